"""Secrets in the OS keyring, and nowhere else.

Store tokens and client secrets through ``keyring`` under one service name. When the machine has
no usable backend (typically headless Linux without a Secret Service), we say so and explain the
fix; we never fall back to a plain-text file, because that would put secrets on disk silently.
"""

from __future__ import annotations

import logging

import keyring
import keyring.backend
import keyring.errors

from channelmanager_gui.errors import CredentialsError

log = logging.getLogger(__name__)

SERVICE = "channelmanager-gui"

FIX_HINT = (
    "Channel Manager keeps your store tokens and Walmart client secret in the system keyring, "
    "and none is available on this machine.\n\n"
    "How to fix it:\n"
    "• Linux desktop: install and unlock a Secret Service provider (GNOME Keyring or KWallet), "
    "e.g. `sudo apt install gnome-keyring` and log in again.\n"
    "• Headless Linux server: run the app inside a D-Bus session with gnome-keyring-daemon "
    "unlocked, or choose another secure backend with the PYTHON_KEYRING_BACKEND environment "
    "variable (see the README, section Configuration).\n"
    "• macOS and Windows have a keyring built in; if you see this there, check that the "
    "Keychain / Credential Manager is not locked."
)

# Backends that do not keep secrets safely: the "fail" and "null" stand-ins, and plain-text files.
_UNSAFE_MODULES = ("keyring.backends.fail", "keyring.backends.null", "keyrings.alt.file")
_UNSAFE_NAMES = ("PlaintextKeyring",)


def _unsafe(backend: keyring.backend.KeyringBackend) -> bool:
    kind = type(backend)
    if kind.__module__.startswith(_UNSAFE_MODULES) or kind.__name__ in _UNSAFE_NAMES:
        return True
    backends = getattr(backend, "backends", None)  # the chainer: usable if any member is
    if backends is not None:
        return not backends or all(_unsafe(b) for b in backends)
    return False


def keyring_problem() -> str | None:
    """None when a usable keyring exists, else a merchant-readable explanation with the fix."""
    try:
        backend = keyring.get_keyring()
    except Exception as exc:  # a broken keyring config raises anything
        log.error("keyring backend cannot be loaded: %s", exc)
        return FIX_HINT
    if _unsafe(backend):
        log.error("no usable keyring backend (found %s)", type(backend).__name__)
        return FIX_HINT
    return None


class CredentialStore:
    """Read, write and delete secrets of one service in the keyring."""

    def __init__(self, service: str = SERVICE) -> None:
        self.service = service

    def set(self, key: str, secret: str) -> None:
        if not secret:
            raise CredentialsError(f"An empty secret cannot be saved for {key}.")
        self._check()
        try:
            keyring.set_password(self.service, key, secret)
        except keyring.errors.KeyringError as exc:
            raise CredentialsError(f"The keyring refused to save {key}: {exc}") from exc

    def get(self, key: str) -> str | None:
        self._check()
        try:
            return keyring.get_password(self.service, key)
        except keyring.errors.KeyringError as exc:
            raise CredentialsError(f"The keyring could not read {key}: {exc}") from exc

    def require(self, key: str) -> str:
        """The secret, or a CredentialsError saying which one is missing."""
        value = self.get(key)
        if not value:
            raise CredentialsError(f"No secret is saved for {key}; add it in Settings.")
        return value

    def delete(self, key: str) -> None:
        self._check()
        try:
            keyring.delete_password(self.service, key)
        except keyring.errors.PasswordDeleteError:
            return  # already absent: deleting is idempotent
        except keyring.errors.KeyringError as exc:
            raise CredentialsError(f"The keyring could not delete {key}: {exc}") from exc

    def _check(self) -> None:
        problem = keyring_problem()
        if problem:
            raise CredentialsError(problem)
