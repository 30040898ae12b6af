"""The document subcommands end to end: a real store, a real file, exit codes."""

import pytest

from supportdesk.cli import main
from supportdesk.core import catalog
from supportdesk.core.store import settings
from tests.core.pdf.pdf_helpers import CENTER, all_text, long_procedure, procedure


@pytest.fixture
def store(data_dir, empty_db):
    report = catalog.import_records(empty_db, [(1, procedure()), (2, long_procedure(30))])
    assert not report.rejected, report.rejected
    for key, value in CENTER.items():
        settings.put(empty_db, key, value)
    return data_dir


def test_handout_writes_a_pdf_with_the_center_from_settings(store, tmp_path, capsys):
    out = tmp_path / "out" / "khai-sinh.pdf"
    assert (
        main(["--data-dir", str(store), "handout", "1.001193", "--size", "a5", "-o", str(out)]) == 0
    )
    text = all_text(out.read_bytes())
    assert "Thủ tục đăng ký khai sinh" in text and CENTER["center_phone"] in text
    assert str(out) in capsys.readouterr().out
    assert [p.name for p in out.parent.iterdir()] == ["khai-sinh.pdf"]  # no temp file left


def test_unknown_code_exits_2_with_one_clear_line(store, tmp_path, capsys):
    out = tmp_path / "x.pdf"
    assert main(["--data-dir", str(store), "handout", "9.999999", "-o", str(out)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["supportdesk: không có thủ tục mã 9.999999"]
    assert not out.exists()


def test_handouts_for_chosen_codes_in_one_file(store, tmp_path):
    out = tmp_path / "two.pdf"
    argv = [
        "--data-dir",
        str(store),
        "handouts",
        "1.014199",
        "1.001193",
        "1.001193",
        "-o",
        str(out),
    ]
    assert main(argv) == 0
    text = all_text(out.read_bytes())
    assert text.index("Cấp giấy phép lao động") < text.index("Thủ tục đăng ký khai sinh")
    assert text.count("Mã thủ tục: 1.001193") == 1


def test_handouts_with_an_unknown_code_writes_nothing(store, tmp_path):
    out = tmp_path / "two.pdf"
    argv = ["--data-dir", str(store), "handouts", "1.001193", "1.000000", "-o", str(out)]
    assert main(argv) == 2
    assert not out.exists()


def test_top_handouts_without_requests_fall_back_and_say_so(store, tmp_path, capsys):
    out = tmp_path / "top.pdf"
    assert main(["--data-dir", str(store), "handouts", "--top", "2", "-o", str(out)]) == 0
    assert "Chưa có yêu cầu nào gắn thủ tục" in capsys.readouterr().out
    text = all_text(out.read_bytes())
    # the everyday procedure first (found by name), then commune procedures by code
    assert text.index("Thủ tục đăng ký khai sinh") < text.index("Cấp giấy phép lao động")


def test_handouts_needs_codes_or_top(store, tmp_path):
    assert main(["--data-dir", str(store), "handouts", "-o", str(tmp_path / "x.pdf")]) == 2
    argv = ["--data-dir", str(store), "handouts", "--top", "0", "-o", str(tmp_path / "x.pdf")]
    assert main(argv) == 2
