"""Fuzzing the catalog importers (JSON, CSV, XLSX) and catalog search with hypothesis.

The property: an import ends in a clean report or a BadInputError, never another exception; a
rejected or refused import changes nothing, an accepted one is there entirely. Search never
raises, whatever is typed."""

from __future__ import annotations

import hashlib
import json
import uuid
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from supportdesk.core import catalog, text
from supportdesk.core.store.connection import open_store
from supportdesk.core.tabular import BadInputError
from tests.safety.helpers import procedures

FUZZ = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

VIETNAMESE = (
    "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵĐĂ"
)
words = st.text(alphabet=VIETNAMESE + " ,.;-\"'()*:\t\n", max_size=30)
messy_text = st.one_of(words, st.text(max_size=30))
good_codes = st.integers(0, 60).map(lambda n: f"1.{n:06d}")  # some are already in the store
bad_codes = st.one_of(st.text(alphabet="0123456789. ", max_size=10), messy_text)
codes = st.one_of(good_codes, good_codes, good_codes, bad_codes)  # mostly good: imports succeed
names = st.text(alphabet=VIETNAMESE + " ,.", min_size=1, max_size=30)
scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), messy_text)
json_values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)
FIELD_NAMES = ["code", "name", *catalog.TEXT_FIELDS, *catalog.LIST_FIELDS]


@st.composite
def procedure_records(draw) -> dict:
    """Mostly well-formed records with the odd wrong type or shape in a field."""
    record = {"code": draw(codes), "name": draw(st.one_of(names, names, names, words))}
    for key in draw(st.lists(st.sampled_from(FIELD_NAMES), max_size=2)):
        record[key] = draw(json_values)
    for key in draw(st.lists(st.sampled_from(catalog.TEXT_FIELDS), max_size=3)):
        record[key] = draw(words)
    if draw(st.booleans()):
        record["dossier"] = [{"case": draw(words), "items": [{"name": draw(words)}]}]
    return record


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    store = open_store(tmp_path_factory.mktemp("fuzz") / "data", seed=False)
    catalog.import_records(store, list(enumerate(procedures(0, 30), start=1)))
    yield store
    store.close()


def fingerprint(db) -> str:
    digest = hashlib.sha256()
    for row in db.execute("SELECT code, name, field, steps, dossier FROM procedures ORDER BY code"):
        digest.update(repr(row).encode())
    digest.update(repr(db.execute("SELECT count(*) FROM procedure_names").fetchone()).encode())
    return digest.hexdigest()


def check_import(db, path: Path, expected_codes: set[str] | None = None) -> str:
    before = fingerprint(db)
    try:
        report = catalog.import_file(db, path)
    except BadInputError as exc:
        assert str(exc)  # a clear message
        assert fingerprint(db) == before
        return "refused"
    if report.rejected:
        assert all(r["reason"] for r in report.rejected)
        assert fingerprint(db) == before, "a rejected import changed the store"
        return "rows rejected"
    if expected_codes is not None:
        present = {r[0] for r in db.execute("SELECT code FROM procedures")}
        assert expected_codes <= present, "an accepted import is missing codes"
    return "accepted"


def fresh(tmp_path: Path, suffix: str) -> Path:
    return tmp_path / f"{uuid.uuid4().hex}{suffix}"


@FUZZ
@given(
    records=st.lists(procedure_records(), max_size=6), fmt=st.sampled_from([None, None, None, "x"])
)
def test_json_catalog_import(db, tmp_path, records, fmt):
    doc = {"format": fmt or catalog.CATALOG_FORMAT, "procedures": records}
    path = fresh(tmp_path, ".json")
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    codes = {text.clean(r["code"]) for r in records if isinstance(r.get("code"), str)}
    event(check_import(db, path, codes))


@FUZZ
@given(doc=json_values, raw=st.binary(max_size=200), use_raw=st.booleans())
def test_json_import_of_anything(db, tmp_path, doc, raw, use_raw):
    path = fresh(tmp_path, ".json")
    path.write_bytes(raw if use_raw else json.dumps(doc).encode())
    event(check_import(db, path))


OPTIONAL = ["Lĩnh vực", "Cấp thực hiện", "Cơ quan thực hiện", "Cơ quan ban hành", "Ghi chú"]
cells = st.one_of(messy_text, codes, st.integers().map(str), st.just(""))


@st.composite
def tables(draw) -> list[list[str]]:
    """A banner, a header naming code and name (mostly), and rows that are mostly valid."""
    banner = draw(st.lists(st.lists(cells, max_size=3), max_size=2))
    extra = draw(st.lists(st.sampled_from(OPTIONAL), max_size=2, unique=True))
    required = draw(st.sampled_from([["Mã số", "Tên thủ tục"], ["Mã TTHC", "Tên"], ["Mã số"]]))
    header = draw(st.permutations(required + extra))
    by_column = {"Mã số": codes, "Mã TTHC": codes, "Tên thủ tục": names, "Tên": names}
    body = [
        [draw(by_column.get(h, cells)) for h in header] + draw(st.lists(cells, max_size=1))
        for _ in range(draw(st.integers(0, 6)))
    ]
    return [*banner, header, *body]


@FUZZ
@given(
    rows=tables(),
    delimiter=st.sampled_from([",", ";", "\t"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-8", "cp1258", "utf-16"]),
)
def test_csv_catalog_import(db, tmp_path, rows, delimiter, encoding):
    import csv
    import io

    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows(rows)
    path = fresh(tmp_path, ".csv")
    path.write_bytes(buffer.getvalue().encode(encoding, errors="replace"))
    event(check_import(db, path))


@FUZZ
@given(raw=st.binary(max_size=300), suffix=st.sampled_from([".csv", ".xlsx", ".txt", ".pdf"]))
def test_import_of_random_bytes(db, tmp_path, raw, suffix):
    path = fresh(tmp_path, suffix)
    path.write_bytes(raw)
    assert check_import(db, path) in ("refused", "accepted")


@settings(FUZZ, max_examples=30)
@given(rows=tables(), numbers=st.lists(st.one_of(st.integers(), st.floats()), max_size=3))
def test_xlsx_catalog_import(db, tmp_path, rows, numbers):
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append([ILLEGAL_CHARACTERS_RE.sub("", c) for c in row])
    sheet.append(numbers)
    path = fresh(tmp_path, ".xlsx")
    workbook.save(path)
    event(check_import(db, path))


def test_xlsx_that_is_a_zip_of_something_else(db, tmp_path):
    import zipfile

    path = tmp_path / "not-excel.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("hello.txt", "xin chào")
    assert check_import(db, path) == "refused"


FTS_SYNTAX = st.sampled_from(
    ['"', "*", "AND", "OR", "NOT", "NEAR(", "(", ")", ":", "^", "-", "+", "1.000001", "đ", "  "]
)
queries = st.lists(st.one_of(words, FTS_SYNTAX, st.text(max_size=10)), max_size=8).map(" ".join)


@settings(FUZZ, max_examples=100)
@given(
    query=st.one_of(queries, st.text(max_size=200)),
    level=st.sampled_from([None, "xa", "tinh", "x'y"]),
    field=st.one_of(st.none(), messy_text),
    limit=st.integers(1, 50),
)
def test_search_never_raises(db, query, level, field, limit):
    result = catalog.search(db, query, limit=limit, level=level, field=field)
    assert isinstance(result.items, list) and len(result.items) <= limit
