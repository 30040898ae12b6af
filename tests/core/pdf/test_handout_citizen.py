"""The citizen's handout read back with pypdf: page one holds the common case."""

from __future__ import annotations

import pytest

from supportdesk.core import catalog
from supportdesk.core.catalog import checklist
from supportdesk.core.pdf import handout
from tests.core.pdf.pdf_helpers import CENTER, all_text, flat, long_procedure, page_texts


@pytest.fixture(scope="module")
def shipped() -> dict[str, dict]:
    return {r["code"]: catalog.normalise(r) for r in catalog.shipped_catalog()["procedures"]}


def _before(text: str, *parts: str) -> None:
    """Each part is found, in this order."""
    at = [text.find(flat(part)) for part in parts]
    assert all(i >= 0 for i in at), list(zip(parts, at))
    assert at == sorted(at), list(zip(parts, at))


def test_page_one_form_common_papers_then_chi_khi(shipped):
    texts = page_texts(handout.render(shipped["1.001193"], CENTER, "a4"))
    first = texts[0]
    _before(
        first,
        "Cấp xã",
        "Nơi nộp hồ sơ",
        "Cách nộp, thời hạn và phí",
        "Giấy tờ cần mang",
        checklist.FORMS,
        "Tờ khai đăng ký khai sinh theo mẫu",
        checklist.COMMON,
        "Giấy chứng sinh",
        "Chỉ khi … — chỉ mang khi đúng trường hợp của mình",
        "Chỉ khi trẻ em bị bỏ rơi",
        "Biên bản về việc trẻ bị bỏ rơi",
    )
    assert "Trực tuyến, Dịch vụ bưu chính, Trực tiếp 1 ngày" in first  # one row, same fee
    assert flat(checklist.NO_FEE) in first and "Chưa có thông tin" not in first
    assert "Số 1 đường Hai Bà Trưng" in first  # where to submit: the center


def test_notes_for_officials_are_not_in_the_citizen_handout(shipped):
    p = shipped["1.001193"]
    grouped = checklist.group_dossier(p["dossier"])
    citizen = all_text(handout.render(p, CENTER, "a4"))
    full = all_text(handout.render(p, CENTER, "a4", full=True))
    for note in grouped.official_notes:
        assert flat(note)[:60] not in citizen
        assert flat(note.lstrip("+ "))[:60] in full
    assert flat(grouped.notes[0])[:60] in citizen  # remarks for the citizen stay, as text
    assert citizen.count("☐") == sum(len(papers) for _t, papers, _n in checklist.sections(grouped))
    assert "Căn cứ pháp lý" in full and "Căn cứ pháp lý" not in citizen


def test_provincial_procedure_says_first_where_to_go(shipped):
    first = page_texts(handout.render(shipped["1.000049"], CENTER, "a4"))[0]
    _before(
        first,
        "Thủ tục cấp tỉnh — không giải quyết tại xã",
        "Cấp thực hiện Cấp tỉnh",
        "Cơ quan giải quyết Sở Nông nghiệp và Môi trường",
        "Nơi nhận hồ sơ",
        "Nộp trực tuyến",
        "Cách nộp, thời hạn và phí",
        "Giấy tờ cần mang",
    )
    assert "Cổng Dịch vụ công không ghi cách nộp trực tuyến" in first


def test_online_procedure_of_a_ministry_says_it_can_go_online(shipped):
    code = next(
        c for c, p in shipped.items() if p["levels"] == ["bo"] and p["methods"]
        and any(m["channel"] == "Trực tuyến" for m in p["methods"])
    )  # fmt: skip
    first = page_texts(handout.render(shipped[code], CENTER, "a5"))[0]
    _before(first, "không giải quyết tại xã", "Nộp trực tuyến", "Có thể nộp trực tuyến")


def test_long_dossier_flows_over_pages_with_every_paper(shipped):
    p = long_procedure(120)
    texts = page_texts(handout.render(p, CENTER, "a4"))
    assert len(texts) >= 3 and f"Trang {len(texts)}/{len(texts)}" in texts[-1]
    joined = " ".join(texts)
    assert all(flat(i["name"]) in joined for i in p["dossier"][0]["items"])
    # The longest page of the portal (items of 5,000 characters) still lays out.
    longest = page_texts(handout.render(shipped["1.013742"], CENTER, "a4"))
    assert len(longest) > 2
