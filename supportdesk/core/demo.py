"""Realistic, fictitious demo data for `supportdesk gui --demo` and the README screenshots.

Every person, phone number and request here is invented; the commune and procedures are real."""

from __future__ import annotations

from sqlite_utils import Database

from supportdesk.core.store import settings

TEAM = ["Nguyễn Thị Lan", "Trần Văn Hùng", "Lê Minh Châu", "Phạm Quốc Bảo", "Võ Thị Hạnh"]

CENTER = {
    "province_code": "01",
    "province_name": "Hà Nội",
    "commune_code": "00004",
    "commune_name": "Phường Ba Đình",
    "center_name": "Trung tâm Phục vụ hành chính công phường Ba Đình",
    "center_address": "Số 25 phố Liễu Giai, phường Ba Đình, Hà Nội",
    "center_phone": "024 3823 0000",
    "team_members": TEAM,
    "operator": TEAM[0],
}


# kind, name, phone, category, procedure, summary, hours ago, final status, resolution.
# Fictitious people; phones in the unallocated 030 range so that no real number is shown.
REQUESTS = [
    ("citizen", "Hoàng Thị Mai", "0300 001 101", "vneid", "",
     "Quên mật khẩu VNeID, cần đặt lại", 1, "resolved", "Hướng dẫn đặt lại trên ứng dụng"),
    ("citizen", "Đỗ Văn Nam", "0300 002 102", "dvc_submit", "1.001193",
     "Không nộp được hồ sơ khai sinh trực tuyến", 3, "in_progress", ""),
    ("citizen", "Bùi Thị Thu", "0300 003 103", "dvc_payment", "",
     "Thanh toán lệ phí bị trừ tiền nhưng hồ sơ chưa cập nhật", 30, "escalated", ""),
    ("business", "Công ty TNHH Minh Phát", "0300 004 104", "digital_signature", "",
     "Chữ ký số không nhận trên Cổng DVC", 50, "waiting", ""),
    ("citizen", "Ngô Văn Tài", "0300 005 105", "vneid", "",
     "Kích hoạt định danh mức 2 không nhận mã OTP", 5, "new", ""),
    ("civil_servant", "Lý Thị Hoa", "0300 006 106", "email_docs", "",
     "Không đăng nhập được hệ thống quản lý văn bản", 80, "new", ""),
    ("citizen", "Trịnh Văn Khoa", "0300 007 107", "dvc_find", "1.004222",
     "Tìm thủ tục đăng ký thường trú", 2, "resolved", "Đã in hướng dẫn"),
    ("citizen", "Phan Thị Yến", "0300 008 108", "data_lookup", "",
     "Tra cứu thông tin hộ tịch cũ", 120, "in_progress", ""),
    ("citizen", "Vũ Đức Thắng", "0300 009 109", "dvc_account", "",
     "Tài khoản Cổng DVC bị khoá", 26, "resolved", "Mở khoá qua VNeID"),
    ("citizen", "Đặng Thị Ngọc", "0300 010 110", "province_system", "",
     "Hồ sơ đất đai nộp trên hệ thống tỉnh chưa được tiếp nhận", 70, "escalated", ""),
    ("citizen", "Cao Văn Bình", "0300 011 111", "devices", "",
     "Máy in phiếu hẹn ở quầy 2 bị kẹt giấy", 0.5, "new", ""),
]  # fmt: skip


def fill(db: Database, *, seed: int = 2026) -> dict:
    """Fill a fresh store with a demo commune, team and requests; returns what was added."""
    for key, value in CENTER.items():
        settings.put(db, key, value)
    added = {"settings": len(CENTER)}
    added["requests"] = _requests(db)
    return added


def _requests(db: Database) -> int:
    from datetime import timedelta

    from supportdesk.core import tickets
    from supportdesk.core.calendar import now_utc

    now = now_utc()
    for i, (kind, name, phone, category, code, summary, hours, status, result) in enumerate(
        REQUESTS
    ):
        data = {"requester_kind": kind, "requester_name": name, "requester_phone": phone,
                "category": category, "summary": summary}  # fmt: skip
        if code:
            data["procedure_code"] = code
        staff = TEAM[i % len(TEAM)]
        at = now - timedelta(hours=hours)
        created = tickets.create(db, data, actor=staff, at=at, now=at)
        rid = created["id"]
        if status in ("in_progress", "waiting", "escalated"):
            tickets.update(db, rid, actor=staff, status="in_progress",
                                fields={"assignee": staff})  # fmt: skip
        if status == "waiting":
            tickets.update(db, rid, actor=staff, status="waiting",
                                note="Chờ người dân bổ sung ảnh giấy tờ")  # fmt: skip
        if status == "escalated":
            tickets.update(db, rid, actor=staff, escalate_to="Sở Khoa học và Công nghệ")
        if status == "resolved":
            tickets.update(db, rid, actor=staff, status="resolved", note=result)
    return len(REQUESTS)
