"""The province dashboard: its numbers, and the login and the page in a real headless Chromium
(with a screenshot for a person to see)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import requests

from supportdesk.core.sync import payload
from supportdesk.hub import access, admin, dashboard, service
from tests.hub.browser import CHROMIUM, Browser
from tests.hub.kit import PASSWORD, summary

COMMUNES = [  # code, name, received, staff: Hà Giang's busy ward next to quiet mountain communes
    ("00694", "Phường Hà Giang 1", 420, 6), ("00700", "Xã Ngọc Đường", 95, 5),
    ("00706", "Xã Phú Linh", 130, 5), ("00859", "Xã Ngọc Long", 40, 7),
    ("00970", "Xã Linh Hồ", 150, 6),
]  # fmt: skip
ELSEWHERE = ("00004", "Phường Ba Đình", 77, 4)  # Hà Nội: not Tuyên Quang's business
TUYEN_QUANG = "08"


def fill(storage) -> None:
    for code, name, received, staff in [*COMMUNES, ELSEWHERE]:
        enrollment = admin.add_commune(storage, code, name)
        token = service.enroll(storage, enrollment, f"install-{code}", code)["token"]
        escalations = [{"category": "vneid", "procedure_code": "1.001193",
                        "escalated_to_unit": "Công an tỉnh Tuyên Quang", "status": "escalated",
                        "age_working_days": 4}] if received > 140 else []  # fmt: skip
        content = payload.summary_content(
            summary("2026-11", received=received, resolved=received - 10,
                    on_time=received - 14, escalations=escalations, staff=staff)
        )  # fmt: skip
        body = payload.build(content, commune_code=code, commune_name=name, revision=1,
                             install_id=f"install-{code}", app_version="t",
                             generated_at="2026-12-01T02:00:00+00:00")  # fmt: skip
        service.ingest(storage, service.authenticate(storage, f"Bearer {token}"), body)
    admin.add_commune(storage, "00928", "Xã Thanh Thuỷ")  # Tuyên Quang; has not reported


def province_codes() -> list[str]:
    from supportdesk.core.admin_units import AdminUnits

    return [u.code for u in AdminUnits.shipped().communes_of(TUYEN_QUANG)]


def test_dashboard_numbers(hub_storage):
    fill(hub_storage)
    view = dashboard.view(hub_storage, communes=province_codes())
    assert view["period"] == {"type": "month", "id": "2026-11"}
    assert (view["reported"], view["total_communes"]) == (5, 6)
    by_code = {c["code"]: c for c in view["communes"]}
    assert "00004" not in by_code
    assert by_code["00694"]["days"] == 30 and by_code["00694"]["load"] == "high"
    assert by_code["00859"]["load"] == "low"
    assert by_code["00694"]["on_time_rate"] == round(100 * 406 / 410, 1)
    assert not by_code["00928"]["reported"]
    assert {e["commune_code"] for e in view["escalations"]} == {"00694", "00970"}
    # A province officer reads the topic and the status in words, not their codes.
    assert {(e["category"], e["status"], e["age_working_days"]) for e in view["escalations"]} == {
        ("Tài khoản VNeID", "Đã chuyển cấp trên", 4)
    }
    assert dashboard.view(hub_storage)["total_communes"] == 7  # the nation sees every commune


def test_dashboard_api_needs_a_login_and_keeps_to_the_province(hub, hub_storage):
    fill(hub_storage)
    assert requests.get(f"{hub.url}/api/v1/dashboard", timeout=5).status_code == 401
    page = requests.get(f"{hub.url}/", timeout=5, allow_redirects=False)
    assert page.status_code == 303 and page.headers["location"] == "/login"
    from tests.hub.kit import login

    province = login(hub.url, hub_storage, "tuyenquang", TUYEN_QUANG)
    seen = province.get(f"{hub.url}/api/v1/dashboard?province=01", timeout=5).json()
    assert {c["code"] for c in seen["communes"]} == {c[0] for c in COMMUNES} | {"00928"}
    nation = login(hub.url, hub_storage, "bo", None)
    every = nation.get(f"{hub.url}/api/v1/dashboard", timeout=5).json()
    assert len(every["communes"]) == 7 and len(every["provinces"]) == 34
    hanoi = nation.get(f"{hub.url}/api/v1/dashboard?province=01", timeout=5).json()
    assert [c["code"] for c in hanoi["communes"]] == ["00004"]
    cookie = next(c for c in nation.cookies if c.name == access.COOKIE)
    assert cookie.has_nonstandard_attr("HttpOnly") and not cookie.secure  # plain http here
    # Logging out is a form with the session's CSRF token: without it, nothing happens.
    assert nation.post(f"{hub.url}/logout", data={}, timeout=5).status_code == 403
    assert nation.get(f"{hub.url}/api/v1/dashboard", timeout=5).status_code == 200


def test_wrong_password_and_foreign_login_form_are_refused(hub, hub_storage):
    access.add_user(hub_storage, "tinh", PASSWORD, TUYEN_QUANG)
    session = requests.Session()
    session.get(f"{hub.url}/login", timeout=5)
    forged = session.post(f"{hub.url}/login", data={"name": "tinh", "password": PASSWORD,
                                                     "csrf": "guessed"}, timeout=5)  # fmt: skip
    assert forged.status_code == 403 and forged.json()["error"] == "csrf"
    with pytest.raises(service.HubError):
        access.login(hub_storage, "tinh", "not the password")
    with pytest.raises(service.HubError):
        access.login(hub_storage, "nobody", PASSWORD)


@pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed")
def test_login_and_dashboard_in_headless_chromium(hub, hub_storage, tmp_path):
    fill(hub_storage)
    access.add_user(hub_storage, "tuyenquang", PASSWORD, TUYEN_QUANG)
    browser = Browser(tmp_path / "chromium-profile")
    try:
        browser.goto(f"{hub.url}/")
        assert browser.eval("location.pathname") == "/login"  # no session: the login form
        browser.eval(
            "document.getElementById('name').value = 'tuyenquang';"
            f"document.getElementById('password').value = {PASSWORD!r};"
            "document.querySelector('#login button').click(); true"
        )
        browser.wait_for("document.body.dataset.ready === '1'")
        assert "sd_session" not in browser.eval("document.cookie")  # HttpOnly
        browser.eval("document.querySelector('#communes th[data-key=received]').click(); true")
        codes = browser.eval(
            "[...document.querySelectorAll('#communes tbody tr td:first-child')]"
            ".map((td) => td.textContent)"
        )
        assert codes[:5] == ["00694", "00970", "00706", "00700", "00859"]
        assert "00004" not in codes and "00928" in codes  # only the province's communes
        text = browser.eval("document.body.innerText")
        assert "quá tải" in text and "rảnh" in text and "5/6" in text
        assert "Công an tỉnh Tuyên Quang" in text and "1.001193" in text
        shot = Path(os.environ.get("SUPPORTDESK_SCREENSHOT_DIR", tmp_path)) / "hub-dashboard.png"
        browser.screenshot(shot)
        assert shot.stat().st_size > 10_000
        browser.eval("document.querySelector('#logout button').click(); true")
        browser.wait_for("location.pathname === '/login' && document.readyState === 'complete'")
        status = browser.eval("fetch('/api/v1/dashboard').then((r) => r.status)")
        assert status == 401
    finally:
        browser.close()


def test_repeated_wrong_passwords_lock_the_address_out(hub, hub_storage):
    import re

    from supportdesk.hub import throttle

    access.add_user(hub_storage, "tinh", PASSWORD, TUYEN_QUANG)
    session = requests.Session()
    for _ in range(throttle.MAX_FAILURES):
        csrf = re.search(r'name="csrf" value="([^"]+)"', session.get(f"{hub.url}/login").text)
        wrong = session.post(
            f"{hub.url}/login",
            allow_redirects=False,
            timeout=5,
            data={"name": "tinh", "password": "đoán thử", "csrf": csrf[1]},
        )
        assert wrong.headers["location"] == "/login?failed=1"
    csrf = re.search(r'name="csrf" value="([^"]+)"', session.get(f"{hub.url}/login").text)
    right = session.post(
        f"{hub.url}/login",
        allow_redirects=False,
        timeout=5,
        data={"name": "tinh", "password": PASSWORD, "csrf": csrf[1]},
    )
    assert right.status_code == 429 and right.headers["Retry-After"]
