"""Administration of the hub: communes, enrollment codes, catalogs, locks, status."""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import secrets
from datetime import UTC, datetime, timedelta
from pathlib import Path

from supportdesk.hub.service import HubError, secret_hash, utcnow
from supportdesk.hub.storage import Storage

MAX_CATALOG = 64 * 1024 * 1024  # what a desk accepts at most (core.sync.catalogs.HARD_LIMIT)

# No 0/O, 1/I/L: the code is read over the phone to a commune.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
ENROLL_VALID_DAYS = 14


def new_enrollment_code() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(12))
    return "-".join(raw[i : i + 4] for i in range(0, 12, 4))


def add_commune(storage: Storage, code: str, name: str = "") -> str:
    """Register a commune (or re-issue its code) and return a one-time enrollment code.

    The commune's current token keeps working until the new code is used."""
    if not (len(code) == 5 and code.isdigit()):
        raise HubError(422, "invalid", "commune code must be 5 digits")
    enrollment = new_enrollment_code()
    expires = (datetime.now(UTC) + timedelta(days=ENROLL_VALID_DAYS)).isoformat()
    with storage.tx() as db:
        db.execute(
            "INSERT INTO communes (code, name, enroll_hash, enroll_expires, created_at) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT (code) DO UPDATE SET "
            "enroll_hash = excluded.enroll_hash, enroll_expires = excluded.enroll_expires",
            [code, name, secret_hash(enrollment), expires, utcnow()],
        )
        if name:
            db.execute("UPDATE communes SET name = ? WHERE code = ?", [name, code])
    return enrollment


def revoke(storage: Storage, code: str) -> bool:
    """Invalidate the commune's token and any unused enrollment code."""
    with storage.tx() as db:
        cur = db.execute(
            "UPDATE communes SET token_hash = NULL, enroll_hash = NULL, revoked_at = ? "
            "WHERE code = ?",
            [utcnow(), code],
        )
        return cur.rowcount == 1


def lock_period(storage: Storage, period_type: str, period_id: str) -> None:
    """Close a period: later submissions for it are refused with 409 locked."""
    with storage.tx() as db:
        db.execute(
            "INSERT INTO locked_periods (period_type, period_id, locked_at) VALUES (?, ?, ?) "
            "ON CONFLICT DO NOTHING",
            [period_type, period_id, utcnow()],
        )


def publish_catalog(
    storage: Storage, path: Path | str, name: str | None = None, version: str | None = None
) -> dict:
    """Make a catalog file the current version of its name; communes pull it on next sync.

    The file may be gzip-compressed, as the catalog ships (`procedures.json.gz`): the JSON inside
    is what is published, and what desks download and check against its sha256."""
    body = _unzipped(Path(path).read_bytes())
    try:
        doc = json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise HubError(422, "invalid", f"catalog is not JSON: {exc}") from exc
    digest = hashlib.sha256(body).hexdigest()
    name = name or _catalog_name(doc)
    version = version or str(doc.get("version") or "") or digest[:12]
    with storage.tx() as db:
        row = db.one("SELECT sha256 FROM catalogs WHERE name = ? AND version = ?", [name, version])
        if row and row[0] != digest:
            raise HubError(409, "conflict", f"{name} {version} was published with other content")
        if row is None:
            db.execute(
                "INSERT INTO catalogs (name, version, sha256, size, body, published_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                [name, version, digest, len(body), body, utcnow()],
            )
        db.execute(
            "INSERT INTO catalog_current (name, version) VALUES (?, ?) "
            "ON CONFLICT (name) DO UPDATE SET version = excluded.version",
            [name, version],
        )
    return {"name": name, "version": version, "sha256": digest, "size": len(body)}


