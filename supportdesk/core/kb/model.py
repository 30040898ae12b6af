"""Articles of the knowledge base: their fields, allowed values and validation (issue 17).

An article is a known problem and its fix: a title, the symptoms as people describe them, the
fix as numbered steps, and where it applies (request topics, systems, procedures). Validation
here is the one gate for every edge (CLI, file import, hub catalog, GUI): text is cleaned to NFC
and every error is one Vietnamese sentence."""

from __future__ import annotations

import json
import re
import uuid as uuid_mod

from supportdesk.core import text
from supportdesk.core.errors import UserError

FORMAT = "supportdesk-kb/1"
STATUSES = ("draft", "published", "retired")
STATUS_LABELS = {"draft": "Bản nháp", "published": "Đã đăng", "retired": "Đã gỡ"}
AUDIENCES = ("staff", "citizen")
AUDIENCE_LABELS = {"staff": "Cán bộ", "citizen": "Công dân"}
ORIGINS = ("commune", "province")
ORIGIN_LABELS = {"commune": "Của xã", "province": "Của tỉnh"}
# The systems a support team deals with (DESIGN §1); keys are stable, labels are shown.
SYSTEMS = {
    "vneid": "VNeID",
    "dvc_quoc_gia": "Cổng DVC quốc gia",
    "tthc_tinh": "Hệ thống TTHC tỉnh",
    "chu_ky_so": "Chữ ký số",
    "thanh_toan": "Thanh toán trực tuyến",
    "thu_dien_tu": "Thư điện tử công vụ",
    "quan_ly_van_ban": "Quản lý văn bản",
    "thiet_bi": "Thiết bị, mạng",
    "co_so_du_lieu": "Cơ sở dữ liệu (dân cư, hộ tịch, đất đai)",
}
CODE_RE = re.compile(r"^\d{1,2}\.\d{6}$")
MAX_TITLE, MAX_TEXT, MAX_STEP, MAX_STEPS = 200, 4000, 1000, 30
TEXT_FIELDS = ("title", "symptoms", "audience", "source", "status", "origin", "notes")
LIST_FIELDS = ("steps", "topics", "systems", "procedures")


class KbError(UserError, ValueError):
    """Bad article data or a refused change: one sentence a person can act on."""


def new_uuid() -> str:
    return str(uuid_mod.uuid4())


def _list(value, name: str) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, str):
        # From a form or the CLI: one item per line (steps) or comma separated (codes).
        parts = value.split("\n") if name == "steps" else re.split(r"[,;\n]", value)
    elif isinstance(value, list | tuple):
        parts = value
    else:
        raise KbError(f"“{name}” phải là một danh sách")
    return [c for c in (text.clean(p) for p in parts) if c]


def _step(step: str) -> str:
    """A step without the number a person may have typed in front ("1. …", "Bước 2: …")."""
    return re.sub(r"^(bước\s*)?\d{1,2}\s*[.):\-–]\s*", "", step, flags=re.IGNORECASE)


