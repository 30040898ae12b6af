"""TLS between desk and hub with a real server on 127.0.0.1 and a throw-away CA (trustme), and
what a rogue hub can no longer do: take the token over http://, push an oversized catalog, or
crash sync with a malformed listing."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
import trustme

from supportdesk.core import catalog
from supportdesk.core.store import settings
from supportdesk.core.sync import enrollment, outbox, runner, transport
from supportdesk.core.sync.client import HubClient, sync_once
from supportdesk.hub import admin
from supportdesk.hub.server import BackgroundHub
from tests.hub.kit import enrolled_token, http_response, summary
from tests.sync.helpers import client, queue
from tests.sync.test_sync_catalogs import publish


@pytest.fixture
def tls_hub(hub_storage, tmp_path):
    ca = trustme.CA()
    cert = ca.issue_cert("127.0.0.1", "localhost")
    key_file, cert_file, ca_file = (tmp_path / n for n in ("key.pem", "cert.pem", "ca.pem"))
    cert.private_key_pem.write_to_path(str(key_file))
    cert.cert_chain_pems[0].write_to_path(str(cert_file))
    ca.cert_pem.write_to_path(str(ca_file))
    other = trustme.CA()  # what REQUESTS_CA_BUNDLE names: not the province's CA
    other.cert_pem.write_to_path(str(tmp_path / "other-ca.pem"))
    server = BackgroundHub(hub_storage, cert=str(cert_file), key=str(key_file))
    server.ca_file, server.other_ca = str(ca_file), str(tmp_path / "other-ca.pem")
    yield server
    server.stop()


class MemoryTokens:
    where = "memory"

    def __init__(self):
        self.token = None

    def get(self):
        return self.token

    def put(self, token):
        self.token = token


def test_enroll_and_sync_over_tls_with_the_provinces_ca(desk, tls_hub, hub_storage, monkeypatch,
                                                        tmp_path):  # fmt: skip
    assert tls_hub.url.startswith("https://127.0.0.1:")
    # The environment names another CA; the province's CA given at enrollment still decides.
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", tls_hub.other_ca)
    code = admin.add_commune(hub_storage, "00001", "Xã thử")
    store = MemoryTokens()
    answer = enrollment.enroll(desk, store, tls_hub.url, code, ca=tls_hub.ca_file)
    assert answer["commune_code"] == "00001"
    assert settings.get(desk, "hub_ca_bundle") == tls_hub.ca_file
    queue(desk, "2026-11")
    result = runner.sync_now(desk, tmp_path, token_store=store, summarize=lambda _db, p: summary(p))
    assert result["error"] is None and result["acked"] >= 1, result


def test_unknown_certificate_is_refused_in_vietnamese(desk, tls_hub, hub_storage):
    code = admin.add_commune(hub_storage, "00001", "Xã thử")
    with pytest.raises(Exception) as caught:
        enrollment.enroll(desk, MemoryTokens(), tls_hub.url, code)
    assert "chứng chỉ" in str(caught.value)
    token = enrolled_token(hub_storage)
    queue(desk, "2026-11")
    result = sync_once(desk, HubClient(tls_hub.url, token), catalogs=False)
    assert result["acked"] == 0 and "lỗi chứng chỉ" in result["error"]
    assert outbox.counts(desk)["pending"] == 1  # nothing lost; retried later


def test_http_is_refused_except_loopback_or_when_allowed(desk):
    with pytest.raises(transport.InsecureHub, match="không mã hoá"):
        HubClient("http://hub.tinh.vn", "token")
    HubClient("http://127.0.0.1:9", "token").close()
    HubClient("http://hub.tinh.vn", "token", allow_http=True).close()
    settings.put(desk, "hub_url", "http://hub.tinh.vn")
    assert outbox.status(desk)["insecure"] is True  # the status bar warns
    settings.put(desk, "hub_url", "https://hub.tinh.vn")
    assert outbox.status(desk)["insecure"] is False


def test_enroll_cli_refuses_plain_http_to_a_network_hub(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "supportdesk", "--data-dir", str(tmp_path / "d"), "enroll",
         "--hub", "http://10.255.255.1:8765", "--code", "AAAA-BBBB-CCCC"],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 2 and "không mã hoá" in done.stderr, done.stderr
    assert "Traceback" not in done.stderr


def _listing(entries) -> tuple[str, bytes]:
    body = json.dumps(entries).encode()
    return ("respond", http_response(200, body, {"Content-Type": "application/json"}))


@pytest.mark.parametrize(
    "listing",
    [
        {"catalogs": "nope"},
        {"catalogs": [17, {"name": ["x"]}, {"name": "procedures"}]},
        {"catalogs": [{"name": "procedures", "sha256": "0" * 64, "size": 157_000_000}]},
        ["not", "an", "object"],
    ],
)
def test_malformed_listing_is_a_clear_problem_and_keeps_the_catalog(
    desk, hub, proxy, hub_storage, tmp_path, listing
):
    token = enrolled_token(hub_storage)
    publish(hub_storage, tmp_path, "v1", ["Đăng ký khai sinh"])
    assert sync_once(desk, client(proxy.url, token))["catalogs_updated"]
    proxy.queue(_listing(listing), path="/api/v1/catalogs")
    result = sync_once(desk, client(proxy.url, token), force=True)
    assert result["catalogs_updated"] == []
    assert result["catalog_errors"] or result["error"]
    assert catalog.count(desk) == 1


def test_catalog_larger_than_its_listing_is_cut_off(desk, hub, proxy, hub_storage, tmp_path):
    token = enrolled_token(hub_storage)
    published = publish(hub_storage, tmp_path, "v1", ["Đăng ký khai sinh"])
    small = {"catalogs": [published | {"size": 50}]}  # the listing says 50 bytes
    proxy.queue(_listing(small), path="/api/v1/catalogs")
    result = sync_once(desk, client(proxy.url, token))
    assert result["catalogs_updated"] == []
    assert any("lớn hơn kích thước" in p for p in result["catalog_errors"])
    assert catalog.count(desk) == 0
