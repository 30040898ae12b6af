"""Contacts of the officials and agencies who handle procedures: model, storing, search.

People and agencies are both entries of one table (`kind`), so that a search, an export or an
escalation target treats them alike; a person belongs to an agency entry through `agency_id`.
Reading and writing files (CSV, XLSX, vCard) lives in core.directory_files."""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Generator, Iterable
from datetime import UTC, date, datetime

from sqlite_utils import Database

from supportdesk.core import phones, text, vocab
from supportdesk.core.catalog.records import CODE_RE
from supportdesk.core.directory import shared
from supportdesk.core.errors import UserError
from supportdesk.core.tabular import ImportReport

KINDS = {"person": "Cá nhân", "agency": "Cơ quan"}
LEVELS = vocab.LEVEL
LEVEL_RANK = {"xa": 0, "huyen": 1, "tinh": 2, "bo": 3}  # a commune team's nearest first
TEXT_FIELDS = ("name", "position", "unit", "agency", "email", "hours", "notes", "source")
LIST_SPLIT = re.compile(r"\s*[;\n]+\s*")
CODE_IN_TEXT = re.compile(r"\b\d{1,2}\.\d{6}\b")
EMAIL_RE = re.compile(r"^[^@\s;,]+@[^@\s;,]+\.[^@\s;,]+$")
SHIPPED_SOURCE = "Danh mục TTHC (Cổng Dịch vụ công quốc gia)"
BM25_WEIGHTS = (10.0, 4.0, 1.0)  # name, then position/unit/agency, then the rest

_LEVEL_WORDS = {
    "xa": ["xa", "cap xa", "commune", "phuong", "ward", "dac khu"],
    "huyen": ["huyen", "cap huyen", "district"],
    "tinh": ["tinh", "cap tinh", "province", "thanh pho", "so"],
    "bo": ["bo", "cap bo", "trung uong", "central", "ministry", "quoc gia", "national"],
}
LEVEL_INPUT = {text.fold(w): key for key, words in _LEVEL_WORDS.items() for w in words}
LEVEL_INPUT.update({text.fold(label): key for key, label in LEVELS.items()})
LEVEL_INPUT.update({key: key for key in LEVELS})


_clean = functools.lru_cache(maxsize=16384)(text.clean)  # the same agencies on every row


class RecordError(UserError, ValueError):
    """One record that cannot be stored; the message says why, in Vietnamese."""


# ---------------------------------------------------------------- normalising


def parse_level(value: str) -> str:
    if not value:
        return ""
    key = LEVEL_INPUT.get(text.fold(value))
    if key is None:
        raise RecordError(f"cấp không nhận ra: {value} (dùng: cấp xã, cấp tỉnh, trung ương)")
    return key


@functools.lru_cache(maxsize=4096)
def infer_level(agency: str) -> str:
    """The level an agency works at, from its name; "" when the name does not say."""
    toks = text.tokens(agency)
    joined = " ".join(toks)
    for marker, key in (("cap xa", "xa"), ("cap huyen", "huyen"), ("cap tinh", "tinh"),
                        ("cap trung uong", "bo"), ("cap bo", "bo")):  # fmt: skip
        if marker in joined:
            return key
    for words, key in (
        (("xa", "phuong", "thi tran", "dac khu"), "xa"),
        (("huyen", "thi xa"), "huyen"),
        (("tinh", "thanh pho"), "tinh"),
    ):
        for word in words:
            for lead in _LEVEL_LEADS:
                if joined.startswith(lead + word + " ") or joined == lead + word:
                    return key
    if "tinh" in toks:
        return "tinh"
    first = toks[:2]
    if first[:1] in (["cuc"], ["tong"], ["vu"]) or first in (["bo"], ["bo", "truong"]):
        return "bo"
    if first[:1] == ["bo"] and first != ["bo", "phan"]:  # Bộ …, not "Bộ phận Một cửa"
        return "bo"
    if any(w in joined for w in ("viet nam", "trung uong", "chinh phu", "chu tich nuoc")):
        return "bo"
    # Sở (not "cơ sở"), Giám đốc Sở, Chi cục, Văn phòng (đăng ký đất đai)
    if first[:1] in (["giam"], ["chi"], ["van"]) or any(
        t == "so" and (i == 0 or toks[i - 1] != "co") for i, t in enumerate(toks)
    ):
        return "tinh"
    return ""


