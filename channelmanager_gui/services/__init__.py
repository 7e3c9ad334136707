"""Qt-free services: credentials, API clients, sync engine and outbox."""
