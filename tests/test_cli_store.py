"""``channelmanager-gui store`` end to end, in process."""

from __future__ import annotations

import json

import pytest

from channelmanager_gui.cli import main
from channelmanager_gui.cli.common import database
from channelmanager_gui.services import stores
from channelmanager_gui.services.engine.settings import StoreSettings
from tests.memory_keyring import MemoryKeyring


@pytest.fixture
def secrets_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CM_COMMERCE_TOKEN", "tok-123456789")
    monkeypatch.setenv("CM_WALMART_CLIENT_ID", "cid-1")
    monkeypatch.setenv("CM_WALMART_CLIENT_SECRET", "csec-123456789")


ADD = [
    "store",
    "add",
    "--name",
    "Shop",
    "--commerce-url",
    "https://shop.example.com",
    "--walmart-url",
    "https://marketplace.walmartapis.com",
]


@pytest.mark.usefixtures("secrets_env")
def test_add_list_remove(capsys: pytest.CaptureFixture[str], memory_keyring: MemoryKeyring) -> None:
    assert main(ADD) == 0
    assert ("channelmanager-gui", "store:1:walmart_client_secret") in memory_keyring.secrets
    capsys.readouterr()
    assert main(["store", "list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["name"] for r in rows] == ["Shop"]
    assert "tok-123456789" not in json.dumps(rows)
    assert main(["store", "remove", "Shop"]) == 0
    assert memory_keyring.secrets == {}


@pytest.mark.usefixtures("secrets_env")
def test_duplicate_name_fails_with_message(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(ADD) == 0
    assert main(ADD) == 1
    assert "already exists" in capsys.readouterr().err


def test_missing_secret_fails_and_saves_nothing(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CM_COMMERCE_TOKEN", raising=False)
    assert main(ADD) == 1
    assert "commerce_token" in capsys.readouterr().err
    assert main(["store", "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_usage_error_exits_2() -> None:
    with pytest.raises(SystemExit) as exc:
        main(["store", "add", "--name"])
    assert exc.value.code == 2


@pytest.mark.parametrize("command", [["sync"], ["store"], ["sandbox"], []])
def test_help_for_each_command(command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main([*command, "--help"])
    assert exc.value.code == 0
    assert "usage: channelmanager-gui" in capsys.readouterr().out


@pytest.mark.usefixtures("secrets_env")
def test_add_with_a_ship_from_source(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*ADD, "--ship-source-code", "east"]) == 0
    with database() as db:
        (store,) = stores.list_stores(db)
    assert StoreSettings.from_json(store.settings).ship_source_code == "east"
    assert main([*ADD[:3], "Other", *ADD[4:], "--ship-source-code", "east 2"]) == 1
    assert "source code without spaces" in capsys.readouterr().err
