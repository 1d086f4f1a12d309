"""traceview.sources."""
