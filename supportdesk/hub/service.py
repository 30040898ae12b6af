"""What the hub does for a commune: enrollment, authentication, summary ingest, catalogs.

Every function returns plain data (or raises HubError with the HTTP status), so the FastAPI
layer only translates; the same functions serve the benchmark and the admin commands."""

from __future__ import annotations

import hashlib
import json
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime

from supportdesk.core.errors import UserError
from supportdesk.core.sync import payload as payload_mod
from supportdesk.hub import schema
from supportdesk.hub.storage import Storage


class HubError(UserError):
    """A request the hub refuses, with its HTTP status and a machine-readable code."""

    def __init__(self, status: int, code: str, message: str, **extra):
        super().__init__(message)
        self.status, self.code, self.extra = status, code, extra

    def body(self) -> dict:
        return {"error": self.code, "message": str(self), **self.extra}


@dataclass
class Commune:
    code: str
    install_id: str


def utcnow() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def secret_hash(secret: str) -> str:
    # Tokens and codes are long random strings, so a plain digest is enough (no stretching).
    # Codes are read aloud and retyped: case, spaces and hyphens do not count.
    cleaned = "".join(secret.split()).replace("-", "").upper()
    return hashlib.sha256(cleaned.encode()).hexdigest()


def authenticate(storage: Storage, authorization: str | None) -> Commune:
    scheme, _, token = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise HubError(401, "unauthorized", "missing bearer token")
    with storage.tx(write=False) as db:
        row = db.one(
            "SELECT code, install_id FROM communes WHERE token_hash = ? AND revoked_at IS NULL",
            [secret_hash(token)],
        )
    if row is None:
        raise HubError(401, "unauthorized", "unknown or revoked token")
    return Commune(row[0], row[1] or "")


def enroll(storage: Storage, code: str, install_id: str, commune_code: str = "") -> dict:
    """Trade a one-time enrollment code for the commune's token, bound to one installation.

    The UPDATE … WHERE enroll_hash = ? is the single-use guarantee: of two racing requests
    with one code, only one can change the row."""
    if not install_id or len(install_id) > 100:
        raise HubError(422, "invalid", "install_id is required")
    token = secrets.token_urlsafe(32).upper()
    now = utcnow()
    with storage.tx() as db:
        row = db.one(
            "SELECT code FROM communes WHERE enroll_hash = ? AND enroll_expires > ?",
            [secret_hash(code), now],
        )
        if row is None or (commune_code and row[0] != commune_code):
            raise HubError(403, "bad_code", "enrollment code unknown, used or expired")
        cur = db.execute(
            "UPDATE communes SET token_hash = ?, install_id = ?, enroll_hash = NULL, "
            "enroll_expires = NULL, revoked_at = NULL, last_seen_at = ? "
            "WHERE code = ? AND enroll_hash = ?",
            [secret_hash(token), install_id, now, row[0], secret_hash(code)],
        )
        if cur.rowcount != 1:
            raise HubError(403, "bad_code", "enrollment code already used")
        name = db.one("SELECT name FROM communes WHERE code = ?", [row[0]])[0]
    return {"commune_code": row[0], "commune_name": name, "token": token}


def ingest(storage: Storage, commune: Commune, body: dict) -> dict:
    """Store one submission of an authenticated commune; see `_ingest`."""
    return _ingest(storage, body, "c.code = ?", commune.code)


def ingest_authorized(storage: Storage, authorization: str | None, body: dict) -> dict:
    """Authenticate and store in one: the token is looked up in the same statement as every
    check (one round trip fewer per POST, which is what 50 clients on PostgreSQL feel)."""
    scheme, _, token = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise HubError(401, "unauthorized", "missing bearer token")
    return _ingest(storage, body, "c.token_hash = ? AND c.revoked_at IS NULL", secret_hash(token))