# Words that may stand before "xã", "tỉnh"… at the start of an agency's name.
_LEVEL_LEADS = ("ubnd ", "uy ban nhan dan ", "chu tich ubnd ", "chu tich uy ban nhan dan ",
                "cong an ", "thue ", "bao hiem xa hoi ", "")  # fmt: skip


def parse_date(value: str) -> str:
    """ISO date from 2026-07-20, 20/07/2026, 20-07-2026, 20.07.2026 or an Excel date-time."""
    value = value.strip()
    if not value:
        return ""
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d %H:%M:%S", "%Y%m%d"):
        try:
            return datetime.strptime(value, fmt).date().isoformat()
        except ValueError:
            continue
    raise RecordError(f"ngày không hợp lệ: {value} (viết dd/mm/yyyy)")


def show_date(iso: str) -> str:
    return date.fromisoformat(iso).strftime("%d/%m/%Y") if iso else ""


def split_list(value: str | list[str]) -> list[str]:
    items = value if isinstance(value, list) else LIST_SPLIT.split(value or "")
    out: list[str] = []
    for item in items:
        for part in LIST_SPLIT.split(item or ""):
            part = " ".join(text.clean(part).split())
            if part and text.fold(part) not in {text.fold(o) for o in out}:
                out.append(part)
    return out


def _codes(value: str | list[str]) -> list[str]:
    raw = value if isinstance(value, list) else re.split(r"[;,\s]+", value or "")
    codes = []
    for code in (text.clean(c) for c in raw):
        if not code:
            continue
        if not CODE_RE.match(code):
            raise RecordError(f"mã thủ tục không hợp lệ: {code}")
        if code not in codes:
            codes.append(code)
    return sorted(codes)


def _emails(value: str) -> str:
    parts = [p for p in re.split(r"[;,\s]+", text.clean(value)) if p]
    for p in parts:
        if not EMAIL_RE.match(p):
            raise RecordError(f"email không hợp lệ: {p}")
    return "; ".join(parts)


def normalise(raw: dict) -> dict:
    """A record as stored, from what a file row or card says.

    `raw` holds strings (a table cell) or lists; phones come as `tels`: [(text, kind)], where an
    empty kind means "guess from the number". Raises RecordError saying what is wrong."""
    rec = {k: _clean(raw.get(k) or "") for k in TEXT_FIELDS}
    kind = text.fold(raw.get("kind") or "")
    if kind in ("", "person", "ca nhan", "nguoi"):
        kind = "person" if rec["name"] or not rec["agency"] else "agency"
    elif kind in ("agency", "co quan", "don vi", "org", "organization"):
        kind = "agency"
    else:
        raise RecordError(f"loại không nhận ra: {raw.get('kind')} (Cá nhân hoặc Cơ quan)")
    if kind == "agency" and not rec["name"]:
        rec["name"], rec["agency"] = rec["agency"], ""
    if not rec["name"]:
        raise RecordError("thiếu họ tên (hoặc tên cơ quan)")
    rec["kind"] = kind
    rec["email"] = _emails(rec["email"])
    rec["level"] = parse_level(text.clean(raw.get("level") or ""))
    if not rec["level"]:
        rec["level"] = infer_level(rec["name"] if kind == "agency" else rec["agency"])
    rec["fields"] = split_list(raw.get("fields") or "")
    rec["codes"] = _codes(raw.get("codes") or "")
    rec["verified"] = parse_date(text.clean(raw.get("verified") or ""))
    found: list[phones.Phone] = []
    try:
        for value, phone_kind in raw.get("tels") or []:
            found += phones.parse_many(value, phone_kind)
    except phones.PhoneError as exc:
        raise RecordError(str(exc)) from exc
    # One order everywhere (mobile first, as people call), so every export format keeps it.
    unique = {(p.number, p.ext): p for p in found}.values()
    rec["phones"] = sorted(unique, key=lambda p: phones.KINDS.index(p.kind))
    return rec


# ---------------------------------------------------------------- storing


@functools.lru_cache(maxsize=16384)
def _index(part: str) -> str:
    # A contact sheet repeats agencies, positions, fields and notes on every row: fold each once.
    return text.index_text(part)


def _index_all(*parts: str) -> str:
    return " ".join(folded for folded in map(_index, filter(None, parts)) if folded)


