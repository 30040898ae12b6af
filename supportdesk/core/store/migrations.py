"""Numbered schema migrations of the store, applied in order by core.store.connection.

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
        defaults={"kind": "person"},
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


@migrations()
def m003_requests(db: Database) -> None:

    db["categories"].create(
        {
            "code": str,
            "name": str,
            "service_unit": str,  # "hours" (office hours from intake) or "days" (working days)
            "service_value": int,
            "position": int,
            "active": int,  # categories are retired, never deleted: old requests point at them
        },
        pk="code",
        not_null={"name", "service_unit", "service_value"},
        defaults={"active": 1, "position": 0},
    )
    # The shipped topics are seed data, loaded by core.store.connection (the one seeding path).
    db["requests"].create(
        {
            "id": int,
            "ticket": str,
            "commune_code": str,
            "year": int,  # Vietnam-time year of intake; tickets count from 1 each year
            "seq": int,
            "requester_kind": str,
            "requester_name": str,
            "requester_phone": str,
            "requester_id_number": str,
            "requester_unit": str,
            "channel": str,
            "category": str,
            "procedure_code": str,
            "summary": str,
            "description": str,
            "priority": str,
            "assignee": str,
            "status": str,
            "created_at": str,  # UTC ISO-8601, seconds: text order is time order
            "updated_at": str,
            "due_at": str,
            "warn_at": str,  # 80 % of the service time used: "due soon" from here on
            "due_days": int,  # an explicit appointment in working days, else NULL
            "paused_minutes": float,  # office minutes spent waiting for the requester
            "waiting_since": str,
            "resolved_at": str,
            "on_time": int,
            "resolution": str,
            "closed_at": str,
            "escalated_at": str,
            "escalated_to": str,
            "escalated_contact_id": int,
            "escalation_ref": str,
            "anonymised_at": str,
            "search_text": str,  # folded ticket, summary, description, name and phone digits
        },
        pk="id",
        not_null={"ticket", "year", "seq", "category", "summary", "status", "created_at"},
        foreign_keys=[("category", "categories", "code")],
        defaults={"paused_minutes": 0.0, "commune_code": ""},
    )
    db["requests"].create_index(["commune_code", "year", "seq"], unique=True)
    # Covering indexes for core.tickets.stats: a month is read from the index, not 200,000 rows.
    db["requests"].create_index(
        ["created_at", "category", "status", "due_at", "waiting_since", "escalated_at", "assignee"],
        index_name="idx_requests_received",
    )
    db["requests"].create_index(
        ["resolved_at", "category", "created_at", "on_time", "assignee"],
        index_name="idx_requests_resolved",
    )
    db["requests"].create_index(["status", "due_at"])
    db["requests"].create_index(["category"])  # rowid order within a category: newest first
    db["requests"].create_index(["assignee"])
    db["requests"].create_index(["escalated_at"])
    db["requests"].create_index(["ticket"])
    # External-content FTS, with its own triggers: the update trigger fires only when the
    # searched text changes, so status changes do not rewrite the index.
    # executescript would commit half-way through the migration's transaction: one by one.
    for statement in _REQUESTS_FTS:
        db.execute(statement)
    db["request_events"].create(
        {
            "id": int,
            "request_id": int,
            "at": str,
            "actor": str,
            "action": str,  # created, status, assign, escalate, note, edit, anonymise
            "from_status": str,
            "to_status": str,
            "changes": str,  # JSON {field: [old, new]}; personal fields say only "changed"
            "note": str,
        },
        pk="id",
        foreign_keys=[("request_id", "requests", "id")],
    )
    db["request_events"].create_index(["request_id", "id"])


_REQUESTS_FTS = (
    """CREATE VIRTUAL TABLE requests_fts USING fts5(
        search_text, content='requests', content_rowid='id', tokenize='unicode61'
    )""",
    """CREATE TRIGGER requests_fts_ai AFTER INSERT ON requests BEGIN
        INSERT INTO requests_fts(rowid, search_text) VALUES (new.id, new.search_text);
    END""",
    """CREATE TRIGGER requests_fts_au AFTER UPDATE OF search_text ON requests BEGIN
        INSERT INTO requests_fts(requests_fts, rowid, search_text)
            VALUES ('delete', old.id, old.search_text);
        INSERT INTO requests_fts(rowid, search_text) VALUES (new.id, new.search_text);
    END""",
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


@migrations()
def m005_request_search_by_phone_tails(db: Database) -> None:
    """Issue 12: a request is found by any run of 4 or more of its phone's digits; the search
    words of every request are written again with the tails of its phone number."""
    from supportdesk.core.tickets.log import search_text_of

    rows = db.execute(
        "SELECT id, ticket, seq, summary, description, requester_name, requester_unit, "
        "procedure_code, requester_phone FROM requests WHERE coalesce(requester_phone, '') != ''"
    )
    columns = [d[0] for d in rows.description]
    changed = [(search_text_of(dict(zip(columns, r))), r[0]) for r in rows.fetchall()]
    db.conn.executemany("UPDATE requests SET search_text = ? WHERE id = ?", changed)


@migrations()
def m007_knowledge_base(db: Database) -> None:
    # Articles carry a global id (uuid) and updated_at so that desks of one team can replicate
    # their local articles later (issue 18), and the province's catalog can update them in place.
    db["kb_articles"].create(
        {
            "id": int,
            "uuid": str,
            "title": str,
            "symptoms": str,
            "steps": str,  # JSON list of the fix's steps, in order
            "topics": str,  # JSON list of request category codes
            "systems": str,  # JSON list of system keys (core.kb.model.SYSTEMS)
            "procedures": str,  # JSON list of procedure codes
            "audience": str,  # staff | citizen
            "source": str,  # URL of the official guidance, or the unit that wrote it
            "status": str,  # draft | published | retired
            "origin": str,  # commune | province
            "sample": int,  # 1: shipped starter text, still to be reviewed by the province
            "notes": str,
            "created_at": str,
            "updated_at": str,
            "search_title": str,  # folded shadow columns, see core.text.index_text
            "search_symptoms": str,
            "search_body": str,
            "search_status": str,  # the status as an FTS column: MATCH filters it, no join
        },
        pk="id",
        not_null={"uuid", "title", "status", "origin", "audience"},
        defaults={"status": "draft", "origin": "commune", "audience": "staff", "sample": 0},
    )
    db["kb_articles"].create_index(["uuid"], unique=True)
    db["kb_articles"].create_index(["status", "updated_at"])
    for statement in _KB_FTS:
        db.execute(statement)
    # What the team did with an article: shown (suggested) or applied to a request.
    db["kb_usage"].create(
        {"id": int, "article_uuid": str, "request_id": int, "action": str, "at": str},
        pk="id",
        not_null={"article_uuid", "action", "at"},
    )
    db["kb_usage"].create_index(["article_uuid", "action"])
    db["kb_usage"].create_index(["request_id"])
    # Live notices from the province, as last pulled from the hub (replaced as a whole).
    db["kb_notices"].create(
        {
            "id": str,
            "text": str,
            "topic": str,
            "starts_at": str,
            "until": str,
            "posted_at": str,
            "received_at": str,
        },
        pk="id",
    )
    # Articles proposed to the province, waiting to be sent (their own small outbox).
    db["kb_proposals"].create(
        {
            "proposal_id": str,
            "article_uuid": str,
            "payload": str,  # JSON exactly as posted
            "state": str,  # pending | acked | rejected
            "attempts": int,
            "last_error": str,
            "created_at": str,
            "sent_at": str,
        },
        pk="proposal_id",
        not_null={"payload", "state"},
        defaults={"attempts": 0, "last_error": ""},
    )
    db["kb_proposals"].create_index(["state", "created_at"])
    # The starter articles are seeded by core.store.connection, after the topics they name.


_KB_FTS = (
    """CREATE VIRTUAL TABLE kb_fts USING fts5(
        search_title, search_symptoms, search_body, search_status, content='kb_articles',
        content_rowid='id', tokenize='unicode61', prefix='1 2 3'
    )""",
    """CREATE TRIGGER kb_fts_ai AFTER INSERT ON kb_articles BEGIN
        INSERT INTO kb_fts(rowid, search_title, search_symptoms, search_body, search_status)
            VALUES (new.id, new.search_title, new.search_symptoms, new.search_body,
                    new.search_status);
    END""",
    """CREATE TRIGGER kb_fts_au AFTER UPDATE OF search_title, search_symptoms, search_body,
        search_status ON kb_articles BEGIN
        INSERT INTO kb_fts(
            kb_fts, rowid, search_title, search_symptoms, search_body, search_status
        )
            VALUES ('delete', old.id, old.search_title, old.search_symptoms, old.search_body,
                    old.search_status);
        INSERT INTO kb_fts(rowid, search_title, search_symptoms, search_body, search_status)
            VALUES (new.id, new.search_title, new.search_symptoms, new.search_body,
                    new.search_status);
    END""",
    """CREATE TRIGGER kb_fts_ad AFTER DELETE ON kb_articles BEGIN
        INSERT INTO kb_fts(
            kb_fts, rowid, search_title, search_symptoms, search_body, search_status
        )
            VALUES ('delete', old.id, old.search_title, old.search_symptoms, old.search_body,
                    old.search_status);
    END""",
    # The index's words, for correcting a typo against words the articles really use.
    "CREATE VIRTUAL TABLE kb_vocab USING fts5vocab(kb_fts, 'row')",
)


@migrations()
def m008_team(db: Database) -> None:
    """Global ids and hybrid-logical-clock stamps for replication between a commune's desks
    (core.team). Existing requests keep their tickets; they become this desk's history."""
    from supportdesk.core.team import backfill

    backfill.upgrade(db)


