"""Knowledge-base budgets (issue 17): suggestions while typing at 2,000 articles, the bytes the
hourly counts add to a day's payloads, and how long a notice takes to reach a desk.

    python -m supportdesk.bench.kb"""

from __future__ import annotations

import json
import random
import time
from datetime import datetime, timedelta
from pathlib import Path

from supportdesk.bench import latency, metric

ARTICLES = 2000
# What counter staff type into a request's summary, as people say it.
SUMMARIES = [
    "không đăng nhập được vneid", "khong dang nhap duoc vneid tren dien thoai moi",
    "quên mật khẩu vneid", "quen mk dinh danh dien tu", "kích hoạt định danh mức 2",
    "vneid báo hệ thống đang bảo trì", "đổi số điện thoại vneid không nhận otp",
    "mất điện thoại đang dùng vneid", "tích hợp thẻ bảo hiểm y tế vào vneid",
    "không đăng nhập được cổng dịch vụ công", "dang nhap cong dvc tinh bang vneid",
    "đã thanh toán nhưng hồ sơ chưa cập nhật", "nop le phi truc tuyen o dau",
    "máy tính không nhận usb token chữ ký số", "chu ky so bao loi khi ky",
    "quên mật khẩu thư điện tử công vụ", "may in khong in duoc", "mang cham khong vao duoc",
    "không tra cứu được hồ sơ hộ tịch", "Bà An không đăng nhập được VNeID ạ",
]  # fmt: skip
WORDS = (
    "lỗi báo hồ sơ tài khoản đăng nhập mật khẩu mã otp cổng dịch vụ công tỉnh xã phường "
    "thanh toán phí lệ phí chữ ký số token máy in mạng thư điện tử văn bản định danh hộ tịch "
    "đất đai cư trú khai sinh kết hôn tra cứu cập nhật điện thoại ứng dụng trình duyệt"
).split()


PATTERNS = (
    "Lỗi khi nộp hồ sơ trực tuyến: {}",
    "Không tải được tệp đính kèm khi nộp {}",
    "Tra cứu kết quả không thấy hồ sơ {}",
    "Thanh toán lệ phí báo lỗi: {}",
    "Hồ sơ bị trả lại vì thiếu giấy tờ: {}",
    "Cán bộ không ký số được kết quả {}",
)


def generated_articles(starter: list[dict], procedures: list[str], size: int, seed: int = 17):
    """A province's knowledge base grown to `size`: one article in ten a local variant of a
    starter article (VNeID, the portal, signatures…), the rest per-procedure problems."""
    rng = random.Random(seed)
    out = []
    for i in range(size):
        base = starter[i % len(starter)]
        if i % 10 == 0:
            extra = " ".join(rng.sample(WORDS, 3))
            out.append({**base, "uuid": None, "title": f"{base['title']} ({extra})",
                        "status": "published"})  # fmt: skip
            continue
        title = rng.choice(PATTERNS).format(rng.choice(procedures))[:200]
        out.append({**base, "uuid": None, "title": title, "topics": ["dvc_submit"],
                    "symptoms": " ".join(rng.sample(WORDS, 8)), "status": "published"})  # fmt: skip
    return out


def keystrokes(summaries: list[str]) -> list[str]:
    """What the box holds after each key once three characters are typed."""
    return [s[:n] for s in summaries for n in range(3, len(s) + 1)]


def bench(workdir: Path, quick: bool) -> list[dict]:
    results = _suggestions(workdir, quick)
    results.append(_hourly_bytes(workdir))
    results += _notice(workdir)
    return results


def _suggestions(workdir: Path, quick: bool) -> list[dict]:
    from supportdesk.core import kb
    from supportdesk.core.kb import files
    from supportdesk.core.store import open_store
    from supportdesk.paths import resource

    db = open_store(workdir / "kb-store", seed=False)
    starter = files.read(resource("kb", "starter.json"))["articles"]
    from supportdesk.core.catalog.records import shipped_catalog

    names = [p["name"] for p in shipped_catalog()["procedures"]]
    size = 500 if quick else ARTICLES - len(starter)
    generated = generated_articles(starter, names, size)
    report = files.import_document(db, files.document(generated))
    assert not report.rejected, report.rejected
    typed = keystrokes(SUMMARIES)
    for text in typed[:50]:  # warm the page cache, as a desk that has been open a while
        kb.suggest(db, text)
    samples = []
    for text in typed:
        start = time.perf_counter()
        kb.suggest(db, text, topic="vneid")
        samples.append((time.perf_counter() - start) * 1000)
    total = size + len(starter)
    note = f"{total} articles, {len(typed)} keystrokes of {len(SUMMARIES)} real summaries"
    if quick:
        note += " (quick: scaled down)"
    return latency("kb suggestions while typing", samples, 10.0, note)


