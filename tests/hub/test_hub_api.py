"""The hub's API against a real server on 127.0.0.1, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import threading

import pytest
import requests

from supportdesk.core.sync import payload
from supportdesk.hub import admin
from tests.hub.kit import enrolled_token, summary


def make(revision: int = 1, period: str = "2026-11", code: str = "00001", **kw) -> dict:
    return payload.build(
        payload.summary_content(summary(period, **kw)),
        commune_code=code,
        revision=revision,
        install_id="install-1",
        app_version="test",
    )


def post(hub, token: str, body: dict, raw: bytes | None = None) -> requests.Response:
    return requests.post(
        f"{hub.url}/api/v1/summaries",
        data=raw if raw is not None else json.dumps(body),
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
        timeout=10,
    )


def rows(storage, table: str = "submissions") -> int:
    with storage.tx(write=False) as db:
        return db.one(f"SELECT count(*) FROM {table}")[0]


def latest_revision(storage, code="00001", period="2026-11") -> int | None:
    with storage.tx(write=False) as db:
        row = db.one(
            "SELECT revision FROM latest WHERE commune_code = ? AND period_id = ?", [code, period]
        )
    return row[0] if row else None


def test_ping(hub):
    assert requests.get(f"{hub.url}/api/v1/ping", timeout=5).json()["ok"] is True


def test_enrollment_code_is_single_use_and_revocation_locks_out(hub, hub_storage):
    code = admin.add_commune(hub_storage, "00001", "Xã A")
    first = requests.post(
        f"{hub.url}/api/v1/enroll", json={"code": code.lower(), "install_id": "i1"}, timeout=5
    )
    assert first.status_code == 200 and first.json()["commune_code"] == "00001"
    again = requests.post(
        f"{hub.url}/api/v1/enroll", json={"code": code, "install_id": "i2"}, timeout=5
    )
    assert again.status_code == 403
    token = first.json()["token"]
    body = make()
    body["install_id"] = "i1"
    assert post(hub, token, body).status_code == 200
    assert admin.revoke(hub_storage, "00001")
    assert post(hub, token, make(revision=2) | {"install_id": "i1"}).status_code == 401


def test_token_is_bound_to_its_install_and_commune(hub, hub_storage):
    token = enrolled_token(hub_storage)
    assert post(hub, token, make() | {"install_id": "someone-else"}).status_code == 403
    enrolled_token(hub_storage, "00002", "install-1")
    assert post(hub, token, make(code="00002")).status_code == 403
    assert post(hub, "nonsense", make()).status_code == 401


def test_same_payload_twice_gives_one_row_and_the_same_receipt(hub, hub_storage):
    token = enrolled_token(hub_storage)
    body = make()
    first, second = post(hub, token, body), post(hub, token, body)
    assert first.status_code == second.status_code == 200
    assert first.json() == second.json()
    assert rows(hub_storage) == 1


def test_same_id_with_other_content_is_a_conflict(hub, hub_storage):
    token = enrolled_token(hub_storage)
    body = make()
    assert post(hub, token, body).status_code == 200
    changed = make(received=99) | {"submission_id": body["submission_id"]}
    answer = post(hub, token, changed)
    assert answer.status_code == 409 and answer.json()["error"] == "conflict"
    assert rows(hub_storage) == 1


def test_older_revision_is_stale_and_latest_wins(hub, hub_storage):
    token = enrolled_token(hub_storage)
    assert post(hub, token, make(revision=3, received=30)).status_code == 200
    stale = post(hub, token, make(revision=2, received=20))
    assert stale.status_code == 409 and stale.json()["error"] == "stale"
    assert latest_revision(hub_storage) == 3
    # The same revision under a new id (a reinstalled PC counting from 1 again) is refused too.
    assert post(hub, token, make(revision=3, received=31)).status_code == 409


def test_locked_period_refuses_new_revisions(hub, hub_storage):
    token = enrolled_token(hub_storage)
    admin.lock_period(hub_storage, "month", "2026-11")
    answer = post(hub, token, make())
    assert answer.status_code == 409 and answer.json()["error"] == "locked"


def test_ten_concurrent_identical_posts_store_one_row(hub, hub_storage):
    token = enrolled_token(hub_storage)
    body = make()
    answers: list = []
    barrier = threading.Barrier(10)

    def send():
        barrier.wait(5)
        answers.append(post(hub, token, body))

    threads = [threading.Thread(target=send) for _ in range(10)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert [a.status_code for a in answers] == [200] * 10
    assert len({json.dumps(a.json(), sort_keys=True) for a in answers}) == 1
    assert rows(hub_storage) == 1


def test_concurrent_revisions_end_with_the_highest(hub, hub_storage):
    token = enrolled_token(hub_storage)
    bodies = [make(revision=r, received=r) for r in range(1, 9)]
    barrier = threading.Barrier(len(bodies))

    def send(b):
        barrier.wait(5)
        post(hub, token, b)

    threads = [threading.Thread(target=send, args=(b,)) for b in reversed(bodies)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert latest_revision(hub_storage) == 8


def test_bad_bodies_are_refused_with_the_right_status(hub, hub_storage):
    token = enrolled_token(hub_storage)
    assert post(hub, token, {}, raw=b"{not json").status_code == 400
    invalid = post(hub, token, make() | {"revision": 0, "requester_phone": "0912345678"})
    assert invalid.status_code == 422
    assert "unknown field: requester_phone" in invalid.text
    huge = make()
    huge["escalations"] = [{"summary": "x" * 500}] * 400
    huge["padding"] = "y" * 1_100_000
    assert post(hub, token, huge).status_code == 413
    assert rows(hub_storage) == 0


def test_reconciliation_list_and_status(hub, hub_storage):
    token = enrolled_token(hub_storage)
    for period in ("2026-10", "2026-11"):
        assert post(hub, token, make(period=period)).status_code == 200
    listed = requests.get(
        f"{hub.url}/api/v1/summaries", headers={"Authorization": f"Bearer {token}"}, timeout=5
    ).json()
    assert [(i["period_id"], i["revision"]) for i in listed["items"]] == [
        ("2026-10", 1),
        ("2026-11", 1),
    ]
    (status,) = admin.status(hub_storage)
    assert status["commune_code"] == "00001" and len(status["periods"]) == 2
    assert status["last_seen_at"]


def test_catalog_listing_etag_and_304(hub, hub_storage, tmp_path):
    token = enrolled_token(hub_storage)
    file = tmp_path / "c.json"
    file.write_text(json.dumps({"format": "supportdesk-catalog/1", "version": "v1",
                                "procedures": []}))  # fmt: skip
    published = admin.publish_catalog(hub_storage, file)
    auth = {"Authorization": f"Bearer {token}"}
    listing = requests.get(f"{hub.url}/api/v1/catalogs", headers=auth, timeout=5).json()
    assert listing["catalogs"][0]["sha256"] == published["sha256"]
    full = requests.get(f"{hub.url}/api/v1/catalogs/procedures", headers=auth, timeout=5)
    assert full.status_code == 200 and full.content == file.read_bytes()
    again = requests.get(
        f"{hub.url}/api/v1/catalogs/procedures",
        headers=auth | {"If-None-Match": full.headers["ETag"]},
        timeout=5,
    )
    assert again.status_code == 304 and again.content == b""


def test_the_shipped_gzip_catalog_is_published_as_its_json(hub_storage, tmp_path):
    import gzip

    from supportdesk.hub.service import HubError

    plain = json.dumps({"format": "supportdesk-catalog/1", "version": "v2",
                        "procedures": [{"code": "1.001193"}]}).encode()  # fmt: skip
    packed = tmp_path / "procedures.json.gz"
    packed.write_bytes(gzip.compress(plain))
    published = admin.publish_catalog(hub_storage, packed)
    assert (published["name"], published["version"]) == ("procedures", "v2")
    assert published["size"] == len(plain)
    broken = tmp_path / "broken.json.gz"
    broken.write_bytes(gzip.compress(plain)[:-20])
    with pytest.raises(HubError, match="gzip"):
        admin.publish_catalog(hub_storage, broken)


def test_a_core_refusal_inside_a_route_is_a_json_400(hub, hub_storage, monkeypatch):
    from supportdesk.core.errors import UserError
    from supportdesk.hub import service

    def refuse(*_args, **_kwargs):
        raise UserError("kỳ báo cáo không hợp lệ")

    monkeypatch.setattr(service, "ingest_authorized", refuse)
    answer = post(hub, enrolled_token(hub_storage), make())
    assert answer.status_code == 400
    assert answer.json() == {"error": "refused", "message": "kỳ báo cáo không hợp lệ"}