def validated(record: dict, *, categories: set[str] | None = None, partial: bool = False) -> dict:
    """Known fields only, cleaned and checked; `partial` checks only the fields given (an edit).

    `categories` are the topic codes of this store: a topic outside them is refused, so a
    suggestion filter by topic never silently misses."""
    row: dict = {}
    for name in TEXT_FIELDS:
        if name in record or not partial:
            row[name] = text.clean(record.get(name) or "")
    for name in LIST_FIELDS:
        if name in record or not partial:
            row[name] = _list(record.get(name), name)
    if "title" in row:
        if not row["title"]:
            raise KbError("bài viết cần có tiêu đề")
        if len(row["title"]) > MAX_TITLE:
            raise KbError(f"tiêu đề quá dài (tối đa {MAX_TITLE} ký tự)")
    for name in ("symptoms", "notes", "source"):
        if len(row.get(name, "")) > MAX_TEXT:
            raise KbError(f"“{name}” quá dài (tối đa {MAX_TEXT} ký tự)")
    if "steps" in row:
        row["steps"] = [_step(s) for s in row["steps"]]
        if len(row["steps"]) > MAX_STEPS:
            raise KbError(f"tối đa {MAX_STEPS} bước")
        if any(len(s) > MAX_STEP for s in row["steps"]):
            raise KbError(f"mỗi bước tối đa {MAX_STEP} ký tự")
    _check_choice(row, "audience", AUDIENCES, "staff")
    _check_choice(row, "status", STATUSES, "draft")
    _check_choice(row, "origin", ORIGINS, "commune")
    if "systems" in row:
        by_label = {text.fold(label): key for key, label in SYSTEMS.items()}
        systems = [s if s in SYSTEMS else by_label.get(text.fold(s), s) for s in row["systems"]]
        unknown = [s for s in systems if s not in SYSTEMS]
        if unknown:
            raise KbError(f"hệ thống không rõ: {', '.join(unknown)} (chọn: {', '.join(SYSTEMS)})")
        row["systems"] = list(dict.fromkeys(systems))
    if "procedures" in row:
        bad = [c for c in row["procedures"] if not CODE_RE.match(c)]
        if bad:
            raise KbError(f"mã thủ tục không hợp lệ: {', '.join(bad)} (dạng 1.001193)")
        row["procedures"] = list(dict.fromkeys(row["procedures"]))
    if "topics" in row:
        row["topics"] = list(dict.fromkeys(row["topics"]))
        if categories is not None:
            unknown = [t for t in row["topics"] if t not in categories]
            if unknown:
                raise KbError(f"chủ đề không có: {', '.join(unknown)}")
    if "uuid" in record and record["uuid"]:
        try:
            row["uuid"] = str(uuid_mod.UUID(str(record["uuid"])))
        except ValueError as exc:
            raise KbError(f"mã bài viết (uuid) không hợp lệ: {record['uuid']!r}") from exc
    if "sample" in record:
        row["sample"] = int(bool(record["sample"]))
    return row


def _check_choice(row: dict, name: str, allowed: tuple, default: str) -> None:
    if name not in row:
        return
    row[name] = row[name] or default
    if row[name] not in allowed:
        raise KbError(f"“{name}” không hợp lệ: {row[name]!r} (chọn: {', '.join(allowed)})")


def with_abbreviations(folded: str) -> str:
    """Folded words plus the abbreviation of every phrase it stands for ("dinh danh dien tu"
    → also "vneid"), from the catalog's own table: a query then matches the one short token
    instead of every spelled-out phrase, which keeps search-as-you-type cheap."""
    table = text.Abbreviations.shipped()
    padded = f" {folded} "
    keys = [
        " ".join(key)
        for key, expansions in table._table.items()
        if any(f" {' '.join(e)} " in padded for e in expansions)
        and f" {' '.join(key)} " not in padded
    ]
    return " ".join([folded, *keys]).strip()


def search_columns(row: dict, category_names: dict[str, str] | None = None) -> dict:
    """The folded shadow columns: title; symptoms; steps, systems, topics and codes."""
    names = category_names or {}
    systems = " ".join(SYSTEMS.get(s, s) for s in row["systems"])
    topics = " ".join(names.get(t, t) for t in row["topics"])
    body = text.index_text(" ".join(row["steps"]), systems, topics, " ".join(row["procedures"]))
    return {
        "search_status": row.get("status") or "draft",
        "search_title": with_abbreviations(text.index_text(row["title"])),
        "search_symptoms": with_abbreviations(text.index_text(row["symptoms"])),
        "search_body": with_abbreviations(body),
    }


def to_row(row: dict) -> dict:
    """A validated record as stored: lists as JSON text."""
    return {k: json.dumps(v, ensure_ascii=False) if k in LIST_FIELDS else v for k, v in row.items()}


def from_row(row: dict) -> dict:
    """A stored row as an article: lists decoded, shadow columns dropped."""
    out = {k: v for k, v in row.items() if not k.startswith("search_")}
    for k in LIST_FIELDS:
        out[k] = json.loads(out.get(k) or "[]")
    out["sample"] = bool(out.get("sample"))
    return out
