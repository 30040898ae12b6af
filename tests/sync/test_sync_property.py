"""Property: any mix of drops, duplicates, reordering and restarts leaves the hub holding
exactly the latest revision of every period, with that revision's content."""

from __future__ import annotations

import itertools
import json
import tempfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from supportdesk.core.store.connection import open_store
from supportdesk.core.sync import outbox, payload
from supportdesk.core.sync.client import sync_once
from supportdesk.hub.storage import Storage
from tests.hub.kit import FaultProxy, HubServer, enrolled_token, http_response, storage_url
from tests.sync.helpers import Clock, client

PERIODS = ["2026-09", "2026-10", "2026-11"]
FAULTS = ["pass", "down", "drop_response", "truncate", "captive"]
_codes = itertools.count(10000)


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def rig(request, tmp_path_factory):
    storage = Storage(storage_url(request.param, tmp_path_factory.mktemp("hub")))
    server = HubServer(storage)
    proxy = FaultProxy(server.port)
    yield storage, proxy
    proxy.stop()
    server.stop()
    storage.close()


steps = st.lists(
    st.one_of(
        st.tuples(st.just("change"), st.sampled_from(PERIODS), st.integers(0, 3)),
        st.tuples(st.just("sync"), st.sampled_from(FAULTS)),
        st.tuples(st.just("crash_mid_upload")),
        st.tuples(st.just("restart")),
        st.tuples(st.just("replay_old")),
    ),
    max_size=14,
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plan=steps, replay_pick=st.randoms(use_true_random=False))
def test_any_mix_of_faults_ends_with_the_latest_revisions(rig, plan, replay_pick):
    storage, proxy = rig
    code = f"{next(_codes):05d}"
    with tempfile.TemporaryDirectory() as tmp:
        db = open_store(tmp, seed=False)
        token = enrolled_token(storage, code, "install-1")
        clock = Clock()
        c = client(proxy.url, token, clock, read_timeout=2)
        for step in plan:
            kind = step[0]
            if kind == "change":
                _queue(db, code, step[1], step[2])
            elif kind == "sync":
                proxy.default = step[1]
                if step[1] == "captive":
                    proxy.default = ("respond", http_response(200, b"<html>login</html>"))
                sync_once(db, c, now=clock, force=True, catalogs=False)
                proxy.default = "pass"
            elif kind == "crash_mid_upload":
                due = outbox.due(db, limit=1)
                if due:  # posted, then the process died before recording the answer
                    outbox.claim(db, due[0]["submission_id"], clock())
                    c.post_summary(due[0]["payload"], due[0]["submission_id"])
            elif kind == "restart":
                db.close()
                db = open_store(tmp, seed=False)
                outbox.recover(db)
            elif kind == "replay_old":  # a duplicate or an out-of-order copy from the past
                rows = db.execute("SELECT submission_id, payload FROM sync_outbox").fetchall()
                if rows:
                    sid, body = replay_pick.choice(rows)
                    c.post_summary(body, sid)
            clock.advance(60)
        outbox.recover(db)
        for _ in range(3):
            if sync_once(db, c, now=clock, force=True, catalogs=False)["pending"] == 0:
                break
        assert outbox.counts(db)["pending"] == 0
        expected = _latest_local(db)
        with storage.tx(write=False) as hub_db:
            found = hub_db.all(
                "SELECT l.period_id, l.revision, s.body FROM latest l JOIN submissions s "
                "ON s.submission_id = l.submission_id WHERE l.commune_code = ?",
                [code],
            )
        assert {p: r for p, r, _ in found} == {p: r for p, (r, _) in expected.items()}
        for period, _revision, body in found:
            assert payload.content_hash(json.loads(body)) == expected[period][1]
        db.close()


def _queue(db, code: str, period: str, value: int) -> None:
    from supportdesk.core.sync.outbox import enqueue
    from tests.hub.kit import summary

    enqueue(db, summary(period, received=10 + value), commune_code=code,
            install_id="install-1", app_version="t")  # fmt: skip


def _latest_local(db) -> dict[str, tuple[int, str]]:
    rows = db.execute(
        "SELECT period_id, revision, payload FROM sync_outbox o WHERE revision = "
        "(SELECT max(revision) FROM sync_outbox i WHERE i.period_id = o.period_id)"
    ).fetchall()
    return {p: (r, payload.content_hash(json.loads(body))) for p, r, body in rows}
