"""The network as the merchant's machine has it: its certificates, its proxy, and a name.

- **Certificates.** The operating system's trust store through ``truststore`` (the Keychain on
  macOS, the certificate store on Windows, OpenSSL's default paths on Linux — the system bundle,
  or ``SSL_CERT_FILE`` / ``SSL_CERT_DIR`` when set), not certifi's copy of Mozilla's list: a
  company CA or a TLS-inspecting proxy the IT department installed is trusted as the
  merchant's browser trusts it. Verification stays on (no off switch).
- **Proxy.** ``HTTPS_PROXY`` / ``HTTP_PROXY`` / ``ALL_PROXY`` less ``NO_PROXY``; when the
  environment names none, the system settings Python can read: macOS's System Configuration
  and the Windows registry (``urllib.request.getproxies``), with their bypass lists. Not
  covered: proxy auto-configuration (PAC/WPAD scripts) and Linux desktop settings (GNOME/KDE)
  that are not exported as environment variables.
- **User-Agent.** Every request names the app and its version, so a merchant's or a
  marketplace's support can tell our calls apart in their logs.
"""

from __future__ import annotations

import ssl
import urllib.request

import httpx
import truststore

from channelmanager_gui import __version__


def tls_context() -> ssl.SSLContext:
    """A client context verifying against the system trust store (hostname checked, TLS 1.2+).

    One per client: truststore reads the store when a connection is opened, so a CA the
    merchant installs is trusted from the next connection on."""
    context = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    return context


def proxy_for(url: httpx.URL) -> str | None:
    """The proxy that requests to ``url`` go through, or None to go straight out: the
    environment first (as every command-line tool reads it), else the OS settings on macOS
    and Windows."""
    proxies = urllib.request.getproxies()
    proxy = proxies.get(url.scheme) or proxies.get("all")
    if not proxy or urllib.request.proxy_bypass(url.host):  # type: ignore[attr-defined]
        return None
    return proxy


def user_agent() -> str:
    """``ChannelManagerDesktop/<version> python-httpx/<version>`` (RFC 9110 §10.1.5 products)."""
    return f"ChannelManagerDesktop/{__version__} python-httpx/{httpx.__version__}"