def _match_key(kind: str, name: str, agency: str) -> str:
    return f"{kind}|{_index(name)}|{_index(agency) if kind == 'person' else ''}"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


_COLUMNS = ("kind", "name", "position", "unit", "agency", "agency_id", "level", "email",
            "fields", "hours", "notes", "source", "verified", "match_key", "phone_digits",
            "search_name", "search_org", "search_body")  # fmt: skip


def _row(rec: dict, agency_id: int | None) -> dict:
    body = _index_all(
        *rec["fields"], rec["email"].replace("@", " "), rec["hours"], rec["notes"],
        LEVELS.get(rec["level"], ""), KINDS[rec["kind"]],
    )  # fmt: skip
    return {
        **{k: rec[k] for k in TEXT_FIELDS},
        "kind": rec["kind"],
        "agency_id": agency_id,
        "level": rec["level"],
        "fields": json.dumps(rec["fields"], ensure_ascii=False),
        "verified": rec["verified"],
        "match_key": _match_key(rec["kind"], rec["name"], rec["agency"]),
        "phone_digits": " ".join(phones.search_digits(p.number) for p in rec["phones"]),
        "search_name": _index(rec["name"]),
        "search_org": _index_all(rec["position"], rec["unit"], rec["agency"]),
        "search_body": body,
    }


class _Lookup:
    """What an import matches records against: the stored phones and name+agency keys, read
    once per import instead of two queries per row (a 5,000-row sheet must import in 2 s)."""

    def __init__(self, db: Database):
        self.phones: dict[tuple[str, str], int] = {}
        self.keys: dict[str, int] = {}
        # Newest first, so that the oldest entry wins when two share a key.
        for cid, kind, number in db.execute(
            "SELECT p.contact_id, c.kind, p.number FROM contact_phones p "
            "JOIN contacts c ON c.id = p.contact_id ORDER BY c.id DESC"
        ):
            self.phones[(kind, number)] = cid
        for cid, key in db.execute("SELECT id, match_key FROM contacts ORDER BY id DESC"):
            self.keys[key] = cid

    @staticmethod
    def _phone_keys(rec: dict) -> list[tuple[str, str]]:
        # Hotlines and short codes (no "+") are shared by many, so they identify no one.
        return [(rec["kind"], p.number) for p in rec["phones"] if p.number.startswith("+")]

    def find(self, rec: dict) -> int | None:
        """Same kind and a shared phone, else the same folded name and agency."""
        for key in self._phone_keys(rec):
            if key in self.phones:
                return self.phones[key]
        return self.keys.get(_match_key(rec["kind"], rec["name"], rec["agency"]))

    def forget(self, contact_id: int, rec: dict) -> None:
        for key in self._phone_keys(rec):
            if self.phones.get(key) == contact_id:
                del self.phones[key]
        key = _match_key(rec["kind"], rec["name"], rec["agency"])
        if self.keys.get(key) == contact_id:
            del self.keys[key]

    def remember(self, contact_id: int, rec: dict) -> None:
        for key in self._phone_keys(rec):
            self.phones.setdefault(key, contact_id)
        self.keys.setdefault(_match_key(rec["kind"], rec["name"], rec["agency"]), contact_id)


def _agency_id(
    db: Database, rec: dict, lookup: _Lookup, origin: str = shared.COMMUNE
) -> int | None:
    """The agency entry a person belongs to, created on first mention."""
    if rec["kind"] != "person" or not rec["agency"]:
        return None
    key = _match_key("agency", rec["agency"], "")
    if key not in lookup.keys:
        agency = normalise({"kind": "agency", "name": rec["agency"], "source": rec["source"]})
        if not agency["level"]:
            agency["level"] = rec["level"]
        lookup.remember(_write(db, None, agency, None, origin), agency)
    return lookup.keys[key]


