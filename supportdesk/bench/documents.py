"""Timing of the printed documents against their budgets (issue 6): handout ≤ 150 ms,
receipt ≤ 50 ms, a batch of 20 handouts ≤ 3 s. Medians of warm runs; the first document of a
process also pays for loading the fonts, reported on its own.

Absolute times drift on a shared machine, so the handout is also held as a ratio (issue 19: ≤ 3×)
against a floor measured in the same run: floors.reportlab_page, a one-page reportlab document
in the same embedded font."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from pathlib import Path

from supportdesk.bench import floors, metric, time_ms

REPEATS = 5
COLD = "pdf.first_document_cold (fonts)"
CENTER = {
    "center_name": "Trung tâm Phục vụ hành chính công xã Tân Định",
    "center_address": "Số 1 đường Hai Bà Trưng, xã Tân Định, Thành phố Hồ Chí Minh",
    "center_phone": "028 3820 1234",
    "commune_name": "xã Tân Định",
    "province_name": "Thành phố Hồ Chí Minh",
}
REQUEST = {
    "ticket": "79-2026-000123",
    "created_at": "2026-11-23T03:05:00+00:00",
    "requester_kind": "citizen",
    "requester_name": "Nguyễn Thị Hồng Nhung",
    "requester_phone": "0903 123 456",
    "requester_id_masked": "*********789",
    "category_name": "Tài khoản VNeID, định danh mức 2",
    "procedure_code": "1.001193",
    "summary": "Không đăng nhập được VNeID sau khi đổi số điện thoại.",
    "due_at": "2026-11-24T10:00:00+00:00",
    "assignee": "Trần Văn Đức",
}


def _median_ms(run: Callable[[], bytes], repeats: int) -> float:
    return statistics.median(time_ms(run) for _ in range(repeats))


def bench(workdir: Path, quick: bool = False) -> list[dict]:
    from supportdesk.core import catalog
    from supportdesk.core.pdf import export, handout, receipt
    from supportdesk.core.store import settings
    from supportdesk.core.store.connection import open_store

    tmpdir = Path(workdir)
    repeats = 3 if quick else REPEATS
    db = open_store(tmpdir / "bench-documents")  # seeded with the shipped catalog
    for key, value in CENTER.items():
        settings.put(db, key, value)
    khai_sinh, longest = catalog.get(db, "1.001193"), catalog.get(db, "1.014199")
    top20, _ = (
        export.top_procedures(db, 20) if _has_requests(db) else (export.everyday_codes(db, 20), "")
    )
    batch = [catalog.get(db, code) for code in top20]

    start = time.perf_counter()
    first = handout.render(khai_sinh, CENTER, "a4")
    cold = (time.perf_counter() - start) * 1000
    (tmpdir / "handout-1.001193-a4.pdf").write_bytes(first)

    def row(name: str, value: float, unit: str = "ms", budget: float | None = None) -> dict:
        return metric(name, round(value, 1), unit, budget, "median" if name != COLD else "")

    batch_ms = _median_ms(lambda: handout.render_many(batch, CENTER, "a4"), max(1, repeats // 2))
    # Handout and floor alternate, so that a burst of load on the machine hits both alike.
    handout_runs, floor_runs = [], []
    for _ in range(repeats * 2):
        handout_runs.append(time_ms(lambda: handout.render(khai_sinh, CENTER, "a4")))
        floor_runs.append(time_ms(floors.reportlab_page))
    handout_a4, floor = statistics.median(handout_runs), statistics.median(floor_runs)
    return [
        row(COLD, cold),
        metric("pdf.handout_a4 (1.001193)", round(handout_a4, 1), "ms", 150,
               "median; floor: one reportlab page, embedded DejaVu", floor=floor,
               ratio_budget=3.0),
        row("pdf.handout_a4_full (1.001193)", _median_ms(
            lambda: handout.render(khai_sinh, CENTER, "a4", full=True), repeats)),
        row("pdf.handout_a5 (1.001193)", _median_ms(
            lambda: handout.render(khai_sinh, CENTER, "a5"), repeats), budget=150),
        row("pdf.handout_a4_longest (1.014199)", _median_ms(
            lambda: handout.render(longest, CENTER, "a4"), max(1, repeats // 2))),
        row("pdf.receipt_a5", _median_ms(
            lambda: receipt.render(REQUEST, CENTER, "a5"), repeats), budget=50),
        row("pdf.receipt_80mm", _median_ms(
            lambda: receipt.render(REQUEST, CENTER, "80mm"), repeats), budget=50),
        row(f"pdf.handouts_batch_{len(batch)}", batch_ms / 1000, "s", budget=3),
    ]  # fmt: skip


def _has_requests(db) -> bool:
    return db["requests"].exists()


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        for result in bench(Path(tmp)):
            budget = f"  (budget {result['budget']} {result['unit']})" if result["budget"] else ""
            print(f"{result['name']:40} {result['value']:>8} {result['unit']}{budget}")
