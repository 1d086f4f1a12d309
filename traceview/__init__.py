"""traceview: what really happened to an iOS app's background URLSession transfers."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("traceview")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0.0.0"

__all__ = ["__version__"]
