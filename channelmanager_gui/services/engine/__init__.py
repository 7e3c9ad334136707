"""The sync engine: loops that pull from Walmart and Commerce, and outbox handlers that push.

Qt-free; the window and ``channelmanager-gui sync`` run the same engine.
"""
