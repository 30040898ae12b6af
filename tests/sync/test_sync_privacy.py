"""No free text leaves the desk: every payload is scanned for every requester field and for the
phone- and ID-shaped digit runs typed anywhere in a request (summary, description, escalation
target, notes), with real requests in a real store, escalated to a person, to an agency and to a
unit typed by hand."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime

import pytest

from supportdesk.core import directory, tickets
from supportdesk.core.sync import outbox, payload, snapshots
from supportdesk.core.sync.client import sync_once
from supportdesk.hub import schema
from tests.hub.kit import enrolled_token, summary
from tests.sync.helpers import client

NOW = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)
NAME, PHONE, ID_NUMBER = "Hoàng Thị Riêng Tư", "0966554433", "038200112233"
TYPED_PHONE, TYPED_TARGET_PHONE = "0911 000 222", "0987.654.321"
REQUESTS = [
    {   # everything personal a person can type, in every field that takes text
        "category": "vneid", "requester_name": NAME, "requester_phone": PHONE,
        "requester_id_number": ID_NUMBER, "requester_unit": "Tổ dân phố Riêng Tư 7",
        "summary": f"Bà {NAME} {PHONE} CCCD {ID_NUMBER} chưa có tài khoản",
        "description": f"Gọi lại số {TYPED_PHONE}, CMND 123456789, nhà số 12 ngõ Kín Đáo",
        "procedure_code": "1.001193",
    },
    {"category": "dvc_account", "requester_name": "Lê Văn Bí Mật", "requester_phone": "0977123456",
     "summary": "Quên mật khẩu — liên hệ 0977 123 456"},
    {"category": "digital_signature", "requester_name": "Trần Kín", "summary": "Chữ ký số lỗi"},
]  # fmt: skip
TARGETS = ["person", "agency", f"Ông Phạm Văn Tay {TYPED_TARGET_PHONE}, số 5 đường Riêng"]


def _digit_runs(text: str) -> set[str]:
    return {re.sub(r"\D", "", m) for m in payload.DIGIT_RUN.findall(text)}


def _strings(value) -> list[str]:
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return [str(value)]


@pytest.fixture
def escalated_desk(desk):
    report = directory.import_records(desk, [(1, {
        "name": "Nguyễn Văn Cán Bộ", "agency": "Công an tỉnh Tuyên Quang",
        "tels": [("0912 888 777", "")],
    })])  # fmt: skip
    assert not report.rejected
    person = desk.execute("SELECT id FROM contacts WHERE kind = 'person'").fetchone()[0]
    agency = desk.execute("SELECT id FROM contacts WHERE kind = 'agency'").fetchone()[0]
    typed = {"person": person, "agency": agency}
    for data, target in zip(REQUESTS, TARGETS):
        made = tickets.create(desk, data, actor="Lan", now=NOW)
        tickets.update(desk, made["id"], actor="Lan", escalate_to=typed.get(target, target),
                            note=f"Đã gọi {TYPED_PHONE} cho {NAME}", now=NOW)  # fmt: skip
    return desk


def secrets_typed(db) -> tuple[set[str], set[str]]:
    """(every requester field's value and every typed text, every digit run typed anywhere)."""
    rows = db.execute(
        "SELECT requester_name, requester_phone, requester_id_number, requester_unit, summary, "
        "description, escalated_to, resolution FROM requests"
    ).fetchall()
    notes = [r[0] for r in db.execute("SELECT note FROM request_events WHERE note IS NOT NULL")]
    contacts = [r[0] for r in db.execute("SELECT name FROM contacts WHERE kind = 'person'")]
    agencies = {r[0] for r in db.execute("SELECT name FROM contacts WHERE kind = 'agency'")}
    # An agency chosen as the target is the one chosen value that may go up.
    texts = ({v for row in rows for v in row if v} | set(notes) | set(contacts)) - agencies
    digits = set().union(*(_digit_runs(t) for t in texts))
    digits |= {re.sub(r"\D", "", v) for row in rows for v in row[1:3] if v}
    return texts, digits


@pytest.mark.clock
def test_every_payload_is_free_of_typed_text_and_digit_runs(escalated_desk):
    db = escalated_desk
    queued = snapshots.queue_periods(db, ["2026-10", "2026-11"], now=NOW.timestamp())
    assert queued
    texts, digits = secrets_typed(db)
    assert PHONE in digits and "0911000222" in digits and "0987654321" in digits
    bodies = [json.loads(r[0]) for r in db.execute("SELECT payload FROM sync_outbox")]
    snaps = [json.loads(r[0]) for r in db.execute("SELECT content FROM sync_snapshots")]
    for body in bodies + snaps:
        whole = json.dumps(body, ensure_ascii=False)
        for secret in texts:
            assert secret not in whole
        for value in _strings(body):
            assert not (_digit_runs(value) & digits), value
            # names: no word of a requester's or a person's name stands in any value
            assert "Riêng" not in value and "Bí Mật" not in value and "Cán Bộ" not in value
    november = next(b for b in bodies if b["period"]["id"] == "2026-11")
    assert schema.problems(november) == []
    # What does go up: codes and chosen values, the agency for a person or an agency target.
    units = sorted(e["escalated_to_unit"] for e in november["escalations"])
    assert units == ["", "Công an tỉnh Tuyên Quang", "Công an tỉnh Tuyên Quang"]
    first = next(e for e in november["escalations"] if e["category"] == "vneid")
    assert first == {"category": "vneid", "procedure_code": "1.001193",
                     "escalated_to_unit": first["escalated_to_unit"], "age_working_days": 0,
                     "status": "escalated"}  # fmt: skip


def leaky_summary() -> dict:
    """A summary as a careless stats function might return it, personal data mixed in."""
    s = summary(escalations=[{
        "ticket": "R-1", "category": "vneid", "summary": f"Bà {NAME} {PHONE}",
        "escalated_to": "Ông Tay 0911000222", "escalated_to_unit": f"Ông Tay {PHONE}",
        "status": "escalated", "created_at": "2026-11-03", "procedure_code": f"1.001193 {PHONE}",
        "requester_name": NAME, "phone": PHONE, "id_number": ID_NUMBER,
    }])  # fmt: skip
    s["totals"]["requester_name"] = NAME
    s["by_category"][0]["phone"] = PHONE
    s["by_category"][0]["name"] = f"Gọi {PHONE}"
    s["by_assignee"] = [{"assignee": NAME, "received": 1, "resolved": 1}]
    s["requests"] = [{"name": NAME, "phone": PHONE, "id_number": ID_NUMBER}]
    return s


def test_payload_keeps_only_allowed_fields_and_shapes():
    body = payload.build(
        payload.summary_content(leaky_summary()),
        commune_code="00001", revision=1, install_id="i", app_version="t",
    )  # fmt: skip
    text = json.dumps(body, ensure_ascii=False)
    for secret in (NAME, PHONE, ID_NUMBER, "0911000222", "Tay"):
        assert secret not in text
    assert schema.problems(body) == []
    assert body["staff_count"] == 1
    assert body["escalations"][0]["procedure_code"] == ""


def all_hub_text(storage) -> str:
    tables = ["communes", "submissions", "latest", "locked_periods", "catalog_current"]
    out = []
    with storage.tx(write=False) as db:
        for table in tables:
            out += [repr(row) for row in db.all(f"SELECT * FROM {table}")]
    return "\n".join(out)


def test_hub_database_holds_no_personal_data(desk, hub, hub_storage, tmp_path):
    token = enrolled_token(hub_storage)
    outbox.enqueue(desk, leaky_summary(), commune_code="00001", install_id="install-1",
                   app_version="t")  # fmt: skip
    outbox_text = json.dumps(desk.execute("SELECT * FROM sync_outbox").fetchall())
    assert not any(s in outbox_text for s in (NAME, PHONE, ID_NUMBER))
    assert sync_once(desk, client(hub.url, token), catalogs=False)["acked"] == 1
    stored = all_hub_text(hub_storage)
    assert "vneid" in stored and "escalated" in stored  # the scan does see the payload
    for secret in (NAME, PHONE, ID_NUMBER):
        assert secret not in stored
    if not hub_storage.postgres:  # and not in any page of the file, free pages included
        raw = b"".join(p.read_bytes() for p in tmp_path.glob("hub.db*"))
        for secret in (NAME, PHONE, ID_NUMBER):
            assert secret.encode() not in raw


def test_hub_refuses_free_text_a_desk_might_still_send(hub, hub_storage):
    import requests

    token = enrolled_token(hub_storage)
    body = payload.build(payload.summary_content(summary()), commune_code="00001", revision=1,
                         install_id="install-1", app_version="t")  # fmt: skip
    body["escalations"] = [{"category": "vneid", "procedure_code": "",
                            "escalated_to_unit": "Ông Tay 0911 000 222", "age_working_days": 2,
                            "status": "escalated"}]  # fmt: skip
    answer = requests.post(f"{hub.url}/api/v1/summaries", json=body, timeout=10,
                           headers={"Authorization": f"Bearer {token}"})  # fmt: skip
    assert answer.status_code == 422 and "escalated_to_unit" in answer.json()["message"]
    body["escalations"][0] = {"summary": "Bà Y 0966554433"}
    answer = requests.post(f"{hub.url}/api/v1/summaries", json=body, timeout=10,
                           headers={"Authorization": f"Bearer {token}"})  # fmt: skip
    assert answer.status_code == 422 and "unknown field" in answer.json()["message"]
