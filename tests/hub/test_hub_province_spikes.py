"""Spikes keep to the viewer (issue 15): an outage among one province's communes shows on that
province's dashboard and the nation's, never on another province's; the notice made from it
reaches that province's desks only; a small province needs fewer communes to raise a flag."""

from __future__ import annotations

import requests

from supportdesk.hub import provinces, spikes
from tests.hub.kit import (
    A_COMMUNE,
    B_COMMUNE,
    HOUR,
    A,
    B,
    dashboard_post,
    enrolled_token,
    login,
    outage,
)


def seen(session: requests.Session, url: str, asked: str = "") -> list[tuple]:
    answer = session.get(f"{url}/api/v1/dashboard/kb{asked}", timeout=10)
    assert answer.status_code == 200, answer.text
    return [(s["category"], s["count"], s["communes"]) for s in answer.json()["spikes"]]


def test_spikes_in_one_province_stay_off_another_provinces_dashboard(hub, hub_storage):
    storage, url = hub_storage, hub.url
    outage(storage, B, 40)
    # Province A reported an hour earlier, one ordinary request: its latest hour is its own.
    with storage.tx() as db:
        spikes.record(db, A_COMMUNE, {"2026-12-01T08": {"vneid": 1}})
    officer_a = login(url, storage, "tuyenquang", A)
    officer_b = login(url, storage, "hanoi", B)
    nation = login(url, storage, "bo", None)

    assert seen(officer_a, url) == [] and seen(officer_a, url, f"?province={B}") == []
    assert seen(officer_b, url) == [("vneid", 80, 40)]
    assert seen(nation, url) == [("vneid", 80, 40)]
    assert seen(nation, url, f"?province={A}") == []
    assert seen(nation, url, f"?province={B}") == [("vneid", 80, 40)]

    # A's officer has no spike to announce, and cannot announce B's.
    none_here = dashboard_post(officer_a, url, "/api/v1/dashboard/spikes/notice",
                               {"category": "vneid", "hour": HOUR})  # fmt: skip
    assert none_here.status_code == 404
    beyond = dashboard_post(officer_a, url, "/api/v1/dashboard/spikes/notice",
                            {"category": "vneid", "hour": HOUR, "province": B})  # fmt: skip
    assert beyond.status_code == 403
    # B's one click: a notice for B's desks, which A's desks never receive.
    posted = dashboard_post(officer_b, url, "/api/v1/dashboard/spikes/notice",
                            {"category": "vneid", "hour": HOUR})  # fmt: skip
    assert posted.status_code == 200 and posted.json()["province"] == B, posted.text
    assert "80 yêu cầu từ 40 xã" in posted.json()["text"]
    for code, expected in ((A_COMMUNE, 0), (B_COMMUNE, 1)):
        token = enrolled_token(storage, code, f"install-{code}")
        listed = requests.get(f"{url}/api/v1/notices", timeout=10,
                              headers={"Authorization": f"Bearer {token}"}).json()  # fmt: skip
        assert len(listed["notices"]) == expected


def test_a_small_province_needs_fewer_communes_than_the_nation():
    lai_chau, ha_noi = provinces.communes_of("12"), provinces.communes_of("01")
    assert (len(lai_chau), len(ha_noi)) == (38, 126)
    assert spikes.min_communes(lai_chau) == spikes.MIN_COMMUNES_SMALL == 5
    assert spikes.min_communes(ha_noi) == spikes.min_communes(None) == spikes.MIN_COMMUNES == 10


def test_six_communes_flag_lai_chau_but_not_the_nation(hub_storage):
    storage = hub_storage
    outage(storage, "12", 6, per_commune=3)  # Lai Châu's portal fails in 6 of its 38 communes
    lai_chau = provinces.communes_of("12")
    assert [(s["count"], s["communes"]) for s in spikes.detect(storage, HOUR, lai_chau)] == [
        (18, 6)
    ]
    assert spikes.detect(storage, HOUR) == []  # 6 communes are too few for the nation
    outage(storage, "01", 6, per_commune=3)  # the same in Hà Nội: 6 of 126 is not enough
    assert spikes.detect(storage, HOUR, provinces.communes_of("01")) == []
    outage(storage, "12", 4, per_commune=3, hour="2026-12-01T10")  # 4 of 38: one busy corner
    assert spikes.detect(storage, "2026-12-01T10", lai_chau) == []