@migrations()
def m009_contact_ranking_index(db: Database) -> None:
    # Who handles a procedure ranks every contact it found by level, kind and name: read from
    # this narrow index instead of the wide contact rows, 5,000 contacts rank in about a
    # millisecond (core.directory.searching.for_procedure, issue 19).
    db.execute("CREATE INDEX idx_contacts_order ON contacts (id, level, kind, name)")


@migrations()
def m010_contact_uids(db: Database) -> None:
    """Directory entries get a global id and an origin, so the commune's own entries replicate
    between the team's desks (core.directory.shared, core.team.contacts); the commune's existing
    entries enter the change feed, so a desk that joins a team later brings them along."""
    from supportdesk.core.directory import entries, shared

    db.execute("ALTER TABLE contacts ADD COLUMN uid TEXT")
    db.execute("ALTER TABLE contacts ADD COLUMN origin TEXT NOT NULL DEFAULT 'commune'")
    # The catalog's agencies, written by core.directory.agencies with this source until now.
    db.execute(
        "UPDATE contacts SET origin = 'province' "
        "WHERE source = 'Danh mục TTHC (Cổng Dịch vụ công quốc gia)'"
    )
    rows = db.execute("SELECT id, origin, match_key FROM contacts ORDER BY id").fetchall()
    for contact_id, origin, match_key in rows:
        uid = shared.new_uid(db, origin, match_key or str(contact_id))
        db.execute("UPDATE contacts SET uid = ? WHERE id = ?", [uid, contact_id])
    db.execute("CREATE UNIQUE INDEX idx_contacts_uid ON contacts (uid)")
    # Agencies first: a person's item names its agency, which must be placed before it.
    for contact_id, updated in db.execute(
        "SELECT id, updated FROM contacts WHERE origin = 'commune' ORDER BY kind, id"
    ).fetchall():
        rec = entries._record(db, contact_id)
        shared.publish(db, shared.body(db, contact_id, rec, updated or ""))
