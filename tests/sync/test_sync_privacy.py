"""No requester name, phone or ID number in any payload or anywhere in the hub's database."""

from __future__ import annotations

import json

from supportdesk.core.sync import outbox, payload
from supportdesk.core.sync.client import sync_once
from tests.hub.kit import enrolled_token, summary
from tests.sync.helpers import client

NAME, PHONE, ID_NUMBER = "Nguyễn Thị Riêng Tư", "0912345678", "001190012345"


def leaky_summary() -> dict:
    """A summary as a careless stats function might return it, personal data mixed in."""
    s = summary(escalations=[{
        "ticket": "R-1", "category": "vneid", "summary": "Không kích hoạt được định danh mức 2",
        "escalated_to": "Công an tỉnh", "status": "escalated", "created_at": "2026-11-03",
        "requester_name": NAME, "phone": PHONE, "id_number": ID_NUMBER,
    }])  # fmt: skip
    s["totals"]["requester_name"] = NAME
    s["by_category"][0]["phone"] = PHONE
    s["by_assignee"] = [{"assignee": NAME, "received": 1, "resolved": 1}]
    s["requests"] = [{"name": NAME, "phone": PHONE, "id_number": ID_NUMBER}]
    return s


def all_hub_text(storage) -> str:
    tables = ["communes", "submissions", "latest", "locked_periods", "catalog_current"]
    out = []
    with storage.tx(write=False) as db:
        for table in tables:
            out += [repr(row) for row in db.all(f"SELECT * FROM {table}")]
    return "\n".join(out)


def test_payload_keeps_only_allowed_fields():
    body = payload.build(
        payload.summary_content(leaky_summary()),
        commune_code="00001", revision=1, install_id="i", app_version="t",
    )  # fmt: skip
    text = json.dumps(body, ensure_ascii=False)
    for secret in (NAME, PHONE, ID_NUMBER):
        assert secret not in text
    assert payload.validate(body) == []
    assert body["staff_count"] == 1


def test_hub_database_holds_no_personal_data(desk, hub, hub_storage, tmp_path):
    token = enrolled_token(hub_storage)
    outbox.enqueue(desk, leaky_summary(), commune_code="00001", install_id="install-1",
                   app_version="t")  # fmt: skip
    outbox_text = json.dumps(desk.execute("SELECT * FROM sync_outbox").fetchall())
    assert not any(s in outbox_text for s in (NAME, PHONE, ID_NUMBER))
    assert sync_once(desk, client(hub.url, token), catalogs=False)["acked"] == 1
    stored = all_hub_text(hub_storage)
    assert "Công an tỉnh" in stored  # the scan does see the payload's text
    for secret in (NAME, PHONE, ID_NUMBER):
        assert secret not in stored
    if not hub_storage.postgres:  # and not in any page of the file, free pages included
        raw = b"".join(p.read_bytes() for p in tmp_path.glob("hub.db*"))
        for secret in (NAME, PHONE, ID_NUMBER):
            assert secret.encode() not in raw
