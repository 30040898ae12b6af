"""Levels in the CLI: every search row and `catalog show` say the level; a procedure not done at
the commune says first where to go; `catalog show` groups the papers like the handout."""

import json

import pytest

from tests.commands.cli import run_cli


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    return tmp_path_factory.mktemp("levels") / "data"


def run(data_dir, *args):
    out = run_cli(data_dir, *args)
    assert out.returncode == 0, out.stderr
    return out.stdout


def test_search_json_and_table_carry_the_level(data):
    items = json.loads(run(data, "catalog", "search", "chung chi hanh nghe do dac", "--json"))
    assert items and all({"levels", "level"} <= set(i) for i in items)
    province = next(i for i in items if i["code"] == "1.000049")
    assert province["levels"] == ["tinh"] and province["level"] == "Cấp tỉnh"
    table = run(data, "catalog", "search", "dang ky khai sinh", "--limit", "3").splitlines()
    assert table[0].split()[:3] == ["Mã", "Cấp", "Tên"]
    assert table[2].split()[:2] == ["1.001193", "Xã"]


def test_show_a_provincial_procedure_says_where_to_go_first(data):
    shown = json.loads(run(data, "catalog", "show", "1.000049", "--json"))
    assert shown["level"] == "Cấp tỉnh"
    assert shown["where_to_go"] == {
        "agency": "Sở Nông nghiệp và Môi trường",
        "address": shown["receiving_address"],
        "online": False,
    }
    assert shown["checklist"]["forms"][0]["text"].startswith("Đơn đề nghị cấp chứng chỉ")
    lines = run(data, "catalog", "show", "1.000049").splitlines()
    assert lines[1] == "Cấp thực hiện: Cấp tỉnh"
    assert lines[2] == "Thủ tục cấp tỉnh — không giải quyết tại xã."
    assert lines[3].startswith("  Cơ quan giải quyết: Sở Nông nghiệp và Môi trường")


def test_show_groups_papers_like_the_handout(data):
    text = run(data, "catalog", "show", "1.001193")
    assert "Cấp thực hiện: Cấp xã" in text and "không giải quyết tại xã" not in text
    order = [
        "Tờ khai, đơn (điền trước khi nộp):",
        "Giấy tờ kèm theo:",
        "Chỉ khi trẻ em bị bỏ rơi:",
        "Lưu ý:",
        "Ghi chú cho cán bộ tiếp nhận",
    ]
    at = [text.find(part) for part in order]
    assert all(i >= 0 for i in at) and at == sorted(at), list(zip(order, at))
    assert "Trực tuyến, Dịch vụ bưu chính, Trực tiếp: 1 ngày; Cổng Dịch vụ công không ghi" in text
    shown = json.loads(run(data, "catalog", "show", "1.001193", "--json"))
    assert shown["level"] == "Cấp xã" and shown["where_to_go"] is None


def test_handout_full_flag(data, tmp_path):
    from pypdf import PdfReader

    short, full = tmp_path / "a.pdf", tmp_path / "b.pdf"
    run(data, "handout", "1.001193", "-o", str(short))
    run(data, "handout", "1.001193", "--full", "-o", str(full))
    text = {p: " ".join(pg.extract_text() for pg in PdfReader(p).pages) for p in (short, full)}
    assert "Chỉ khi" in text[short] and "Căn cứ pháp lý" not in text[short]
    assert "Căn cứ pháp lý" in text[full]
