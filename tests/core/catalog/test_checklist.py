"""The dossier grouped as a citizen reads it: form, common papers, "Chỉ khi …", notes."""

from __future__ import annotations

import pytest

from supportdesk.core import catalog
from supportdesk.core.catalog import checklist, levels


def item(name: str, originals: int = 1, copies: int = 0, form: str = "") -> dict:
    return {"name": name, "originals": originals, "copies": copies, "form": form}


DOSSIER = [
    {
        "case": "* Giấy tờ phải nộp:",
        "items": [
            item("- Người yêu cầu nộp các giấy tờ sau:", 0),
            item("- Tờ khai đăng ký theo mẫu", form="To khai.docx"),
            item("- Giấy chứng sinh"),
            item("- Trường hợp trẻ em bị bỏ rơi thì phải có biên bản về việc trẻ bị bỏ rơi."),
            item("- Văn bản ủy quyền trong trường hợp ủy quyền thực hiện việc đăng ký."),
            item("Trường hợp gửi hồ sơ qua bưu chính thì gửi kèm bản sao có chứng thực.", 0),
            item("- Người tiếp nhận có trách nhiệm kiểm tra, đối chiếu bản chụp.", 0),
        ],
    },
    {"case": "Giấy tờ phải xuất trình", "items": [item("- Hộ chiếu hoặc thẻ căn cước")]},
    {
        "case": "Đối với trường hợp người nước ngoài",
        "items": [item("Hộ chiếu còn giá trị", 0, 1), item("Bản dịch có công chứng", 0, 0)],
    },
    {
        "case": "Lưu ý",
        "items": [
            item("- Cơ quan đăng ký hộ tịch từ chối giải quyết nếu cam đoan không đúng.", 1),
            item("- Không đặt tên quá dài, khó sử dụng.", 0),
        ],
    },
]


@pytest.fixture
def grouped() -> checklist.Checklist:
    return checklist.group_dossier(DOSSIER)


def test_form_first_then_common_papers(grouped):
    assert [p.text for p in grouped.forms] == ["Tờ khai đăng ký theo mẫu"]
    assert grouped.forms[0].form == "To khai.docx"
    assert [p.text for p in grouped.common] == ["Giấy chứng sinh", "Hộ chiếu hoặc thẻ căn cước"]
    assert grouped.common[1].present and not grouped.common[0].present


def test_conditional_papers_are_grouped_under_chi_khi(grouped):
    headings = [g.heading for g in grouped.conditional]
    assert headings == [
        "Chỉ khi trẻ em bị bỏ rơi",
        "Chỉ khi ủy quyền thực hiện việc đăng ký",
        "Chỉ khi người nước ngoài",
    ]
    abandoned, proxy, foreign = grouped.conditional
    assert [p.text for p in abandoned.papers] == ["Biên bản về việc trẻ bị bỏ rơi."]
    assert proxy.papers[0].text.startswith("Văn bản ủy quyền trong trường hợp")
    assert [p.text for p in foreign.papers] == ["Hộ chiếu còn giá trị"]
    assert foreign.notes == ["Bản dịch có công chứng"]  # no count: read, not ticked


def test_notes_for_officials_are_kept_apart(grouped):
    assert grouped.official_notes == [
        "Người tiếp nhận có trách nhiệm kiểm tra, đối chiếu bản chụp.",
        "Cơ quan đăng ký hộ tịch từ chối giải quyết nếu cam đoan không đúng.",
    ]
    assert grouped.notes == [
        "Trường hợp gửi hồ sơ qua bưu chính thì gửi kèm bản sao có chứng thực.",
        "Không đặt tên quá dài, khó sử dụng.",
    ]
    papers = [p.text for _title, papers, _notes in checklist.sections(grouped) for p in papers]
    assert not any("Người tiếp nhận" in text or "từ chối" in text for text in papers)
    assert not any(text.endswith("giấy tờ sau:") for text in papers + grouped.notes)


def test_text_lines_hide_official_notes_for_the_citizen(grouped):
    citizen = "\n".join(checklist.text_lines(grouped, officials=False, ticked={(0, 0)}))
    assert "[x] Tờ khai đăng ký theo mẫu (1 bản chính; mẫu: To khai.docx)" in citizen
    assert "Người tiếp nhận" not in citizen and "Chỉ khi trẻ em bị bỏ rơi:" in citizen
    staff = "\n".join(checklist.text_lines(grouped))
    assert checklist.OFFICIAL_NOTES in staff and "Người tiếp nhận có trách nhiệm" in staff


def test_channels_with_the_same_time_and_fee_share_a_row_and_no_fee_is_said():
    methods = [
        {"channel": "Trực tiếp", "time_text": "1 ngày", "fee_text": ""},
        {"channel": "Trực tuyến", "time_text": "1 ngày", "fee_text": ""},
        {"channel": "Dịch vụ bưu chính", "time_text": "3 ngày", "fee_text": "10.000 đồng"},
    ]
    assert checklist.methods_rows(methods) == [
        ("Trực tiếp, Trực tuyến", "1 ngày", checklist.NO_FEE),
        ("Dịch vụ bưu chính", "3 ngày", "10.000 đồng"),
    ]
    assert "Chưa có thông tin" not in checklist.NO_FEE


def test_birth_registration_of_the_shipped_catalog():
    records = {r["code"]: r for r in catalog.shipped_catalog()["procedures"]}
    grouped = checklist.group_dossier(catalog.normalise(records["1.001193"])["dossier"])
    assert grouped.forms[0].text.startswith("Tờ khai đăng ký khai sinh")
    assert any(p.text.startswith("Giấy chứng sinh") for p in grouped.common)
    assert "Chỉ khi trẻ em bị bỏ rơi" in [g.heading for g in grouped.conditional]
    assert any(n.startswith("Người tiếp nhận có trách nhiệm") for n in grouped.official_notes)
    assert not any("Người tiếp nhận" in n for n in grouped.notes)


def test_levels_and_where_to_go():
    records = {r["code"]: r for r in catalog.shipped_catalog()["procedures"]}
    commune, province = records["1.001193"], records["1.000049"]
    assert levels.label(commune) == "Cấp xã" and levels.where_to_go(commune) is None
    assert levels.label(province) == "Cấp tỉnh" and levels.short(province) == "Tỉnh"
    go = levels.where_to_go(province)
    assert go.agency == "Sở Nông nghiệp và Môi trường" and not go.online
    assert "không giải quyết tại xã" in levels.not_here(province)
    unnamed = next(r for r in records.values() if not r["levels"])
    assert levels.label(unnamed) == levels.UNKNOWN and levels.where_to_go(unnamed) is not None
    online = next(r for r in records.values() if r["levels"] == ["bo"] and levels.online(r))
    assert "trực tuyến" in levels.where_to_go(online).online_text
