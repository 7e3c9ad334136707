"""Local database: SQLAlchemy 2 schema, queries and Alembic migrations (Qt-free)."""
