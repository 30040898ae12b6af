"""The shipped catalog in a brand-new store, fast: a prebuilt pack copied in one transaction.

Importing the 2,104 shipped procedures the ordinary way (normalise every text, fold the search
columns, index them in FTS5 with prefix indexes) takes about 2 s; the first use of a data dir
has 1 s (issue 19). So `packaging/build_catalog.py` also writes `procedures.sqlite.gz`: a store
into which the shipped catalog was imported by that very import. A brand-new store copies the
catalog's tables from it, rows and FTS5 index pages alike, in one transaction.

The pack is used only while it matches: the same catalog file (sha256) and the same SQL for the
tables it fills (and their triggers and full-text tables). Otherwise the ordinary import runs:
slower, same result. `tests/core/catalog/test_catalog_pack.py` fails when the pack is stale
(after a change of the schema or of how search columns are folded): rebuild it with
`python packaging/build_catalog.py --pack`.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import sqlite3
import tempfile
from pathlib import Path

from sqlite_utils import Database

from supportdesk.core.catalog import changes
from supportdesk.core.tabular import ImportReport

PACK = ("catalog", "procedures.sqlite.gz")
INFO = "catalog_pack"  # a table only the pack has: what it was built from, which tables it fills


def digest(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _row_counts(db: Database) -> dict[str, int]:
    names = [
        r[0]
        for r in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' "
            "AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return {name: db.execute(f"SELECT count(*) FROM [{name}]").fetchone()[0] for name in names}


def _signature(db: Database, schema: str, tables: list[str]) -> list[list[str]]:
    """The SQL of the tables, of their triggers and of the full-text tables owning them."""
    rows = db.execute(
        f"SELECT type, name, tbl_name, sql FROM {schema}.sqlite_master WHERE sql IS NOT NULL"
    ).fetchall()
    virtual = [name for kind, name, _, sql in rows if sql.startswith("CREATE VIRTUAL TABLE")]
    owners = {v for v in virtual for t in tables if t.startswith(f"{v}_")}
    keep = set(tables) | owners
    return sorted([kind, name, sql] for kind, name, table, sql in rows if table in keep)


def _own(db: Database, tables: list[str]) -> list[str]:
    """The tables that are not the shadow tables of a full-text table (those are never empty)."""
    virtual = [
        r[0]
        for r in db.execute(
            "SELECT name FROM main.sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%'"
        )
    ]
    return [t for t in tables if not any(t.startswith(f"{v}_") for v in virtual)]


def build_pack(catalog_file: Path, out: Path) -> int:
    """Import ``catalog_file`` into a new store and write it, gzip-compressed, to ``out``."""
    from supportdesk.core.catalog import records
    from supportdesk.core.store import open_store

    with tempfile.TemporaryDirectory() as tmp:
        db = open_store(Path(tmp) / "store", seed=False)
        before = _row_counts(db)
        report = records.import_file(db, catalog_file)
        if report.rejected:
            raise ValueError(f"{catalog_file}: rejected rows {report.rejected[:3]}")
        after = _row_counts(db)
        tables = sorted(name for name, n in after.items() if n != before.get(name))
        info = {
            "catalog_sha256": digest(catalog_file),
            "tables": json.dumps(tables),
            "schema": json.dumps(_signature(db, "main", tables), ensure_ascii=False),
            "procedures": str(report.added),
        }
        db[INFO].insert_all([{"key": k, "value": v} for k, v in info.items()], pk="key")
        packed = Path(tmp) / "pack.sqlite"
        db.execute("VACUUM INTO ?", [str(packed)])
        db.close()
        out.write_bytes(gzip.compress(packed.read_bytes(), compresslevel=9, mtime=0))
    return report.added


def load_pack(db: Database, pack: Path, catalog_file: Path) -> ImportReport | None:
    """Copy the catalog's tables from ``pack`` into an empty store, in one transaction.

    None (and nothing written) when the pack does not match this store or catalog file."""
    if not hasattr(db.conn, "deserialize"):  # Python built without sqlite3_deserialize
        return None
    data = gzip.decompress(pack.read_bytes())
    db.execute("ATTACH DATABASE ':memory:' AS pack")
    try:
        db.conn.deserialize(data, name="pack")
        del data
        info = dict(db.execute(f"SELECT key, value FROM pack.{INFO}").fetchall())
        tables = json.loads(info["tables"])
        if info["catalog_sha256"] != digest(catalog_file):
            return None
        if json.loads(info["schema"]) != _signature(db, "main", tables):
            return None
        if any(
            db.execute(f"SELECT 1 FROM main.[{t}] LIMIT 1").fetchone() for t in _own(db, tables)
        ):
            return None  # not an empty catalog: the ordinary import merges
        return _copy(db, tables, int(info["procedures"]))
    except (sqlite3.DatabaseError, KeyError, ValueError):
        return None
    finally:
        db.execute("DETACH DATABASE pack")


def _copy(db: Database, tables: list[str], procedures: int) -> ImportReport:
    marks = ",".join("?" * len(tables))
    triggers = db.execute(
        "SELECT name, sql FROM main.sqlite_master "
        f"WHERE type = 'trigger' AND tbl_name IN ({marks})",
        tables,
    ).fetchall()
    with db.atomic():
        # The triggers would index every row again; the index pages are copied instead.
        for name, _sql in triggers:
            db.execute(f"DROP TRIGGER main.[{name}]")
        for table in tables:
            db.execute(f"DELETE FROM main.[{table}]")
            db.execute(f"INSERT INTO main.[{table}] SELECT * FROM pack.[{table}]")
        for _name, sql in triggers:
            db.execute(sql)
        changes.mark(db)
    return ImportReport(added=procedures)
