"""The catalog command line, run as a real process the way a user or script runs it."""

import json

from tests.commands.cli import run_cli
from tests.fixtures import BTP_LIST as BTP

run = run_cli


def test_search_json_lists_birth_registration_first(data_dir):
    out = run(data_dir, "catalog", "search", "dang ky khai sinh", "--json")
    assert out.returncode == 0, out.stderr
    items = json.loads(out.stdout)
    assert items[0]["code"] == "1.001193"
    assert {"code", "name"} <= set(items[0])


def test_empty_result_is_an_empty_array(data_dir):
    out = run(data_dir, "catalog", "search", '"""((( NEAR(', "--json")
    assert out.returncode == 0 and json.loads(out.stdout) == []


def test_import_json_report_and_show(data_dir):
    out = run(data_dir, "catalog", "import", str(BTP), "--json")
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout)
    assert report["rejected"] == [] and report["added"] + report["updated"] > 200
    shown = run(data_dir, "catalog", "show", "1.014966", "--json")
    assert json.loads(shown.stdout)["field"] == "Quản tài viên"
    text = run(data_dir, "catalog", "show", "1.014966")
    assert "Quản tài viên" in text.stdout


def test_bad_file_exit_2_one_line_database_unchanged(data_dir, tmp_path):
    run(data_dir, "catalog", "search", "x")  # creates the store
    bad = tmp_path / "hong.xlsx"
    bad.write_bytes(b"PK\x03\x04 not really a workbook")
    before = json.loads(run(data_dir, "catalog", "search", "quan tai vien", "--json").stdout)
    out = run(data_dir, "catalog", "import", str(bad))
    assert out.returncode == 2
    assert out.stderr.count("\n") == 1 and "hong.xlsx" in out.stderr
    assert "Traceback" not in out.stderr
    after = json.loads(run(data_dir, "catalog", "search", "quan tai vien", "--json").stdout)
    assert before == after


def test_rejected_rows_exit_2_with_row(data_dir, tmp_path):
    bad = tmp_path / "ds.csv"
    bad.write_text("Mã số,Tên\n1.000894,Kết hôn\nxyz,Sai mã\n", encoding="utf-8")
    out = run(data_dir, "catalog", "import", str(bad), "--json")
    assert out.returncode == 2
    rejected = json.loads(out.stdout)["rejected"]
    assert rejected == [{"row": 3, "reason": "mã thủ tục không hợp lệ: xyz"}]
    assert "dòng 3" in out.stderr


def test_unknown_code_is_exit_2(data_dir):
    out = run(data_dir, "catalog", "show", "9.999999")
    assert out.returncode == 2 and "9.999999" in out.stderr


def test_export_then_import_unchanged(data_dir, tmp_path):
    target = tmp_path / "catalog.json"
    assert run(data_dir, "catalog", "export", str(target)).returncode == 0
    report = json.loads(run(data_dir, "catalog", "import", str(target), "--json").stdout)
    assert report["added"] == report["updated"] == 0 and report["unchanged"] >= 470
