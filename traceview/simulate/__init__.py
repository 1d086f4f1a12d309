"""traceview.simulate."""
