"""Three desks, random edits of requests and contacts, partitions, restarts and syncs killed with
SIGKILL half-way through a page: once the LAN is whole again, every desk holds the same requests
in the same states with the same timelines and the same directory, nothing lost and nothing
doubled.

Run it many times with: pytest tests/core/team/test_team_convergence.py --count … is not needed:
`for i in $(seq 20); do pytest -q -p no:randomly tests/core/team/test_team_convergence.py; done`."""

from __future__ import annotations

import os
import shutil
import signal
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from supportdesk.core import directory
from supportdesk.core.store import open_store
from supportdesk.core.team import client, feed
from supportdesk.core.tickets import log as requests_log
from supportdesk.core.tickets import replay as requests_replay
from tests.core.team.team_kit import (
    DirectPeer,
    contact_view,
    new_desk,
    pair,
    request_view,
    timeline_view,
)

DESKS = 3
CAN_FORK = hasattr(os, "fork") and sys.platform != "darwin"


def _killed_sync(left: Path, right: Path, after: int) -> int:
    """Sync two stores in a child process that SIGKILLs itself inside a page's transaction
    after `after` items; the exit status of the child (or 0 if it finished first)."""
    pid = os.fork()
    if pid == 0:  # the child: fresh connections, never the parent's
        try:
            db, other = open_store(left, seed=False), open_store(right, seed=False)

            def die(applied: int) -> None:
                if applied >= after:
                    os.kill(os.getpid(), signal.SIGKILL)

            client.exchange(db, DirectPeer(other), page=7, progress=die)
        finally:
            os._exit(0)
    _, status = os.waitpid(pid, 0)
    return status


