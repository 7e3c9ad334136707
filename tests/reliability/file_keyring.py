"""TEST ONLY — never shipped or configured for users: a keyring backend that keeps secrets in a
JSON file, so a ``channelmanager-gui`` subprocess and the test that started it share them.

The crash tests run the real headless sync as a child process that the test kills with SIGKILL;
its secrets must come from the keyring like a merchant's (``KeyringSecrets``), and the
in-memory test keyring lives in the test process only. Selected in the child with
``PYTHON_KEYRING_BACKEND=tests.reliability.file_keyring.TestFileKeyring`` and the file named by
``CM_TEST_KEYRING_FILE``. The file holds throwaway sandbox credentials in a temp dir.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from jaraco.classes.properties import classproperty
from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

FILE_ENV = "CM_TEST_KEYRING_FILE"


class TestFileKeyring(KeyringBackend):
    __test__ = False  # not a pytest test class

    @classproperty
    def priority(cls) -> float:
        """Viable only where the variable names its file: keyring instantiates every backend
        class it knows when it looks for one, and must never pick this one by itself."""
        if FILE_ENV not in os.environ:
            raise RuntimeError(f"test-only keyring: {FILE_ENV} is not set")
        return 1

    def __init__(self, path: Path | None = None) -> None:
        super().__init__()
        self.path = path or Path(os.environ.get(FILE_ENV, "keyring.json"))

    def _load(self) -> dict[str, str]:
        if not self.path.exists():
            return {}
        data: dict[str, str] = json.loads(self.path.read_text(encoding="utf-8"))
        return data

    def _save(self, data: dict[str, str]) -> None:
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(data), encoding="utf-8")
        tmp.replace(self.path)

    def get_password(self, service: str, username: str) -> str | None:
        return self._load().get(f"{service}\n{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        data = self._load()
        data[f"{service}\n{username}"] = password
        self._save(data)

    def delete_password(self, service: str, username: str) -> None:
        data = self._load()
        if data.pop(f"{service}\n{username}", None) is None:
            raise PasswordDeleteError(username)
        self._save(data)
