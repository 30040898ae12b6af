"""`supportdesk contacts …` run as a real process, the way a team member or a script runs it."""

import json
from pathlib import Path

from tests.commands.cli import run_cli

ROOT = Path(__file__).parents[2]
EXAMPLE_CSV = ROOT / "resources/directory/vi-du-danh-ba.csv"


run = run_cli


def test_import_search_show_for_procedure_export(data_dir, tmp_path):
    out = run(data_dir, "contacts", "import", str(EXAMPLE_CSV), "--json")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["added"] == 5

    found = json.loads(run(data_dir, "contacts", "search", "000 001", "--json").stdout)
    assert found[0]["name"] == "Nguyễn Văn Mẫu"
    assert {"id", "name", "phones"} <= set(found[0])
    assert found[0]["phones"][0]["display"] == "0300 000 001"

    shown = run(data_dir, "contacts", "show", str(found[0]["id"]))
    assert shown.returncode == 0 and "0203 0000 001 máy lẻ 11" in shown.stdout

    who = json.loads(run(data_dir, "contacts", "for-procedure", "1.001193", "--json").stdout)
    people = [i["name"] for i in who if i["kind"] == "person"]
    assert people[:2] == ["Nguyễn Văn Mẫu", "Lê Văn Ví Dụ"]  # xã before tỉnh
    text = run(data_dir, "contacts", "for-procedure", "1.001193").stdout
    assert "Thủ tục đăng ký khai sinh" in text

    card = tmp_path / "mau.vcf"
    out = run(data_dir, "contacts", "export", str(card), "--id", str(found[0]["id"]))
    assert out.returncode == 0 and card.read_text(encoding="utf-8").count("BEGIN:VCARD") == 1
    for suffix in (".csv", ".xlsx"):
        assert run(data_dir, "contacts", "export", str(tmp_path / f"all{suffix}")).returncode == 0


def test_bad_input_exit_2_one_line_nothing_changed(data_dir, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("Họ và tên,Điện thoại\nNguyễn Văn Mẫu,0300 000 001\nTrần Thị Thử,12\n")
    before = run(data_dir, "contacts", "search", "mau", "--json")
    out = run(data_dir, "contacts", "import", str(bad))
    assert out.returncode == 2
    assert out.stderr.strip().count("\n") == 0 and "bad.csv, dòng 3" in out.stderr
    assert run(data_dir, "contacts", "search", "mau", "--json").stdout == before.stdout

    out = run(data_dir, "contacts", "import", str(tmp_path / "missing.vcf"))
    assert out.returncode == 2 and "missing.vcf" in out.stderr
    out = run(data_dir, "contacts", "export", str(tmp_path / "x.pdf"))
    assert out.returncode == 2
    out = run(data_dir, "contacts", "show", "999999")
    assert out.returncode == 2


def test_search_json_never_fails(data_dir):
    for query in ['"""((( NEAR(', "AND", "*", "   "]:
        out = run(data_dir, "contacts", "search", query, "--json")
        assert out.returncode == 0, out.stderr
        assert isinstance(json.loads(out.stdout), list)


def test_catalog_import_links_new_agencies_at_once(tmp_path):
    """A procedure imported later names an agency: whom to call is known right away."""
    import json as _json

    from supportdesk.cli import main

    data = tmp_path / "d"
    catalog_file = tmp_path / "c.json"
    catalog_file.write_text(_json.dumps({"format": "supportdesk-catalog/1", "procedures": [{
        "code": "2.999001", "name": "Thủ tục thử nghiệm cấp phép",
        "executing_agency": "Phòng Thử Nghiệm Đặc Biệt tỉnh",
        "steps": "Nộp hồ sơ", "methods": [], "dossier": [],
    }]}, ensure_ascii=False), encoding="utf-8")  # fmt: skip
    assert main(["--data-dir", str(data), "catalog", "import", str(catalog_file)]) == 0
    from supportdesk.core import directory
    from supportdesk.core.store.connection import open_store

    db = open_store(data)
    names = [c["name"] for c in directory.for_procedure(db, "2.999001")]
    assert "Phòng Thử Nghiệm Đặc Biệt tỉnh" in names