def _write(
    db: Database,
    contact_id: int | None,
    rec: dict,
    agency_id: int | None,
    origin: str = shared.COMMUNE,
    *,
    received: dict | None = None,
) -> int:
    """Insert or replace one entry. A commune entry's change goes to the team feed in the same
    transaction (core.directory.shared); an entry the commune edits becomes its own. A
    `received` body (a peer's change, core.team.contacts) gives the uid and time, unfed."""
    row = _row(rec, agency_id)
    now = (received.get("updated") if received else None) or _now()
    if contact_id is None:
        uid = received["uid"] if received else shared.new_uid(db, origin, row["match_key"])
        names = ", ".join(_COLUMNS)
        marks = ", ".join("?" for _ in _COLUMNS)
        cursor = db.execute(
            f"INSERT INTO contacts ({names}, created, updated, uid, origin) "
            f"VALUES ({marks}, ?, ?, ?, ?)",
            [row[c] for c in _COLUMNS] + [now, now, uid, origin],
        )
        contact_id = cursor.lastrowid
    else:
        sets = ", ".join(f"{c} = ?" for c in _COLUMNS)
        db.execute(
            f"UPDATE contacts SET {sets}, updated = ?, "
            "origin = CASE WHEN ? = 'commune' THEN 'commune' ELSE origin END WHERE id = ?",
            [row[c] for c in _COLUMNS] + [now, origin, contact_id],
        )
        for table in ("contact_phones", "contact_procedures", "contact_fields"):
            db.execute(f"DELETE FROM {table} WHERE contact_id = ?", [contact_id])
    db.conn.executemany(
        "INSERT INTO contact_phones (contact_id, seq, number, ext, kind) VALUES (?, ?, ?, ?, ?)",
        [(contact_id, i, p.number, p.ext, p.kind) for i, p in enumerate(rec["phones"])],
    )
    db.conn.executemany(
        "INSERT INTO contact_procedures (contact_id, code) VALUES (?, ?)",
        [(contact_id, c) for c in rec["codes"]],
    )
    db.conn.executemany(
        "INSERT OR IGNORE INTO contact_fields (contact_id, folded) VALUES (?, ?)",
        [(contact_id, _index(f)) for f in rec["fields"]],
    )
    stored = db.execute("SELECT origin FROM contacts WHERE id = ?", [contact_id]).fetchone()[0]
    if received is None and stored == shared.COMMUNE:
        shared.publish(db, shared.body(db, contact_id, rec, now))
    return contact_id


def remove(db: Database, contact_id: int) -> None:
    """Delete an entry (its people stay, no longer linked to it); the removal travels to the
    team's other desks like an edit. Raises RecordError when there is no such entry."""
    with db.atomic():
        found = db.execute("SELECT uid FROM contacts WHERE id = ?", [contact_id]).fetchone()
        if found is None:
            raise RecordError(f"không có liên hệ số {contact_id}")
        remove_row(db, contact_id)
        shared.publish_removal(db, found[0])


def remove_row(db: Database, contact_id: int) -> None:
    """The rows of an entry gone, in the caller's transaction (a removal here or a peer's)."""
    db.execute("UPDATE contacts SET agency_id = NULL WHERE agency_id = ?", [contact_id])
    for table in ("contact_phones", "contact_procedures", "contact_fields"):
        db.execute(f"DELETE FROM {table} WHERE contact_id = ?", [contact_id])
    db.execute("DELETE FROM contacts WHERE id = ?", [contact_id])


def _merged(existing: dict, rec: dict) -> dict:
    """What a re-import leaves: the file's values where it has them, the stored ones elsewhere."""
    merged = dict(rec)
    for key in (*TEXT_FIELDS, "level", "verified", "fields", "codes", "phones"):
        if not rec[key]:
            merged[key] = existing[key]
    return merged


def save(
    db: Database,
    rec: dict,
    report: ImportReport,
    lookup: _Lookup | None = None,
    origin: str = shared.COMMUNE,
) -> int:
    """Add or update one normalised record, in the caller's transaction; `origin` "province"
    for what comes from the province (core.directory.shared)."""
    lookup = _Lookup(db) if lookup is None else lookup
    contact_id = lookup.find(rec)
    if contact_id is not None:
        existing = _record(db, contact_id)
        rec = _merged(existing, rec)
        if rec == existing:
            report.unchanged += 1
            return contact_id
        report.updated += 1
        lookup.forget(contact_id, existing)
    else:
        report.added += 1
    contact_id = _write(db, contact_id, rec, _agency_id(db, rec, lookup, origin), origin)
    lookup.remember(contact_id, rec)
    return contact_id


def add(db: Database, raw: dict) -> int:
    """Add what a form says as one entry (or update the entry it matches by phone or by name and
    agency, as an import would), in its own transaction; returns its id. Raises RecordError."""
    rec = normalise(raw)
    with db.atomic():
        return save(db, rec, ImportReport())


