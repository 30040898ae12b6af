"""A mark written with every change of the catalog, so that what is derived from it and kept
in memory (the search vocabulary of core.catalog.ranking) knows when to be rebuilt."""

from __future__ import annotations

import uuid

from sqlite_utils import Database

from supportdesk.core.store import settings

SETTING = "catalog_change"


def mark(db: Database) -> None:
    """Say that the catalog changed, in the writer's transaction. A fresh token rather than a
    counter, so a rolled-back change can never be mistaken for a later one."""
    settings.put(db, SETTING, uuid.uuid4().hex)


def current(db: Database) -> str:
    return settings.get(db, SETTING)
