"""Qt widgets and dialogs of the window. Only this package, app.py and qt_async.py import Qt."""
