"""traceview.rules."""
