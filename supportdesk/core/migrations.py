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
