"""Build the one ``httpx.AsyncClient`` each API client uses: TLS verified, bounded, time-limited.

Certificates, proxy and User-Agent come from ``network``. TLS verification has no off switch:
a merchant's API keys must never travel to a host whose certificate we did not check. Plain
``http://`` is allowed only to loopback, where the sandbox servers and local test doubles live.
A test ``transport`` (``httpx.MockTransport``) skips the network entirely and with it TLS.
"""

from __future__ import annotations

import ipaddress

import httpx

from channelmanager_gui.errors import ValidationError
from channelmanager_gui.services.http.network import proxy_for, tls_context, user_agent
from channelmanager_gui.services.http.pool import PooledTransport

DEFAULT_TIMEOUT = httpx.Timeout(connect=10.0, read=60.0, write=60.0, pool=30.0)
# Keep every connection we allow alive: with fewer, the outbox worker's 8 parallel actions
# closed and reopened a connection on almost every request (850 connects for 100 orders).
DEFAULT_LIMITS = httpx.Limits(max_connections=10, max_keepalive_connections=10, keepalive_expiry=20)
_LOOPBACK_NAMES = {"localhost", "localhost.localdomain"}


def is_loopback(host: str) -> bool:
    """True for localhost, 127.0.0.0/8 and ::1."""
    host = host.strip("[]").lower()
    if host in _LOOPBACK_NAMES or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_base_url(url: str, *, field: str = "base_url") -> str:
    """Return the base URL without a trailing slash, or raise ``ValidationError`` naming ``field``.

    Accepts https to any host and http to loopback only; rejects credentials, query strings and
    fragments in the URL (they would leak into logs or break path joining).
    """
    text = (url or "").strip()
    try:
        parsed = httpx.URL(text)
    except (httpx.InvalidURL, TypeError, ValueError) as exc:
        raise ValidationError(field, f"“{text}” is not a valid web address ({exc})") from exc
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise ValidationError(field, f"“{text}” must start with https:// and name a host")
    if parsed.scheme == "http" and not is_loopback(parsed.host):
        raise ValidationError(
            field, f"“{text}” uses plain http; use https:// (http is allowed only for localhost)"
        )
    if parsed.userinfo or parsed.query or parsed.fragment:
        raise ValidationError(
            field, "the address must not contain a user name, password, query or fragment"
        )
    return text.rstrip("/")


class _NoCookies(httpx.Cookies):
    """A jar that keeps nothing from the answers."""

    def extract_cookies(self, response: httpx.Response) -> None:
        return None


class ApiClient(httpx.AsyncClient):
    """httpx's client without its cookie jar. These APIs authenticate every request with
    headers and need no cookie back, while filing each answer's cookies (a urllib request
    and cookie parsing per answer) was ~8% of the engine's CPU per order."""

    @property
    def cookies(self) -> httpx.Cookies:
        return _NO_COOKIES

    @cookies.setter
    def cookies(self, cookies: object) -> None:
        """httpx's constructor sets the jar; there is none to set."""


_NO_COOKIES = _NoCookies()


def build_client(
    base_url: str,
    *,
    transport: httpx.AsyncBaseTransport | None = None,
    timeout: httpx.Timeout = DEFAULT_TIMEOUT,
    limits: httpx.Limits = DEFAULT_LIMITS,
    headers: dict[str, str] | None = None,
) -> httpx.AsyncClient:
    """An :class:`ApiClient` for ``base_url`` (checked with ``check_base_url``), TLS verified
    against the system's trust store, through the system's proxy, naming the app in its
    User-Agent (see ``network``).

    Redirects are not followed: an API that redirects is misconfigured (or the URL is wrong),
    and following could re-send credentials to another host. Requests go through
    :class:`~channelmanager_gui.services.http.pool.PooledTransport` (see there why), except
    through a proxy, which keeps httpx's own transport (at httpcore's cost per request).
    ``trust_env`` is off: the proxy is chosen here, and no ``.netrc`` password is added.
    """
    checked = check_base_url(base_url)
    headers = {"User-Agent": user_agent(), **(headers or {})}
    if transport is not None:
        return ApiClient(
            base_url=checked,
            transport=transport,
            timeout=timeout,
            headers=headers,
            follow_redirects=False,
        )
    context = tls_context()
    url = httpx.URL(checked)
    # A proxy cannot reach the merchant's own machine, where the sandbox servers live.
    proxy = None if is_loopback(url.host) else proxy_for(url)
    pooled = None if proxy else PooledTransport(ssl_context=context, limits=limits)
    return ApiClient(
        base_url=checked,
        transport=pooled,
        proxy=proxy,
        verify=context,
        timeout=timeout,
        limits=limits,
        headers=headers,
        follow_redirects=False,
        trust_env=False,
    )
