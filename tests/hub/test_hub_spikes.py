"""Outage detection on a simulated morning of 3,321 desks (issue 17): four weeks of ordinary
mornings, then VNeID requests in a thousand communes at 09h. The spike is flagged, a one-topic
burst in one ward is not, the province turns the flag into a notice and a desk shows it."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from supportdesk.core.kb import notices
from supportdesk.core.store import open_store, settings
from supportdesk.core.sync import payload
from supportdesk.core.sync.client import sync_once
from supportdesk.hub import service, spikes
from supportdesk.hub.service import Commune
from tests.hub.kit import enrolled_token, summary
from tests.sync.helpers import client

COMMUNES = [f"{i:05d}" for i in range(1, 3322)]  # 3,321 communes, as after the 2025 reform
MORNING = datetime(2026, 12, 1, 9)


def hour(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H")


def ordinary_weeks(storage) -> None:
    """28 ordinary mornings: 300 communes log one VNeID request at 09h, 200 one portal login,
    and ward 00007 one digital-signature request. Stored as ingest stores them."""
    with storage.tx() as db:
        db.execute("DELETE FROM hourly_counts")
        for days in range(1, 29):
            at = hour(MORNING - timedelta(days=days))
            for code in COMMUNES[:300]:
                spikes.record(db, code, {at: {"vneid": 1}})
            for code in COMMUNES[1000:1200]:
                spikes.record(db, code, {at: {"dvc_account": 1}})
            spikes.record(db, "00007", {at: {"digital_signature": 1}})


def register_all(storage) -> None:
    with storage.tx() as db:
        for code in COMMUNES:
            db.execute(
                "INSERT INTO communes (code, name, created_at) VALUES (?, ?, ?) "
                "ON CONFLICT (code) DO NOTHING",
                [code, f"Xã {code}", service.utcnow()],
            )


def morning_payload(code: str, counts: dict[str, int]) -> dict:
    content = payload.summary_content({**summary("2026-12"), "hourly": {hour(MORNING): counts}})
    return payload.build(
        content, commune_code=code, revision=1, install_id=f"i-{code}", app_version="t",
        submission_id=str(uuid.uuid4()),
    )  # fmt: skip


def test_a_simulated_morning_of_3321_desks_raises_one_flag(hub_storage, hub, tmp_path):
    storage = hub_storage
    if not storage.postgres:  # 3,321 commits: skip the fsyncs this test does not depend on
        storage._conn().execute("PRAGMA synchronous = OFF")
    register_all(storage)
    ordinary_weeks(storage)
    # The morning: every desk syncs. VNeID fails: 1,000 communes log it (3.3× the usual 300);
    # portal logins are as usual; ward 00007 has a burst of 40 signature problems on its own.
    for i, code in enumerate(COMMUNES):
        counts = {}
        if i < 1000:
            counts["vneid"] = 1
        if 1000 <= i < 1200:
            counts["dvc_account"] = 1
        if code == "00007":
            counts["digital_signature"] = 40
        body = morning_payload(code, counts or {"other": 0})
        receipt = service.ingest(storage, Commune(code, f"i-{code}"), body)
        assert receipt["status"] == "accepted"

    flagged = spikes.detect(storage, hour(MORNING))
    assert [(s["category"], s["count"], s["communes"]) for s in flagged] == [("vneid", 1000, 1000)]
    assert flagged[0]["median"] == 300 and flagged[0]["ratio"] == 3.3
    assert spikes.detect(storage) == flagged  # the latest hour is the default

    # One click on the dashboard: a notice for the flagged topic; the desk shows it.
    notice = spikes.notice_for(storage, "vneid", hour(MORNING), now=datetime.now(UTC))
    assert notice["topic"] == "vneid" and "1000 yêu cầu từ 1000 xã" in notice["text"]
    desk = open_store(tmp_path / "desk", seed=False)
    settings.put(desk, "commune_code", "09999")
    settings.put(desk, "install_id", "install-09999")
    token = enrolled_token(storage, "09999", "install-09999")
    sync_once(desk, client(hub.url, token))
    assert [n["id"] for n in notices.active(desk)] == [notice["id"]]


def test_a_quiet_hub_and_a_new_hub_flag_nothing_below_ten_communes(hub_storage):
    storage = hub_storage
    assert spikes.detect(storage) == []
    register_all(storage)
    with storage.tx() as db:  # no history at all: the usual level counts as 1 request
        for code in COMMUNES[:9]:
            spikes.record(db, code, {hour(MORNING): {"vneid": 5}})
    assert spikes.detect(storage, hour(MORNING)) == []  # 45 requests, but only 9 communes
    with storage.tx() as db:
        spikes.record(db, COMMUNES[9], {hour(MORNING): {"vneid": 1}})
    assert [s["communes"] for s in spikes.detect(storage, hour(MORNING))] == [10]


def test_dashboard_spike_to_notice_in_one_click_in_chromium(hub, hub_storage, tmp_path):
    """Logged in as the province: the spike, the proposal; one click posts the notice."""
    import os
    from pathlib import Path

    import pytest

    from supportdesk.hub import access
    from supportdesk.hub import kb as hub_kb
    from supportdesk.hub import notices as hub_notices
    from tests.hub.browser import CHROMIUM, Browser
    from tests.hub.kit import PASSWORD

    if CHROMIUM is None:
        pytest.skip("Debian's chromium is not installed")
    storage = hub_storage
    register_all(storage)
    with storage.tx() as db:
        for code in COMMUNES[:40]:
            spikes.record(db, code, {hour(MORNING): {"vneid": 2}})
    hub_kb.receive_proposal(
        storage, Commune("00001", ""),
        {"proposal_id": str(uuid.uuid4()),
         "article": {"title": "Máy in phiếu hẹn báo kẹt giấy", "steps": ["Mở nắp", "Lấy giấy"]}},
    )  # fmt: skip
    access.add_user(storage, "tinh", PASSWORD, None)
    browser = Browser(tmp_path / "chromium-profile")
    try:
        browser.goto(f"{hub.url}/")
        browser.eval(
            "document.getElementById('name').value = 'tinh';"
            f"document.getElementById('password').value = {PASSWORD!r};"
            "document.querySelector('#login button').click(); true"
        )
        browser.wait_for("document.querySelectorAll('.spike').length === 1")
        text = browser.eval("document.body.innerText")
        assert "Tài khoản VNeID và định danh mức 2: 80 yêu cầu từ 40 xã lúc 09h" in text
        proposed = browser.eval("document.querySelector('.proposal input').value")
        assert proposed == "Máy in phiếu hẹn báo kẹt giấy" and "Lấy giấy" in text
        browser.eval("document.querySelector('.spike button').click(); true")
        browser.wait_for("document.querySelectorAll('.notice').length === 1")
        shot = Path(os.environ.get("SUPPORTDESK_SCREENSHOT_DIR", tmp_path)) / "hub-kb-alerts.png"
        browser.screenshot(shot)
        assert shot.stat().st_size > 10_000
    finally:
        browser.close()
    posted = hub_notices.active(storage)
    assert [n["topic"] for n in posted] == ["vneid"] and "80 yêu cầu từ 40 xã" in posted[0]["text"]


def test_dashboard_changes_need_the_session_and_its_csrf_token(hub, hub_storage):
    import requests

    from tests.hub.kit import login

    anonymous = requests.post(f"{hub.url}/api/v1/dashboard/notices", json={}, timeout=5)
    assert anonymous.status_code == 401
    session = login(hub.url, hub_storage)
    until = (datetime.now(UTC) + timedelta(hours=1)).isoformat()
    forged = session.post(f"{hub.url}/api/v1/dashboard/notices",
                          json={"text": "x", "until": until}, timeout=5)  # fmt: skip
    assert forged.status_code == 403
    assert session.get(f"{hub.url}/api/v1/dashboard/kb", timeout=5).json()["notices"] == []
