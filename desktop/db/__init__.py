"""Database access: engine and PRAGMAs, one transaction per user action, migrations, backups."""

from desktop.db.engine import Database, DatabaseError, open_database

__all__ = ["Database", "DatabaseError", "open_database"]
