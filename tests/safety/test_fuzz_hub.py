"""The hub under fuzzing: schemathesis over its OpenAPI schema, and hypothesis mutating real
summary payloads. Never a 500; every rejection is a 4xx with a JSON error and a message."""

from __future__ import annotations

import copy
import json
import uuid

import pytest
import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytest.importorskip("fastapi")
schemathesis = pytest.importorskip("schemathesis")

from schemathesis.checks import not_a_server_error  # noqa: E402
from schemathesis.specs.openapi.checks import (  # noqa: E402
    content_type_conformance,
    response_schema_conformance,
)

from supportdesk.core.sync import payload  # noqa: E402
from supportdesk.hub import admin, schema, service  # noqa: E402
from supportdesk.hub.app import create_app  # noqa: E402
from supportdesk.hub.server import BackgroundHub  # noqa: E402
from supportdesk.hub.storage import Storage  # noqa: E402
from tests.safety.helpers import catalog_file  # noqa: E402

COMMUNE, INSTALL = "00004", "may-quay-1"
REJECTIONS = {400, 401, 403, 404, 409, 413, 422}


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    top = tmp_path_factory.mktemp("hub")
    storage = Storage(top / "hub.db")
    code = admin.add_commune(storage, COMMUNE, "Phường Ba Đình")
    token = service.enroll(storage, code, INSTALL, COMMUNE)["token"]
    admin.publish_catalog(storage, catalog_file(top / "catalog.json", 1, 3))
    admin.lock_period(storage, "month", "2026-01")
    app = create_app(storage, max_body=20_000)
    yield app, token
    storage.close()


@pytest.fixture(scope="module")
def served_hub(tmp_path_factory):
    """The hub as a real HTTP server on 127.0.0.1, as a desk meets it."""
    top = tmp_path_factory.mktemp("served-hub")
    storage = Storage(top / "hub.db")
    code = admin.add_commune(storage, COMMUNE, "Phường Ba Đình")
    token = service.enroll(storage, code, INSTALL, COMMUNE)["token"]
    admin.lock_period(storage, "month", "2026-01")
    server = BackgroundHub(storage, max_body=20_000)
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {token}"
    yield server.url, session
    session.close()
    server.stop()
    storage.close()


# Status codes are not checked against the schema: the hub's handlers read raw requests, so
# FastAPI documents only 200/422 while the API answers 401, 403, 409 and 413 too.
# (schemathesis' pytest plugin, `from_fixture`, does not run on pytest 9: hypothesis drives it.)
def test_hub_api_never_fails_and_answers_as_documented(hub):
    from schemathesis import GenerationMode

    app, token = hub
    # The dashboard page "/" is HTML while its schema entry says JSON (the handler's return
    # annotation): reported to the hub's owner, left out here until the schema says text/html.
    schema = schemathesis.openapi.from_asgi("/openapi.json", app).exclude(path="/")
    cases = st.one_of(schema.as_strategy(), schema.as_strategy(GenerationMode.NEGATIVE))
    checks = [not_a_server_error, content_type_conformance, response_schema_conformance]

    @settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
    @given(case=cases, authorised=st.booleans())
    def run(case, authorised):
        headers = {"Authorization": f"Bearer {token}"} if authorised else {}
        response = case.call_and_validate(headers=headers, checks=checks)
        assert response.status_code < 500

    run()


def valid_payload(period: str = "2026-11", revision: int = 1) -> dict:
    counters = dict.fromkeys(payload.COUNTERS, 1)
    content = {
        "period": {"type": "month", "id": period, "start": "", "end": ""},
        "totals": counters,
        "by_category": [{"category": "vneid", "name": "Tài khoản VNeID", **counters}],
        "escalations": [],
        "staff_count": 3,
    }
    return payload.build(
        content, commune_code=COMMUNE, revision=revision, install_id=INSTALL, app_version="0.1"
    )


json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=20)),
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=6,
)


@st.composite
def mutated_payloads(draw) -> dict:
    """A real payload with a few fields replaced, removed or added, anywhere in the tree."""
    body = valid_payload(
        period=draw(st.sampled_from(["2026-11", "2026-01", "2026-12"])),
        revision=draw(st.integers(1, 3)),
    )
    for _ in range(draw(st.integers(0, 3))):
        node = body
        while True:
            keys = list(node) if isinstance(node, dict) else list(range(len(node)))
            if not keys:
                break
            key = draw(st.sampled_from(keys))
            child = node[key]
            if isinstance(child, dict | list) and child and draw(st.booleans()):
                node = child
                continue
            action = draw(st.sampled_from(["replace", "remove", "add"]))
            if action == "replace":
                node[key] = draw(json_values)
            elif action == "remove" and isinstance(node, dict):
                del node[key]
            elif isinstance(node, dict):
                node[draw(st.text(max_size=8))] = draw(json_values)
            break
    return body


@settings(max_examples=80, deadline=None, suppress_health_check=list(HealthCheck))
@given(body=mutated_payloads(), replay=st.booleans())
def test_summary_payload_fuzz(served_hub, body, replay):
    url, session = served_hub
    headers = {"Content-Type": "application/json"}
    sent = [copy.deepcopy(body)]
    if replay:  # same id again, sometimes with other content: 200 (receipt) or 409
        again = copy.deepcopy(body)
        if isinstance(again.get("totals"), dict):
            again["totals"]["received"] = 99
        sent.append(again)
    for item in sent:
        # Python's json writes NaN and Infinity, which the hub's json.loads also reads.
        raw = json.dumps(item)
        response = session.post(
            f"{url}/api/v1/summaries", data=raw.encode(), headers=headers, timeout=10
        )
        assert response.status_code == 200 or response.status_code in REJECTIONS, (
            response.status_code,
            response.text,
        )
        answer = response.json()
        if response.status_code != 200:
            assert answer["error"] and answer["message"]
        else:  # accepted: it must be a valid payload, and the receipt is for it
            assert schema.problems(item) == [], (item, response.text)
            assert answer["submission_id"] == item["submission_id"]


def test_fuzz_baseline_valid_payload_is_accepted(served_hub):
    url, session = served_hub
    body = valid_payload("2026-10")
    body["submission_id"] = str(uuid.uuid4())
    response = session.post(f"{url}/api/v1/summaries", json=body, timeout=10)
    assert response.status_code == 200, response.text
