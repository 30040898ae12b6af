"""`supportdesk kb …` run as a real process, the way a team member runs it."""

import json

from tests.commands.cli import run_cli

run = run_cli


def test_suggest_search_show(data_dir):
    out = run(data_dir, "kb", "suggest", "không đăng nhập được vneid", "--json")
    assert out.returncode == 0, out.stderr
    first = json.loads(out.stdout)[0]
    assert first["title"] == "Không đăng nhập được VNeID" and first["sample"]
    out = run(data_dir, "kb", "show", first["uuid"])
    assert out.returncode == 0 and "BÀI MẪU" in out.stdout and "Nguồn: https://" in out.stdout
    out = run(data_dir, "kb", "search", "khong co bai nao nhu the nay ca")
    assert out.returncode == 0 and "Không tìm thấy" in out.stdout
    assert run(data_dir, "kb", "show", "99999").returncode == 2


def test_add_edit_export_import_and_errors(data_dir, tmp_path):
    out = run(
        data_dir, "kb", "add", "--title", "Máy in không nhận lệnh in", "--step", "Tắt máy in",
        "--step", "Bật lại", "--topics", "devices", "--systems", "thiet_bi", "--json",
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    made = json.loads(out.stdout)
    assert made["status"] == "draft" and made["steps"] == ["Tắt máy in", "Bật lại"]
    out = run(data_dir, "kb", "edit", str(made["id"]), "--status", "published")
    assert out.returncode == 0, out.stderr
    out = run(data_dir, "kb", "suggest", "may in khong nhan lenh", "--json")
    assert json.loads(out.stdout)[0]["uuid"] == made["uuid"]

    bad = run(data_dir, "kb", "add", "--title", "x", "--topics", "khong_co")
    assert bad.returncode == 2 and "chủ đề không có" in bad.stderr and "Traceback" not in bad.stderr
    assert run(data_dir, "kb", "edit", str(made["id"])).returncode == 2

    target = tmp_path / "kb.json"
    assert run(data_dir, "kb", "export", str(target)).returncode == 0
    doc = json.loads(target.read_text(encoding="utf-8"))
    assert doc["format"] == "supportdesk-kb/1" and len(doc["articles"]) >= 16
    doc["articles"][0]["audience"] = "everyone"
    target.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    out = run(tmp_path / "other", "kb", "import", str(target))
    assert out.returncode == 2 and "dòng 1" in out.stderr


def test_draft_from_a_resolved_request(data_dir):
    base = ["requests", "add", "--kind", "citizen", "--name", "Phạm Thị Hồng", "--phone"]
    out = run(
        data_dir, *base, "0903 222 333", "--category", "vneid", "--summary",
        "Chị Hồng quên mật khẩu VNeID", "--resolved-now", "--note", "Đặt lại mật khẩu qua OTP",
        "--json",
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    ticket = json.loads(out.stdout)["ticket"]
    out = run(data_dir, "kb", "draft", ticket, "--json")
    assert out.returncode == 0, out.stderr
    draft = json.loads(out.stdout)
    assert draft["title"] == "[đã ẩn] quên mật khẩu VNeID" and draft["status"] == "draft"
    assert "Hồng" not in out.stdout and "0903" not in out.stdout