def _hourly_bytes(workdir: Path) -> dict:
    """A busy desk's day: 40 requests between 07:30 and 17:00, each resolved about half an
    hour later, a sync every 5 minutes; the bytes the `hourly` field adds to what was sent."""
    from supportdesk.core import tickets
    from supportdesk.core.calendar import TZ
    from supportdesk.core.store import open_store, settings
    from supportdesk.core.sync import snapshots

    db = open_store(workdir / "hourly-store", seed=False)
    settings.put(db, "commune_code", "00001")
    rng = random.Random(3)
    day = datetime(2026, 12, 1, 7, 30, tzinfo=TZ)
    arrivals = sorted(day + timedelta(minutes=rng.uniform(0, 570)) for _ in range(40))
    events = [(at, "add") for at in arrivals]
    events += [(at + timedelta(minutes=rng.uniform(5, 60)), "resolve") for at in arrivals]
    events.sort()
    ids: list[int] = []
    added = sent = payloads = 0
    tick = day
    while tick <= day + timedelta(hours=10):
        while events and events[0][0] <= tick:
            at, what = events.pop(0)
            if what == "add":
                made = tickets.create(db, {"category": rng.choice(["vneid", "dvc_account",
                                      "dvc_payment", "other"]), "summary": "Hỗ trợ"},
                                      actor="Lan", at=at, now=at)  # fmt: skip
                ids.append(made["id"])
            elif ids:
                pending = [i for i in ids if tickets.get(db, i)["status"] == "new"]
                if pending:
                    tickets.update(db, pending[0], actor="Lan", status="resolved", now=at)
        for row in snapshots.queue_periods(db, ["2026-12"], now=tick.timestamp()):
            body = json.loads(row["payload"])
            with_hours = len(row["payload"].encode())
            body.pop("hourly", None)
            added += with_hours - len(json.dumps(body, ensure_ascii=False).encode())
            sent += with_hours
            payloads += 1
        tick += timedelta(minutes=5)
    note = f"{payloads} payloads ({sent / 1024:.1f} KB) in a day of 40 requests, sync every 5 min"
    return metric("hourly counts added to a day's payloads", added, "bytes", 2048, note)


def _notice(workdir: Path) -> list[dict]:
    """A notice posted on the hub is on the desk after its next sync: the wait is at most the
    sync interval, plus the time of one sync measured here on loopback."""
    from datetime import UTC

    from supportdesk.core.kb import notices
    from supportdesk.core.store import open_store, settings
    from supportdesk.core.sync.client import HubClient, sync_once
    from supportdesk.hub import admin, service
    from supportdesk.hub import notices as hub_notices
    from supportdesk.hub.server import BackgroundHub
    from supportdesk.hub.storage import Storage
    from supportdesk.ui.background import SYNC_INTERVAL_MS

    storage = Storage(workdir / "notice-hub.db")
    hub = BackgroundHub(storage)
    try:
        code = admin.add_commune(storage, "00001", "Xã thử")
        token = service.enroll(storage, code, "install-1", "00001")["token"]
        desk = open_store(workdir / "notice-desk", seed=False)
        settings.put(desk, "commune_code", "00001")
        settings.put(desk, "install_id", "install-1")
        client = HubClient(hub.url, token)
        sync_once(desk, client)  # enrolled and caught up, as a desk is between two syncs
        samples = []
        for i in range(10):
            until = datetime.now(UTC) + timedelta(hours=1)
            posted = hub_notices.post(storage, f"Thông báo thử {i}", until=until)
            start = time.perf_counter()
            sync_once(desk, client, force=True)
            samples.append((time.perf_counter() - start) * 1000)
            assert posted["id"] in [n["id"] for n in notices.active(desk)]
        client.close()
    finally:
        hub.stop()
        storage.close()
    interval_s = SYNC_INTERVAL_MS / 1000
    worst_s = interval_s + max(samples) / 1000
    note = (
        f"posted just after a sync: on the desk at the next one, {interval_s / 60:.0f} min later,"
        f" plus one sync ({max(samples):.0f} ms at most)"
    )
    return [
        *latency("notice fetched by one sync, loopback", samples, None),
        metric("notice on a desk syncing every 5 min, worst case", worst_s, "s", None, note),
    ]


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        for m in bench(Path(tmp), quick=False):
            print(m)
