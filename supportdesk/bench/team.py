"""Team budgets (issue 18): a day of 300 requests replicated to a peer, a month of divergence
(5,000 events per desk) converged, and request search and intake while a sync runs.

The peer serves in its own process (`supportdesk team serve`), as on a second PC; the syncing
desk runs here. Loopback HTTP, every body sealed with the team key, stores with
`synchronous=FULL` as in production (setup writes skip the fsyncs, they are not measured).

    python -m supportdesk.bench.team [--quick]"""

from __future__ import annotations

import json
import os
import random
import socket
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

from supportdesk.bench import metric, percentile

TOPICS = ("vneid", "dvc_account", "digital_signature", "online_payment")
PACE_MS = 10  # between the starts of two rounds of counter work
NAMES = ("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em")


def _desk(path: Path):
    from supportdesk.core.store import open_store, settings

    db = open_store(path, seed=False)
    settings.put(db, "commune_code", "00001")
    return db


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(path: Path, port: int) -> subprocess.Popen:
    """The other desk's endpoint. It is another PC at the commune; here it shares this machine's
    two cores, so it runs at the lowest priority, where its work takes least from this desk's."""
    child = subprocess.Popen(
        [sys.executable, "-m", "supportdesk", "--data-dir", str(path), "team", "serve",
         "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, preexec_fn=lambda: os.nice(19),
    )  # fmt: skip
    deadline = time.monotonic() + 30
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return child
        except OSError:
            if child.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("team serve did not start") from None
            time.sleep(0.1)


def _work(db, rng: random.Random, events: int, tag: str) -> None:
    """About `events` events as a counter makes them: intake, then follow-ups."""
    from supportdesk.core import tickets

    db.execute("PRAGMA synchronous = OFF")  # setup only: the measured syncs run at FULL
    topics = [
        t
        for t in TOPICS
        if db.execute("SELECT 1 FROM categories WHERE code = ? AND active = 1", [t]).fetchone()
    ] or ["vneid"]
    made, ids = 0, []
    while made < events:
        if not ids or rng.random() < 0.45:
            row = tickets.create(db, {"category": rng.choice(topics),
                                      "summary": f"{tag} hỗ trợ số {made}",
                                      "requester_name": rng.choice(NAMES),
                                      "requester_phone": f"0912{rng.randrange(10**6):06d}"},
                                 actor="bench")  # fmt: skip
            ids.append(row["id"])
        else:
            request_id = rng.choice(ids)
            status = db.execute("SELECT status FROM requests WHERE id = ?", [request_id])
            options = sorted(tickets.TRANSITIONS[status.fetchone()[0]] - {"escalated"})
            try:
                tickets.update(db, request_id, actor="bench", status=rng.choice(options))
            except tickets.RequestError:
                continue
        made += 1
    db.execute("PRAGMA synchronous = FULL")


def _pair(workdir: Path):
    from supportdesk.core.team import pairing

    here, peer = _desk(workdir / "here"), _desk(workdir / "peer")
    pairing.pair_locally(peer, here)
    return here, peer


def bench(workdir: Path, quick: bool) -> list[dict]:
    from supportdesk.core.team import client

    rng = random.Random(18)
    scale = 0.2 if quick else 1.0
    note = "quick: 1/5 of the data" if quick else ""
    here, peer = _pair(workdir)
    port = _free_port()
    peer.close()
    server = _serve(workdir / "peer", port)
    address = f"127.0.0.1:{port}"
    out = []
    try:
        client.sync_team(here, [address])  # the roster: both desks know each other
        day = int(300 * scale)
        _work(here, rng, int(day * 1.5), "ngày")  # 300 requests and their follow-ups
        start = time.perf_counter()
        result = client.sync_team(here, [address])
        out.append(metric(f"a day of {day} requests ({result['sent']} events) replicated",
                          time.perf_counter() - start, "s", 2.0, note))  # fmt: skip

        month = int(5000 * scale)
        _work(here, rng, month, "tháng")
        server.terminate()
        server.wait(10)
        from supportdesk.core.store import open_store

        peer = open_store(workdir / "peer", seed=False)
        _work(peer, rng, month, "tháng bên kia")
        peer.close()
        server = _serve(workdir / "peer", port)
        start = time.perf_counter()
        result = client.sync_team(here, [address])
        out.append(metric(f"a month apart converged ({month} events per desk, 2 desks)",
                          time.perf_counter() - start, "s", 10.0,
                          f"{result['sent']} sent, {result['received']} received"
                          f" {note}"))  # fmt: skip

        out += _during_sync(here, workdir, address, rng, scale, note)
    finally:
        server.terminate()
        server.wait(10)
        here.close()
    return out


def _timed(fn, count: int) -> list[float]:
    """Milliseconds of each call that succeeded (a refused one is counted by the caller)."""
    samples = []
    for _ in range(count):
        start = time.perf_counter()
        try:
            fn()
        except sqlite3.OperationalError:
            continue
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def _during_sync(here, workdir: Path, address: str, rng, scale: float, note: str) -> list[dict]:
    """Search and intake at this desk's counter, alone and while this desk receives a month
    from a desk back from the villages (the sync in a child process, as in the app)."""
    from supportdesk.core import tickets
    from supportdesk.core.store import open_store
    from supportdesk.core.team import client, pairing
    from supportdesk.processes import own_command

    third = _desk(workdir / "third")
    peer = open_store(workdir / "peer", seed=False)
    pairing.pair_locally(peer, third)
    peer.close()
    _work(third, rng, int(5000 * scale), "lưu động")
    client.sync_team(third, [address])  # the peer holds the month now; this desk not yet
    third.close()
    # Each kind of work is timed on its own: the four searches cost from a fraction of a
    # millisecond to several, and a median over a random mix of them says more about the mix.
    queries = {
        "search for a name": "nguyen van",
        "search for phone digits": "0912",
        "search for words": "ho tro so 12",
        "search for a full name": "tran thi binh",
    }
    work = {name: (lambda q=q: tickets.search(here, q, limit=50)) for name, q in queries.items()}

    refused = []

    def intake():
        try:
            tickets.create(here, {"category": "vneid", "summary": "Quên mật khẩu VNeID",
                                  "requester_name": rng.choice(NAMES)}, actor="bench")  # fmt: skip
        except sqlite3.OperationalError as exc:  # counted and shown, never hidden
            refused.append(str(exc))
            raise

    work["intake"] = intake

    def one_round(times: dict[str, list[tuple[float, float]]]) -> None:
        # Each search and an intake, as at the counter, a round every PACE_MS: far more than a
        # person does, yet not a loop that takes a core to itself.
        started = time.perf_counter()
        for name, fn in work.items():
            times.setdefault(name, []).extend((time.perf_counter(), ms) for ms in _timed(fn, 1))
        time.sleep(max(0.0, PACE_MS / 1000 - (time.perf_counter() - started)))

    def counter_work(rounds: int) -> dict[str, list[tuple[float, float]]]:
        times: dict[str, list[tuple[float, float]]] = {}
        for _ in range(rounds):
            one_round(times)
        return times

    rounds = 50
    alone = counter_work(rounds)
    # The app's own background job, as the app starts it: a child process of lower priority.
    sync = subprocess.Popen(
        [*own_command(), "--data-dir", str(workdir / "here"), "background", "team-sync",
         "--peer", address],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
    )  # fmt: skip
    began = time.perf_counter()
    during: dict[str, list[tuple[float, float]]] = {}
    while sync.poll() is None:
        one_round(during)
    ended = time.perf_counter()
    answer, said = sync.communicate()
    if sync.returncode != 0 or not json.loads(answer)["peers"][0]["ok"]:
        raise RuntimeError(f"the background team sync failed: {said.strip() or answer.strip()}")
    after = counter_work(rounds)
    out = []
    for name in work:
        # The store grows during the sync (the month received, the counter's intakes), and a
        # search costs more in a bigger store: each sample is set against the time the same
        # work took alone at the size the store had then, between its sizes before and after.
        before = statistics.median(ms for _, ms in alone[name])
        later = statistics.median(ms for _, ms in after[name])
        samples = [ms for _, ms in during[name]]
        alone_then = [before + (later - before) * (at - began) / (ended - began)
                      for at, _ in during[name]]  # fmt: skip
        floor, then = statistics.median(alone_then), statistics.median(samples)
        refusals = f", {len(refused)} intakes refused (store busy)" if name == "intake" else ""
        out.append(metric(f"{name} p50 during a background sync", then, "ms", None,
                          f"alone {before:.2f} ms before the sync, {later:.2f} ms after; p95 "
                          f"during {percentile(samples, 95):.1f} ms; {len(samples)} samples"
                          f"{refusals} {note}", floor=floor, ratio_budget=1.10))  # fmt: skip
    return out


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        for row in bench(Path(tmp), "--quick" in sys.argv):
            print(row)
