"""One hub for every province (issue 15) and the articles communes propose (issue 17): a
province user lists and reviews only the proposals of its own communes, another province's is a
404 as an unknown id is (never a 500), and a national user sees all and filters by province.
What a review publishes goes into the one national `kb` catalog."""

from __future__ import annotations

import json
import subprocess
import sys
import uuid

import requests

from supportdesk.core import kb
from supportdesk.core.kb import proposals as desk_proposals
from supportdesk.core.store import open_store, settings
from supportdesk.core.sync.client import sync_once
from supportdesk.hub import kb as hub_kb
from supportdesk.hub.storage import Storage
from tests.hub.kit import (
    A_COMMUNE,
    B_COMMUNE,
    A,
    B,
    dashboard_post,
    enrolled_token,
    login,
)
from tests.sync.helpers import client

A_OTHER = "00700"  # another commune of Tuyên Quang
OUTSIDE = "00001"  # a code in no province of the shipped list


def propose(url: str, token: str, title: str) -> str:
    """A commune proposes an article through the hub's API, with its own token."""
    proposal_id = str(uuid.uuid4())
    answer = requests.post(
        f"{url}/api/v1/kb/proposals", timeout=10,
        json={"proposal_id": proposal_id, "article": {"title": title, "steps": ["Bước một"]}},
        headers={"Authorization": f"Bearer {token}", "Idempotency-Key": proposal_id},
    )  # fmt: skip
    assert answer.status_code == 200, answer.text
    return proposal_id


def listed(session, url: str, asked: str = "") -> dict[str, str | None]:
    """The proposals the dashboard lists for this user: {title: province}."""
    answer = session.get(f"{url}/api/v1/dashboard/kb{asked}", timeout=10)
    assert answer.status_code == 200, answer.text
    return {p["article"]["title"]: p["province"] for p in answer.json()["proposals"]}


def test_a_province_user_lists_and_reviews_only_its_own_communes_proposals(hub, hub_storage):
    storage, url = hub_storage, hub.url
    tokens = {c: enrolled_token(storage, c, f"install-{c}")
              for c in (A_COMMUNE, A_OTHER, B_COMMUNE, OUTSIDE)}  # fmt: skip
    ours = propose(url, tokens[A_COMMUNE], "Máy in phiếu hẹn báo kẹt giấy")
    ours_too = propose(url, tokens[A_OTHER], "Cổng DVC tỉnh không nhận tệp lớn")
    theirs = propose(url, tokens[B_COMMUNE], "Hà Nội: không ký số được trên Cổng")
    outside = propose(url, tokens[OUTSIDE], "Xã ngoài danh sách đề xuất")
    officer_a = login(url, storage, "tuyenquang", A)

    mine = {"Máy in phiếu hẹn báo kẹt giấy": A, "Cổng DVC tỉnh không nhận tệp lớn": A}
    for asked in ("", f"?province={B}"):  # asking for another province changes nothing
        assert listed(officer_a, url, asked) == mine

    # Acting on another province's proposal (or one of no province) answers exactly as an
    # unknown id does: the officer learns nothing, and nothing changes.
    unknown = dashboard_post(officer_a, url, f"/api/v1/dashboard/proposals/{uuid.uuid4()}/reject")
    assert unknown.status_code == 404
    for other in (theirs, outside):
        for verdict in ("publish", "reject"):
            path = f"/api/v1/dashboard/proposals/{other}/{verdict}"
            refused = dashboard_post(officer_a, url, path, {"article": {"title": "Đổi tên"}})
            assert refused.status_code == 404, refused.text
            assert refused.json() == unknown.json()
    assert {p["proposal_id"] for p in hub_kb.proposals(storage)} == {
        ours, ours_too, theirs, outside}  # fmt: skip

    done = dashboard_post(officer_a, url, f"/api/v1/dashboard/proposals/{ours}/publish",
                          {"article": {"title": "Máy in phiếu hẹn bị kẹt giấy"}})  # fmt: skip
    assert done.status_code == 200 and done.json()["state"] == "published", done.text
    gone = dashboard_post(officer_a, url, f"/api/v1/dashboard/proposals/{ours_too}/reject")
    assert gone.status_code == 200 and gone.json()["state"] == "rejected"
    assert listed(officer_a, url) == {}

    nation = login(url, storage, "bo", None)
    assert listed(nation, url) == {"Hà Nội: không ký số được trên Cổng": B,
                                   "Xã ngoài danh sách đề xuất": None}  # fmt: skip
    assert listed(nation, url, f"?province={B}") == {"Hà Nội: không ký số được trên Cổng": B}
    assert listed(nation, url, f"?province={A}") == {}
    named = nation.get(f"{url}/api/v1/dashboard/kb", timeout=10).json()["proposals"]
    assert {p["province_name"] for p in named} == {"Thành phố Hà Nội", ""}
    bad = nation.get(f"{url}/api/v1/dashboard/kb?province=x1", timeout=10)
    assert bad.status_code == 422
    published = dashboard_post(nation, url, f"/api/v1/dashboard/proposals/{theirs}/publish")
    assert published.status_code == 200 and published.json()["state"] == "published"
    assert dashboard_post(nation, url, f"/api/v1/dashboard/proposals/{outside}/reject").ok
    assert listed(nation, url) == {}

    # Publishing stays national: both provinces' published proposals are in the one catalog.
    catalog = json.loads(_current_kb(storage))
    assert {a["title"] for a in catalog["articles"]} == {
        "Máy in phiếu hẹn bị kẹt giấy", "Hà Nội: không ký số được trên Cổng"}  # fmt: skip


