"""Channel Manager desktop: sell a Commerce catalog on Walmart Marketplace from the desktop."""

__version__ = "0.1.0"
