"""traceview.lifecycle."""