def _current_kb(storage) -> bytes:
    with storage.tx(write=False) as db:
        (body,) = db.one(
            "SELECT c.body FROM catalogs c JOIN catalog_current k "
            "ON k.name = c.name AND k.version = c.version WHERE c.name = 'kb'"
        )
    return bytes(body)


def test_a_desk_proposal_reaches_only_its_provinces_officer(hub, hub_storage, tmp_path):
    """Through the desk's own outbox and sync, as a commune really proposes."""
    storage, url = hub_storage, hub.url
    for code in (A_COMMUNE, B_COMMUNE):
        db = open_store(tmp_path / f"desk-{code}", seed=False)
        settings.put(db, "commune_code", code)
        settings.put(db, "install_id", f"install-{code}")
        article = kb.add(db, {"title": f"Bài của xã {code}", "steps": ["Mở", "Đóng"]})
        desk_proposals.propose(db, article["id"])
        token = enrolled_token(storage, code, f"install-{code}")
        assert sync_once(db, client(url, token))["proposals_sent"] == 1
    assert listed(login(url, storage, "tuyenquang", A), url) == {f"Bài của xã {A_COMMUNE}": A}
    assert listed(login(url, storage, "hanoi", B), url) == {f"Bài của xã {B_COMMUNE}": B}


def test_the_command_line_reviews_one_provinces_proposals(tmp_path):
    db = tmp_path / "hub.db"
    storage = Storage(db)
    try:
        ids = {}
        for code in (A_COMMUNE, B_COMMUNE):
            enrolled_token(storage, code, f"install-{code}")
            ids[code] = str(uuid.uuid4())
            hub_kb.receive_proposal(
                storage, _commune(code),
                {"proposal_id": ids[code], "article": {"title": f"Bài {code}", "steps": ["a"]}},
            )  # fmt: skip
    finally:
        storage.close()

    def cli(*args):
        return subprocess.run(
            [sys.executable, "-m", "supportdesk", "hub", "proposals", *args, "--db", str(db)],
            capture_output=True, text=True, timeout=60,
        )  # fmt: skip

    in_a = json.loads(cli("--province", A, "--json").stdout)
    assert [(p["commune_code"], p["province"]) for p in in_a] == [(A_COMMUNE, A)]
    refused = cli("--province", A, "--reject", ids[B_COMMUNE])
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    assert cli("--province", "99").returncode == 2
    assert cli("--province", B, "--reject", ids[B_COMMUNE]).returncode == 0
    everything = json.loads(cli("--json").stdout)
    assert [p["commune_code"] for p in everything] == [A_COMMUNE]


def _commune(code: str):
    from supportdesk.hub.service import Commune

    return Commune(code, f"install-{code}")
