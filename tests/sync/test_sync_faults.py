"""Fault tests: the desktop's outbox against a real hub through a fault-injecting TCP proxy."""

from __future__ import annotations

import json

from supportdesk.core.sync import outbox
from supportdesk.core.sync.client import MAX_DELAY, sync_once
from supportdesk.hub import admin, service
from tests.hub.kit import HubServer, enrolled_token, http_response
from tests.sync.helpers import Clock, client, hub_latest, hub_rows, queue

DAY = 86400


def test_a_year_of_months_arrives_once(desk, hub, proxy, hub_storage):
    token = enrolled_token(hub_storage)
    for month in range(1, 13):
        queue(desk, f"2026-{month:02d}")
    result = sync_once(desk, client(proxy.url, token), catalogs=False)
    assert (result["sent"], result["acked"], result["pending"]) == (12, 12, 0)
    again = sync_once(desk, client(proxy.url, token), catalogs=False)
    assert again["sent"] == 0
    assert hub_rows(hub_storage) == 12


def test_unchanged_summary_is_not_queued_again(desk):
    from tests.hub.kit import summary

    queue(desk)
    again = outbox.enqueue(desk, summary(), commune_code="00001", install_id="i", app_version="t")
    assert again is None


def test_response_lost_after_commit_then_retry_gets_the_original_receipt(
    desk, hub, proxy, hub_storage
):
    token = enrolled_token(hub_storage)
    row = queue(desk)
    proxy.queue("drop_response")
    clock = Clock()
    lost = sync_once(desk, client(proxy.url, token, clock), now=clock, catalogs=False)
    assert lost["error"] and lost["pending"] == 1
    assert hub_rows(hub_storage) == 1  # the hub did commit
    clock.advance(3600)
    retried = sync_once(desk, client(proxy.url, token, clock), now=clock, catalogs=False)
    assert retried["acked"] == 1
    with hub_storage.tx(write=False) as db:
        stored = json.loads(db.one("SELECT receipt FROM submissions")[0])
    (item,) = outbox.items(desk)
    receipt = json.loads(desk.execute("SELECT receipt FROM sync_outbox").fetchone()[0])
    assert receipt == stored and item["submission_id"] == row["submission_id"]
    assert hub_rows(hub_storage) == 1


def test_client_killed_mid_upload_resends_after_restart(desk, hub, proxy, hub_storage, data_dir):
    from supportdesk.core.store.connection import open_store

    token = enrolled_token(hub_storage)
    row = queue(desk)
    outbox.claim(desk, row["submission_id"], 0)  # the process dies here, mid-upload
    desk.close()
    restarted = open_store(data_dir, seed=False)
    assert outbox.recover(restarted) == 1
    result = sync_once(restarted, client(proxy.url, token), catalogs=False)
    assert result["acked"] == 1 and hub_rows(hub_storage) == 1
    restarted.close()


def test_revisions_out_of_order_latest_wins(desk, hub, proxy, hub_storage):
    token = enrolled_token(hub_storage)
    first = queue(desk, received=10)
    outbox.claim(desk, first["submission_id"], 0)  # in flight when the change came
    second = queue(desk, received=11)
    outbox.recover(desk)
    c = client(proxy.url, token)
    # The newer revision overtakes (sent by an earlier run that then lost its answer).
    assert c.post_summary(second["payload"], second["submission_id"]).kind == "acked"
    result = sync_once(desk, c, catalogs=False)
    assert (result["superseded"], result["acked"]) == (1, 1)
    assert hub_latest(hub_storage) == {"2026-11": 2}


def test_503_with_retry_after_is_honoured(desk, hub, proxy, hub_storage):
    token = enrolled_token(hub_storage)
    queue(desk)
    proxy.queue(("respond", http_response(503, b"busy", {"Retry-After": "600"})))
    clock = Clock()
    c = client(proxy.url, token, clock)
    busy = sync_once(desk, c, now=clock, rng=lambda: 0.0, catalogs=False)
    assert busy["error"] and outbox.get_state(desk)["next_attempt_at"] >= clock() + 600
    clock.advance(590)
    assert sync_once(desk, c, now=clock, catalogs=False)["skipped"] == "backoff"
    clock.advance(11)
    assert sync_once(desk, c, now=clock, catalogs=False)["acked"] == 1


