"""Issue 17 end to end on a real hub: the province's articles reach every desk at the next
sync and retired ones leave; notices show until they expire; proposals go up without personal
data and come back published."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from supportdesk.core import kb
from supportdesk.core.kb import files, notices, proposals
from supportdesk.core.store import open_store, settings
from supportdesk.core.sync.client import sync_once
from supportdesk.hub import kb as hub_kb
from supportdesk.hub import notices as hub_notices
from supportdesk.hub.service import HubError
from tests.hub.kit import enrolled_token
from tests.sync.helpers import client


def new_desk(tmp_path, code: str):
    db = open_store(tmp_path / f"desk-{code}", seed=False)
    settings.put(db, "commune_code", code)
    settings.put(db, "install_id", f"install-{code}")
    return db


def province_file(tmp_path, articles, retired=()) -> str:
    path = tmp_path / "kb-tinh.json"
    doc = files.document(articles, retired=list(retired))
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return str(path)


ARTICLE = {
    "uuid": "3f2b6a9e-4d1c-4c8e-9f57-0a1b2c3d4e5f",
    "title": "Cổng DVC tỉnh báo lỗi khi nộp hồ sơ có tệp đính kèm lớn",
    "symptoms": "Tải tệp lên quá 10 MB thì Cổng báo lỗi",
    "steps": ["Nén hoặc chia nhỏ tệp dưới 10 MB", "Tải lại từng tệp"],
    "topics": ["dvc_submit"],
    "systems": ["tthc_tinh"],
    "audience": "citizen",
    "source": "Sở Khoa học và Công nghệ",
}


def test_published_article_reaches_a_second_desk_and_a_retired_one_leaves(
    hub, hub_storage, tmp_path
):
    storage = hub_storage
    first, second = new_desk(tmp_path, "00001"), new_desk(tmp_path, "00002")
    tokens = {
        "00001": enrolled_token(storage, "00001", "install-00001"),
        "00002": enrolled_token(storage, "00002", "install-00002"),
    }
    result = hub_kb.publish_file(storage, province_file(tmp_path, [ARTICLE]))
    assert result["articles"] == 1 and result["retired"] == 0

    synced = sync_once(second, client(hub.url, tokens["00002"]))
    assert {"name": "kb", "version": result["version"]} in synced["catalogs_updated"]
    found = kb.search(second, "nop ho so tep dinh kem lon").items
    assert found and found[0]["uuid"] == ARTICLE["uuid"]
    assert found[0]["origin"] == "province" and found[0]["status"] == "published"

    hub_kb.publish_file(storage, province_file(tmp_path, [], retired=[ARTICLE["uuid"]]))
    sync_once(second, client(hub.url, tokens["00002"]))
    assert kb.get(second, ARTICLE["uuid"])["status"] == "retired"
    assert kb.search(second, "nop ho so tep dinh kem lon").items == []
    # A desk that never saw the article learns of its retirement all the same.
    sync_once(first, client(hub.url, tokens["00001"]))
    never_seen = kb.get(first, ARTICLE["uuid"])
    assert never_seen is None or never_seen["status"] == "retired"
    # Local articles stay.
    mine = kb.add(second, {"title": "Bài riêng của xã", "steps": ["a"], "status": "published"})
    hub_kb.publish_file(storage, province_file(tmp_path, [{**ARTICLE, "uuid": None}]))
    sync_once(second, client(hub.url, tokens["00002"]))
    assert kb.get(second, mine["uuid"])["status"] == "published"


def test_notice_shows_on_the_desk_until_it_expires_or_is_retracted(hub, hub_storage, tmp_path):
    storage = hub_storage
    desk = new_desk(tmp_path, "00001")
    token = enrolled_token(storage, "00001", "install-00001")
    now = datetime.now(UTC)
    posted = hub_notices.post(
        storage, "VNeID đang quá tải, hẹn công dân quay lại sau 14h", topic="vneid",
        until=now + timedelta(hours=2),
    )  # fmt: skip
    result = sync_once(desk, client(hub.url, token))
    assert result["notices"] == 1
    shown = notices.active(desk)
    assert [n["text"] for n in shown] == ["VNeID đang quá tải, hẹn công dân quay lại sau 14h"]
    assert notices.active(desk, now=now + timedelta(hours=3)) == []  # expired, even offline
    hub_notices.retract(storage, posted["id"])
    sync_once(desk, client(hub.url, token))
    assert notices.active(desk) == []
    with pytest.raises(HubError):
        hub_notices.post(storage, "x", until=now - timedelta(minutes=1))


def test_proposal_goes_up_without_personal_data_and_comes_back_published(
    hub, hub_storage, tmp_path
):
    storage = hub_storage
    proposer, other = new_desk(tmp_path, "00001"), new_desk(tmp_path, "00002")
    token = enrolled_token(storage, "00001", "install-00001")
    other_token = enrolled_token(storage, "00002", "install-00002")
    article = kb.add(
        proposer,
        {"title": "Máy in phiếu hẹn báo kẹt giấy", "steps": ["Mở nắp", "Lấy giấy kẹt"],
         "notes": "Tạo từ yêu cầu HT-2026-000007", "topics": ["devices"]},
    )  # fmt: skip
    leaky = kb.add(proposer, {"title": "Gọi lại 0912 345 678", "steps": ["a"]})
    with pytest.raises(kb.KbError, match="thông tin cá nhân"):
        proposals.propose(proposer, leaky["id"])
    proposals.propose(proposer, article["id"])
    result = sync_once(proposer, client(hub.url, token))
    assert result["proposals_sent"] == 1
    waiting = hub_kb.proposals(storage)
    assert [p["article"]["title"] for p in waiting] == ["Máy in phiếu hẹn báo kẹt giấy"]
    assert "notes" not in waiting[0]["article"]  # where it came from stays on the desk
    assert sync_once(proposer, client(hub.url, token))["proposals_sent"] == 0  # sent once

    reviewed = hub_kb.review(
        storage, waiting[0]["proposal_id"], publish=True,
        edits={"title": "Máy in phiếu hẹn bị kẹt giấy"},
    )  # fmt: skip
    assert reviewed["state"] == "published"
    sync_once(other, client(hub.url, other_token))
    got = kb.get(other, reviewed["uuid"])
    assert got["title"] == "Máy in phiếu hẹn bị kẹt giấy" and got["origin"] == "province"


def test_the_hub_refuses_a_proposal_with_personal_data(hub, hub_storage, tmp_path):
    from supportdesk.hub.service import Commune

    storage = hub_storage
    enrolled_token(storage, "00001", "install-00001")
    body = {
        "proposal_id": "0e0e0e0e-1111-4222-8333-444455556666",
        "article": {"title": "Chị Hoa 0912345678", "steps": ["gọi lại"]},
    }
    with pytest.raises(HubError) as refused:
        hub_kb.receive_proposal(storage, Commune("00001", "install-00001"), body)
    assert refused.value.status == 422
    body["article"]["notes"] = "x"
    with pytest.raises(HubError):
        hub_kb.receive_proposal(storage, Commune("00001", "install-00001"), body)
