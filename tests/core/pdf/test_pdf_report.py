from datetime import date, datetime

from supportdesk.core.formats import TZ as VN_TZ
from supportdesk.core.pdf import report
from tests.core.pdf.pdf_helpers import CENTER, SUBSET_NAME, all_text, fonts_used, page_texts


def _summary(categories: int = 3, escalations: int = 2, **extra) -> dict:
    by = [
        {"category": f"c{i}", "name": f"Chủ đề số {i} – tài khoản VNeID", "received": 10 * i,
         "resolved": 8 * i, "resolved_on_time": 7 * i, "open": 2 * i, "overdue": i,
         "escalated": 1, "median_hours_to_resolve": 2.5}
        for i in range(1, categories + 1)
    ]  # fmt: skip
    keys = ("received", "resolved", "resolved_on_time", "open", "overdue", "escalated")
    totals = {k: sum(c[k] for c in by) for k in keys} | {"median_hours_to_resolve": 3.0}
    return {
        "period": "2026-11", "period_type": "month",
        "start": "2026-11-01T00:00:00+07:00", "end": "2026-12-01T00:00:00+07:00",
        "totals": totals, "by_category": by, "by_assignee": [],
        "escalations": [
            {"ticket": f"79-2026-00001{i}", "category": "c1",
             "summary": "OTP <b>không</b> về & lỗi", "escalated_to": "Công an tỉnh",
             "status": "escalated", "created_at": "2026-11-05T02:00:00Z"}
            for i in range(escalations)
        ],
        **extra,
    }  # fmt: skip


def test_report_has_national_header_totals_and_signature():
    data = report.render(
        _summary(), CENTER, signed=date(2026, 12, 2), signer="Lê Minh Tuấn",
        generated=datetime(2026, 12, 2, 8, 0, tzinfo=VN_TZ),
    )  # fmt: skip
    text = all_text(data)
    for expected in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập – Tự do – Hạnh phúc",
        "UBND XÃ TÂN ĐỊNH",
        "Tân Định, ngày 02 tháng 12 năm 2026",
        "BÁO CÁO",
        "Kết quả hỗ trợ kỹ thuật tháng 11 năm 2026",
        "Tiếp nhận: 60 yêu cầu",
        "tỷ lệ đúng hạn 87,5% (42/48)",
        "Chủ đề số 3 – tài khoản VNeID",
        "Tổng cộng",
        "OTP <b>không</b> về & lỗi",
        "Nơi nhận:",
        "TỔ TRƯỞNG",
        "Lê Minh Tuấn",
        "Trang 1/",
    ):
        assert expected in text, expected
    assert all(SUBSET_NAME.match(str(f["/BaseFont"])) for f in fonts_used(data))


def test_empty_period_prints_dashes_not_errors():
    summary = _summary(categories=0, escalations=0)
    text = all_text(report.render(summary, {}))
    assert "tỷ lệ đúng hạn — (0/0)" in text
    assert "ỦY BAN NHÂN DÂN" in text and "Không có." in text


def test_overdue_list_and_many_rows_paginate():
    overdue = [
        {"ticket": f"79-2026-{i:06d}", "category": "c1", "summary": "Cài chữ ký số " * 4,
         "due_at": "2026-11-20T10:00:00Z", "status_label": "Đang xử lý",
         "created_at": "2026-11-18T02:00:00Z"}
        for i in range(60)
    ]  # fmt: skip
    texts = page_texts(report.render(_summary(escalations=30, overdue=overdue), CENTER))
    n = len(texts)
    assert n >= 3 and all(f"Trang {i}/{n}" in t for i, t in enumerate(texts, start=1))
    joined = " ".join(texts)
    assert "III. Yêu cầu quá hạn chưa giải quyết" in joined and "79-2026-000059" in joined
    assert "IV. Vấn đề đã chuyển cấp trên" in joined


def test_period_texts():
    assert report.period_text({"period_type": "quarter", "start": "2026-10-01T00:00:00+07:00"}) == (
        "quý IV năm 2026"
    )
    week = {"period_type": "week", "start": "2026-11-16T00:00:00+07:00",
            "end": "2026-11-23T00:00:00+07:00"}  # fmt: skip
    assert report.period_text(week) == "tuần 47 năm 2026 (từ 16/11 đến 22/11/2026)"
