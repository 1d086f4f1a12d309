"""traceview.report."""
