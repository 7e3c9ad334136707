"""One window per data folder: a second start asks the running app to show its window, then
ends (``app.run_app``).

The running app listens on a local socket (``QLocalServer``: a Unix socket, or a named pipe
on Windows) named after its data folder, so a test or a second ``CHANNELMANAGER_HOME`` has an
instance of its own, and the demo (``<data dir>/demo``) too: the first-run wizard's demo
relaunch starts while the window that launched it is still quitting. The socket is the
user's own (``UserAccessOption``). Two starts in the same instant may both become first; the
socket left by a crash is removed and listened on again.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QAbstractSocket, QLocalServer, QLocalSocket

SHOW = b"show\n"
TIMEOUT_MS = 1000
log = logging.getLogger(__name__)


def instance_key(data_folder: Path, demo: bool = False) -> str:
    """The socket's name for this data folder (short: Unix socket paths are limited)."""
    folder = data_folder / "demo" if demo else data_folder
    digest = hashlib.sha256(str(folder.resolve()).encode("utf-8")).hexdigest()[:20]
    return f"channelmanager-{digest}"


def ask_running_to_show(key: str, timeout_ms: int = TIMEOUT_MS) -> bool:
    """True when an app listens on ``key`` and was told to show its window."""
    socket = QLocalSocket()
    socket.connectToServer(key)
    if not socket.waitForConnected(timeout_ms):
        return False
    socket.write(SHOW)
    sent = socket.waitForBytesWritten(timeout_ms)
    socket.disconnectFromServer()
    if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
        socket.waitForDisconnected(timeout_ms)
    return sent


class SingleInstance(QObject):
    """``claim()`` once at start; ``activated`` when a later start asks for the window."""

    activated = Signal()

    def __init__(self, key: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self._server: QLocalServer | None = None

    def claim(self) -> bool:
        """True: this is the first instance, now listening. False: another one runs and was
        asked to show its window. A socket that cannot be made is logged, and the app runs."""
        if ask_running_to_show(self.key):
            return False
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.key):
            if server.serverError() == QAbstractSocket.SocketError.AddressInUseError:
                if ask_running_to_show(self.key):
                    return False  # it started meanwhile
                QLocalServer.removeServer(self.key)  # left by a crash
            if not server.listen(self.key):
                log.warning("single instance: cannot listen on %s: %s", self.key,
                            server.errorString())  # fmt: skip
                return True
        server.newConnection.connect(self._on_connection)
        self._server = server
        return True

    def close(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None

    def _on_connection(self) -> None:
        """Each waiting connection is read once its bytes are in; the socket is the server's
        child until it disconnects."""
        assert self._server is not None
        while (socket := self._server.nextPendingConnection()) is not None:
            socket.readyRead.connect(self._on_ready_read)
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                self._read(socket)

    def _on_ready_read(self) -> None:
        socket = self.sender()
        if isinstance(socket, QLocalSocket):
            self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        if SHOW.strip() in bytes(socket.readAll().data()):
            log.info("another start asked for the window")
            self.activated.emit()
