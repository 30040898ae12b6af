"""Hub budgets on PostgreSQL (issue 15): POST latency with 50 clients for 1, 2 and 4 worker
processes, the national ingest (3,321 communes × 12 months) and a province's dashboard with 24
months of every commune stored.

Measured only when SUPPORTDESK_BENCH_PG (or SUPPORTDESK_TEST_PG) names a server; each part runs
in a schema of its own. The hub runs as `supportdesk hub serve --workers N`, as in production."""

from __future__ import annotations

import http.client
import itertools
import os
import re
import statistics
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

from supportdesk.bench import metric, percentile
from supportdesk.bench.sync import (
    CONCURRENT,
    HubProcess,
    _body,
    _enroll_many,
    _fresh_pg_schema,
    _latency_under_load,
    load_periods,
)

WORKERS = (1, 2, 4)
LOAD = 10_000  # more than 5 s of POSTs at any worker count: wrk never replays one
INGEST_MONTHS = [f"{2025 + (m + 6) // 12}-{(m + 6) % 12 + 1:02d}" for m in range(1, 13)]
PROVINCE = "01"  # Hà Nội: the province with the most communes (126)
DASHBOARD_SAMPLES = 40


def real_communes() -> dict[str, str]:
    """commune code → province code, for all 3,321 communes."""
    from supportdesk.core.admin_units import AdminUnits

    return {u.code: u.province_code for u in AdminUnits.shipped().communes}


