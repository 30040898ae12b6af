"""The citizen's step sheet, read back with pypdf."""

import pytest

from supportdesk.core import kb
from supportdesk.core.pdf import kb_sheet
from supportdesk.core.pdf.export import DocumentSourceMissing, pdf_bytes
from tests.core.pdf.pdf_helpers import CENTER, all_text, flat, reader


def password_article(db):
    return kb.suggest(db, "quên mật khẩu vneid").items[0]


@pytest.mark.parametrize("width", ["a5", "80mm"])
def test_sheet_reads_back_with_center_and_numbered_steps(empty_db, width):
    article = password_article(empty_db)
    text = all_text(kb_sheet.render(article, CENTER, width))
    assert flat("Quên mật khẩu VNeID — đặt lại mật khẩu") in text
    assert flat("1. Mở ứng dụng VNeID") in text
    assert flat(f"6. {article['steps'][5]}") in text
    assert flat(CENTER["center_phone"]) in text
    assert flat("Theo hướng dẫn: https://") in text


def test_roll_is_80_mm_and_one_page_a5_is_a5(empty_db):
    article = password_article(empty_db)
    roll = reader(kb_sheet.render({**article, "steps": ["Bước dài " * 40] * 12}, CENTER, "80mm"))
    assert len(roll.pages) == 1
    assert round(float(roll.pages[0].mediabox.width) / 72 * 25.4) == 80
    box = reader(kb_sheet.render(article, CENTER, "a5")).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (420, 595)


def test_user_text_is_printed_literally(empty_db):
    article = {**password_article(empty_db), "steps": ["Bấm <b>OK</b> & chờ"]}
    assert flat("1. Bấm <b>OK</b> & chờ") in all_text(kb_sheet.render(article, CENTER))


def test_staff_articles_and_unknown_ones_are_not_printed(empty_db):
    staff = kb.suggest(empty_db, "không đăng nhập được vneid").items[0]
    with pytest.raises(kb_sheet.NotForCitizens):
        pdf_bytes(empty_db, "kb_sheet", staff["id"])
    with pytest.raises(DocumentSourceMissing):
        pdf_bytes(empty_db, "kb_sheet", "99999")
    with pytest.raises(ValueError):
        kb_sheet.render(password_article(empty_db), CENTER, "a4")
