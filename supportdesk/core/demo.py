"""Realistic, fictitious demo data for `supportdesk gui --demo` and the README screenshots.

Every person, phone number and request here is invented; the commune and procedures are real."""

from __future__ import annotations

from sqlite_utils import Database

from supportdesk.core import settings

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


def fill(db: Database, *, seed: int = 2026) -> dict:
    """Fill a fresh store with a demo commune and team; returns what was added."""
    for key, value in CENTER.items():
        settings.put(db, key, value)
    return {"settings": len(CENTER)}