class TeamOfDesks(RuleBasedStateMachine):
    def __init__(self):
        super().__init__()
        self.root = Path(tempfile.mkdtemp(prefix="team-"))
        self.dirs = [self.root / f"desk{i}" for i in range(DESKS)]
        self.dbs = [new_desk(d) for d in self.dirs]
        pair(self.dbs[0], self.dbs[1], "quầy")
        pair(self.dbs[0], self.dbs[2], "trưởng nhóm")
        self.cut: set[frozenset] = set()
        self.made_events: set[str] = set()  # every event any desk wrote: none may be lost
        self.made_requests: set[str] = set()

    def _last_event(self, db) -> None:
        uid = db.execute("SELECT uid FROM request_events ORDER BY id DESC LIMIT 1").fetchone()[0]
        self.made_events.add(uid)

    @initialize()
    def start(self):
        pass

    @rule(desk=st.integers(0, DESKS - 1), summary=st.text(min_size=1, max_size=30),
          resolved=st.booleans())  # fmt: skip
    def log_request(self, desk, summary, resolved):
        db = self.dbs[desk]
        summary = summary.strip() or "yêu cầu"
        try:
            made = requests_log.create(db, {"category": "vneid", "summary": summary,
                                             "requester_name": "Nguyễn Văn Thử"},
                                       actor=f"bàn {desk}", resolved_now=resolved)  # fmt: skip
        except requests_log.RequestError:
            return
        self.made_requests.add(db.execute("SELECT uid FROM requests WHERE id = ?",
                                          [made["id"]]).fetchone()[0])  # fmt: skip
        for uid, in db.execute("SELECT uid FROM request_events WHERE request_id = ?",
                               [made["id"]]):  # fmt: skip
            self.made_events.add(uid)

    @rule(
        desk=st.integers(0, DESKS - 1),
        pick=st.integers(0, 10**6),
        move=st.sampled_from(["status", "assign", "note", "edit"]),
        choice=st.integers(0, 10),
    )
    def change_request(self, desk, pick, move, choice):  # fmt: skip
        db = self.dbs[desk]
        ids = [r[0] for r in db.execute("SELECT id FROM requests ORDER BY id")]
        if not ids:
            return
        request_id = ids[pick % len(ids)]
        current = db.execute("SELECT status FROM requests WHERE id = ?", [request_id]).fetchone()
        options = sorted(requests_log.TRANSITIONS[current[0]] - {"escalated"})
        kwargs = {
            "status": {"status": options[choice % len(options)]},
            "assign": {"fields": {"assignee": f"Cán bộ {choice}"}},
            "note": {"note": f"gọi lại lần {choice}"},
            "edit": {"fields": {"priority": ("low", "normal", "high")[choice % 3]}},
        }[move]
        try:
            requests_log.update(db, request_id, actor=f"bàn {desk}", **kwargs)
        except requests_log.RequestError:
            return  # nothing to change: refused, nothing written
        self._last_event(db)

    @rule(
        desk=st.integers(0, DESKS - 1),
        pick=st.integers(0, 10**6),
        move=st.sampled_from(["add", "edit", "remove"]),
        choice=st.integers(0, 12),
    )
    def change_contact(self, desk, pick, move, choice):
        """Contacts typed, edited and removed on any desk; few names and agencies, so that
        desks often touch the same entry and the same agency while apart."""
        db = self.dbs[desk]
        ids = [r[0] for r in db.execute("SELECT id FROM contacts ORDER BY uid")]
        raw = {
            "name": f"Cán bộ số {choice % 5}",
            "position": f"Chức vụ {choice}",
            "agency": f"Phòng số {choice % 3}",
            "tels": [(f"0912 000 {choice:03d}", "")],
        }
        if move == "add" or not ids:
            directory.add(db, raw)
        elif move == "edit":
            directory.update(db, ids[pick % len(ids)], raw)
        else:
            directory.remove(db, ids[pick % len(ids)])

    @rule(
        a=st.integers(0, DESKS - 1),
        b=st.integers(0, DESKS - 1),
        pick=st.integers(0, 10**6),
        removed=st.booleans(),
    )
    def contact_edited_on_two_desks(self, a, b, pick, removed):
        """The same entry changed on two desks before they meet again (one may remove it)."""
        held = [{r[0] for r in self.dbs[d].execute("SELECT uid FROM contacts")} for d in (a, b)]
        shared = sorted(held[0] & held[1])
        if a == b or not shared:
            return
        uid = shared[pick % len(shared)]
        for n, desk in enumerate((a, b)):
            db = self.dbs[desk]
            contact_id = db.execute("SELECT id FROM contacts WHERE uid = ?", [uid]).fetchone()[0]
            if removed and n == 1:
                directory.remove(db, contact_id)
            else:
                raw = {"name": f"Cán bộ sửa ở bàn {desk}", "agency": "Phòng số 1"}
                directory.update(db, contact_id, raw)

    @rule(a=st.integers(0, DESKS - 1), b=st.integers(0, DESKS - 1))
    def sync(self, a, b):
        if a == b or frozenset((a, b)) in self.cut:
            return
        client.exchange(self.dbs[a], DirectPeer(self.dbs[b]), page=5)

    @rule(a=st.integers(0, DESKS - 1), b=st.integers(0, DESKS - 1))
    def toggle_link(self, a, b):
        if a != b:
            self.cut ^= {frozenset((a, b))}

    @rule(desk=st.integers(0, DESKS - 1))
    def restart(self, desk):
        self.dbs[desk].close()
        self.dbs[desk] = open_store(self.dirs[desk], seed=False)

    @rule(a=st.integers(0, DESKS - 1), b=st.integers(0, DESKS - 1), after=st.integers(1, 12))
    def kill_mid_sync(self, a, b, after):
        if not CAN_FORK or a == b or frozenset((a, b)) in self.cut:
            return
        _killed_sync(self.dirs[a], self.dirs[b], after)

    @invariant()
    def each_desk_is_its_own_replay(self):
        # On every desk, at every step, a request's row is the replay of its events.
        for db in self.dbs:
            for (request_id,) in db.execute("SELECT id FROM requests").fetchall():
                state = requests_replay.fold(requests_replay.ordered_events(db, request_id))
                row = db.execute("SELECT status, assignee, priority FROM requests WHERE id = ?",
                                 [request_id]).fetchone()  # fmt: skip
                assert row == (state["status"], state.get("assignee"), state.get("priority"))

    def teardown(self):
        try:
            self.cut.clear()
            for a, b in ((0, 1), (1, 2), (0, 2), (0, 1)):
                client.exchange(self.dbs[a], DirectPeer(self.dbs[b]), page=5)
            first = self.dbs[0]
            for db in self.dbs:
                events = [r[0] for r in db.execute("SELECT uid FROM request_events")]
                assert len(events) == len(set(events)), "an event is doubled"
                assert set(events) >= self.made_events, "an event is lost"
                requests = {r[0] for r in db.execute("SELECT uid FROM requests")}
                assert requests == self.made_requests
                assert request_view(db) == request_view(first)
                assert timeline_view(db) == timeline_view(first)
                assert feed.vector(db) == feed.vector(first)
                tickets = [r[0] for r in db.execute("SELECT ticket FROM requests")]
                assert len(tickets) == len(set(tickets)), "two requests share a ticket"
                assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
                assert contact_view(db) == contact_view(first)
                # The contacts' search index holds exactly what their rows say.
                db.execute("INSERT INTO contacts_fts (contacts_fts) VALUES ('integrity-check')")
                for entry in contact_view(db):
                    found = directory.search(db, entry["name"], limit=50)
                    assert entry["name"] in [c["name"] for c in found]
        finally:
            for db in self.dbs:
                db.close()
            shutil.rmtree(self.root, ignore_errors=True)


TeamOfDesks.TestCase.settings = settings(
    max_examples=10,
    stateful_step_count=20,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
test_three_desks_converge = pytest.mark.filterwarnings("ignore::DeprecationWarning")(
    TeamOfDesks.TestCase
)
