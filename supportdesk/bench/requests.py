"""Benchmark of the request log at its budgeted size (issue 4): 200,000 requests over 3 years.

`bench(tmpdir, scale)` fills a fresh store with realistic synthetic requests through bulk inserts
(the real intake path is measured separately, on top of that store) and returns the figures:
adding a request (p95 ≤ 5 ms), the first page of a search (p95 ≤ 30 ms), one month's stats
(≤ 50 ms). Run with `supportdesk bench --only requests` or `python -m supportdesk.bench.requests
[scale]`.
"""

from __future__ import annotations

import functools
import random
import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

from supportdesk.bench import latency, metric, time_ms
from supportdesk.core import text, tickets
from supportdesk.core.calendar import TZ, WorkCalendar, now_utc, to_iso
from supportdesk.core.store.connection import open_store
from supportdesk.core.tickets import categories, stats
from supportdesk.core.tickets import log as ticket_log

FULL_SIZE = 200_000
YEARS = 3
FAMILY = "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý".split()
MIDDLE = "Văn Thị Hữu Đức Minh Ngọc Thanh Quốc Xuân Thu Hồng Kim".split()
GIVEN = (
    "An Bình Châu Dũng Giang Hà Hải Hạnh Hiếu Hoa Hùng Hương Khánh Lan Linh Long Mai Nam Nga "
    "Ngân Nhung Phúc Phương Quân Quỳnh Sơn Tâm Thảo Thủy Trang Trung Tuấn Uyên Vân Việt Yến"
).split()
TEAM = ["Nguyễn Thị Lan", "Trần Văn Bình", "Lê Minh Châu", "Phạm Quốc Dũng", "Võ Thu Hà",
        "Đặng Hữu Long", "Bùi Ngọc Mai"]  # fmt: skip
SUMMARIES = {
    "vneid": ["Quên mật khẩu VNeID", "Kích hoạt định danh mức 2", "Đổi số điện thoại VNeID"],
    "dvc_account": ["Không đăng nhập được Cổng DVC quốc gia", "Liên kết tài khoản VNeID với Cổng"],
    "dvc_find": ["Tìm thủ tục đăng ký khai sinh", "Tìm thủ tục chứng thực bản sao"],
    "dvc_submit": ["Nộp hồ sơ đăng ký kết hôn trực tuyến", "Hồ sơ bị trả lại, cần bổ sung"],
    "dvc_payment": ["Thanh toán lệ phí không thành công", "Đã trừ tiền nhưng hồ sơ chưa nhận"],
    "province_system": ["Hệ thống một cửa điện tử báo lỗi", "Không chuyển được hồ sơ sang xã"],
    "digital_signature": ["Chữ ký số hết hạn", "Cài đặt token chữ ký số"],
    "email_docs": ["Cấp lại mật khẩu thư công vụ", "Không nhận được văn bản đến"],
    "devices": ["Máy in quầy số 3 kẹt giấy", "Mất kết nối mạng tại Trung tâm"],
    "data_lookup": ["Tra cứu thông tin hộ tịch", "Tra cứu dữ liệu dân cư", "Tra cứu thửa đất"],
    "other": ["Hỏi đáp chung", "Hướng dẫn sử dụng kiosk"],
}  # fmt: skip
WEIGHTS = [30, 12, 10, 12, 6, 5, 5, 4, 6, 6, 4]
# "345678" and "5678": the tail of a number as a citizen reads it out (any run of 4+ digits).
QUERIES = ["nguyen van", "mat khau vneid", "0912", "chu ky so", "HT-2025-000123", "tra cuu ho tich",
           "Phạm Thị Hương", "may in", "thanh toan le phi", "dang ky kh",
           "345678", "5678"]  # fmt: skip


def _person(rng: random.Random) -> tuple[str, str]:
    name = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
    phone = f"0{rng.choice('389753')}{rng.randrange(10**8):08d}"
    return name, f"{phone[:4]} {phone[4:7]} {phone[7:]}" if rng.random() < 0.5 else phone