def test_hub_down_three_days_backoff_capped_then_all_delivered(desk, hub, proxy, hub_storage):
    token = enrolled_token(hub_storage)
    clock = Clock()
    c = client(proxy.url, token, clock)
    proxy.default = "down"
    queue(desk, "2026-10")
    delays, start = [], clock()
    while clock() < start + 3 * DAY:
        result = sync_once(desk, c, now=clock, catalogs=False)
        assert result["skipped"] is None and result["error"]
        wait = outbox.get_state(desk)["next_attempt_at"] - clock()
        delays.append(wait)
        clock.advance(wait)
        if len(delays) == 20:
            queue(desk, "2026-11")  # work keeps arriving during the outage
    assert max(delays) <= MAX_DELAY
    assert delays[0] <= 30 and max(delays) > MAX_DELAY / 2
    assert len(delays) < 3 * DAY / (MAX_DELAY / 2) + 15  # the cap bounds how often it knocks
    proxy.default = "pass"
    result = sync_once(desk, c, now=clock, catalogs=False)
    assert result["acked"] == 2 and result["pending"] == 0
    assert hub_latest(hub_storage) == {"2026-10": 1, "2026-11": 1}
    assert outbox.get_state(desk)["failures"] == 0


def test_captive_portal_200_html_stays_pending(desk, hub, proxy, hub_storage):
    token = enrolled_token(hub_storage)
    queue(desk)
    portal = b"<html><body>Wi-Fi login</body></html>"
    proxy.queue(("respond", http_response(200, portal, {"Content-Type": "text/html"})))
    result = sync_once(desk, client(proxy.url, token), catalogs=False)
    assert result["acked"] == 0 and result["pending"] == 1 and "text/html" in result["error"]
    assert hub_rows(hub_storage) == 0


def test_stalled_response_times_out_and_retry_delivers_once(desk, hub, proxy, hub_storage):
    token = enrolled_token(hub_storage)
    queue(desk)
    proxy.queue("stall")
    clock = Clock()
    c = client(proxy.url, token, clock, read_timeout=0.5)
    stalled = sync_once(desk, c, now=clock, catalogs=False)
    assert "thời gian" in stalled["error"] and stalled["pending"] == 1
    result = sync_once(desk, c, now=clock, force=True, catalogs=False)
    assert result["acked"] == 1 and hub_rows(hub_storage) == 1


def test_413_on_one_item_does_not_block_the_others(desk, hub_storage):
    token = enrolled_token(hub_storage)
    small_hub = HubServer(hub_storage, max_body=20_000)
    try:
        queue(desk, "2026-09")
        unit = "Sở Khoa học và Công nghệ " + "x" * 170
        big = [{"category": "vneid", "escalated_to_unit": unit, "age_working_days": i,
                "status": "escalated"} for i in range(200)]  # fmt: skip
        queue(desk, "2026-10", escalations=big)
        queue(desk, "2026-11")
        result = sync_once(desk, client(small_hub.url, token), catalogs=False)
    finally:
        small_hub.stop()
    assert (result["acked"], result["rejected"], result["pending"]) == (2, 1, 0)
    (bad,) = outbox.items(desk, states=("rejected",))
    assert bad["period_id"] == "2026-10" and bad["last_error"].startswith("413")
    assert hub_latest(hub_storage) == {"2026-09": 1, "2026-11": 1}


def test_401_pauses_the_queue_and_loses_nothing(desk, hub, proxy, hub_storage):
    token = enrolled_token(hub_storage)
    queue(desk, "2026-10")
    queue(desk, "2026-11")
    admin.revoke(hub_storage, "00001")
    result = sync_once(desk, client(proxy.url, token), catalogs=False)
    assert result["paused"] and result["pending"] == 2
    seen = len(proxy.log)
    again = sync_once(desk, client(proxy.url, token), force=True, catalogs=False)
    assert again["skipped"] == "paused" and len(proxy.log) == seen  # nothing sent while paused
    assert outbox.status(desk)["paused"]
    code = admin.add_commune(hub_storage, "00001")
    new_token = service.enroll(hub_storage, code, "install-1", "00001")["token"]
    outbox.put_state(desk, paused=None)  # what enrollment.enroll does after a new token
    result = sync_once(desk, client(proxy.url, new_token), catalogs=False)
    assert result["acked"] == 2 and result["pending"] == 0
