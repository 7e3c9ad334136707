"""Adobe Commerce / Magento Open Source REST API sandbox (reference: commerce-rest-api.md).

Start one with ``CommerceSandbox(seed=1, products=300).start()``; clients talk to
``<url>/rest/V1/...`` with ``Authorization: Bearer <token>``. The merchant's admin actions and
inspection live under ``<url>/_sandbox/``.
"""

from channelmanager_gui.sandbox.commerce.server import CommerceSandbox, demo_token
from channelmanager_gui.sandbox.commerce.state import CommerceState

__all__ = ["CommerceSandbox", "CommerceState", "demo_token"]
