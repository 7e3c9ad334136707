"""Build the one ``httpx.AsyncClient`` each API client uses: TLS verified, bounded, time-limited.

Certificates, proxy and User-Agent come from ``network``. TLS verification has no off switch:
a merchant's API keys must never travel to a host whose certificate we did not check. Plain
``http://`` is allowed only to loopback, where the sandbox servers and local test doubles live.
A test ``transport`` (``httpx.MockTransport``) skips the network entirely and with it TLS.
The transport is httpx's own (httpcore): a home-made pool once saved ~0.5 ms of CPU per
request, invisible under Walmart's pacing, and was ours to keep right for every TLS, proxy and
protocol corner (issue 17).
"""

from __future__ import annotations

import ipaddress

import httpx

from channelmanager_gui.errors import ValidationError
from channelmanager_gui.services.http.network import proxy_for, tls_context, user_agent
from channelmanager_gui.text_marks import T_

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


_NOT_AN_ADDRESS = T_("CoreText", "“{url}” is not a valid web address ({error})")
_NO_HOST = T_("CoreText", "“{url}” must start with https:// and name a host")
_PLAIN_HTTP = T_(
    "CoreText", "“{url}” uses plain http; use https:// (http is allowed only for localhost)"
)


def check_base_url(url: str, *, field: str = "base_url") -> str:
    """Return the base URL without a trailing slash, or raise ``ValidationError`` naming ``field``.

    Accepts https to any host and http to loopback only; rejects credentials, query strings and
    fragments in the URL (they would leak into logs or break path joining).
    """
    text = (url or "").strip()
    try:
        parsed = httpx.URL(text)
    except (httpx.InvalidURL, TypeError, ValueError) as exc:
        sentence = _NOT_AN_ADDRESS.format(url=text, error=exc)
        raise ValidationError(field, sentence) from exc
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise ValidationError(field, _NO_HOST.format(url=text))
    if parsed.scheme == "http" and not is_loopback(parsed.host):
        raise ValidationError(field, _PLAIN_HTTP.format(url=text))
    if parsed.userinfo or parsed.query or parsed.fragment:
        raise ValidationError(
            field,
            T_(
                "CoreText",
                "the address must not contain a user name, password, query or fragment",
            ).format(),
        )
    return text.rstrip("/")


def build_client(
    base_url: str,
    *,
    transport: httpx.AsyncBaseTransport | None = None,
    timeout: httpx.Timeout = DEFAULT_TIMEOUT,
    limits: httpx.Limits = DEFAULT_LIMITS,
    headers: dict[str, str] | None = None,
) -> httpx.AsyncClient:
    """An ``httpx.AsyncClient`` for ``base_url`` (checked with ``check_base_url``), TLS verified
    against the system's trust store, through the system's proxy, naming the app in its
    User-Agent (see ``network``).

    Redirects are not followed: an API that redirects is misconfigured (or the URL is wrong),
    and following could re-send credentials to another host. Requests go through httpx's own
    transport (httpcore's pool, at most ``limits.max_connections`` requests to the host at
    once; ``retries=0``: our retry layer alone decides what is sent again, see ``retry``).
    ``trust_env`` is off: the proxy is chosen here (httpx's own reading of the environment
    misses the OS bypass lists and would send the sandbox on loopback through the proxy), and
    no ``.netrc`` password is added. The cookie jar is httpx's: these APIs authenticate every
    request with headers, so a cookie a CDN or load balancer sets is only returned to its host.
    """
    checked = check_base_url(base_url)
    headers = {"User-Agent": user_agent(), **(headers or {})}
    if transport is None:
        url = httpx.URL(checked)
        # A proxy cannot reach the merchant's own machine, where the sandbox servers live.
        proxy = None if is_loopback(url.host) else proxy_for(url)
        transport = httpx.AsyncHTTPTransport(
            verify=tls_context(), limits=limits, proxy=proxy, retries=0, trust_env=False
        )
    return httpx.AsyncClient(
        base_url=checked,
        transport=transport,
        timeout=timeout,
        headers=headers,
        follow_redirects=False,
        trust_env=False,
    )
