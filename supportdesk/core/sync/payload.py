"""The `commune-summary/1` payload: built from a `stats.summarize` dict, validated on both sides.

Only fields named here ever leave the counter PC. Copying by allow-list (never by passing the
summary through) is what keeps requester names, phones and ID numbers out of every payload, even
when the summary grows new fields later."""

from __future__ import annotations

import hashlib
import json
import re
import uuid
from datetime import UTC, datetime
from typing import Any

SCHEMA = "commune-summary/1"
COUNTERS = (
    "received", "resolved", "resolved_on_time", "open", "overdue", "escalated",
)  # fmt: skip
OPTIONAL_NUMBERS = ("median_hours_to_resolve",)
ESCALATION_FIELDS = ("ticket", "category", "summary", "escalated_to", "status", "created_at")
PERIOD_TYPES = {
    "month": re.compile(r"^\d{4}-(0[1-9]|1[0-2])$"),
    "week": re.compile(r"^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$"),
    "quarter": re.compile(r"^\d{4}-Q[1-4]$"),
}
COMMUNE_CODE = re.compile(r"^\d{5}$")  # the national administrative unit code of a commune
TOP_LEVEL = (
    "schema", "submission_id", "commune_code", "commune_name", "revision", "generated_at",
    "install_id", "app_version", "catalog_versions", "period", "totals", "by_category",
    "escalations", "staff_count",
)  # fmt: skip
CATEGORY_FIELDS = ("category", "name", *COUNTERS, *OPTIONAL_NUMBERS)
MAX_ESCALATIONS = 500
MAX_TEXT = 500


def _counters(source: dict) -> dict:
    out = {k: int(source.get(k) or 0) for k in COUNTERS}
    for k in OPTIONAL_NUMBERS:
        value = source.get(k)
        out[k] = None if value is None else round(float(value), 2)
    return out


def _short(value: Any) -> str:
    import unicodedata

    return unicodedata.normalize("NFC", str(value or ""))[:MAX_TEXT]


def summary_content(summary: dict) -> dict:
    """The part of a stats summary that is sent upstream; equal contents mean nothing new."""
    by_category = [
        {"category": _short(c.get("category")), "name": _short(c.get("name")), **_counters(c)}
        for c in summary.get("by_category", [])
    ]
    escalations = [
        {k: _short(e.get(k)) for k in ESCALATION_FIELDS}
        for e in summary.get("escalations", [])[:MAX_ESCALATIONS]
    ]
    return {
        "period": {
            "type": summary["period_type"],
            "id": summary["period"],
            "start": str(summary.get("start") or ""),
            "end": str(summary.get("end") or ""),
        },
        "totals": _counters(summary.get("totals", {})),
        "by_category": sorted(by_category, key=lambda c: c["category"]),
        "escalations": escalations,
        # How many staff handled requests, never who: the province compares load per person.
        "staff_count": len(summary.get("by_assignee") or []),
    }


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
        "commune_name": _short(commune_name),
        "revision": revision,
        "generated_at": generated_at or datetime.now(UTC).isoformat(timespec="seconds"),
        "install_id": install_id,
        "app_version": app_version,
        "catalog_versions": dict(catalog_versions or {}),
        **content,
    }


def validate(payload: Any) -> list[str]:
    """Reasons the payload is not a valid `commune-summary/1`; empty when it is."""
    if not isinstance(payload, dict):
        return ["payload must be a JSON object"]
    errors = []
    # Unknown fields are refused, not ignored: the hub must never store what it was not meant to.
    unknown = sorted(set(payload) - set(TOP_LEVEL))
    if unknown:
        errors.append(f"unknown fields: {', '.join(unknown)}")
    if payload.get("schema") != SCHEMA:
        errors.append(f"schema must be {SCHEMA}")
    try:
        uuid.UUID(str(payload.get("submission_id")))
    except ValueError:
        errors.append("submission_id must be a UUID")
    if not COMMUNE_CODE.match(str(payload.get("commune_code", ""))):
        errors.append("commune_code must be 5 digits")
    revision = payload.get("revision")
    if not isinstance(revision, int) or isinstance(revision, bool) or revision < 1:
        errors.append("revision must be a positive integer")
    period = payload.get("period")
    if not isinstance(period, dict) or period.get("type") not in PERIOD_TYPES:
        errors.append(f"period.type must be one of {sorted(PERIOD_TYPES)}")
    elif not PERIOD_TYPES[period["type"]].match(str(period.get("id", ""))):
        errors.append(f"period.id {period.get('id')!r} does not match period.type")
    for key in ("install_id", "generated_at", "app_version"):
        if not isinstance(payload.get(key), str) or not payload.get(key):
            errors.append(f"{key} must be a non-empty string")
    errors += _validate_counters(payload.get("totals"), "totals")
    categories = payload.get("by_category")
    if not isinstance(categories, list):
        errors.append("by_category must be a list")
    else:
        for i, c in enumerate(categories):
            errors += _validate_counters(c, f"by_category[{i}]")
            if isinstance(c, dict) and set(c) - set(CATEGORY_FIELDS):
                errors.append(f"by_category[{i}] has unknown fields")
    escalations = payload.get("escalations")
    if not isinstance(escalations, list) or len(escalations) > MAX_ESCALATIONS:
        errors.append(f"escalations must be a list of at most {MAX_ESCALATIONS}")
    elif any(not isinstance(e, dict) or set(e) - set(ESCALATION_FIELDS) for e in escalations):
        errors.append(f"escalations items may only have {', '.join(ESCALATION_FIELDS)}")
    return errors


def _validate_counters(value: Any, where: str) -> list[str]:
    if not isinstance(value, dict):
        return [f"{where} must be an object"]
    bad = [k for k in COUNTERS if not isinstance(value.get(k), int) or value[k] < 0]
    return [f"{where}.{k} must be a non-negative integer" for k in bad]
