"""Support requests ("tickets"): intake, transitions, events, filters, reading, anonymising.

Named tickets so it never shadows the `requests` HTTP library. `model` says what a request is,
`log` writes and reads them, `filters` selects and pages them, `stats` summarises a period,
`categories` holds the support topics (see docs/ARCHITECTURE.md)."""

from supportdesk.core.tickets.filters import (
    FilterError,
    Filters,
    count,
    is_due_soon,
    is_overdue,
    page,
)
from supportdesk.core.tickets.log import (
    create,
    events,
    find,
    get,
    purge_personal,
    search,
    take_over,
    update,
)
from supportdesk.core.tickets.model import (
    CHANNELS,
    FIELDS,
    KINDS,
    STATUSES,
    TRANSITIONS,
    RequestError,
)

__all__ = [
    "CHANNELS",
    "FIELDS",
    "KINDS",
    "STATUSES",
    "TRANSITIONS",
    "FilterError",
    "Filters",
    "RequestError",
    "count",
    "create",
    "events",
    "find",
    "get",
    "is_due_soon",
    "is_overdue",
    "page",
    "purge_personal",
    "search",
    "take_over",
    "update",
]
