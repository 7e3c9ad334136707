"""The reliability harness: drives the real engine against the sandboxes and checks the result.

Not part of the product and not a stand-in either: it composes both (``sandbox`` servers,
``services`` engine, ``models`` database), so it lives outside them. ``chaos`` runs the merchant
and the faults, ``invariants`` states what must hold afterwards, ``remote_state`` reads what the
sandboxes hold. Used by ``tests/reliability`` and ``python -m channelmanager_gui.harness.chaos_run``
(docs/reliability.md).
"""
