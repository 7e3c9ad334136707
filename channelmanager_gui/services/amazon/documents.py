"""Feed and report documents: upload to and download from Amazon's presigned URLs (§4.6, §4.7).

The URLs point at S3, not SP-API: no access token goes with them, the upload's
``Content-Type`` must be exactly the one given to ``createFeedDocument`` (§4.6 step 2), and a
URL lives five minutes. Their signature is a credential for that document, so it is
registered for redaction before the URL can reach a log line. Documents may be GZIP-compressed
(``compressionAlgorithm``). Only https URLs are followed (http only to loopback, where the
local sandbox serves them).
"""

from __future__ import annotations

import gzip
from collections.abc import Awaitable, Callable
from typing import Protocol, TypeVar
from urllib.parse import parse_qsl, urlsplit

import httpx

from channelmanager_gui.errors import MalformedResponseError
from channelmanager_gui.services.amazon.core import AmazonCore, Reply
from channelmanager_gui.services.http import is_loopback, register_secret

_SIGNED_PARAMS = ("x-amz-signature", "x-amz-security-token", "signature")


class _Status(Protocol):
    @property
    def finished(self) -> bool: ...


S = TypeVar("S", bound=_Status)


class DocumentsApi(AmazonCore):
    async def _upload(self, url: str, content: bytes, content_type: str) -> None:
        """PUT the document bytes; repeatable (it overwrites the same document)."""
        await self.session.request(
            "PUT",
            _checked_url(url),
            content=content,
            headers={"Content-Type": content_type},
            repeatable=True,
            rate_key="documents",
        )

    async def _download(self, document: Reply) -> bytes:
        """Fetch a ``{url, compressionAlgorithm?}`` document and return its bytes, unzipped."""
        url = document.text("url")
        response = await self.session.request("GET", _checked_url(url), rate_key="documents")
        body = response.content
        algorithm = str(document.dig("compressionAlgorithm", default="") or "").upper()
        if algorithm == "GZIP" or body[:2] == b"\x1f\x8b":
            try:
                return gzip.decompress(body)
            except (OSError, EOFError) as exc:
                raise document.malformed("document", f"could not be unzipped ({exc})") from exc
        if algorithm:
            raise document.malformed("compressionAlgorithm", f"“{algorithm}” is not known")
        return body

    async def _poll(self, fetch: Callable[[], Awaitable[S]], interval: float, timeout: float) -> S:
        """``fetch`` until its status is finished or ``timeout`` seconds pass; the last one."""
        deadline = self.clock.now() + timeout
        while True:
            status = await fetch()
            if status.finished or self.clock.now() + interval > deadline:
                return status
            await self.clock.sleep(interval)


def _checked_url(url: str) -> str:
    try:
        parts = httpx.URL(url)
    except (httpx.InvalidURL, TypeError) as exc:
        raise _bad_url(url, str(exc)) from exc
    secure = parts.scheme == "https" or (parts.scheme == "http" and is_loopback(parts.host))
    if not secure or not parts.host:
        raise _bad_url(url, "it is not an https address")
    for key, value in parse_qsl(urlsplit(url).query):
        if key.lower() in _SIGNED_PARAMS:
            register_secret(value)
    return url


def _bad_url(url: str, why: str) -> MalformedResponseError:
    return MalformedResponseError(
        f"Amazon gave a document address we will not use: {why}",
        field="url",
        detail=urlsplit(url).netloc,
    )
