"""The pack a new store copies the shipped catalog from: fresh, equal to the ordinary import."""

from __future__ import annotations

import gzip
import json
import sqlite3

import pytest

from supportdesk import paths
from supportdesk.core import catalog
from supportdesk.core.catalog import records, shipped
from supportdesk.core.store import open_store

REBUILD = "stale pack: run `python packaging/build_catalog.py --pack` and commit it"


@pytest.fixture(scope="module")
def pack_db():
    data = gzip.decompress(paths.resource(*shipped.PACK).read_bytes())
    conn = sqlite3.connect(":memory:")
    conn.deserialize(data)
    yield conn
    conn.close()


@pytest.fixture(scope="module")
def fresh(tmp_path_factory):
    db = open_store(tmp_path_factory.mktemp("fresh"))
    yield db
    db.close()


def test_pack_was_built_from_the_committed_catalog(pack_db):
    info = dict(pack_db.execute(f"SELECT key, value FROM {shipped.INFO}").fetchall())
    assert info["catalog_sha256"] == shipped.digest(paths.resource(*records.SHIPPED)), REBUILD
    assert int(info["procedures"]) == 2104
    assert "procedures" in json.loads(info["tables"])


def test_pack_matches_the_schema_of_a_new_store(pack_db, empty_db):
    info = dict(pack_db.execute(f"SELECT key, value FROM {shipped.INFO}").fetchall())
    tables = json.loads(info["tables"])
    assert json.loads(info["schema"]) == shipped._signature(empty_db, "main", tables), REBUILD


def test_pack_rows_are_what_the_import_computes_now(pack_db):
    """Search columns folded by today's code: a change to the folding needs a new pack."""
    pack_db.row_factory = sqlite3.Row
    stored = {row["code"]: dict(row) for row in pack_db.execute("SELECT * FROM procedures")}
    for record in catalog.shipped_catalog()["procedures"]:
        expected = records._stored(catalog.normalise(record))
        row = stored.pop(record["code"])
        assert {k: row[k] for k in expected} == expected, f"{record['code']}: {REBUILD}"
    assert stored == {}


def test_a_new_store_is_seeded_from_the_pack(fresh, empty_db):
    assert catalog.count(fresh) == 2104
    for table in ("procedures_fts", "procedure_names"):
        fresh.execute(f"INSERT INTO {table}({table}) VALUES ('integrity-check')")
    assert fresh.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    triggers = {r[0] for r in fresh.execute("SELECT name FROM sqlite_master WHERE type='trigger'")}
    assert {"procedures_ai", "procedures_ad", "procedures_au"} <= triggers
    # The same catalog imported the ordinary way gives the same rows.
    catalog.import_file(empty_db, paths.resource(*records.SHIPPED))
    for code in ("1.001193", "1.000894", "2.002373", "1.013742"):
        assert catalog.get(fresh, code) == catalog.get(empty_db, code)
    words = "SELECT count(*) FROM procedure_words"
    assert fresh.execute(words).fetchone() == empty_db.execute(words).fetchone()


def test_search_and_later_imports_work_on_a_seeded_store(fresh):
    assert catalog.search(fresh, "dang ky khai sinh").items[0]["code"] == "1.001193"
    record = dict(catalog.get(fresh, "1.001193"), code="1.999999", name="Thủ tục thử gói mới")
    report = catalog.import_records(fresh, [(1, record)])
    assert report.added == 1
    assert catalog.search(fresh, "thu goi moi").items[0]["code"] == "1.999999"
    changed = dict(catalog.get(fresh, "1.000894"), name="Thủ tục đăng ký kết hôn đổi tên")
    catalog.import_records(fresh, [(1, changed)])
    assert catalog.search(fresh, "ket hon doi ten").items[0]["code"] == "1.000894"
    fresh.execute("INSERT INTO procedures_fts(procedures_fts) VALUES ('integrity-check')")


def test_agencies_are_linked_at_seed(fresh):
    linked = fresh.execute("SELECT count(DISTINCT code) FROM contact_procedures").fetchone()[0]
    assert linked > 1500


def test_a_pack_for_another_catalog_is_not_used(empty_db, tmp_path):
    other = tmp_path / "other.json.gz"
    other.write_bytes(gzip.compress(b'{"format": "supportdesk-catalog/1", "procedures": []}'))
    pack = paths.resource(*shipped.PACK)
    assert shipped.load_pack(empty_db, pack, other) is None
    assert catalog.count(empty_db) == 0
    report = shipped.load_pack(empty_db, pack, paths.resource(*records.SHIPPED))
    assert report is not None and report.added == catalog.count(empty_db) == 2104
    # A store that already has procedures is never overwritten: the import merges instead.
    assert shipped.load_pack(empty_db, pack, paths.resource(*records.SHIPPED)) is None
