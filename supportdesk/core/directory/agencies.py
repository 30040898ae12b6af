"""The agencies named by the procedure catalog, as entries of the directory: whom to call about
a procedure is known even before anyone imports a contact sheet."""

from __future__ import annotations

import re
from pathlib import Path

from sqlite_utils import Database

from supportdesk.core import catalog, text
from supportdesk.core.directory import entries as directory
from supportdesk.core.directory import shared
from supportdesk.core.tabular import ImportReport

_CONTINUATION = {text.fold(s) for s in ("Hạ tầng và Đô thị", "Hạ tầng và đô thị")}


def split_agencies(value: str) -> list[str]:
    """Agency names in a catalog cell, split on commas that separate names.

    Names hold commas themselves ("Thuế tỉnh, thành phố", "Ủy ban Nhân dân xã, phường, thị
    trấn", "Phòng Kinh tế, Hạ tầng và Đô thị"), so a piece starting in lower case, or a known
    continuation, is glued back to the name before it."""
    names: list[str] = []
    for line in re.split(r"[;\n]+", text.clean(value)):
        for piece in line.split(","):
            piece = piece.strip().rstrip(".").strip()
            if not piece:
                continue
            if names and (piece[0].islower() or text.fold(piece) in _CONTINUATION):
                names[-1] = f"{names[-1]}, {piece}"
            else:
                names.append(piece)
    seen, out = set(), []
    for name in names:
        if text.index_text(name) not in seen:
            seen.add(text.index_text(name))
            out.append(name)
    return out


def sync_catalog_agencies(db: Database) -> ImportReport:
    """Every agency named by a procedure of the catalog (competent and executing) becomes an
    entry of the directory, without any personal number, linked to the procedures naming it.

    Safe to run again after a catalog import: entries are matched by name, links are added."""
    report = ImportReport()
    links: dict[str, set[str]] = {}
    names: dict[str, str] = {}
    # 2,104 procedures name a few hundred distinct agency cells: split and fold each once
    # (a new data dir runs this at its first use, which has 1 s in all).
    split: dict[str, list[tuple[str, str]]] = {}
    for code, competent, executing in db.execute(
        "SELECT code, competent_agency, executing_agency FROM procedures ORDER BY code"
    ):
        for cell in (competent or "", executing or ""):
            if cell not in split:
                split[cell] = [
                    (directory._match_key("agency", name, ""), name)
                    for name in split_agencies(cell)
                ]
            for key, name in split[cell]:
                names.setdefault(key, name)
                links.setdefault(key, set()).add(code)
    with db.atomic():
        for key, codes in links.items():
            found = db.execute("SELECT id FROM contacts WHERE match_key = ?", [key]).fetchone()
            if found:
                rec = directory._record(db, found[0])
                if codes <= set(rec["codes"]):
                    report.unchanged += 1
                    continue
                rec["codes"] = sorted(set(rec["codes"]) | codes)
                report.updated += 1
                agency_id = db.execute(
                    "SELECT agency_id FROM contacts WHERE id = ?", [found[0]]
                ).fetchone()[0]
                directory._write(db, found[0], rec, agency_id, shared.PROVINCE)
            else:
                rec = directory.normalise(
                    {"kind": "agency", "name": names[key], "source": directory.SHIPPED_SOURCE}
                )
                rec["codes"] = sorted(codes)
                directory._write(db, None, rec, None, shared.PROVINCE)
                report.added += 1
    return report


def import_catalog(db: Database, path: Path | str) -> ImportReport:
    """A catalog import (CLI, hub download) that also brings the agencies of the directory up to
    date, in one transaction: a procedure's new agency can be called the moment it arrives."""
    with db.atomic():
        report = catalog.import_file(db, path)
        if not report.rejected:
            sync_catalog_agencies(db)
    return report


def load_shipped_agencies(db: Database) -> ImportReport:
    """Seeder (core.store.connection): the agencies of the shipped catalog, loaded just before."""
    return sync_catalog_agencies(db)
