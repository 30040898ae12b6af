"""Administrative procedures: storing, importing, exporting and searching the catalog.

The public API of the catalog; `records` stores and imports, `searching` finds, `shape` checks a
record's shape, `portal_markdown` parses the portal's pages, `shipped` copies the prebuilt pack
into a new store, `levels` says a procedure's level and where to go, `checklist` groups a dossier
for the citizen (see docs/ARCHITECTURE.md)."""

from supportdesk.core.catalog.records import (
    CATALOG_FORMAT,
    LIST_FIELDS,
    TEXT_FIELDS,
    all_procedures,
    count,
    export_file,
    fields,
    get,
    import_file,
    import_records,
    levels_from_text,
    load_shipped_catalog,
    normalise,
    read_catalog,
    shipped_catalog,
    upsert,
)
from supportdesk.core.catalog.searching import SearchResult, search, title_length

__all__ = [
    "CATALOG_FORMAT",
    "LIST_FIELDS",
    "TEXT_FIELDS",
    "SearchResult",
    "all_procedures",
    "count",
    "export_file",
    "fields",
    "get",
    "import_file",
    "import_records",
    "levels_from_text",
    "load_shipped_catalog",
    "normalise",
    "read_catalog",
    "search",
    "shipped_catalog",
    "title_length",
    "upsert",
]
