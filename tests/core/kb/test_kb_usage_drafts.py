"""Articles applied to requests and what that counts; drafts without personal data; similar."""

from datetime import datetime

import pytest

from supportdesk.core import kb
from supportdesk.core import tickets as rl
from supportdesk.core.calendar import TZ
from supportdesk.core.kb import drafts, similar, usage

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=TZ)  # a Monday


def intake(db, summary, **extra):
    values = {
        "requester_name": "Nguyễn Văn An",
        "requester_phone": "0912 345 678",
        "requester_id_number": "001203004005",
        "category": "vneid",
        "summary": summary,
    }
    values.update(extra)
    return rl.create(db, values, actor="Lan", at=NOW, now=NOW)


def login_article(db):
    return kb.suggest(db, "không đăng nhập được vneid").items[0]


@pytest.mark.clock
def test_applying_an_article_resolves_the_request_with_its_fix_and_counts(empty_db):
    request = intake(empty_db, "Không đăng nhập được VNeID")
    article = login_article(empty_db)
    usage.record_suggested(empty_db, request["id"], [article["id"], article["uuid"]], now=NOW)
    done = usage.link(empty_db, request["id"], article["uuid"], actor="Lan", resolve=True, now=NOW)
    assert done["status"] == "resolved" and done["on_time"] == 1
    assert done["resolution"].startswith("Theo hướng dẫn “Không đăng nhập được VNeID”:\n1. ")
    assert done["events"][-1]["to_status"] == "resolved"
    assert usage.applied_to(empty_db, request["id"])["uuid"] == article["uuid"]
    counted = usage.stats(empty_db)[article["uuid"]]
    assert counted == {"suggested": 1, "applied": 1, "resolved_on_time": 1}


@pytest.mark.clock
def test_linking_without_resolving_is_an_event_only(empty_db):
    request = intake(empty_db, "Không đăng nhập được VNeID")
    article_id = login_article(empty_db)["id"]
    linked = usage.link(empty_db, request["id"], article_id, actor="Lan", now=NOW)
    assert linked["status"] == "new"
    assert linked["events"][-1]["note"] == "Áp dụng bài hướng dẫn “Không đăng nhập được VNeID”"
    with pytest.raises(kb.KbError):
        usage.link(empty_db, request["id"], "999999", actor="Lan", now=NOW)


@pytest.mark.clock
def test_draft_from_a_request_carries_no_personal_data(empty_db):
    request = intake(
        empty_db,
        "Bà An không đăng nhập được VNeID, gọi lại 0912 345 678",
        description="Nguyễn Văn An (CCCD 001203004005, an.nguyen@example.com) đổi điện thoại",
    )
    rl.update(
        empty_db, request["id"], actor="Lan", status="resolved", now=NOW,
        note="Hướng dẫn ông Nguyễn Văn An xác thực NFC\nGửi mã về 0912.345.678",
    )  # fmt: skip
    draft = drafts.from_request(empty_db, request["id"])
    everything = " ".join([draft["title"], draft["symptoms"], *draft["steps"]])
    for secret in ("An ", "Nguyễn Văn An", "0912", "345", "001203004005", "example.com"):
        assert secret not in everything + " ", secret
    assert draft["status"] == "draft" and draft["topics"] == ["vneid"]
    assert draft["steps"][0] == "Hướng dẫn ông [đã ẩn] xác thực NFC"
    assert drafts.leaks(everything, rl.get(empty_db, request["id"], reveal=True)) == []


def test_the_leak_check_is_real(empty_db):
    person = {"requester_name": "Trần Thị Bình", "requester_phone": "0987654321"}
    assert drafts.leaks("gọi số 0987 654 321", person)
    assert drafts.leaks("chị tran thi binh", person) == ["họ tên người yêu cầu"]
    assert drafts.leaks("CCCD 001203004005") and drafts.leaks("mail a.b@c.vn")
    assert drafts.leaks("Bước 2: chờ 10 phút", person) == []


@pytest.mark.clock
def test_an_open_request_makes_no_draft(empty_db):
    request = intake(empty_db, "Không đăng nhập được VNeID")
    with pytest.raises(kb.KbError, match="chưa được giải quyết"):
        drafts.from_request(empty_db, request["id"])


@pytest.mark.clock
def test_similar_requests_share_words_not_fields(empty_db):
    first = intake(empty_db, "Bà An không đăng nhập được VNeID trên điện thoại mới")
    intake(empty_db, "Ông Bình không vào được VNeID, đăng nhập báo lỗi", category="other")
    intake(empty_db, "Máy in hết mực", category="devices")
    found = similar.similar_requests(empty_db, first["id"])
    assert [r["summary"] for r in found] == ["Ông Bình không vào được VNeID, đăng nhập báo lỗi"]
