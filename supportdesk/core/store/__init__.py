"""The store: one SQLite file per data directory — opening, errors, migrations, backups, settings.

`connection` opens and migrates, `errors` turns SQLite failures into plain messages,
`migrations` holds the numbered schema steps, `backup` copies and checks, `settings` keeps
key/value settings (see docs/ARCHITECTURE.md)."""

from supportdesk.core.store.connection import backup_copy, connect, migrate, open_store
from supportdesk.core.store.errors import (
    StoreBusyError,
    StoreCorruptError,
    StoreError,
    StoreFullError,
    StoreReadOnlyError,
    StoreTooNewError,
    write_error,
)

__all__ = [
    "StoreBusyError",
    "StoreCorruptError",
    "StoreError",
    "StoreFullError",
    "StoreReadOnlyError",
    "StoreTooNewError",
    "backup_copy",
    "connect",
    "migrate",
    "open_store",
    "write_error",
]
