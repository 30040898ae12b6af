"""The province dashboard in a real headless Chromium, with a screenshot for a person to see."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from supportdesk.core.sync import payload
from supportdesk.hub import admin, dashboard, service
from tests.hub.kit import summary

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--virtual-time-budget=10000", "--window-size=1400,1000", "--hide-scrollbars",
]  # fmt: skip
COMMUNES = [  # code, name, received, staff: Hà Giang's busy ward next to quiet mountain communes
    ("02020", "Phường Hà Giang 1", 420, 6), ("02023", "Xã Ngọc Đường", 95, 5),
    ("02026", "Xã Phú Linh", 130, 5), ("02029", "Xã Kim Thạch", 40, 7),
    ("02032", "Xã Linh Hồ", 150, 6),
]  # fmt: skip


def fill(storage) -> None:
    for code, name, received, staff in COMMUNES:
        enrollment = admin.add_commune(storage, code, name)
        token = service.enroll(storage, enrollment, f"install-{code}", code)["token"]
        escalations = [{"ticket": f"{code}-7", "category": "vneid", "summary":
                        "Không nhận được mã OTP khi kích hoạt định danh mức 2",
                        "escalated_to": "Công an tỉnh", "status": "escalated",
                        "created_at": "2026-11-12"}] if received > 140 else []  # fmt: skip
        content = payload.summary_content(
            summary("2026-11", received=received, resolved=received - 10,
                    on_time=received - 14, escalations=escalations, staff=staff)
        )  # fmt: skip
        body = payload.build(content, commune_code=code, commune_name=name, revision=1,
                             install_id=f"install-{code}", app_version="t",
                             generated_at="2026-12-01T02:00:00+00:00")  # fmt: skip
        service.ingest(storage, service.authenticate(storage, f"Bearer {token}"), body)
    admin.add_commune(storage, "02035", "Xã Thanh Thủy")  # has not reported


def test_dashboard_numbers(hub_storage):
    fill(hub_storage)
    view = dashboard.view(hub_storage)
    assert view["period"] == {"type": "month", "id": "2026-11"}
    assert (view["reported"], view["total_communes"]) == (5, 6)
    by_code = {c["code"]: c for c in view["communes"]}
    assert by_code["02020"]["days"] == 30 and by_code["02020"]["load"] == "high"
    assert by_code["02029"]["load"] == "low"
    assert by_code["02020"]["on_time_rate"] == round(100 * 406 / 410, 1)
    assert not by_code["02035"]["reported"]
    assert {e["commune_code"] for e in view["escalations"]} == {"02020", "02032"}
    # A province officer reads the topic and the status in words, not their codes.
    assert {(e["category"], e["status"]) for e in view["escalations"]} == {
        ("Tài khoản VNeID", "Đã chuyển cấp trên")
    }


def chromium(url: str, tmp_path: Path, *extra: str) -> str:
    profile = tmp_path / "chromium-profile"
    done = subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *extra, url],
        capture_output=True, text=True, timeout=90,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


@pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed")
def test_dashboard_in_headless_chromium(hub, hub_storage, tmp_path):
    fill(hub_storage)
    dom = chromium(f"{hub.url}/#sort=received", tmp_path, "--dump-dom")
    assert 'data-ready="1"' in dom
    rows = re.findall(r"<tr[^>]*>\s*<td>(\d{5})</td><td>([^<]*)</td>", dom)
    assert [code for code, _ in rows][:5] == ["02020", "02032", "02026", "02023", "02029"]
    assert "Xã Thanh Thủy" in dom and "quá tải" in dom and "rảnh" in dom
    assert "5/6" in dom and "Công an tỉnh" in dom
    shot = Path(os.environ.get("SUPPORTDESK_SCREENSHOT_DIR", tmp_path)) / "hub-dashboard.png"
    chromium(f"{hub.url}/", tmp_path, f"--screenshot={shot}")
    assert shot.stat().st_size > 10_000