def _unzipped(body: bytes) -> bytes:
    if not body.startswith(b"\x1f\x8b"):
        return body
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(body)) as packed:
            plain = packed.read(MAX_CATALOG + 1)
    except (OSError, EOFError) as exc:
        raise HubError(422, "invalid", f"catalog is a broken gzip file: {exc}") from exc
    if len(plain) > MAX_CATALOG:  # no catalog is near this: a gzip bomb or the wrong file
        raise HubError(413, "too_large", "catalog is larger than 64 MB once unpacked")
    return plain


def _catalog_name(doc: object) -> str:
    fmt = doc.get("format", "") if isinstance(doc, dict) else ""
    if fmt == "supportdesk-catalog/1":
        return "procedures"
    if fmt.startswith("supportdesk-") and "/" in fmt:
        return fmt.removeprefix("supportdesk-").split("/")[0]
    raise HubError(422, "invalid", "unknown catalog format; give --name")


def status(storage: Storage) -> list[dict]:
    """Per commune: periods reported with their latest revision, last seen, enrolled or not."""
    with storage.tx(write=False) as db:
        communes = db.all(
            "SELECT code, name, token_hash IS NOT NULL, revoked_at, last_seen_at FROM communes "
            "ORDER BY code"
        )
        latest = db.all(
            "SELECT commune_code, period_type, period_id, revision FROM latest "
            "ORDER BY commune_code, period_type, period_id"
        )
    periods: dict[str, list[dict]] = {}
    for code, ptype, pid, revision in latest:
        periods.setdefault(code, []).append({"type": ptype, "id": pid, "revision": revision})
    return [
        {
            "commune_code": code,
            "name": name,
            "enrolled": bool(enrolled),
            "revoked_at": revoked,
            "last_seen_at": seen,
            "periods": periods.get(code, []),
            "latest_revision": max((p["revision"] for p in periods.get(code, [])), default=0),
        }
        for code, name, enrolled, revoked, seen in communes
    ]


def lock_commune(storage: Storage, code: str, locked: bool = True) -> bool:
    """Stop (or allow again) a commune's submissions, e.g. while its figures are checked; its
    stored data stays. False when the commune is unknown."""
    with storage.tx() as db:
        if db.one("SELECT 1 FROM communes WHERE code = ?", [code]) is None:
            return False
        if locked:
            db.execute(
                "INSERT INTO locked_communes (code, locked_at) VALUES (?, ?) "
                "ON CONFLICT DO NOTHING",
                [code, utcnow()],
            )
        else:
            db.execute("DELETE FROM locked_communes WHERE code = ?", [code])
    return True


def delete_submission(storage: Storage, submission_id: str) -> dict:
    """Remove one stored submission (wrong or abusive data); the period's latest falls back to
    the newest revision still stored, or the commune shows as not reported."""
    with storage.tx() as db:
        row = db.one(
            "SELECT commune_code, period_type, period_id, revision FROM submissions "
            "WHERE submission_id = ?",
            [submission_id],
        )
        if row is None:
            raise HubError(404, "not_found", f"no submission {submission_id}")
        code, ptype, pid, revision = row
        db.execute("DELETE FROM latest WHERE submission_id = ?", [submission_id])
        db.execute("DELETE FROM submissions WHERE submission_id = ?", [submission_id])
        newest = db.one(
            "SELECT submission_id, revision, received_at FROM submissions WHERE commune_code = ? "
            "AND period_type = ? AND period_id = ? ORDER BY revision DESC LIMIT 1",
            [code, ptype, pid],
        )
        if (
            newest
            and db.one(
                "SELECT 1 FROM latest WHERE commune_code = ? AND period_type = ? AND period_id = ?",
                [code, ptype, pid],
            )
            is None
        ):
            db.execute(
                "INSERT INTO latest (commune_code, period_type, period_id, revision, "
                "submission_id, received_at) VALUES (?, ?, ?, ?, ?, ?)",
                [code, ptype, pid, newest[1], newest[0], newest[2]],
            )
    return {"submission_id": submission_id, "commune_code": code, "period": pid,
            "revision": revision, "latest_revision": newest[1] if newest else None}  # fmt: skip