def _ingest(storage: Storage, body: dict, who_sql: str, who: str) -> dict:
    """Store one submission; replays return the original receipt.

    Order of answers: same id → its receipt (or 409 conflict when the content differs); locked
    period → 409 locked; a newer revision already here → 409 stale. The `latest` row only ever
    moves forward (ON CONFLICT … WHERE excluded.revision > latest.revision), which is what makes
    out-of-order and concurrent arrivals end with the newest revision."""
    errors = schema.problems(body)
    if errors:
        raise HubError(422, "invalid", "; ".join(errors[:10]), errors=errors[:50])
    canonical = payload_mod.canonical(body)  # once: hashed and stored
    digest = hashlib.sha256(canonical).hexdigest()
    sid = body["submission_id"]
    ptype, pid, revision = body["period"]["type"], body["period"]["id"], body["revision"]
    if storage.postgres:
        receipt = _fast_pg(storage, body, who_sql, who, canonical, digest)
        if receipt is not None:
            if body.get("hourly"):  # the fast path stores the submission alone (issue 17)
                from supportdesk.hub import spikes

                with storage.tx() as db:
                    spikes.record(db, receipt["commune_code"], body["hourly"])
            return receipt
    # The checks one by one, to answer why (or a replay's receipt). On PostgreSQL the checks
    # and the write are one autocommit statement each (the write an atomic CTE); on SQLite both
    # run under the single writer's lock.
    with storage.tx(write=not storage.postgres) as db:
        found = db.one(
            "SELECT c.code, c.install_id, "
            "(SELECT content_sha256 FROM submissions WHERE submission_id = ?), "
            "(SELECT receipt FROM submissions WHERE submission_id = ?), "
            "EXISTS (SELECT 1 FROM locked_periods WHERE period_type = ? AND period_id = ?), "
            "EXISTS (SELECT 1 FROM locked_communes l WHERE l.code = c.code), "
            "(SELECT revision FROM latest WHERE commune_code = c.code AND period_type = ? "
            f"AND period_id = ?) FROM communes c WHERE {who_sql}",
            [sid, sid, ptype, pid, ptype, pid, who],
        )
        if found is None:
            raise HubError(401, "unauthorized", "unknown or revoked token")
        code, install, stored_digest, stored_receipt, period_locked, commune_locked, latest = found
        if body["commune_code"] != code:
            raise HubError(403, "wrong_commune", "token belongs to another commune")
        if install and body["install_id"] != install:
            raise HubError(403, "wrong_install", "token is bound to another installation")
        if stored_digest is not None:  # a replay: the original receipt, or a conflict
            if stored_digest != digest:
                raise HubError(409, "conflict", "this submission id was used with other content")
            return json.loads(stored_receipt)
        if period_locked:
            raise HubError(409, "locked", f"period {pid} is locked")
        if commune_locked:
            raise HubError(409, "locked", f"commune {code} is locked by the province")
        if latest is not None and latest >= revision:
            raise HubError(409, "stale", "a newer revision is already stored", latest=latest)
        now = utcnow()
        receipt = {
            "status": "accepted",
            "submission_id": sid,
            "commune_code": code,
            "period": {"type": ptype, "id": pid},
            "revision": revision,
            "received_at": now,
            "content_sha256": digest,
        }
        row = [sid, code, ptype, pid, revision, digest, canonical.decode(),
               json.dumps(receipt), now]  # fmt: skip
        inserted = (_store_pg if storage.postgres else _store_sqlite)(db, row)
        if inserted and body.get("hourly"):  # requests per hour and topic (issue 17)
            from supportdesk.hub import spikes

            spikes.record(db, code, body["hourly"])
    if inserted:
        return receipt
    # Lost a race: another request stored this id (a replay) or this revision (a conflict).
    replay = _replay(storage, sid, digest)
    if replay is not None:
        return replay
    raise HubError(409, "conflict", "this revision was already stored with another submission")


def _receipt(body: dict, digest: str, now: str) -> dict:
    period = body["period"]
    return {
        "status": "accepted",
        "submission_id": body["submission_id"],
        "commune_code": body["commune_code"],
        "period": {"type": period["type"], "id": period["id"]},
        "revision": body["revision"],
        "received_at": now,
        "content_sha256": digest,
    }


def _fast_pg(storage: Storage, body: dict, who_sql: str, who: str, canonical: bytes,
             digest: str) -> dict | None:  # fmt: skip
    """The usual case on PostgreSQL in one round trip: the token, the install, the locks and
    the revision checked and the submission stored by one atomic statement. None when nothing
    was stored; the caller then runs the checks one by one to say why (or finds a replay)."""
    code, sid, period = body["commune_code"], body["submission_id"], body["period"]
    ptype, pid, revision = period["type"], period["id"], body["revision"]
    now = utcnow()
    receipt = _receipt(body, digest, now)
    with storage.tx(write=False) as db:
        found = db.one(
            "WITH who AS (SELECT c.code FROM communes c WHERE " + who_sql + " AND c.code = ? "
            "AND (coalesce(c.install_id, '') = '' OR c.install_id = ?) "
            "AND NOT EXISTS (SELECT 1 FROM locked_communes l WHERE l.code = c.code) "
            "AND NOT EXISTS (SELECT 1 FROM locked_periods WHERE period_type = ? "
            "AND period_id = ?) AND coalesce((SELECT revision FROM latest WHERE "
            "commune_code = c.code AND period_type = ? AND period_id = ?), 0) < ?), "
            "ins AS (INSERT INTO submissions (submission_id, commune_code, period_type, "
            "period_id, revision, content_sha256, body, receipt, received_at) "
            "SELECT ?, code, ?, ?, ?, ?, ?, ?, ? FROM who ON CONFLICT DO NOTHING "
            "RETURNING submission_id), " + _PG_AFTER_INSERT,
            [who, code, body["install_id"], ptype, pid, ptype, pid, revision,
             sid, ptype, pid, revision, digest, canonical.decode(), json.dumps(receipt), now,
             code, ptype, pid, revision, now, now, code],
        )  # fmt: skip
    return receipt if found[0] == 1 else None


