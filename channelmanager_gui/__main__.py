"""Allow ``python -m channelmanager_gui``."""

from channelmanager_gui.cli import main

raise SystemExit(main())
