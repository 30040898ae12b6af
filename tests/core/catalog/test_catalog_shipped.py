"""The shipped catalog: every procedure of every level, compressed, loaded into a fresh store."""

from __future__ import annotations

import gzip
import json
from collections import Counter

import pytest

from supportdesk.core import catalog
from supportdesk.core.store import open_store
from supportdesk.core.tabular import BadInputError


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    db = open_store(tmp_path_factory.mktemp("shipped"))
    yield db
    db.close()


def test_first_use_holds_all_2104_procedures_of_every_level(store):
    assert catalog.count(store) == 2104
    levels = Counter(
        tuple(json.loads(row[0])) for row in store.execute("SELECT levels FROM procedures")
    )
    assert levels[("xa",)] == 351 and levels[("tinh",)] == 949 and levels[("bo",)] == 497
    assert levels[()] == 55  # the pages that name no level keep an empty level
    unnamed = store.execute("SELECT count(*) FROM procedures WHERE level_text = ''").fetchone()
    assert unnamed[0] == 55
    assert sum(n for key, n in levels.items() if "xa" in key) == 470


def test_shipped_records_are_already_normalised():
    """The loader may trust the shipped file: normalising a record changes nothing."""
    for record in catalog.shipped_catalog()["procedures"]:
        row = catalog.normalise(record)
        assert {k: row[k] for k in record if k in row} == {
            k: v for k, v in record.items() if k in row
        }, record["code"]


def test_export_gz_then_import_is_unchanged(store, tmp_path):
    target = tmp_path / "catalog.json.gz"
    assert catalog.export_file(store, target, version="v1") == 2104
    assert target.read_bytes()[:2] == b"\x1f\x8b"
    doc = json.loads(gzip.decompress(target.read_bytes()))
    assert doc["format"] == catalog.CATALOG_FORMAT and len(doc["procedures"]) == 2104
    report = catalog.import_file(store, target)
    assert report.rejected == [] and report.unchanged == 2104
    assert report.added == report.updated == 0


def test_plain_json_export_round_trips_into_an_empty_store(store, empty_db, tmp_path):
    target = tmp_path / "catalog.json"
    catalog.export_file(store, target)
    assert json.loads(target.read_text(encoding="utf-8"))["procedures"][0]["code"]
    assert catalog.import_file(empty_db, target).added == 2104
    assert catalog.get(empty_db, "1.001193") == catalog.get(store, "1.001193")


def test_broken_gz_is_one_clear_error(empty_db, tmp_path):
    broken = tmp_path / "hong.json.gz"
    broken.write_bytes(gzip.compress(b'{"format": "supportdesk-catalog/1", "procedures": [')[:30])
    with pytest.raises(BadInputError, match="hong.json.gz"):
        catalog.import_file(empty_db, broken)
    assert catalog.count(empty_db) == 0
