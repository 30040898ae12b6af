"""Catalogs flowing down: conditional fetch, hash check, staging and swap, old version kept."""

from __future__ import annotations

import json

from supportdesk.core import catalog
from supportdesk.core.sync import catalogs
from supportdesk.core.sync.client import sync_once
from supportdesk.hub import admin
from tests.hub.kit import enrolled_token
from tests.sync.helpers import client


def publish(storage, tmp_path, version: str, names: list[str]) -> dict:
    procedures = [
        {"code": f"1.{i:06d}", "name": name, "field": "Hộ tịch"} for i, name in enumerate(names, 1)
    ]
    doc = {"format": "supportdesk-catalog/1", "version": version, "procedures": procedures}
    path = tmp_path / f"catalog-{version}.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return admin.publish_catalog(storage, path)


def status_recorder(seen: list):
    def rewrite(raw: bytes) -> bytes:
        seen.append(int(raw.split(b" ", 2)[1]))
        return raw

    return ("rewrite", rewrite)


def test_catalog_arrives_then_304_then_new_version_swaps(desk, hub, proxy, hub_storage, tmp_path):
    token = enrolled_token(hub_storage)
    publish(hub_storage, tmp_path, "v1", ["Đăng ký khai sinh", "Đăng ký kết hôn"])
    first = sync_once(desk, client(proxy.url, token))
    assert first["catalogs_updated"] == [{"name": "procedures", "version": "v1"}]
    assert catalog.count(desk) == 2
    seen: list = []
    proxy.queue(status_recorder(seen), path="/api/v1/catalogs/procedures")
    unchanged = sync_once(desk, client(proxy.url, token))
    assert unchanged["catalogs_updated"] == [] and seen == [304]
    publish(hub_storage, tmp_path, "v2", ["Đăng ký khai sinh", "Đăng ký kết hôn", "Khai tử"])
    second = sync_once(desk, client(proxy.url, token))
    assert second["catalogs_updated"] == [{"name": "procedures", "version": "v2"}]
    assert catalog.count(desk) == 3
    slots = dict(desk.execute("SELECT slot, version FROM sync_catalogs").fetchall())
    assert slots == {"current": "v2", "previous": "v1"}


def test_truncated_or_tampered_catalog_keeps_the_old_one(desk, hub, proxy, hub_storage, tmp_path):
    token = enrolled_token(hub_storage)
    publish(hub_storage, tmp_path, "v1", ["Đăng ký khai sinh"])
    sync_once(desk, client(proxy.url, token))
    publish(hub_storage, tmp_path, "v2", ["Đăng ký khai sinh", "Khai tử"])

    proxy.queue("truncate", path="/api/v1/catalogs/procedures")
    truncated = sync_once(desk, client(proxy.url, token), force=True)
    assert truncated["catalogs_updated"] == [] and truncated["error"]

    proxy.queue(("rewrite", _flip_one_byte), path="/api/v1/catalogs/procedures")
    tampered = sync_once(desk, client(proxy.url, token), force=True)
    assert tampered["catalogs_updated"] == []
    assert "mã băm" in tampered["catalog_errors"][0]
    assert catalogs.current(desk, "procedures")["version"] == "v1"
    assert catalog.count(desk) == 1
    healthy = sync_once(desk, client(proxy.url, token), force=True)
    assert healthy["catalogs_updated"] == [{"name": "procedures", "version": "v2"}]


def _flip_one_byte(raw: bytes) -> bytes:
    head, sep, body = raw.partition(b"\r\n\r\n")
    i = body.index(b"Khai")
    return head + sep + body[:i] + b"X" + body[i + 1 :]


def test_a_catalog_the_importer_refuses_changes_nothing(desk):
    body = json.dumps(
        {"format": "supportdesk-catalog/1", "procedures": [{"code": "bad", "name": "x"}]}
    ).encode()
    import hashlib

    try:
        catalogs.install(desk, "procedures", "v9", body,
                         expected_sha256=hashlib.sha256(body).hexdigest())  # fmt: skip
    except catalogs.CatalogRejected as exc:
        assert "mã thủ tục" in str(exc)
    else:
        raise AssertionError("a bad catalog was installed")
    assert desk.execute("SELECT count(*) FROM sync_catalogs").fetchone()[0] == 0
