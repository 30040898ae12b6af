"""Numbered schema migrations of the store, applied in order by core.db.

Append new migrations at the end; never edit one that has shipped. Names start with their number
so the order is visible in `_sqlite_migrations`."""

from __future__ import annotations

from sqlite_utils import Database, Migrations

migrations = Migrations("supportdesk")


@migrations()
def m001_settings_and_catalog(db: Database) -> None:
    db["settings"].create({"key": str, "value": str}, pk="key")
    db["procedures"].create(
        {
            "id": int,
            "code": str,
            "name": str,
            "levels": str,  # JSON list of level keys: xa, tinh, bo, huyen
            "level_text": str,
            "kind": str,
            "field": str,
            "target_groups": str,  # JSON list
            "competent_agency": str,
            "receiving_address": str,
            "authorized_agency": str,
            "coordinating_agency": str,
            "executing_agency": str,
            "related_procedures": str,
            "steps": str,
            "methods": str,  # JSON list of {channel, time_text, working_days, fee_text, …}
            "dossier": str,  # JSON list of {case, items: [{name, originals, copies, form}]}
            "legal_basis": str,  # JSON list of {title, number}
            "conditions": str,
            "result": str,
            "keywords": str,
            "description": str,
            "decision_number": str,
            "issuing_agency": str,
            "source_url": str,
            "updated": str,
            "has_details": int,  # 0 for a list-only row (Excel export): details still unknown
            "search_name": str,  # folded shadow columns, see core.text.index_text
            "search_field": str,
            "search_body": str,
        },
        pk="id",
        not_null={"code", "name"},
        defaults={"has_details": 0},
    )
    db["procedures"].create_index(["code"], unique=True)
    db["procedures"].create_index(["field"])
    db["procedures"].enable_fts(
        ["search_name", "search_field", "search_body"],
        fts_version="FTS5",
        tokenize="unicode61",
        create_triggers=True,
    )


@migrations()
def m004_sync(db: Database) -> None:
    # One row per revision of a period's summary, as it was when it was queued.
    db["sync_snapshots"].create(
        {
            "id": int,
            "period_type": str,
            "period_id": str,
            "revision": int,
            "content_sha256": str,
            "content": str,  # JSON: the payload's content part (core.sync.payload)
            "created_at": str,
        },
        pk="id",
        not_null={"period_type", "period_id", "revision", "content_sha256", "content"},
    )
    db["sync_snapshots"].create_index(["period_type", "period_id", "revision"], unique=True)
    db["sync_outbox"].create(
        {
            "submission_id": str,
            "snapshot_id": int,
            "period_type": str,
            "period_id": str,
            "revision": int,
            "payload": str,  # JSON, exactly as posted: the bytes must not change between retries
            "state": str,  # pending | in_flight | acked | rejected | superseded
            "attempts": int,
            "last_error": str,
            "receipt": str,
            "created_at": str,
            "updated_at": str,
            "acked_at": str,
        },
        pk="submission_id",
        foreign_keys=[("snapshot_id", "sync_snapshots", "id")],
        not_null={"payload", "state"},
        defaults={"attempts": 0, "last_error": "", "receipt": "", "acked_at": ""},
    )
    db["sync_outbox"].create_index(["state", "created_at"])
    # Catalogs pulled from the hub: the current version and the one before it.
    db["sync_catalogs"].create(
        {
            "name": str,
            "slot": str,  # current | previous
            "version": str,
            "sha256": str,
            "body": bytes,
            "installed_at": str,
        },
        pk=("name", "slot"),
    )