def generate(db, n: int, *, seed: int = 7, now: datetime | None = None) -> None:
    """Fill the store with n requests over the last 3 years, two events each, in bulk."""
    rng = random.Random(seed)
    now = now or now_utc()
    cal = WorkCalendar.from_settings(db)
    service = {c["code"]: c for c in categories.all_categories(db)}
    codes = list(service)
    span = YEARS * 365 * 24 * 3600
    moments = sorted(now - timedelta(seconds=rng.randrange(span)) for _ in range(n))
    seqs: dict[int, int] = {}
    rows = []
    index = functools.lru_cache(maxsize=None)(text.index_text)  # names and summaries repeat
    for created in moments:
        # Office hours mostly: requests are taken at the counter.
        here = created.astimezone(TZ)
        created = here.replace(hour=rng.choice([7, 8, 9, 10, 13, 14, 15, 16]),
                               minute=rng.randrange(60)).astimezone(TZ)  # fmt: skip
        category = rng.choices(codes, WEIGHTS[: len(codes)])[0]
        due = ticket_log.due_time(cal, service[category], created, None)
        year = here.year
        seqs[year] = seqs.get(year, 0) + 1
        name, phone = _person(rng)
        row = {
            "ticket": f"HT-{year}-{seqs[year]:06d}", "seq": seqs[year], "year": year,
            "summary": rng.choice(SUMMARIES[category]), "requester_name": name,
            "requester_phone": phone, "category": category,
        }  # fmt: skip
        age = now - created
        roll = rng.random()
        if age > timedelta(days=10) and roll < 0.97 or roll < 0.6:
            took = timedelta(minutes=rng.choice([5, 20, 60, 180, 600, 1500, 3000]))
            resolved = min(created + took, now)
            status = "closed" if rng.random() < 0.3 else "resolved"
        else:
            resolved, status = None, rng.choice(["new", "in_progress", "waiting", "escalated"])
        escalated = status == "escalated" or (resolved is not None and rng.random() < 0.03)
        rows.append((
            row["ticket"], "", year, row["seq"], rng.choice(tickets.KINDS), name, phone,
            rng.choice(tickets.CHANNELS), category, row["summary"], "normal",
            rng.choice(TEAM), status, to_iso(created), to_iso(resolved or created), to_iso(due),
            to_iso(due - (due - created) * 0.2),  # wall-clock 80 %: close enough to measure
            to_iso(created + timedelta(minutes=10)) if status == "waiting" else None,
            to_iso(resolved) if resolved else None,
            int(resolved <= due) if resolved else None,
            to_iso(created + timedelta(hours=1)) if escalated else None,
            "Sở Khoa học và Công nghệ" if escalated else None,
            ticket_log.search_text_of(row, index),
        ))  # fmt: skip
    columns = (
        "ticket, commune_code, year, seq, requester_kind, requester_name, requester_phone, "
        "channel, category, summary, priority, assignee, status, created_at, updated_at, due_at, "
        "warn_at, waiting_since, resolved_at, on_time, escalated_at, escalated_to, search_text"
    ).split(", ")
    ticket_log.insert_history(db, columns, rows)
    with db.atomic():
        db.execute(
            "INSERT INTO request_events (request_id, at, actor, action, to_status, changes) "
            "SELECT id, created_at, assignee, 'created', 'new', '{}' FROM requests"
        )
        db.execute(
            "INSERT INTO request_events (request_id, at, actor, action, from_status, to_status, "
            "changes) SELECT id, resolved_at, assignee, 'status', 'in_progress', 'resolved', '{}' "
            "FROM requests WHERE resolved_at IS NOT NULL"
        )
    db.execute("ANALYZE")


def _timed(func, repeat: int) -> list[float]:
    return [time_ms(func) for _ in range(repeat)]


QUICK_SCALE = 0.05  # 10,000 requests: `supportdesk bench --quick` stays within its minute


def bench(workdir: str | Path, quick: bool = False, *, scale: float | None = None) -> list[dict]:
    """Figures of the request log with `scale` × 200,000 requests (default: full size, or
    QUICK_SCALE when quick). Metrics as built by supportdesk.bench.metric."""
    scale = scale if scale is not None else (QUICK_SCALE if quick else 1.0)
    n = max(1000, int(FULL_SIZE * scale))
    db = open_store(Path(workdir) / "bench-requests", seed=False)
    now = now_utc()
    fill = time_ms(lambda: generate(db, n, now=now)) / 1000
    rng = random.Random(11)

    def add_one():
        name, phone = _person(rng)
        data = {"requester_name": name, "requester_phone": phone, "category": "vneid",
                "summary": "Quên mật khẩu VNeID", "assignee": rng.choice(TEAM)}  # fmt: skip
        tickets.create(db, data, actor="bench")

    adds = _timed(add_one, 200)
    # The same without waiting for the disk: what our code costs apart from the fsync that
    # synchronous=FULL does at every commit (core.store.connection: a write survives a power cut).
    db.execute("PRAGMA synchronous = OFF")
    adds_cpu = _timed(add_one, 200)
    db.execute("PRAGMA synchronous = FULL")
    queries = iter(QUERIES * 10)
    searches = _timed(lambda: tickets.page(db, {"query": next(queries)}, limit=100), 100)
    month = (now.astimezone(TZ).replace(day=1) - timedelta(days=1)).strftime("%Y-%m")
    months = _timed(lambda: stats.summarize(db, month), 20)
    year = _timed(lambda: stats.summarize(db, str(now.astimezone(TZ).year)), 3)
    overdue = _timed(lambda: tickets.page(db, {"overdue": True}, limit=100), 10)
    first = _timed(lambda: tickets.page(db, None, limit=100), 10)
    total = tickets.count(db)
    db.close()
    size = f"{total:,} requests"
    return [
        metric("requests: bulk fill of the store", fill, "s", None, size),
        *latency("requests: add a request", adds, 5, f"{size}, synchronous=FULL"),
        *latency("requests: add a request without fsync", adds_cpu, None, size),
        *latency("requests: search, first page of 100", searches, 30, size),
        *latency(f"requests: stats of one month ({month})", months, 50, size),
        metric("requests: stats of the year (max)", max(year), "ms", None, size),
        *latency("requests: list overdue, first page", overdue, None, size),
        *latency("requests: list, first page", first, None, size),
    ]


def main(argv: list[str]) -> int:
    scale = float(argv[0]) if argv else 1.0
    with tempfile.TemporaryDirectory() as tmp:
        for row in bench(tmp, scale):
            budget = f"(budget ≤ {row['budget']} {row['unit']})" if row["budget"] else ""
            ok = (
                "" if row["budget"] is None else ("OK" if row["value"] <= row["budget"] else "OVER")
            )
            print(f"{row['name']:32} {row['value']:>10} {row['unit']:4} {budget} {ok}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
