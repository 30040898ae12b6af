"""The province-scoped notices and spikes on the dashboard page, in a real headless Chromium:
a province officer sees its own notices (withdrawable) and the nation's (not), never another
province's, and its form posts for its province; a national user filtering on a province sees
that province's spike and one click announces it to that province only; proposals likewise keep
to the proposing commune's province."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from supportdesk.hub import access, spikes
from supportdesk.hub import notices as hub_notices
from tests.hub.browser import CHROMIUM, Browser
from tests.hub.kit import HOUR, PASSWORD, A, B, outage

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed")


def signed_in(tmp_path, url: str, name: str) -> Browser:
    browser = Browser(tmp_path / f"chromium-{name}")
    browser.goto(f"{url}/")
    browser.eval(
        f"document.getElementById('name').value = {name!r};"
        f"document.getElementById('password').value = {PASSWORD!r};"
        "document.querySelector('#login button').click(); true"
    )
    browser.wait_for("document.body.dataset.ready === '1'")
    return browser


NOTICES = "[...document.querySelectorAll('.notice')].map((n) => n.innerText)"


def test_a_province_officer_works_with_its_own_notices_in_chromium(hub, hub_storage, tmp_path):
    storage, url = hub_storage, hub.url
    until = datetime.now(UTC) + timedelta(hours=3)
    hub_notices.post(storage, "VNeID bảo trì toàn quốc", until=until)
    hub_notices.post(storage, "Hà Nội mất mạng", until=until, province=B)
    access.add_user(storage, "tuyenquang", PASSWORD, A)
    browser = signed_in(tmp_path, url, "tuyenquang")
    try:
        browser.wait_for("document.querySelectorAll('.notice').length === 1")
        shown = browser.eval(NOTICES)
        assert "VNeID bảo trì toàn quốc" in shown[0] and "toàn quốc" in shown[0]
        assert browser.eval("document.querySelectorAll('.notice button').length") == 0
        assert browser.eval("document.getElementById('notice-reach').hidden") is True
        # The officer types Vietnam time, as the hub reads a time without an offset.
        local = (datetime.now(hub_notices.VIETNAM) + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M")
        browser.eval(
            "const f = document.getElementById('notice-form');"
            "f.elements.text.value = 'Cổng DVC tỉnh bảo trì';"
            f"f.elements.until.value = {local!r};"
            "f.querySelector('button').click(); true"
        )
        posted = "document.querySelectorAll('.notice').length === 2"
        browser.wait_for(f"{posted} || document.getElementById('error').textContent")
        assert browser.eval(posted), browser.eval("document.getElementById('error').textContent")
        assert "Hà Nội" not in browser.eval("document.body.innerText")
        assert browser.eval("document.querySelectorAll('.notice button').length") == 1
        assert [n["province"] for n in hub_notices.active(storage, province=A)] == [A, None]
        browser.eval("document.querySelector('.notice button').click(); true")
        browser.wait_for("document.querySelectorAll('.notice').length === 1")
        assert browser.eval("document.getElementById('error').textContent") == ""
    finally:
        browser.close()
    assert [n["text"] for n in hub_notices.active(storage, province=A)] == [
        "VNeID bảo trì toàn quốc"
    ]


def test_a_national_user_announces_one_provinces_spike_to_it_in_chromium(
    hub, hub_storage, tmp_path
):
    storage, url = hub_storage, hub.url
    outage(storage, B, 12)
    with storage.tx() as db:  # and a quieter hour elsewhere, so the nation's view differs
        spikes.record(db, "00694", {HOUR: {"dvc_account": 1}})
    access.add_user(storage, "bo", PASSWORD, None)
    browser = signed_in(tmp_path, url, "bo")

    def choose(province: str) -> None:  # the province filter, as a person picks it
        browser.eval(
            f"(() => {{ const s = document.getElementById('province'); s.value = {province!r};"
            "s.dispatchEvent(new Event('change')); return true; })()"
        )

    try:
        browser.wait_for("document.querySelectorAll('.spike').length === 1")
        choose(A)
        browser.wait_for("document.querySelectorAll('.spike').length === 0")
        assert browser.eval("document.getElementById('notice-province').value") == A
        choose(B)
        browser.wait_for("document.querySelectorAll('.spike').length === 1")
        browser.eval("document.querySelector('.spike button').click(); true")
        browser.wait_for("document.querySelectorAll('.notice').length === 1")
        assert "Thành phố Hà Nội" in browser.eval(NOTICES)[0]
    finally:
        browser.close()
    posted = hub_notices.active(storage)
    assert [(n["topic"], n["province"]) for n in posted] == [("vneid", B)]
    assert hub_notices.active(storage, province=A) == []


PROPOSALS = "[...document.querySelectorAll('.proposal')].map((p) => p.innerText)"
TITLES = "[...document.querySelectorAll('.proposal input')].map((i) => i.value)"


def test_proposals_keep_to_their_province_on_the_page_in_chromium(hub, hub_storage, tmp_path):
    """A national user sees both provinces' proposals, named, and filters; a province officer
    sees and rejects only its own commune's."""
    import uuid

    from supportdesk.hub import kb as hub_kb
    from supportdesk.hub.service import Commune
    from tests.hub.kit import A_COMMUNE, B_COMMUNE, enrolled_token

    storage, url = hub_storage, hub.url
    for code, title in ((A_COMMUNE, "Bài của Tuyên Quang"), (B_COMMUNE, "Bài của Hà Nội")):
        enrolled_token(storage, code, f"install-{code}")
        hub_kb.receive_proposal(
            storage, Commune(code, f"install-{code}"),
            {"proposal_id": str(uuid.uuid4()), "article": {"title": title, "steps": ["Mở"]}},
        )  # fmt: skip
    access.add_user(storage, "bo", PASSWORD, None)
    access.add_user(storage, "tuyenquang", PASSWORD, A)
    nation = signed_in(tmp_path, url, "bo")
    try:
        nation.wait_for("document.querySelectorAll('.proposal').length === 2")
        shown = nation.eval(PROPOSALS)
        assert any(p.startswith("Thành phố Hà Nội · ") for p in shown), shown
        nation.eval(
            "(() => { const s = document.getElementById('province');"
            f" s.value = {A!r}; s.dispatchEvent(new Event('change')); return true; }})()"
        )
        nation.wait_for("document.querySelectorAll('.proposal').length === 1")
        assert nation.eval(TITLES) == ["Bài của Tuyên Quang"]
    finally:
        nation.close()
    officer = signed_in(tmp_path, url, "tuyenquang")
    try:
        officer.wait_for("document.querySelectorAll('.proposal').length === 1")
        assert officer.eval(TITLES) == ["Bài của Tuyên Quang"]
        assert "Hà Nội" not in officer.eval("document.body.innerText")
        officer.eval("document.querySelectorAll('.proposal button')[1].click(); true")  # Từ chối
        officer.wait_for("document.querySelectorAll('.proposal').length === 0")
        assert officer.eval("document.getElementById('error').textContent") == ""
    finally:
        officer.close()
    assert [p["article"]["title"] for p in hub_kb.proposals(storage)] == ["Bài của Hà Nội"]
