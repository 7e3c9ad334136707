"""Where the app keeps its data: the platform data dir, or ``$CHANNELMANAGER_HOME``.

Tests and headless runs set CHANNELMANAGER_HOME so nothing touches the merchant's real data.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "ChannelManager"
HOME_ENV = "CHANNELMANAGER_HOME"


def data_dir() -> Path:
    """The data folder, created on first use."""
    override = os.environ.get(HOME_ENV)
    path = Path(override).expanduser() if override else Path(platformdirs.user_data_dir(APP_NAME))
    path.mkdir(parents=True, exist_ok=True)
    return path


def database_path() -> Path:
    return data_dir() / "channelmanager.sqlite3"


def log_path() -> Path:
    logs = data_dir() / "logs"
    logs.mkdir(exist_ok=True)
    return logs / "channelmanager.log"


def backup_dir() -> Path:
    backups = data_dir() / "backups"
    backups.mkdir(exist_ok=True)
    return backups
