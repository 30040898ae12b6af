"""Fuzzing the directory importers (CSV, XLSX, vCard) and the contact search with hypothesis.

Same property as the catalog: a clean report or a BadInputError, never another exception; a
refused or rejected import changes nothing. Search never raises."""

from __future__ import annotations

import csv
import hashlib
import io
import uuid
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from supportdesk.core import directory
from supportdesk.core.store.connection import open_store
from supportdesk.core.tabular import BadInputError

FUZZ = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
VIETNAMESE = "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựĐ"
words = st.text(alphabet=VIETNAMESE + " ,.;-\"'()*:@+", max_size=30)
names = st.text(alphabet=VIETNAMESE + " ", min_size=2, max_size=25).filter(str.strip)
phones = st.one_of(
    st.integers(0, 10**8).map(lambda n: f"09{n:08d}"),
    st.integers(0, 10**7).map(lambda n: f"(024) 3{n:07d}"),
    st.text(alphabet="0123456789 +-().x", max_size=16),
)
cells = st.one_of(words, st.text(max_size=20), phones, st.just(""))
TITLES = {field: title for field, title in directory.files.COLUMNS}
by_field = {"name": names, "phone_cell": phones, "phone_work": phones, "kind": st.sampled_from(
    ["Cá nhân", "Cơ quan", "person", "agency", "x"]), "level": st.sampled_from(
    ["Cấp xã", "Cấp tỉnh", "bo", "", "cấp sao hỏa"]), "email": st.sampled_from(
    ["a@b.vn", "khong-phai-email", "", "x@y"]), "codes": st.sampled_from(
    ["1.001193", "1.001193; 2.000001", "sai mã", ""]), "verified": st.sampled_from(
    ["01/11/2026", "2026-11-01", "32/13/2026", ""])}  # fmt: skip


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    store = open_store(tmp_path_factory.mktemp("directory-fuzz") / "data", seed=False)
    yield store
    store.close()


def fingerprint(db) -> str:
    rows = db.execute("SELECT * FROM contacts ORDER BY id").fetchall()
    return hashlib.sha256(repr(rows).encode()).hexdigest()


def check_import(db, path: Path) -> str:
    before = fingerprint(db)
    try:
        report = directory.files.import_file(db, path)
    except BadInputError as exc:
        assert str(exc)
        assert fingerprint(db) == before
        return "refused"
    if report.rejected:
        assert all(r["reason"] for r in report.rejected)
        assert fingerprint(db) == before, "a rejected import changed the store"
        return "rows rejected"
    return "accepted"


def fresh(tmp_path: Path, suffix: str) -> Path:
    return tmp_path / f"{uuid.uuid4().hex}{suffix}"


@st.composite
def tables(draw) -> list[list[str]]:
    fields = draw(st.lists(st.sampled_from(list(TITLES)), max_size=4, unique=True))
    header = draw(st.permutations(["name", *[f for f in fields if f != "name"]]))
    rows = [[draw(by_field.get(f, cells)) for f in header] for _ in range(draw(st.integers(0, 5)))]
    return [[TITLES[f] for f in header], *rows]


@FUZZ
@given(rows=tables(), delimiter=st.sampled_from([",", ";", "\t"]), bom=st.booleans())
def test_csv_contacts_import(db, tmp_path, rows, delimiter, bom):
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows(rows)
    path = fresh(tmp_path, ".csv")
    path.write_text(buffer.getvalue(), encoding="utf-8-sig" if bom else "utf-8")
    event(check_import(db, path))


@settings(FUZZ, max_examples=30)
@given(rows=tables())
def test_xlsx_contacts_import(db, tmp_path, rows):
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    workbook = Workbook()
    for row in rows:
        workbook.active.append([ILLEGAL_CHARACTERS_RE.sub("", c) for c in row])
    path = fresh(tmp_path, ".xlsx")
    workbook.save(path)
    event(check_import(db, path))


PROPERTIES = [
    "FN", "N", "TEL;TYPE=CELL", "TEL", "EMAIL", "ORG", "TITLE", "NOTE", "X-FOO",
    "TEL;TYPE=WORK,VOICE", "item1.TEL", "FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE",
]  # fmt: skip


@st.composite
def vcards(draw) -> str:
    cards = []
    for _ in range(draw(st.integers(0, 3))):
        lines = [draw(st.sampled_from(["BEGIN:VCARD", "BEGIN:VCARD", "BEGIN:vcard", ""]))]
        lines.append(f"VERSION:{draw(st.sampled_from(['2.1', '3.0', '4.0', 'x']))}")
        lines.append(f"FN:{draw(names)}")
        for _ in range(draw(st.integers(0, 4))):
            value = draw(st.one_of(words, phones, st.text(max_size=15)))
            lines.append(f"{draw(st.sampled_from(PROPERTIES))}:{value}")
        if draw(st.integers(0, 5)):
            lines.append("END:VCARD")
        cards.append("\r\n".join(lines))
    return "\r\n".join(cards) + draw(st.sampled_from(["", "\r\n", " folded", "\n=0D"]))


@FUZZ
@given(text=vcards())
def test_vcard_import(db, tmp_path, text):
    path = fresh(tmp_path, ".vcf")
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    event(check_import(db, path))


@FUZZ
@given(raw=st.binary(max_size=300), suffix=st.sampled_from([".csv", ".xlsx", ".vcf", ".doc"]))
def test_contacts_import_of_random_bytes(db, tmp_path, raw, suffix):
    path = fresh(tmp_path, suffix)
    path.write_bytes(raw)
    event(check_import(db, path))


FTS_SYNTAX = st.sampled_from(['"', "*", "AND", "NEAR(", "(", ")", ":", "^", "-", "0912", "1.0"])


@settings(FUZZ, max_examples=100)
@given(
    query=st.one_of(
        st.lists(st.one_of(words, FTS_SYNTAX, phones), max_size=6).map(" ".join),
        st.text(max_size=120),
    ),
    limit=st.integers(1, 40),
)
def test_contact_search_never_raises(db, query, limit):
    found = directory.search(db, query, limit=limit)
    assert isinstance(found, list) and len(found) <= limit
