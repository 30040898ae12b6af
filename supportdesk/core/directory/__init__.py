"""Contacts of the officials and agencies who handle procedures.

`entries` is the model and storage, `searching` finds contacts, `files` reads and writes contact
files (CSV, XLSX, vCard through `vcard`), `agencies` links the catalog's agencies
(see docs/ARCHITECTURE.md)."""

from supportdesk.core.directory import agencies, files, shared, vcard
from supportdesk.core.directory.entries import (
    KINDS,
    LEVEL_RANK,
    LEVELS,
    SHIPPED_SOURCE,
    TEXT_FIELDS,
    RecordError,
    add,
    all_contacts,
    count,
    get,
    import_records,
    import_steps,
    infer_level,
    normalise,
    parse_level,
    remove,
    save,
    show_date,
    update,
)
from supportdesk.core.directory.searching import Place, for_procedure, search

__all__ = [
    "KINDS",
    "LEVELS",
    "LEVEL_RANK",
    "Place",
    "SHIPPED_SOURCE",
    "TEXT_FIELDS",
    "RecordError",
    "add",
    "agencies",
    "all_contacts",
    "count",
    "files",
    "for_procedure",
    "get",
    "import_records",
    "import_steps",
    "infer_level",
    "normalise",
    "parse_level",
    "remove",
    "save",
    "shared",
    "search",
    "show_date",
    "update",
    "vcard",
]
