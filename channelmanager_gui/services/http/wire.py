"""One HTTP/1.1 keep-alive connection as an asyncio protocol, answers parsed by httptools.

Why not httpcore's connection: per request it goes through anyio cancel scopes, locks and
socket-attribute lookups, and h11's pure-Python parser; with the pool's check of every idle
connection that was ~0.55 ms of CPU per request, three quarters of the engine's HTTP cost
(an order takes 7 requests). Here a request is one ``write`` and the answer is parsed in C
as it arrives. The protocol also learns at once when the server closes the connection
(``connection_lost``), so an idle connection needs no socket poll before it is reused.

Failures are httpx's own exception types, so retries (``retry.maybe_sent``) read them as
before: a connection that drops before the whole answer arrived is ``RemoteProtocolError``
(the request may have reached the server), a garbled answer likewise.
"""

from __future__ import annotations

import asyncio
import time
from typing import cast

import httptools
import httpx


class Connection(asyncio.Protocol):
    """Carries one request at a time; ``usable`` says whether it may carry another."""

    def __init__(self) -> None:
        self.transport: asyncio.Transport | None = None
        self.closed = False
        self.idle_since = time.monotonic()
        self._parser = httptools.HttpResponseParser(self)
        self._answer: asyncio.Future[None] | None = None
        self._reason = b""
        self._headers: list[tuple[bytes, bytes]] = []
        self._body: list[bytes] = []
        self._keep_alive = False
        self._headers_done = False
        self._until_close = False  # no length, not chunked: the body ends with the connection
        self._no_body = False  # the answer to a HEAD request: headers only

    @property
    def usable(self) -> bool:
        return not self.closed and self._keep_alive

    def close(self) -> None:
        self.closed = True
        if self.transport is not None:
            self.transport.close()

    async def exchange(
        self, head: bytes, body: bytes, timeout: float | None, *, head_only: bool = False
    ) -> httpx.Response:
        """Send one request, wait for the whole answer (at most ``timeout`` s) and return it.
        ``head_only``: a HEAD request, whose answer has no body whatever its headers say.

        Anything but a complete answer closes the connection: its state is unknown."""
        assert self.transport is not None and self._answer is None
        self._reset()
        self._no_body = head_only
        answer = self._answer = asyncio.get_running_loop().create_future()
        complete = False
        try:
            self.transport.write(head + body)
            try:
                await asyncio.wait_for(answer, timeout)
            except TimeoutError:
                raise httpx.ReadTimeout("timed out waiting for the answer") from None
            complete = True
        finally:
            self._answer = None
            if not complete:
                self.close()
        self.idle_since = time.monotonic()
        return httpx.Response(
            self._parser.get_status_code(),
            headers=self._headers,
            stream=httpx.ByteStream(b"".join(self._body)),
            extensions={"http_version": b"HTTP/1.1", "reason_phrase": self._reason},
        )

    def _reset(self) -> None:
        self._reason, self._headers, self._body = b"", [], []
        self._keep_alive = self._headers_done = self._until_close = False

    # -- asyncio protocol -------------------------------------------------------------------

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = cast(asyncio.Transport, transport)  # uvloop's is not a subclass

    def data_received(self, data: bytes) -> None:
        if self._answer is None:  # nothing asked: the server is closing or talking nonsense
            self.close()
            return
        try:
            self._parser.feed_data(data)
        except httptools.HttpParserError as exc:
            self._fail(httpx.RemoteProtocolError(f"malformed HTTP answer: {exc}"))

    def connection_lost(self, exc: Exception | None) -> None:
        self.closed = True
        if self._until_close and self._headers_done:
            self._finish()  # the close is the end of this answer's body
        else:
            what = "in the middle of the answer" if self._headers_done else "without an answer"
            self._fail(httpx.RemoteProtocolError(f"the server closed the connection {what}"))

    # -- httptools callbacks ------------------------------------------------------------------

    def on_status(self, reason: bytes) -> None:
        self._reason += reason

    def on_header(self, name: bytes, value: bytes) -> None:
        self._headers.append((name, value))

    def on_headers_complete(self) -> None:
        self._headers_done = True
        self._keep_alive = self._parser.should_keep_alive()
        names = {name.lower() for name, _ in self._headers}
        self._until_close = b"content-length" not in names and b"transfer-encoding" not in names
        if self._no_body:  # the parser would wait for the body announced: not reused after
            self._keep_alive = False
            self._finish()

    def on_body(self, body: bytes) -> None:
        self._body.append(body)

    def on_message_complete(self) -> None:
        if 100 <= self._parser.get_status_code() < 200:  # interim (e.g. 103): the answer follows
            self._reset()
            return
        self._finish()

    # -- outcome ------------------------------------------------------------------------------

    def _finish(self) -> None:
        if self._answer is not None and not self._answer.done():
            self._answer.set_result(None)

    def _fail(self, error: Exception) -> None:
        if self._answer is not None and not self._answer.done():
            self._answer.set_exception(error)
        self.close()
