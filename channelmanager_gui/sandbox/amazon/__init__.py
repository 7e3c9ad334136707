"""Amazon Selling Partner API sandbox: a local stand-in for SP-API (reference amazon-sp-api.md,
§5.2 is its checklist).

``AmazonSandbox`` serves it on loopback; ``AmazonState`` is its in-memory state.
"""

from .server import AmazonSandbox, demo_credentials
from .state import AmazonState

__all__ = ["AmazonSandbox", "AmazonState", "demo_credentials"]
