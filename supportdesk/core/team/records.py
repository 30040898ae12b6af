"""Whole records that replicate last-writer-wins: local directory entries, and the knowledge
base's articles once core.kb exists. A hook, not yet wired: see `KINDS`."""

from __future__ import annotations

from sqlite_utils import Database

# kind -> applier; empty until the directory and core.kb expose a global id and an upsert.
KINDS: dict[str, object] = {}


def apply(db: Database, kind: str, body: dict, hlc: int) -> None:
    KINDS[kind](db, body, hlc)
