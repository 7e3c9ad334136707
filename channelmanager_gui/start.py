"""The one entry point of ``python -m channelmanager_gui`` and of the app bundle's executable:
the sync engine child when the first argument is ``launcher.ENGINE_CHILD_ARG``, else the CLI
(the window without a subcommand). Kept apart from ``launcher``, which the core imports: this
one imports the CLI and, through it, the window.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from channelmanager_gui.launcher import ENGINE_CHILD_ARG


def main(argv: Sequence[str] | None = None) -> int:
    """Run the engine child or the CLI with ``argv`` (``sys.argv[1:]`` by default)."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == [ENGINE_CHILD_ARG]:
        # Imported here: the child needs neither the CLI's commands nor Qt.
        from channelmanager_gui.services import engine_child

        return engine_child.main(args[1:])
    from channelmanager_gui.cli import main as cli_main

    return cli_main(args)
