"""traceview.signals."""
