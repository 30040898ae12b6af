"""The strict schema of what a commune may send (`commune-summary/2`), as pydantic models.

The hub trusts nothing: unknown keys are refused (`extra="forbid"`), strings, lists and counts
are bounded, integers stay inside what SQLite and PostgreSQL store (a PostgreSQL INTEGER is 32
bits), and a period must exist and lie between the reform (2025-07) and next month. So one
commune's odd data can neither break another's view of the dashboard nor become its default."""

from __future__ import annotations

import re
import uuid
from datetime import UTC, date, datetime, timedelta
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    field_validator,
    model_validator,
)

from supportdesk.core.sync import payload as payload_mod

FIRST_PERIOD = date(2025, 7, 1)  # the two-level local government from 1 July 2025
MAX_INT = 2**31 - 1
Count = Annotated[int, Field(strict=True, ge=0, le=payload_mod.MAX_COUNT)]
Hours = Annotated[float, Field(ge=0, le=1e6, allow_inf_nan=False)]
Name = Annotated[str, StringConstraints(max_length=payload_mod.MAX_NAME)]
Code = Annotated[str, StringConstraints(pattern=r"^[a-z0-9_]{1,40}$")]
ShortText = Annotated[str, StringConstraints(min_length=1, max_length=100)]
# Requests per Vietnam-time hour and topic (issue 17): {"2026-12-01T09": {"vneid": 4}}.
HourKey = Annotated[
    str, StringConstraints(pattern=r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3])$")
]
HourCounts = Annotated[dict[Code, Count], Field(max_length=payload_mod.MAX_TOPICS)]
PERIOD_ID = {
    "month": re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$"),
    "week": re.compile(r"^(\d{4})-W(0[1-9]|[1-4]\d|5[0-3])$"),
    "quarter": re.compile(r"^(\d{4})-Q([1-4])$"),
}


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_max_length=2000)


class Counters(Strict):
    received: Count
    resolved: Count
    resolved_on_time: Count
    open: Count
    overdue: Count
    escalated: Count
    median_hours_to_resolve: Hours | None = None


class Category(Counters):
    category: Code
    name: Name = ""


class Escalation(Strict):
    category: Annotated[str, StringConstraints(pattern=r"^[a-z0-9_]{0,40}$")]
    procedure_code: Annotated[str, StringConstraints(pattern=r"^(\d{1,2}\.\d{6}(\.\d{1,6})?)?$")]
    escalated_to_unit: Name
    age_working_days: Annotated[int, Field(strict=True, ge=0, le=100_000)]
    status: Literal["new", "in_progress", "waiting", "escalated", "resolved", "closed"]

    @field_validator("escalated_to_unit")
    @classmethod
    def no_digit_runs(cls, value: str) -> str:
        if payload_mod.DIGIT_RUN.search(value):
            raise ValueError("a unit is an agency's name, never a phone or ID number")
        return value


class Period(Strict):
    type: Literal["month", "week", "quarter"]
    id: Annotated[str, StringConstraints(max_length=10)]
    start: Annotated[str, StringConstraints(max_length=40)] = ""
    end: Annotated[str, StringConstraints(max_length=40)] = ""

    @model_validator(mode="after")
    def exists_and_in_range(self) -> Period:
        first, after = period_days(self.type, self.id)
        today = datetime.now(UTC).date()
        next_month = (today.replace(day=1) + timedelta(days=32)).replace(day=1)
        last_allowed = (next_month + timedelta(days=32)).replace(day=1)
        if after <= FIRST_PERIOD or first >= last_allowed:
            raise ValueError(f"period {self.id} is not between 2025-07 and next month")
        return self


class Summary(Strict):
    schema_: Literal["commune-summary/2"] = Field(alias="schema")
    submission_id: Annotated[str, StringConstraints(max_length=36)]
    commune_code: Annotated[str, StringConstraints(pattern=r"^\d{5}$")]
    commune_name: Name = ""
    revision: Annotated[int, Field(strict=True, ge=1, le=MAX_INT)]
    generated_at: Annotated[str, StringConstraints(min_length=10, max_length=40)]
    install_id: ShortText
    app_version: Annotated[str, StringConstraints(min_length=1, max_length=40)]
    catalog_versions: Annotated[
        dict[Annotated[str, StringConstraints(max_length=40)], ShortText], Field(max_length=20)
    ] = {}
    period: Period
    totals: Counters
    by_category: Annotated[list[Category], Field(max_length=payload_mod.MAX_CATEGORIES)]
    escalations: Annotated[list[Escalation], Field(max_length=payload_mod.MAX_ESCALATIONS)]
    staff_count: Annotated[int, Field(strict=True, ge=0, le=10_000)]
    hourly: Annotated[dict[HourKey, HourCounts], Field(max_length=payload_mod.MAX_HOURS)] = {}

    @field_validator("submission_id")
    @classmethod
    def is_uuid(cls, value: str) -> str:
        try:
            return str(uuid.UUID(value))
        except ValueError:
            raise ValueError("submission_id must be a UUID") from None

    @field_validator("generated_at")
    @classmethod
    def is_moment(cls, value: str) -> str:
        try:
            datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            raise ValueError("generated_at must be an ISO-8601 time") from None
        return value


def period_days(kind: str, period_id: str) -> tuple[date, date]:
    """(first day, day after the last) of a real period; ValueError for one that does not exist
    (2026-W53 in a year with 52 weeks, month 13)."""
    found = PERIOD_ID[kind].match(period_id)
    if not found:
        raise ValueError(f"period.id {period_id!r} does not match period.type {kind}")
    year, part = int(found.group(1)), int(found.group(2))
    if not 2000 <= year <= 2100:
        raise ValueError(f"period {period_id} is not between 2025-07 and next month")
    if kind == "month":
        first = date(year, part, 1)
        return first, (first + timedelta(days=32)).replace(day=1)
    if kind == "quarter":
        first = date(year, 3 * part - 2, 1)
        return first, (first + timedelta(days=95)).replace(day=1)
    try:
        first = date.fromisocalendar(year, part, 1)
    except ValueError:
        raise ValueError(f"week {period_id} does not exist") from None
    return first, first + timedelta(days=7)


def problems(body: Any) -> list[str]:
    """Reasons the body is not a valid summary, each naming its field; empty when it is."""
    if not isinstance(body, dict):
        return ["payload must be a JSON object"]
    try:
        Summary.model_validate(body)
    except ValidationError as exc:
        return [_reason(e) for e in exc.errors(include_url=False, include_input=False)]
    return []


def _reason(error: dict) -> str:
    where = ".".join(str(p) for p in error.get("loc", ())) or "payload"
    if error.get("type") == "extra_forbidden":
        return f"unknown field: {where}"
    return f"{where}: {error.get('msg', 'invalid')}"
