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
def m002_directory(db: Database) -> None:
    # People and agencies share one table so that search, export and escalation targets treat
    # them alike; a person points at the agency entry they belong to.
    db["contacts"].create(
        {
            "id": int,
            "kind": str,  # "person" | "agency"
            "name": str,
            "position": str,
            "unit": str,  # phòng, ban, bộ phận inside the agency
            "agency": str,  # the agency's name as written
            "agency_id": int,  # the agency's own entry (kind = "agency"), when known
            "level": str,  # "xa" | "huyen" | "tinh" | "bo" | "" (the catalog's level keys)
            "email": str,
            "fields": str,  # JSON list of lĩnh vực
            "hours": str,
            "notes": str,
            "source": str,
            "verified": str,  # ISO date the details were last checked
            "match_key": str,  # folded "name|agency": how a re-import finds the same person
            "phone_digits": str,  # every phone's digit forms, for digit-substring search
            "search_name": str,  # folded shadow columns, see core.text.index_text
            "search_org": str,
            "search_body": str,
            "created": str,
            "updated": str,
        },
        pk="id",
        not_null={"kind", "name"},
        foreign_keys=[("agency_id", "contacts", "id")],
    )
    db["contacts"].create_index(["match_key"])
    db["contacts"].create_index(["kind", "match_key"])
    db["contacts"].create_index(["agency_id"])
    # Digit search scans this narrow covering index instead of the wide rows (3× faster).
    db["contacts"].create_index(["phone_digits"])
    db["contact_phones"].create(
        {"contact_id": int, "seq": int, "number": str, "ext": str, "kind": str},
        pk=("contact_id", "seq"),
        foreign_keys=[("contact_id", "contacts", "id")],
    )
    db["contact_phones"].create_index(["number"])
    # Procedure codes handled: not a foreign key, a contact may name a code the catalog lacks.
    db["contact_procedures"].create(
        {"contact_id": int, "code": str},
        pk=("contact_id", "code"),
        foreign_keys=[("contact_id", "contacts", "id")],
    )
    db["contact_procedures"].create_index(["code"])
    db["contact_fields"].create(
        {"contact_id": int, "folded": str},
        pk=("contact_id", "folded"),
        foreign_keys=[("contact_id", "contacts", "id")],
    )
    db["contact_fields"].create_index(["folded"])
    db["contacts"].enable_fts(
        ["search_name", "search_org", "search_body"],
        fts_version="FTS5",
        tokenize="unicode61",
        create_triggers=True,
    )
