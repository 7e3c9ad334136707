"""Walmart Marketplace sandbox: a local stand-in for the US Seller API v3 (reference §1–§11).

``WalmartSandbox`` serves it on loopback; ``WalmartState`` is its in-memory state.
"""

from .server import WalmartSandbox
from .state import WalmartState

__all__ = ["WalmartSandbox", "WalmartState"]
