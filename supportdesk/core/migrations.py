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
            "title_words": int,  # words in the name less a leading "Thủ tục": shorter = general
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
    # Full text over the folded columns; prefix indexes keep search-as-you-type fast.
    db.executescript(
        """
        CREATE VIRTUAL TABLE procedures_fts USING fts5(
            search_name, search_field, search_body,
            content='procedures', content_rowid='id', prefix='1 2 3'
        );
        -- Names again, keyed so that rowid order is "shortest title first": a name search
        -- stops after the first rows instead of ranking every match.
        CREATE VIRTUAL TABLE procedure_names USING fts5(search_name, prefix='1 2 3');
        -- Every word of every name, for typo correction (fts5vocab would scan the index).
        CREATE TABLE procedure_words (word TEXT PRIMARY KEY) WITHOUT ROWID;
        CREATE TRIGGER procedures_ai AFTER INSERT ON procedures BEGIN
            INSERT INTO procedures_fts(rowid, search_name, search_field, search_body)
            VALUES (new.id, new.search_name, new.search_field, new.search_body);
            INSERT INTO procedure_names(rowid, search_name)
            VALUES (new.title_words * 100000000 + new.id, new.search_name);
        END;
        CREATE TRIGGER procedures_ad AFTER DELETE ON procedures BEGIN
            INSERT INTO procedures_fts(procedures_fts, rowid, search_name, search_field,
                search_body)
            VALUES ('delete', old.id, old.search_name, old.search_field, old.search_body);
            DELETE FROM procedure_names WHERE rowid = old.title_words * 100000000 + old.id;
        END;
        CREATE TRIGGER procedures_au AFTER UPDATE ON procedures BEGIN
            INSERT INTO procedures_fts(procedures_fts, rowid, search_name, search_field,
                search_body)
            VALUES ('delete', old.id, old.search_name, old.search_field, old.search_body);
            INSERT INTO procedures_fts(rowid, search_name, search_field, search_body)
            VALUES (new.id, new.search_name, new.search_field, new.search_body);
            DELETE FROM procedure_names WHERE rowid = old.title_words * 100000000 + old.id;
            INSERT INTO procedure_names(rowid, search_name)
            VALUES (new.title_words * 100000000 + new.id, new.search_name);
        END;
        """
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
