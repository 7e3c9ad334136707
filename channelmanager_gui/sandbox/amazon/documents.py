"""Feed and report documents and the presigned URLs they travel by (reference §4.6 step 1–2, 5).

Amazon hands out S3 URLs; the sandbox serves them itself under ``/_s3/``: ``PUT`` with exactly
the ``Content-Type`` given to ``createFeedDocument`` uploads, ``GET`` downloads a result. A URL
lives five minutes of the sandbox clock; S3's own XML errors answer a wrong signature, a wrong
content type or an expired URL. No SP-API token is needed there (it is S3, not SP-API).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

if TYPE_CHECKING:
    from .state import AmazonState

URL_SECONDS = 300.0


@dataclass
class Document:
    doc_id: str
    content_type: str
    content: bytes | None = None


class DocumentStore:
    def __init__(self, clock: Callable[[], float]) -> None:
        self._clock = clock
        self._key = secrets.token_bytes(16)
        self._lock = threading.Lock()
        self._docs: dict[str, Document] = {}

    def create(self, content_type: str, content: bytes | None = None) -> Document:
        doc = Document(f"amzn1.tortuga.4.na.{secrets.token_hex(16)}", content_type, content)
        with self._lock:
            self._docs[doc.doc_id] = doc
        return doc

    def get(self, doc_id: str) -> Document | None:
        with self._lock:
            return self._docs.get(doc_id)

    def _sign(self, doc_id: str, expires: int) -> str:
        return hmac.new(self._key, f"{doc_id}:{expires}".encode(), hashlib.sha256).hexdigest()

    def url(self, base: str, doc_id: str) -> str:
        expires = int(self._clock() + URL_SECONDS)
        sig = self._sign(doc_id, expires)
        return f"{base.rstrip('/')}/_s3/{doc_id}?X-Amz-Expires={expires}&X-Amz-Signature={sig}"

    def check_url(self, doc_id: str, expires: str, signature: str) -> str | None:
        """None when the URL is good, else S3's error code."""
        if not expires.isdigit() or not hmac.compare_digest(
            self._sign(doc_id, int(expires)), signature
        ):
            return "SignatureDoesNotMatch"
        if int(expires) < self._clock():
            return "AccessDenied"
        return None if self.get(doc_id) else "NoSuchKey"


def s3_error(status: int, code: str, message: str) -> Response:
    body = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f"<Error><Code>{code}</Code><Message>{message}</Message></Error>"
    )
    return Response(body, status_code=status, media_type="application/xml")


MESSAGES = {
    "SignatureDoesNotMatch": (
        "The request signature we calculated does not match the signature you provided."
    ),
    "AccessDenied": "Request has expired",
    "NoSuchKey": "The specified key does not exist.",
}


def _checked(request: Request) -> tuple[AmazonState, str, Response | None]:
    state: AmazonState = request.app.state.amazon
    doc_id = request.path_params["doc_id"]
    q = request.query_params
    code = state.documents.check_url(
        doc_id, q.get("X-Amz-Expires", ""), q.get("X-Amz-Signature", "")
    )
    if code is None:
        return state, doc_id, None
    return state, doc_id, s3_error(404 if code == "NoSuchKey" else 403, code, MESSAGES[code])


async def upload(request: Request) -> Response:
    state, doc_id, error = _checked(request)
    if error:
        return error
    doc = state.documents.get(doc_id)
    assert doc is not None
    if request.headers.get("content-type") != doc.content_type:
        # The content type is part of the presigned request; any other one breaks the signature.
        return s3_error(403, "SignatureDoesNotMatch", MESSAGES["SignatureDoesNotMatch"])
    doc.content = await request.body()
    return Response(status_code=200)


async def download(request: Request) -> Response:
    state, doc_id, error = _checked(request)
    if error:
        return error
    doc = state.documents.get(doc_id)
    assert doc is not None
    return Response(doc.content or b"", media_type=doc.content_type)


ROUTES = [
    Route("/_s3/{doc_id}", upload, methods=["PUT"]),
    Route("/_s3/{doc_id}", download, methods=["GET"]),
]
