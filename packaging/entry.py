"""PyInstaller's script for the bundle: the same entry as ``python -m channelmanager_gui``.

The bundle's executable is also the sync engine child (``launcher.ENGINE_CHILD_ARG``) and the
demo relaunch, so everything goes through ``start.main``.
"""

from channelmanager_gui.start import main

raise SystemExit(main())
