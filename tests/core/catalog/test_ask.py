"""Questions as citizens ask them: understood, answered with the part asked first."""

import pytest

from supportdesk.core import catalog
from supportdesk.core.catalog import answer as catalog_answer
from supportdesk.core.catalog import question as catalog_question
from supportdesk.core.store import open_store


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    store = open_store(tmp_path_factory.mktemp("ask"))
    yield store
    store.close()


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("đăng ký kết hôn cần giấy tờ gì", "papers"),
        ("dang ky ket hon can giay to gi", "papers"),
        ("lệ phí đăng ký khai sinh bao nhiêu", "fee"),
        ("cấp lại thẻ căn cước mất bao lâu", "time"),
        ("đổi bằng lái xe ở đâu", "where"),
        ("đăng ký thường trú cần điều kiện gì", "conditions"),
        ("mẫu tờ khai đăng ký khai tử", "form"),
        ("làm khai sinh xong thì nhận được gì", "result"),
        ("đăng ký khai sinh", "general"),
    ],
)
def test_what_is_asked_is_recognised(question, kind):
    assert catalog_question.asked(question) == kind


@pytest.mark.parametrize(
    ("question", "code"),
    [
        ("Tôi muốn làm khai sinh mới cho con sinh trong nước", "1.001193"),
        ("Gia đình tôi cần đăng ký khai tử cho người thân vừa mất", "1.000656"),
        ("dang ky khai sinh cho con", "1.001193"),
        ("xin giấy chứng tử cho bố", "1.000656"),
        ("tôi bị mất thẻ căn cước thì làm thế nào", "1.014064"),
        ("đăng ký kết hôn cần giấy tờ gì", "1.000894"),
    ],
)
def test_question_frames_do_not_pull_in_unrelated_procedures(db, question, code):
    assert catalog.search(db, question, limit=5).items[0]["code"] == code


def test_residence_found_for_the_everyday_name(db):
    top = catalog.search(db, "chuyen ho khau", limit=3).items
    assert top and all(p["field"] == "Đăng ký, quản lý cư trú" for p in top[:2])


def test_one_typo_per_word_is_corrected_and_said(db):
    result = catalog.search(db, "dang ky khia sinh")
    assert result.items[0]["code"] == "1.001193"
    assert [(c.said, c.used) for c in result.corrections] == [("khia", "khai")]
    assert result.approximate


def test_the_general_procedure_comes_before_its_special_cases(db):
    codes = [p["code"] for p in catalog.search(db, "đăng ký khai tử", limit=5).items]
    assert codes[0] == "1.000656"  # not "… lưu động", not "… có yếu tố nước ngoài"
    foreign = catalog.search(db, "khai tử có yếu tố nước ngoài", limit=1).items[0]
    assert "nước ngoài" in foreign["name"]


def test_a_cue_inside_the_procedures_title_asks_nothing():
    title = "Cấp lại Giấy chứng nhận đủ điều kiện hoạt động kiểm định xe cơ giới"
    assert catalog_question.asked(f"Tôi cần làm thủ tục {title.lower()}", title) == "general"
    assert catalog_question.asked("điều kiện cấp lại giấy chứng nhận", "Cấp lại …") == "conditions"


def test_ask_puts_the_part_asked_first(db):
    found = catalog_answer.ask(db, "đăng ký kết hôn cần giấy tờ gì")
    assert found["procedure"]["code"] == "1.000894" and found["asked"] == "papers"
    assert found["procedure"]["level"] == "Cấp xã" and len(found["also"]) == 2
    assert found["answer"].startswith("Tờ khai") and "[ ]" in found["answer"]
    fee = catalog_answer.ask(db, "đăng ký kết hôn mất phí không")
    assert fee["asked"] == "fee" and "Trực tiếp" in fee["answer"]
