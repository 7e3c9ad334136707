"""Allow ``python -m channelmanager_gui`` (also the app bundle's entry, see ``start``)."""

from channelmanager_gui.start import main

raise SystemExit(main())
