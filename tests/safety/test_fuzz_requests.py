"""Fuzzing request intake fields, updates and the request search with hypothesis.

The property: intake either logs the request or refuses it with RequestError (one plain line);
a refused intake writes nothing, not even an event. Search never raises."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from supportdesk.core import text, tickets
from supportdesk.core.store.connection import open_store

FUZZ = settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
VIETNAMESE = "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựĐ"
words = st.text(alphabet=VIETNAMESE + " 0123456789+-.()\"'*:", max_size=40)
anything = st.one_of(words, st.text(max_size=60), st.integers(), st.floats(), st.none())


def field_values(name: str):
    label, limit, allowed = tickets.FIELDS[name]
    choices = [anything, st.text(min_size=limit - 2, max_size=limit + 3)]
    if allowed:
        choices.append(st.sampled_from(list(allowed)))
    if name == "category":
        choices.append(st.sampled_from(["vneid", "dvc", "chu-ky-so", "khong-co"]))
    if name == "procedure_code":
        choices.append(st.sampled_from(["1.001193", "1.00119", "", "2.000000"]))
    return st.one_of(*choices)


@st.composite
def intake_data(draw) -> dict:
    data = {"category": "vneid", "summary": draw(st.one_of(words, anything))}
    for name in draw(st.lists(st.sampled_from(list(tickets.FIELDS)), max_size=5)):
        data[name] = draw(field_values(name))
    if draw(st.integers(0, 9)) == 0:
        data[draw(st.text(max_size=10))] = draw(anything)  # a field that does not exist
    return data


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    store = open_store(tmp_path_factory.mktemp("requests-fuzz") / "data", seed=False)
    tickets.create(store, {"category": "vneid", "summary": "Đầu tiên"}, actor="Hoà")
    yield store
    store.close()


def counts(db) -> tuple:
    return tuple(
        db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("requests", "request_events")
    )


@FUZZ
@given(data=intake_data(), resolved=st.booleans(), actor=st.one_of(words, st.just("Lê Thị Hoà")))
def test_intake_logs_or_refuses_cleanly(db, data, resolved, actor):
    before = counts(db)
    try:
        request = tickets.create(db, data, actor=actor, resolved_now=resolved)
    except tickets.RequestError as exc:
        event("refused")
        assert str(exc) and "\n" not in str(exc)
        assert counts(db) == before, "a refused intake wrote something"
        return
    event("logged")
    assert counts(db)[0] == before[0] + 1
    assert tickets.get(db, request["id"])["ticket"] == request["ticket"]


@FUZZ
@given(
    status=st.one_of(st.none(), st.sampled_from(list(tickets.STATUSES)), words),
    note=st.one_of(st.none(), words),
    fields=st.dictionaries(st.sampled_from(list(tickets.FIELDS)), anything, max_size=2),
)
def test_update_changes_or_refuses_cleanly(db, status, note, fields):
    request_id = db.execute("SELECT max(id) FROM requests").fetchone()[0]
    before = counts(db)
    try:
        tickets.update(db, request_id, actor="Hoà", status=status, note=note, fields=fields)
    except tickets.RequestError as exc:
        event("refused")
        assert str(exc)
        assert counts(db) == before
        return
    event("changed")
    assert counts(db)[1] == before[1] + 1  # one change, one event


FTS_SYNTAX = st.sampled_from(
    ['"', "*", "AND", "OR", "NEAR(", "(", ")", ":", "^", "-", "HT-2026-000001", "0912 345 678"]
)
queries = st.lists(st.one_of(words, FTS_SYNTAX, st.text(max_size=10)), max_size=8).map(" ".join)


@settings(FUZZ, max_examples=100)
@given(query=st.one_of(queries, st.text(max_size=200)), limit=st.integers(1, 60))
def test_request_search_never_raises(db, query, limit):
    found = tickets.search(db, query, limit=limit)
    assert isinstance(found, list) and len(found) <= limit
    found_id = tickets.find(db, query)
    if found_id is not None:  # found by its id or its ticket, and it is that request
        request = tickets.get(db, found_id)
        typed = text.clean(query).upper().replace(" ", "")
        by_id = typed.isascii() and typed.isdigit() and int(typed) == found_id
        assert by_id or typed == request["ticket"], (query, request["ticket"])