def update(db: Database, contact_id: int, raw: dict) -> int:
    """Replace an entry's fields with what a form says; it keeps its id even when its name or
    phones change (an import would match by those instead). Raises RecordError."""
    rec = normalise(raw)
    existing = _record(db, contact_id)
    if existing is None:
        raise RecordError(f"không có liên hệ số {contact_id}")
    with db.atomic():
        lookup = _Lookup(db)
        # An agency's entry edited into a person of an agency of its old name belongs to a new
        # entry of that name, never to itself.
        lookup.forget(contact_id, existing)
        return _write(db, contact_id, rec, _agency_id(db, rec, lookup))


PROGRESS_EVERY = 100  # rows between two progress steps


def import_steps(
    db: Database, numbered: Iterable[tuple[int, dict]], origin: str = shared.COMMUNE
) -> Generator[tuple[int, int], None, ImportReport]:
    """The import, yielding (rows done, rows in all) as it goes; its return value is the report.

    All-or-nothing: when any record is rejected nothing is written and the report says why, and
    a caller that stops early (closes the generator) rolls everything back."""
    report = ImportReport()
    good = []
    for number, raw in numbered:
        try:
            good.append(normalise(raw))
        except RecordError as exc:
            report.reject(number, str(exc))
    if report.rejected:
        return report
    with db.atomic():
        lookup = _Lookup(db)
        for done, rec in enumerate(good):
            if done % PROGRESS_EVERY == 0:
                yield done, len(good)
            save(db, rec, report, lookup, origin)
    yield len(good), len(good)
    return report


def import_records(
    db: Database, numbered: Iterable[tuple[int, dict]], origin: str = shared.COMMUNE
) -> ImportReport:
    """The whole import at once (see import_steps)."""
    steps = import_steps(db, numbered, origin)
    while True:
        try:
            next(steps)
        except StopIteration as finished:
            return finished.value


# ---------------------------------------------------------------- reading


def _record(db: Database, contact_id: int) -> dict | None:
    """The stored entry in the shape normalise() returns, for comparing and merging."""
    cursor = db.execute("SELECT * FROM contacts WHERE id = ?", [contact_id])
    values = cursor.fetchone()
    if values is None:
        return None
    row = dict(zip([d[0] for d in cursor.description], values))
    rec = {k: row[k] or "" for k in (*TEXT_FIELDS, "kind", "level", "verified")}
    rec["fields"] = json.loads(row["fields"] or "[]")
    rec["codes"] = [
        r[0]
        for r in db.execute(
            "SELECT code FROM contact_procedures WHERE contact_id = ? ORDER BY code", [contact_id]
        )
    ]
    rec["phones"] = [
        phones.Phone(n, e, k)
        for n, e, k in db.execute(
            "SELECT number, ext, kind FROM contact_phones WHERE contact_id = ? ORDER BY seq",
            [contact_id],
        )
    ]
    return rec


def get(db: Database, contact_id: int) -> dict | None:
    """One entry as shown and exported: every field, phones with their display form."""
    rec = _record(db, contact_id)
    if rec is None:
        return None
    agency_id, created, updated, uid, origin = db.execute(
        "SELECT agency_id, created, updated, uid, origin FROM contacts WHERE id = ?", [contact_id]
    ).fetchone()
    rec["phones"] = [p.as_dict() for p in rec["phones"]]
    members = []
    if rec["kind"] == "agency":
        members = [r[0] for r in db.execute(
            "SELECT id FROM contacts WHERE agency_id = ? ORDER BY name", [contact_id]
        )]  # fmt: skip
    return {"id": contact_id, **rec, "agency_id": agency_id, "members": members,
            "created": created, "updated": updated, "uid": uid, "origin": origin}  # fmt: skip


def all_contacts(db: Database) -> list[dict]:
    # Agencies first: on re-import they exist before the people who point at them.
    ids = [r[0] for r in db.execute("SELECT id FROM contacts ORDER BY kind, name, id")]
    return [get(db, i) for i in ids]


def count(db: Database, kind: str | None = None) -> int:
    if kind:
        return db.execute("SELECT count(*) FROM contacts WHERE kind = ?", [kind]).fetchone()[0]
    return db.execute("SELECT count(*) FROM contacts").fetchone()[0]
