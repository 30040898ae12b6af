"""Knowledge base of known problems and their fixes, kept by the province
(docs/ARCHITECTURE.md).

`from supportdesk.core import kb; kb.search(db, "khong dang nhap duoc vneid")`."""

from supportdesk.core.kb.files import export_file, import_file
from supportdesk.core.kb.model import (
    AUDIENCE_LABELS,
    AUDIENCES,
    FORMAT,
    ORIGIN_LABELS,
    STATUS_LABELS,
    STATUSES,
    SYSTEMS,
    KbError,
)
from supportdesk.core.kb.search import KbResult, search, suggest
from supportdesk.core.kb.store import add, find, get, listing, set_status, update

__all__ = [
    "AUDIENCES",
    "AUDIENCE_LABELS",
    "FORMAT",
    "KbError",
    "KbResult",
    "ORIGIN_LABELS",
    "STATUSES",
    "STATUS_LABELS",
    "SYSTEMS",
    "add",
    "export_file",
    "find",
    "get",
    "import_file",
    "listing",
    "search",
    "set_status",
    "suggest",
    "update",
]
