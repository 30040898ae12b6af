"""The `commune-summary/2` payload: built from a `stats.summarize` dict, checked by the hub.

Only fields named here ever leave the counter PC, and only as counts, codes and chosen values:
no free text a person typed into a request ever goes upstream (staff type names, phone and ID
numbers into summaries and into "escalated to"). Copying by allow-list, and checking the shape
of every value copied, is what keeps personal data out even when the summary grows new fields.

Version 1 carried an escalation's summary and its typed target verbatim; version 2 carries the
topic, the procedure code, the directory *agency* it went to, its age in working days and its
status (docs/ARCHITECTURE.md, "A sync"). The hub's strict schema (supportdesk.hub.schema)
is the authority on what is accepted."""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
import uuid
from datetime import UTC, datetime
from typing import Any

SCHEMA = "commune-summary/2"
COUNTERS = (
    "received", "resolved", "resolved_on_time", "open", "overdue", "escalated",
)  # fmt: skip
OPTIONAL_NUMBERS = ("median_hours_to_resolve",)
ESCALATION_FIELDS = ("category", "procedure_code", "escalated_to_unit", "age_working_days",
                     "status")  # fmt: skip
STATUSES = ("new", "in_progress", "waiting", "escalated", "resolved", "closed")
TOP_LEVEL = (
    "schema", "submission_id", "commune_code", "commune_name", "revision", "generated_at",
    "install_id", "app_version", "catalog_versions", "period", "totals", "by_category",
    "escalations", "staff_count", "hourly",
)  # fmt: skip
MAX_ESCALATIONS = 500
MAX_HOURS, MAX_TOPICS = 24, 60  # hourly counts per topic (issue 17): a few hours at most
MAX_CATEGORIES = 200
MAX_NAME = 200
MAX_COUNT = 1_000_000_000  # far above a commune's year, far below SQLite/PostgreSQL limits
CODE = re.compile(r"^[a-z0-9_]{1,40}$")  # a topic code (categories.code)
PROCEDURE_CODE = re.compile(r"^\d{1,2}\.\d{6}(\.\d{1,6})?$")  # 1.001193, 2.002155.000.00.00.H12
# Seven digits in a row, spaces, dots and dashes allowed between them: a phone or ID number.
DIGIT_RUN = re.compile(r"\d(?:[\s.\-]*\d){6,}")


def nfc(value: Any) -> str:
    return unicodedata.normalize("NFC", str(value or ""))


def chosen_name(value: Any) -> str:
    """A name picked from a list (a topic, an agency): bounded, and empty if it holds anything
    shaped like a phone or ID number, since then it was typed rather than chosen."""
    text = " ".join(nfc(value).split())[:MAX_NAME]
    return "" if DIGIT_RUN.search(text) else text


def _count(value: Any) -> int:
    try:
        number = int(value or 0)
    except (TypeError, ValueError):
        return 0
    return min(max(number, 0), MAX_COUNT)


def _counters(source: dict) -> dict:
    out = {k: _count(source.get(k)) for k in COUNTERS}
    for k in OPTIONAL_NUMBERS:
        value = source.get(k)
        out[k] = None if value is None else round(min(max(float(value), 0.0), 1e6), 2)
    return out


def _code(value: Any, pattern: re.Pattern) -> str:
    text = str(value or "").strip()
    return text if pattern.match(text) else ""


def escalation(item: dict) -> dict:
    """One escalation reduced to codes and chosen values; anything else is dropped."""
    status = str(item.get("status") or "")
    return {
        "category": _code(item.get("category"), CODE),
        "procedure_code": _code(item.get("procedure_code"), PROCEDURE_CODE),
        "escalated_to_unit": chosen_name(item.get("escalated_to_unit")),
        "age_working_days": min(_count(item.get("age_working_days")), 100_000),
        "status": status if status in STATUSES else "escalated",
    }


def summary_content(summary: dict) -> dict:
    """The part of a stats summary that is sent upstream; equal contents mean nothing new."""
    by_category = [
        {"category": _code(c.get("category"), CODE) or "other",
         "name": chosen_name(c.get("name")), **_counters(c)}
        for c in summary.get("by_category", [])[:MAX_CATEGORIES]
    ]  # fmt: skip
    escalations = [escalation(e) for e in summary.get("escalations", [])[:MAX_ESCALATIONS]]
    content = {
        "period": {
            "type": summary["period_type"],
            "id": summary["period"],
            "start": str(summary.get("start") or "")[:40],
            "end": str(summary.get("end") or "")[:40],
        },
        "totals": _counters(summary.get("totals", {})),
        "by_category": sorted(by_category, key=lambda c: c["category"]),
        "escalations": sorted(escalations, key=lambda e: sorted(e.items())),
        # How many staff handled requests, never who: the province compares load per person.
        "staff_count": min(len(summary.get("by_assignee") or []), 10_000),
    }
    if summary.get("hourly"):  # requests per hour and topic (issue 17): counts and codes only
        content["hourly"] = {
            str(hour)[:13]: {
                code: _count(n) for topic, n in topics.items() if (code := _code(topic, CODE))
            }
            for hour, topics in list(summary["hourly"].items())[:MAX_HOURS]
        }
    return content


def content_hash(content: dict) -> str:
    return hashlib.sha256(canonical(content)).hexdigest()


def canonical(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def build(
    content: dict,
    *,
    commune_code: str,
    commune_name: str = "",
    revision: int,
    install_id: str,
    app_version: str,
    catalog_versions: dict[str, str] | None = None,
    submission_id: str | None = None,
    generated_at: str | None = None,
) -> dict:
    """A complete payload around the content of one period's snapshot."""
    return {
        "schema": SCHEMA,
        "submission_id": submission_id or str(uuid.uuid4()),
        "commune_code": commune_code,
        "commune_name": chosen_name(commune_name),
        "revision": revision,
        "generated_at": generated_at or datetime.now(UTC).isoformat(timespec="seconds"),
        "install_id": install_id,
        "app_version": app_version,
        "catalog_versions": dict(catalog_versions or {}),
        **content,
    }