def _store_sqlite(db, row: list) -> bool:
    sid, code, ptype, pid, revision, *_rest, now = row
    cur = db.execute(
        "INSERT INTO submissions (submission_id, commune_code, period_type, period_id, "
        "revision, content_sha256, body, receipt, received_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
        row,
    )
    if cur.rowcount != 1:
        return False
    db.execute(LATEST_UPSERT, [code, ptype, pid, revision, sid, now])
    db.execute("UPDATE communes SET last_seen_at = ? WHERE code = ?", [now, code])
    return True


# `latest` only ever moves forward, whatever order concurrent revisions arrive in.
LATEST_UPSERT = (
    "INSERT INTO latest (commune_code, period_type, period_id, revision, submission_id, "
    "received_at) VALUES (?, ?, ?, ?, ?, ?) "
    "ON CONFLICT (commune_code, period_type, period_id) DO UPDATE SET "
    "revision = excluded.revision, submission_id = excluded.submission_id, "
    "received_at = excluded.received_at WHERE excluded.revision > latest.revision"
)


# On PostgreSQL, after an `ins` CTE that returns the submission id it stored (if any): `latest`
# moves forward (LATEST_UPSERT's rule), the commune is seen, and the count says whether it was
# stored. Its parameters: code, period type, period id, revision, now, now, code.
_PG_AFTER_INSERT = (
    "lat AS (INSERT INTO latest (commune_code, period_type, period_id, revision, "
    "submission_id, received_at) SELECT ?, ?, ?, ?, submission_id, ? FROM ins "
    "ON CONFLICT (commune_code, period_type, period_id) DO UPDATE SET "
    "revision = excluded.revision, submission_id = excluded.submission_id, "
    "received_at = excluded.received_at WHERE excluded.revision > latest.revision), "
    "seen AS (UPDATE communes SET last_seen_at = ? WHERE code = ? "
    "AND EXISTS (SELECT 1 FROM ins)) SELECT count(*) FROM ins"
)


def _store_pg(db, row: list) -> bool:
    """The three writes as one statement: atomic on its own, one round trip."""
    sid, code, ptype, pid, revision, *_rest, now = row
    found = db.one(
        "WITH ins AS (INSERT INTO submissions (submission_id, commune_code, period_type, "
        "period_id, revision, content_sha256, body, receipt, received_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING submission_id), "
        + _PG_AFTER_INSERT,
        [*row, code, ptype, pid, revision, now, now, code],
    )
    return found[0] == 1


def _replay(storage: Storage, sid: str, digest: str) -> dict | None:
    with storage.tx(write=False) as db:
        return _replay_in(db, sid, digest)


def _replay_in(db, sid: str, digest: str) -> dict | None:
    row = db.one("SELECT content_sha256, receipt FROM submissions WHERE submission_id = ?", [sid])
    if row is None:
        return None
    if row[0] != digest:
        raise HubError(409, "conflict", "this submission id was used with other content")
    return json.loads(row[1])


def submissions_of(storage: Storage, commune: Commune) -> list[dict]:
    """Reconciliation: the latest revision the hub holds for each of the commune's periods."""
    with storage.tx(write=False) as db:
        rows = db.all(
            "SELECT period_type, period_id, revision, submission_id, received_at FROM latest "
            "WHERE commune_code = ? ORDER BY period_type, period_id",
            [commune.code],
        )
    keys = ("period_type", "period_id", "revision", "submission_id", "received_at")
    return [dict(zip(keys, r)) for r in rows]


def catalog_list(storage: Storage) -> list[dict]:
    with storage.tx(write=False) as db:
        rows = db.all(
            "SELECT c.name, c.version, c.sha256, c.size, c.published_at FROM catalog_current k "
            "JOIN catalogs c ON c.name = k.name AND c.version = k.version ORDER BY c.name"
        )
    keys = ("name", "version", "sha256", "size", "published_at")
    return [dict(zip(keys, r)) for r in rows]


def catalog_body(storage: Storage, name: str) -> tuple[str, str, bytes]:
    """(version, sha256, bytes) of a catalog's current version."""
    with storage.tx(write=False) as db:
        row = db.one(
            "SELECT c.version, c.sha256, c.body FROM catalog_current k JOIN catalogs c "
            "ON c.name = k.name AND c.version = k.version WHERE k.name = ?",
            [name],
        )
    if row is None:
        raise HubError(404, "not_found", f"no catalog named {name}")
    return row[0], row[1], bytes(row[2])
