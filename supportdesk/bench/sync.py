"""Sync and hub budgets: a year synced, a province's month ingested, POST latency under load.

The hub runs as its own process (`supportdesk hub serve`), as in production, so that the
clients' threads do not share its interpreter. PostgreSQL figures are measured when
SUPPORTDESK_BENCH_PG (or SUPPORTDESK_TEST_PG) holds a DSN.

    python -m supportdesk.bench.sync [scale]"""

from __future__ import annotations

import concurrent.futures
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import requests

from supportdesk.bench import metric

COMMUNES = 3321
CONCURRENT = 50
LOAD_POSTS = 6000  # more than 5 s of POSTs, so wrk never replays one


def _summary(period: str, received: int) -> dict:
    counters = {"received": received, "resolved": received, "resolved_on_time": received,
                "open": 0, "overdue": 0, "escalated": 0}  # fmt: skip
    kind = "week" if "-W" in period else "month"
    start = f"{period}-01" if kind == "month" else ""
    return {"period": period, "period_type": kind, "start": start, "end": "",
            "totals": counters, "escalations": [], "by_assignee": [{}] * 5,
            "by_category": [{"category": f"c{i}", "name": f"Lĩnh vực {i}", **counters}
                            for i in range(12)]}  # fmt: skip


INGEST_PERIOD = "2026-11"  # the month every commune reports in the ingest figure


def _body(code: str, period: str = INGEST_PERIOD, revision: int = 1) -> str:
    from supportdesk.core.sync import payload

    content = payload.summary_content(_summary(period, 40))
    return json.dumps(payload.build(content, commune_code=code, revision=revision,
                                    install_id=f"i-{code}", app_version="bench"))  # fmt: skip


def load_periods() -> list[str]:
    """Every week since the reform, then the months before this one but the ingest's: all of them
    periods the hub accepts, so many that the load never posts one twice, and none that the ingest
    already stored (a second revision 1 would be refused as stale)."""
    from datetime import date, timedelta

    today, day, out = date.today(), date(2025, 7, 7), []
    while day < today:
        year, week, _ = day.isocalendar()
        out.append(f"{year}-W{week:02d}")
        day += timedelta(days=7)
    month = date(2025, 8, 1)
    while month < today.replace(day=1):
        if f"{month:%Y-%m}" != INGEST_PERIOD:
            out.append(f"{month:%Y-%m}")
        month = (month + timedelta(days=32)).replace(day=1)
    return out


def _enroll_many(url: str, codes: list[str]) -> dict[str, str]:
    """Tokens for many communes in one transaction (setup, not measured)."""
    from supportdesk.hub.service import secret_hash, utcnow
    from supportdesk.hub.storage import Storage

    storage = Storage(url)
    tokens = {code: uuid.uuid4().hex.upper() for code in codes}
    with storage.tx() as db:
        for code, token in tokens.items():
            db.execute(
                "INSERT INTO communes (code, name, token_hash, install_id, created_at) "
                "VALUES (?, ?, ?, ?, ?)",
                [code, f"Xã {code}", secret_hash(token), f"i-{code}", utcnow()],
            )
    storage.close()
    return tokens


class HubProcess:
    def __init__(self, db_url: str, workers: int = 1):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        self.url = f"http://127.0.0.1:{port}"
        root = Path(__file__).resolve().parents[2]
        env = {**os.environ, "PYTHONPATH": str(root)}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "supportdesk", "hub", "serve", "--db", db_url,
             "--port", str(port), "--workers", str(workers)],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                requests.get(f"{self.url}/api/v1/ping", timeout=1)
                return
            except requests.RequestException:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError("hub process did not start")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def _post_all(url: str, posts: list[tuple[str, str]], workers: int):
    """POST every (token, body) with `workers` concurrent clients; per-request seconds."""
    import threading

    local = threading.local()

    def one(post: tuple[str, str]) -> float:
        token, body = post
        session = getattr(local, "session", None) or requests.Session()
        local.session = session
        started = time.perf_counter()
        r = session.post(f"{url}/api/v1/summaries", data=body.encode(), timeout=60,
                         headers={"Authorization": f"Bearer {token}",
                                  "Content-Type": "application/json"})  # fmt: skip
        elapsed = time.perf_counter() - started
        if r.status_code != 200:
            raise RuntimeError(f"hub answered {r.status_code}: {r.text[:200]}")
        return elapsed

    with concurrent.futures.ThreadPoolExecutor(workers) as pool:
        return list(pool.map(one, posts))


def bench_year_sync(tmpdir: Path) -> dict:
    from supportdesk.core.store import settings
    from supportdesk.core.store.connection import open_store
    from supportdesk.core.sync import outbox
    from supportdesk.core.sync.client import HubClient, sync_once

    url = str(tmpdir / "hub-year.db")
    tokens = _enroll_many(url, ["00001"])
    hub = HubProcess(url)
    db = open_store(tmpdir / "desk-year", seed=False)
    settings.put(db, "install_id", "i-00001")
    for month in range(1, 13):
        outbox.enqueue(db, _summary(f"{2025 + (month + 6) // 12}-{(month + 6) % 12 + 1:02d}",
                                    month), commune_code="00001",
                       install_id="i-00001", app_version="bench")  # fmt: skip
    try:
        client = HubClient(hub.url, tokens["00001"])
        started = time.perf_counter()
        result = sync_once(db, client, catalogs=False)
        elapsed = time.perf_counter() - started
        assert result["acked"] == 12, result
    finally:
        hub.stop()
        db.close()
    return {"name": "sync: a year of monthly summaries, one commune (loopback)",
            "value": round(elapsed, 3), "unit": "s", "budget": 1.0}  # fmt: skip