def _post_many(url: str, posts: list[tuple[str, bytes]], clients: int = 8) -> None:
    """POST every (token, body) over keep-alive connections: http.client costs the client far
    less CPU than requests, and the client shares the 2 cores with the hub and PostgreSQL."""
    host = urlsplit(url)
    lock, queue = threading.Lock(), list(reversed(posts))
    failures: list[str] = []

    def worker() -> None:
        conn = http.client.HTTPConnection(host.hostname, host.port, timeout=60)
        while True:
            with lock:
                if not queue or failures:
                    break
                token, body = queue.pop()
            conn.request("POST", "/api/v1/summaries", body,
                         {"Authorization": f"Bearer {token}",
                          "Content-Type": "application/json"})  # fmt: skip
            answer = conn.getresponse()
            text = answer.read()
            if answer.status != 200:
                failures.append(f"{answer.status}: {text[:200]!r}")
        conn.close()

    threads = [threading.Thread(target=worker) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if failures:
        raise RuntimeError(f"hub refused a post: {failures[0]}")


def bench_workers(dsn: str, communes: list[str]) -> list[dict]:
    out = []
    for workers in WORKERS:
        url = _fresh_pg_schema(dsn)
        tokens = _enroll_many(url, communes)
        hub = HubProcess(url, workers=workers)
        try:
            wanted = ((tokens[c], c, p) for p in load_periods() for c in communes)
            posts = [(t, _body(c, p)) for t, c, p in itertools.islice(wanted, LOAD)]
            p50, p95, note = _latency_under_load(hub.url, posts)
        finally:
            hub.stop()
        found = re.search(r"(\d+) POSTs in (\d+) s", note)
        rate = int(found.group(1)) / int(found.group(2)) if found else None
        budget = 100.0 if workers == 2 else None
        out.append(metric(f"hub POST p95, {CONCURRENT} clients, PostgreSQL, {workers} worker(s)",
                          1000 * p95, "ms", budget, note))  # fmt: skip
        out.append(metric(f"hub POST median, {CONCURRENT} clients, PostgreSQL, {workers} worker(s)",
                          1000 * p50, "ms", None, note))  # fmt: skip
        if rate:
            out.append(metric(f"hub throughput, PostgreSQL, {workers} worker(s)", rate, "POST/s"))
    return out


def _older_months(months: list[str]) -> list[str]:
    return [f"{int(m[:4]) - 1}-{m[5:]}" for m in months]


def _copy_to_24_months(url: str) -> None:
    """The 12 ingested months copied to the 12 before them (setup, not measured)."""
    from supportdesk.hub.storage import Storage

    storage = Storage(url, pool_size=1)
    try:
        with storage.tx() as db:
            for month, older in zip(INGEST_MONTHS, _older_months(INGEST_MONTHS)):
                db.execute(
                    "INSERT INTO submissions (submission_id, commune_code, period_type, "
                    "period_id, revision, content_sha256, body, receipt, received_at) "
                    "SELECT submission_id || '-old', commune_code, period_type, ?, revision, "
                    "content_sha256, body, receipt, received_at FROM submissions "
                    "WHERE period_id = ?",
                    [older, month],
                )
                db.execute(
                    "INSERT INTO latest (commune_code, period_type, period_id, revision, "
                    "submission_id, received_at) SELECT commune_code, period_type, ?, revision, "
                    "submission_id || '-old', received_at FROM latest WHERE period_id = ?",
                    [older, month],
                )
    finally:
        storage.close()


def _logged_in(url: str, db_url: str, province: str):
    import requests

    from supportdesk.hub import access
    from supportdesk.hub.storage import Storage

    password = "bench password long enough"
    storage = Storage(db_url, pool_size=1)
    try:
        access.add_user(storage, "bench", password, province)
    finally:
        storage.close()
    session = requests.Session()
    csrf = re.search(r'name="csrf" value="([^"]+)"', session.get(f"{url}/login").text).group(1)
    answer = session.post(f"{url}/login", data={"name": "bench", "password": password,
                                                "csrf": csrf}, allow_redirects=False)  # fmt: skip
    if answer.status_code != 303:
        raise RuntimeError(f"bench login failed: {answer.status_code}")
    return session


def bench_national(dsn: str, communes: dict[str, str], scale: float) -> list[dict]:
    """Ingest 12 months from every commune, copy them to 24 months, and time a province's
    dashboard as its officer loads it (session cookie, the API, its JSON)."""
    codes = sorted(communes)
    url = _fresh_pg_schema(dsn)
    tokens = _enroll_many(url, codes)
    hub = HubProcess(url, workers=2)
    try:
        posts = [(tokens[c], _body(c, m).encode()) for m in INGEST_MONTHS for c in codes]
        started = time.perf_counter()
        _post_many(hub.url, posts)
        ingest = time.perf_counter() - started
        _copy_to_24_months(url)
        session = _logged_in(hub.url, url, PROVINCE)
        periods = [*INGEST_MONTHS, *_older_months(INGEST_MONTHS)]
        samples = []
        for i in range(DASHBOARD_SAMPLES):
            query = "" if i % 2 == 0 else f"?period={periods[i % len(periods)]}"
            started = time.perf_counter()
            answer = session.get(f"{hub.url}/api/v1/dashboard{query}", timeout=60)
            samples.append(1000 * (time.perf_counter() - started))
            board = answer.json()
            if answer.status_code != 200 or not board["communes"]:
                raise RuntimeError(f"dashboard answered {answer.status_code}")
        seen = len(board["communes"])
        stored = len(board["periods"])
    finally:
        hub.stop()
    label = f"{len(codes)} communes × 12 months"
    return [
        metric(f"hub national ingest, {label} (PostgreSQL, 2 workers, 8 clients)", ingest, "s",
               round(60.0 * len(codes) / 3321, 1), f"{len(posts) / ingest:.0f} POST/s"),
        metric(f"province dashboard p95 ({seen} communes of province {PROVINCE}, {stored} "
               f"months of {len(codes)} communes stored)", percentile(samples, 95), "ms", 300.0,
               f"median {statistics.median(samples):.0f} ms, {DASHBOARD_SAMPLES} loads"),
    ]  # fmt: skip


def bench(tmpdir: Path | str, quick: bool | float = False) -> list[dict]:
    dsn = os.environ.get("SUPPORTDESK_BENCH_PG") or os.environ.get("SUPPORTDESK_TEST_PG")
    if not dsn:
        return []
    scale = (0.05 if quick else 1.0) if isinstance(quick, bool) else float(quick)
    units = real_communes()
    codes = sorted(units)[: max(CONCURRENT, int(len(units) * scale))]
    results = bench_workers(dsn, codes)
    results += bench_national(dsn, {c: units[c] for c in codes}, scale)
    return results
