"""traceview.parsing."""