def bench_ingest(url: str, label: str, communes: int) -> list[dict]:
    codes = [f"{i:05d}" for i in range(1, communes + 1)]
    tokens = _enroll_many(url, codes)
    hub = HubProcess(url)
    try:
        bodies = {code: _body(code) for code in codes}
        started = time.perf_counter()
        _post_all(hub.url, [(tokens[c], bodies[c]) for c in codes], workers=8)
        elapsed = time.perf_counter() - started
        # Latency under load: 50 clients posting other periods, each POST a new submission.
        posts = [(tokens[c], _body(c, period)) for period in load_periods() for c in codes]
        posts = posts[:LOAD_POSTS]
        p50, p95, client = _latency_under_load(hub.url, posts)
    finally:
        hub.stop()
    return [
        {"name": f"hub ingest: one month from {communes} communes ({label}, 8 clients)",
         "value": round(elapsed, 2), "unit": "s", "budget": round(30.0 * communes / COMMUNES, 1)},
        {"name": f"hub POST p95, {CONCURRENT} concurrent clients ({label})",
         "value": round(1000 * p95, 1), "unit": "ms", "budget": 100.0, "note": client},
        {"name": f"hub POST median, {CONCURRENT} concurrent clients ({label})",
         "value": round(1000 * p50, 1), "unit": "ms", "budget": None, "note": client},
    ]  # fmt: skip


# wrk's Lua: each connection walks the (token, body) lines, so every POST is a new submission.
_WRK_SCRIPT = r"""
local lines = {}
for line in io.lines("%s") do lines[#lines + 1] = line end
local next_id = 0
function setup(thread) thread:set("offset", next_id); next_id = next_id + 1 end
function init(args) counter = offset end
function request()
  counter = counter + 2
  local line = lines[(counter %% #lines) + 1]
  local tab = string.find(line, "\t")
  return wrk.format("POST", "/api/v1/summaries", {["Authorization"] = "Bearer " ..
    string.sub(line, 1, tab - 1), ["Content-Type"] = "application/json"},
    string.sub(line, tab + 1))
end
function done(summary, latency, requests)
  io.write(string.format("RESULT %%d %%d %%d %%d\n", latency:percentile(50),
    latency:percentile(95), summary.requests, summary.errors.status))
end
"""


def _latency_under_load(url: str, posts: list[tuple[str, str]]) -> tuple[float, float, str]:
    """(p50, p95) seconds with CONCURRENT clients posting back to back, and which client ran.

    wrk, a C load generator, when it is installed: Python client threads on the same 2 cores
    compete with the hub for the CPU and measure themselves as much as the hub."""
    import shutil

    wrk = shutil.which("wrk")
    if wrk:
        with tempfile.TemporaryDirectory() as tmp:
            lines, script = Path(tmp) / "bodies.txt", Path(tmp) / "post.lua"
            lines.write_text(
                "".join(f"{token}\t{body}\n" for token, body in posts), encoding="utf-8"
            )
            script.write_text(_WRK_SCRIPT % lines, encoding="utf-8")
            out = subprocess.run(
                [wrk, "-t", "2", "-c", str(CONCURRENT), "-d", "5s", "-s", str(script), url],
                capture_output=True, text=True, timeout=60,
            ).stdout  # fmt: skip
        found = [line.split() for line in out.splitlines() if line.startswith("RESULT")]
        result = found[0] if found else None
        if result is None:
            raise RuntimeError(f"wrk gave no result: {out[-500:]}")
        p50_us, p95_us, count, errors = map(int, result[1:])
        if errors:
            raise RuntimeError(f"hub answered {errors} errors under load")
        return p50_us / 1e6, p95_us / 1e6, f"wrk, {count} POSTs in 5 s"
    sample = posts[: CONCURRENT * 10]
    latencies = sorted(_post_all(url, sample, workers=CONCURRENT))
    p95 = latencies[int(0.95 * (len(latencies) - 1))]
    note = f"Python clients ({len(latencies)} POSTs); install wrk for a fair load generator"
    return statistics.median(latencies), p95, note


def bench(tmpdir: Path | str, quick: bool | float = False) -> list[dict]:
    """`supportdesk bench` calls bench(workdir, quick); a float is a scale (1.0 = the province)."""
    scale = (0.05 if quick else 1.0) if isinstance(quick, bool) else float(quick)
    tmpdir = Path(tmpdir)
    communes = max(CONCURRENT, int(COMMUNES * scale))
    results = [bench_year_sync(tmpdir)]
    # PostgreSQL with 1, 2 and 4 workers, the national ingest and the dashboard: bench/hub.py.
    results += bench_ingest(str(tmpdir / "hub-province.db"), "SQLite", communes)
    return [
        metric(r["name"], r["value"], r["unit"], r["budget"], r.get("note", "")) for r in results
    ]


def _fresh_pg_schema(dsn: str) -> str:
    import psycopg

    schema = f"bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    return f"{dsn}{'&' if '?' in dsn else '?'}options=-csearch_path%3D{schema}"


if __name__ == "__main__":
    scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
    with tempfile.TemporaryDirectory() as tmp:
        for row in bench(tmp, scale):
            verdict = "" if row["budget"] is None else (
                "ok" if row["value"] <= row["budget"] else "OVER BUDGET")  # fmt: skip
            print(f"{row['name']}: {row['value']} {row['unit']} (budget {row['budget']}) {verdict}")
