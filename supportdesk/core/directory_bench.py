"""Timing the directory against its budgets (issue 3): search p95 ≤ 5 ms with 5,000 contacts,
import of 5,000 contacts ≤ 2 s. Called by `supportdesk bench`; runnable on its own:

    python -m supportdesk.core.directory_bench

Every person generated here is invented: made-up names, numbers in the unallocated 030 prefix."""

from __future__ import annotations

import csv
import random
import statistics
import tempfile
import time
from pathlib import Path

from supportdesk.core import directory_files, directory_search
from supportdesk.core.db import open_store

CONTACTS = 5000
SEARCH_BUDGET_MS = 5.0
IMPORT_BUDGET_S = 2.0

_FAMILY = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
]
_MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Ngọc", "Quang", "Thu", "Xuân"]
_GIVEN = ["Mẫu", "Thử", "Ví Dụ", "Minh Họa", "Giả Định", "Hường", "Lan", "Hùng", "Dũng", "Tâm",
          "Hà", "Sơn", "Thủy", "Hòa", "Kỳ", "Phương", "Quý", "Yến", "Khánh", "Đạt"]  # fmt: skip
_POSITIONS = ["Chuyên viên", "Công chức Tư pháp - Hộ tịch", "Phó Chủ tịch", "Trưởng phòng",
              "Phó trưởng Công an xã", "Công chức Địa chính", "Cán bộ một cửa"]  # fmt: skip
_AGENCIES = ["UBND xã Thử Nghiệm {n}", "Công an xã Thử Nghiệm {n}", "Sở Tư pháp tỉnh Mẫu {n}",
             "Văn phòng Đăng ký đất đai tỉnh Mẫu {n}", "Cục Thử nghiệm {n} - Bộ Ví dụ"]  # fmt: skip
_FIELDS = ["Hộ tịch", "Chứng thực", "Cư trú", "Đất đai", "Bảo hiểm xã hội", "Đăng ký kinh doanh"]
# Most rows of a real sheet have no note; the rest say different things.
_NOTES = [""] * 6 + ["Nghỉ thứ Bảy", "Gọi giờ hành chính", "Đầu mối liên thông {n}",
                     "Chỉ nhận tin nhắn Zalo", "Người giả định số {n}"]  # fmt: skip
_CODES = ["1.001193", "1.000894", "1.004222", "1.000689", "1.001022", "1.003005"]


def write_sample(path: Path, n: int = CONTACTS, seed: int = 7) -> Path:
    """A contact sheet of n invented people, as a province would send it (CSV, UTF-8 BOM)."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        out = csv.writer(f)
        out.writerow(["STT", "Họ và tên", "Chức vụ", "Cơ quan", "Điện thoại", "Lĩnh vực",
                      "Mã thủ tục", "Ghi chú"])  # fmt: skip
        for i in range(n):
            name = f"{rng.choice(_FAMILY)} {rng.choice(_MIDDLE)} {rng.choice(_GIVEN)} {i}"
            agency = rng.choice(_AGENCIES).format(n=rng.randrange(60))
            mobile = f"0300 {i // 1000:03d} {i % 1000:03d}"
            landline = f"0203 0{i:04d}{rng.randrange(100):02d}" if rng.random() < 0.4 else ""
            out.writerow([i + 1, name, rng.choice(_POSITIONS), agency,
                          "; ".join(p for p in (mobile, landline) if p),
                          "; ".join(rng.sample(_FIELDS, rng.randrange(1, 3))),
                          "; ".join(rng.sample(_CODES, rng.randrange(0, 3))),
                          rng.choice(_NOTES).format(n=i)])  # fmt: skip
    return path


QUERIES = [
    "nguyen van", "Trần Thị Mẫu", "hoa", "thu nghiem 12", "so tu phap", "chuyen vien ho tich",
    "345", "000 123", "0300 004", "84300001", "Kỳ", "dat dai", "cong an xa", "1.001193",
    "giả định 4012", "phó chủ tịch", "UBND xã", "zzz",
]  # fmt: skip


def _p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20, method="inclusive")[18]


def bench(tmpdir: str | Path) -> list[dict]:
    """[{name, value, unit, budget}] for the directory's budgets, measured in tmpdir."""
    tmpdir = Path(tmpdir)
    sheet = write_sample(tmpdir / "danh-ba-5000.csv")
    db = open_store(tmpdir / "bench-directory", seed=False)
    started = time.perf_counter()
    report = directory_files.import_file(db, sheet)
    import_s = time.perf_counter() - started
    assert not report.rejected and report.added == CONTACTS, report.as_dict()["rejected"][:3]

    vcf = tmpdir / "danh-ba-5000.vcf"
    directory_files.export_file(db, vcf)
    other = open_store(tmpdir / "bench-directory-vcf", seed=False)
    started = time.perf_counter()
    directory_files.import_file(other, vcf)
    vcf_s = time.perf_counter() - started
    other.close()

    for q in QUERIES:  # warm the page cache and the abbreviation table
        directory_search.search(db, q)
    text_ms, digit_ms = [], []
    for _ in range(20):
        for q in QUERIES:
            started = time.perf_counter()
            directory_search.search(db, q, limit=20)
            elapsed = (time.perf_counter() - started) * 1000
            (digit_ms if q.replace(" ", "").isdigit() else text_ms).append(elapsed)
    db.close()
    return [
        {"name": "directory.import_csv_5000", "value": round(import_s, 3), "unit": "s",
         "budget": IMPORT_BUDGET_S},
        {"name": "directory.import_vcf_all", "value": round(vcf_s, 3), "unit": "s",
         "budget": IMPORT_BUDGET_S},
        {"name": "directory.search_p95", "value": round(_p95(text_ms + digit_ms), 3),
         "unit": "ms", "budget": SEARCH_BUDGET_MS},
        {"name": "directory.search_digits_p95", "value": round(_p95(digit_ms), 3), "unit": "ms",
         "budget": SEARCH_BUDGET_MS},
        {"name": "directory.search_words_p95", "value": round(_p95(text_ms), 3), "unit": "ms",
         "budget": SEARCH_BUDGET_MS},
    ]  # fmt: skip


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as tmp:
        for row in bench(tmp):
            verdict = "ok" if row["value"] <= row["budget"] else "OVER BUDGET"
            print(f"{row['name']:32} {row['value']:>9} {row['unit']:3} "
                  f"(budget {row['budget']}) {verdict}")  # fmt: skip
