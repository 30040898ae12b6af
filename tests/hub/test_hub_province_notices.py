"""One hub for every province (issue 15): a province's notice reaches its own communes' desks
only, a national one every desk; a province user sees and retracts only its own province's;
a hub database of the previous version upgrades, its notices becoming national."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from supportdesk.core.kb import notices as desk_notices
from supportdesk.core.store import open_store, settings
from supportdesk.core.sync.client import sync_once
from supportdesk.hub import access, provinces
from supportdesk.hub import notices as hub_notices
from supportdesk.hub.storage import Storage
from tests.hub.kit import (
    A_COMMUNE,
    B_COMMUNE,
    A,
    B,
    dashboard_post,
    enrolled_token,
    login,
    pulled,
    storage_url,
)
from tests.sync.helpers import client

OLD_HUB = Path(__file__).parents[1] / "data" / "hubs" / "hub-main-c5eec38.db"


def later(hours: int = 2) -> str:
    return (datetime.now(UTC) + timedelta(hours=hours)).isoformat()


def desk(tmp_path, code: str):
    db = open_store(tmp_path / f"desk-{code}", seed=False)
    settings.put(db, "commune_code", code)
    settings.put(db, "install_id", f"install-{code}")
    return db


def test_a_province_notice_reaches_its_own_communes_and_a_national_one_every_commune(
    hub, hub_storage, tmp_path
):
    storage, url = hub_storage, hub.url
    assert provinces.province_of(A_COMMUNE) == A and provinces.province_of(B_COMMUNE) == B
    tokens = {c: enrolled_token(storage, c, f"install-{c}") for c in (A_COMMUNE, B_COMMUNE)}
    outside = enrolled_token(storage, "00001", "install-00001")  # in no province of the list
    officer_a = login(url, storage, "tuyenquang", A)
    nation = login(url, storage, "bo", None)

    text_a = "Cổng DVC Tuyên Quang bảo trì đến 14h"
    mine = dashboard_post(officer_a, url, "/api/v1/dashboard/notices",
                          {"text": text_a, "until": later()})  # fmt: skip
    assert mine.status_code == 200 and mine.json()["province"] == A, mine.text
    national = dashboard_post(nation, url, "/api/v1/dashboard/notices",
                              {"text": "VNeID đang quá tải", "until": later()})  # fmt: skip
    assert national.json()["province"] is None
    for_b = dashboard_post(nation, url, "/api/v1/dashboard/notices",
                           {"text": "Hà Nội: máy chủ tỉnh chậm", "until": later(),
                            "province": B})  # fmt: skip
    assert for_b.json()["province"] == B
    # A province user cannot post for another province, nor for the whole country.
    for beyond in (B, ""):
        refused = dashboard_post(officer_a, url, "/api/v1/dashboard/notices",
                                 {"text": "x", "until": later(), "province": beyond})  # fmt: skip
        assert refused.status_code == 403 and refused.json()["error"] == "forbidden"
    unknown = dashboard_post(nation, url, "/api/v1/dashboard/notices",
                             {"text": "x", "until": later(), "province": "99"})  # fmt: skip
    assert unknown.status_code == 422

    assert pulled(url, tokens[A_COMMUNE]) == [text_a, "VNeID đang quá tải"]
    assert pulled(url, tokens[B_COMMUNE]) == ["Hà Nội: máy chủ tỉnh chậm", "VNeID đang quá tải"]
    assert pulled(url, outside) == ["VNeID đang quá tải"]
    # And the desks show what they pulled at their sync.
    for code, expected in ((A_COMMUNE, "Cổng DVC Tuyên Quang"), (B_COMMUNE, "Hà Nội")):
        db = desk(tmp_path, code)
        assert sync_once(db, client(url, tokens[code]))["notices"] == 2
        shown = [n["text"] for n in desk_notices.active(db)]
        assert len(shown) == 2 and "VNeID đang quá tải" in shown
        assert any(t.startswith(expected) for t in shown)


def test_a_province_user_sees_and_retracts_only_its_own_provinces_notices(hub, hub_storage):
    storage, url = hub_storage, hub.url
    token_b = enrolled_token(storage, B_COMMUNE, "install-b")
    ours = hub_notices.post(storage, "Tuyên Quang: mất điện", until=later(), province=A)
    theirs = hub_notices.post(storage, "Hà Nội: mất mạng", until=later(), province=B)
    national = hub_notices.post(storage, "VNeID bảo trì", until=later())
    officer_a = login(url, storage, "tuyenquang", A)

    for asked in ("", f"?province={B}"):  # asking for another province changes nothing
        seen = officer_a.get(f"{url}/api/v1/dashboard/kb{asked}", timeout=10).json()
        listed = {n["id"]: (n["retractable"], n["reach"]) for n in seen["notices"]}
        assert listed == {ours["id"]: (True, "Tỉnh Tuyên Quang"),
                          national["id"]: (False, "toàn quốc")}  # fmt: skip

    for other in (theirs["id"], national["id"], "no-such-notice"):
        path = f"/api/v1/dashboard/notices/{other}/retract"
        refused = dashboard_post(officer_a, url, path)
        assert refused.status_code == 404 and refused.json()["error"] == "not_found"
    assert pulled(url, token_b) == ["Hà Nội: mất mạng", "VNeID bảo trì"]  # untouched
    done = dashboard_post(officer_a, url, f"/api/v1/dashboard/notices/{ours['id']}/retract")
    assert done.status_code == 200 and done.json() == {"retracted": True}
    assert [n["id"] for n in hub_notices.active(storage, province=A)] == [national["id"]]

    nation = login(url, storage, "bo", None)
    everything = nation.get(f"{url}/api/v1/dashboard/kb", timeout=10).json()["notices"]
    assert {n["id"] for n in everything} == {theirs["id"], national["id"]}
    assert all(n["retractable"] for n in everything)
    filtered = nation.get(f"{url}/api/v1/dashboard/kb?province={A}", timeout=10).json()
    assert [n["id"] for n in filtered["notices"]] == [national["id"]]
    bad = nation.get(f"{url}/api/v1/dashboard/kb?province=x1", timeout=10)
    assert bad.status_code == 422
    path = f"/api/v1/dashboard/notices/{theirs['id']}/retract"
    assert dashboard_post(nation, url, path).status_code == 200
    assert pulled(url, token_b) == ["VNeID bảo trì"]


def test_a_hub_database_of_the_previous_version_upgrades(tmp_path):
    copy = tmp_path / "hub.db"
    shutil.copyfile(OLD_HUB, copy)
    during = datetime(2026, 12, 1, 3, tzinfo=UTC)  # while the stored notice was in force
    for _ in range(2):  # and opening it again changes nothing
        storage = Storage(copy)
        try:
            for province in (A, B, None):
                found = hub_notices.active(storage, during, province=province)
                assert [(n["topic"], n["province"]) for n in found] == [("vneid", None)]
            _token, session = access.login(storage, "lan", "một mật khẩu rất dài")
            assert session.user.province == A  # the rest of the hub is as it was
        finally:
            storage.close()


# The notices table as hubs before province-scoped notices created it.
OLD_NOTICES = """CREATE TABLE notices (id TEXT PRIMARY KEY, text TEXT NOT NULL,
    topic TEXT NOT NULL DEFAULT '', starts_at TEXT NOT NULL, until TEXT NOT NULL,
    created_at TEXT NOT NULL, retracted_at TEXT)"""
OLD_ROW = ("n-old", "Thông báo cũ", "", "2026-12-01T00:00:00+00:00",
           "2026-12-01T09:00:00+00:00", "2026-12-01T00:00:00+00:00")  # fmt: skip


@pytest.mark.parametrize("kind", ["sqlite", "postgres"])
def test_an_old_notices_table_gets_its_province_on_both_backends(kind, tmp_path):
    url = storage_url(kind, tmp_path)
    insert = "INSERT INTO notices (id, text, topic, starts_at, until, created_at) VALUES "
    if kind == "sqlite":
        with sqlite3.connect(url) as conn:
            conn.execute(OLD_NOTICES)
            conn.execute(insert + "(?, ?, ?, ?, ?, ?)", OLD_ROW)
        conn.close()
    else:
        import psycopg

        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(OLD_NOTICES)
            conn.execute(insert + "(%s, %s, %s, %s, %s, %s)", OLD_ROW)
    during = datetime(2026, 12, 1, 3, tzinfo=UTC)
    for _ in range(2):
        storage = Storage(url)
        try:
            assert [n["id"] for n in hub_notices.active(storage, during, province=A)] == ["n-old"]
        finally:
            storage.close()
    storage = Storage(url)
    try:
        posted = hub_notices.post(storage, "Chỉ Hà Nội", until=during + timedelta(hours=1),
                                  now=during, province=B)  # fmt: skip
        assert [n["id"] for n in hub_notices.active(storage, during, province=A)] == ["n-old"]
        in_b = hub_notices.active(storage, during, province=B)
        assert {n["id"] for n in in_b} == {posted["id"], "n-old"}
    finally:
        storage.close()


def test_workers_opening_an_old_postgresql_hub_together_upgrade_it_once(tmp_path):
    """`hub serve --workers N` opens the database in N processes at once; without one opener
    at a time, two read the old table, both ALTER it, and PostgreSQL kills one as a deadlock.
    Passing does not depend on how the threads interleave; failing did, in about half the runs
    (so a few rounds)."""
    import threading

    import psycopg

    for _ in range(3):
        url = storage_url("postgres", tmp_path)
        Storage(url).close()
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("ALTER TABLE notices DROP COLUMN province")  # as an old hub has it
        failures: list[str] = []

        def open_it(url=url, failures=failures) -> None:
            try:
                Storage(url).close()
            except Exception as exc:  # noqa: BLE001 — any failure to open is the finding
                failures.append(repr(exc))

        workers = [threading.Thread(target=open_it) for _ in range(4)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join(60)
        assert failures == []
        storage = Storage(url)
        try:
            assert hub_notices.post(storage, "x", until=later(), province=A)["province"] == A
        finally:
            storage.close()
