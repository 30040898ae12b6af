"""Building stores and damaging copies for the safety tests."""

from __future__ import annotations

import json
import os
from pathlib import Path

from supportdesk.core import catalog
from supportdesk.core.store import settings
from supportdesk.core.store.connection import open_store

SHIPPED = catalog.shipped_catalog()


def procedures(batch: int, n: int) -> list[dict]:
    """n real-looking procedures (shipped ones with new codes `1b.jjjjjj`), so that an import
    writes as many pages as a real one does."""
    source = SHIPPED["procedures"]
    out = []
    for j in range(n):
        p = dict(source[j % len(source)])
        p["code"] = f"{10 + batch}.{j:06d}"
        p["name"] = f"{p['name']} lô {batch} số {j}"
        out.append(p)
    return out


def catalog_file(path: Path, batch: int, n: int) -> Path:
    doc = {"format": catalog.CATALOG_FORMAT, "version": f"lô {batch}", "procedures": []}
    doc["procedures"] = procedures(batch, n)
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def filled_store(data_dir: Path, n: int = 120) -> None:
    """A closed store with some procedures and settings (enough pages to damage in the middle)."""
    db = open_store(data_dir, seed=False)
    catalog.import_records(db, list(enumerate(procedures(0, n), start=1)))
    settings.put(db, "center_name", "Trung tâm Phục vụ hành chính công xã Ba Đình")
    db.close()


def damage(path: Path, pages: int = 6) -> None:
    """Overwrite a run of pages in the middle of a database file with garbage."""
    page = 4096
    size = path.stat().st_size
    start = (size // page // 2) * page
    with open(path, "r+b") as f:
        f.seek(start)
        f.write(os.urandom(page * pages))
        f.flush()
        os.fsync(f.fileno())
