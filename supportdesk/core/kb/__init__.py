"""Knowledge base of known problems and their fixes, kept by the province (issue 17).

`from supportdesk.core import kb; kb.search(db, "khong dang nhap duoc vneid")`."""

from supportdesk.core.kb.files import export_file, import_file  # noqa: F401
from supportdesk.core.kb.model import (  # noqa: F401
    AUDIENCE_LABELS,
    AUDIENCES,
    FORMAT,
    ORIGIN_LABELS,
    STATUS_LABELS,
    STATUSES,
    SYSTEMS,
    KbError,
)
from supportdesk.core.kb.search import KbResult, search, suggest  # noqa: F401
from supportdesk.core.kb.store import add, find, get, listing, set_status, update  # noqa: F401
