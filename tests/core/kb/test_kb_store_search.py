"""The knowledge base: starter content, storing, the Vietnamese search and suggestions."""

import json
from datetime import UTC, datetime

import pytest

from supportdesk.core import kb
from supportdesk.core.kb import files, model

NOW = datetime(2026, 11, 30, 2, 0, tzinfo=UTC)


def titles(result):
    return [a["title"] for a in result.items]


def test_starter_articles_are_published_samples_with_a_source(empty_db):
    starter = kb.listing(empty_db)
    assert len(starter) >= 15
    for article in starter:
        assert article["sample"] and article["origin"] == "province"
        assert article["status"] == "published" and article["steps"]
        assert article["source"].startswith("http"), article["title"]
        model.validated(article)  # every shipped article passes the same gate as user input


@pytest.mark.parametrize(
    "typed",
    [
        "không đăng nhập được vneid",
        "khong dang nhap duoc vneid",
        "KHÔNG ĐĂNG NHẬP ĐƯỢC VNEID",
        "không đăng nhập được vn",  # still typing: the last word is a prefix
        "khong dang nhap duoc dinh danh dien tu",  # VNeID written out
    ],
)
def test_vneid_login_article_comes_first(empty_db, typed):
    assert titles(kb.suggest(empty_db, typed))[0] == "Không đăng nhập được VNeID"


def test_suggestions_follow_the_meaning_not_only_the_title(empty_db):
    assert titles(kb.suggest(empty_db, "quen mat khau vneid"))[0].startswith("Quên mật khẩu VNeID")
    paid = kb.suggest(empty_db, "đã thanh toán nhưng hồ sơ chưa cập nhật")
    assert titles(paid)[0] == "Đã thanh toán trực tuyến nhưng hồ sơ chưa cập nhật"
    token = kb.suggest(empty_db, "may tinh khong nhan usb token chu ky so")
    assert "USB token" in titles(token)[0]
    # A summary says more than a title: most of its words are enough.
    long = kb.suggest(empty_db, "Bà An không đăng nhập được VNeID trên điện thoại mới ạ")
    assert long.items and all("VNeID" in t for t in titles(long))


def test_a_typo_is_corrected_and_said_to_be_approximate(empty_db):
    result = kb.search(empty_db, "chu ky so khong nhan tokne")
    assert result.items and "USB token" in result.items[0]["title"]
    assert result.approximate


def test_input_never_raises(empty_db):
    for typed in ['"', "AND", "(", "*", "NEAR(", "", "   ", "🙂", "x" * 5000]:
        kb.search(empty_db, typed)


def test_add_edit_retire_and_search_follows(empty_db):
    article = kb.add(
        empty_db,
        {
            "title": "Máy in ở quầy không in được",
            "steps": "1. Kiểm tra cáp nguồn\nBước 2: Khởi động lại máy in",
            "topics": "devices",
            "systems": ["Thiết bị, mạng"],
            "procedures": "1.001193",
        },
        now=NOW,
    )
    assert article["status"] == "draft" and article["origin"] == "commune"
    assert article["steps"] == ["Kiểm tra cáp nguồn", "Khởi động lại máy in"]
    assert article["systems"] == ["thiet_bi"] and article["procedures"] == ["1.001193"]
    assert len(article["uuid"]) == 36 and article["updated_at"] == "2026-11-30T02:00:00+00:00"
    assert titles(kb.search(empty_db, "may in"))[0] == "Máy in ở quầy không in được"
    offered = kb.suggest(empty_db, "may in o quay").items  # a draft is not offered at the counter
    assert article["uuid"] not in [a["uuid"] for a in offered]
    kb.update(empty_db, article["id"], {"title": "Máy in báo kẹt giấy", "status": "published"})
    assert titles(kb.suggest(empty_db, "ket giay"))[0] == "Máy in báo kẹt giấy"
    moved = [a["uuid"] for a in kb.search(empty_db, "o quay").items]
    assert article["uuid"] not in moved  # the old title left the index
    kb.set_status(empty_db, article["uuid"], "retired")
    assert kb.search(empty_db, "ket giay").items == []
    assert kb.get(empty_db, article["uuid"])["status"] == "retired"


@pytest.mark.parametrize(
    "record, message",
    [
        ({"title": ""}, "tiêu đề"),
        ({"title": "x", "topics": ["khong_co"]}, "chủ đề"),
        ({"title": "x", "systems": ["zalo"]}, "hệ thống"),
        ({"title": "x", "procedures": ["12345"]}, "mã thủ tục"),
        ({"title": "x", "audience": "everyone"}, "audience"),
        ({"title": "x", "uuid": "not-a-uuid"}, "uuid"),
    ],
)
def test_bad_articles_are_refused_with_one_sentence(empty_db, record, message):
    before = len(kb.listing(empty_db))
    with pytest.raises(kb.KbError, match=message):
        kb.add(empty_db, record)
    assert len(kb.listing(empty_db)) == before


def test_export_then_import_elsewhere_round_trips(empty_db, tmp_path):
    from supportdesk.core.store import open_store

    kb.add(empty_db, {"title": "Bài của xã", "steps": ["Bước một"], "status": "published"})
    path = tmp_path / "kb.json"
    n = kb.export_file(empty_db, path)
    assert n == len(kb.listing(empty_db))
    other = open_store(tmp_path / "other", seed=False)
    report = kb.import_file(other, path)
    assert report.added == 1 and report.unchanged == n - 1 and not report.rejected
    mine = kb.search(empty_db, "bai cua xa").items[0]
    assert kb.get(other, mine["uuid"])["title"] == "Bài của xã"


def test_import_is_all_or_nothing_and_names_the_article(empty_db, tmp_path):
    doc = files.document(
        [
            {"title": "Bài tốt", "steps": ["a"]},
            {"title": "Bài xấu", "topics": ["khong_co"]},
        ]
    )
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    report = kb.import_file(empty_db, path)
    assert report.rejected == [{"row": 2, "reason": "chủ đề không có: khong_co"}]
    assert kb.search(empty_db, "bai tot").items == []


def test_retirements_in_a_file_retire_the_article(empty_db, tmp_path):
    target = kb.suggest(empty_db, "quen mat khau vneid").items[0]
    path = tmp_path / "retire.json"
    path.write_text(json.dumps(files.document([], retired=[target["uuid"]])), encoding="utf-8")
    report = kb.import_file(empty_db, path)
    assert report.updated == 1
    assert target["uuid"] not in [a["uuid"] for a in kb.suggest(empty_db, "quen mat khau").items]
