"""Channel Manager desktop: sell a Commerce catalog on Walmart Marketplace from the desktop."""

from importlib import metadata

try:
    # pyproject's version, as installed: one place to change it (About box, --version, the
    # User-Agent of every request).
    __version__ = metadata.version("channelmanager-gui")
except metadata.PackageNotFoundError:  # a source tree that was never installed
    __version__ = "0+unknown"
