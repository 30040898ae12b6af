"""Talking to the hub over `requests`, and one round of sending the outbox (`sync_once`).

Every failure is sorted into one of a few outcomes, because each asks for a different reaction:
retry later (the link or the hub), reject this row only (the row is bad), supersede (the hub
already has newer), or pause the whole queue (the token is no longer valid)."""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime

import requests
from sqlite_utils import Database

from supportdesk import __version__
from supportdesk.core.sync import outbox

BASE_DELAY = 30.0
MAX_DELAY = 3600.0
MAX_RETRY_AFTER = 24 * 3600.0
TIMEOUT = (5.0, 30.0)  # (connect, read) seconds
RETRY_STATUSES = {408, 425, 429, 500, 502, 503, 504}
REJECT_STATUSES = {400, 404, 405, 413, 415, 422}


class HubUnavailable(Exception):
    """The hub could not be reached or did not answer as the hub (retry later)."""

    def __init__(self, reason: str, retry_after: float | None = None):
        super().__init__(reason)
        self.retry_after = retry_after


def _unreachable(exc: requests.RequestException) -> str:
    """Why a hub cannot be reached, in words (the exception's text names Python classes)."""
    chain, cause = [], exc
    while cause is not None and len(chain) < 10:
        chain.append(cause)
        cause = cause.__cause__ or cause.__context__ or getattr(cause, "reason", None)
    text = " ".join(str(c) for c in chain).lower()
    if "refused" in text:
        return "máy chủ từ chối kết nối (chưa chạy, hoặc sai địa chỉ/cổng)"
    if "name or service not known" in text or "nodename" in text or "resolve" in text:
        return "không tìm thấy tên máy chủ (kiểm tra địa chỉ)"
    if "unreachable" in text:
        return "mạng không tới được máy chủ (kiểm tra kết nối mạng)"
    if isinstance(exc, requests.exceptions.InvalidURL | requests.exceptions.MissingSchema):
        return "địa chỉ máy chủ không hợp lệ"
    return "mạng không tới được máy chủ (kiểm tra kết nối mạng và địa chỉ)"


class Unauthorized(Exception):
    """The token was refused: the queue waits for a new enrollment."""


@dataclass
class Outcome:
    kind: str  # acked | rejected | superseded
    reason: str = ""
    receipt: dict = field(default_factory=dict)


def retry_after_seconds(value: str | None, now: float) -> float | None:
    """Seconds from a Retry-After header, given as seconds or as an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - now)
    except (TypeError, ValueError):
        return None


def backoff_delay(failures: int, rng: Callable[[], float] = random.random) -> float:
    """30 s × 2ⁿ capped at 1 h, with half of it random so that 3,321 communes coming back
    online after a provincial outage do not all knock at the same second."""
    ceiling = min(MAX_DELAY, BASE_DELAY * 2 ** max(0, failures - 1))
    return ceiling / 2 + rng() * ceiling / 2


class HubClient:
    """A requests Session bound to one hub and one commune token; timeouts always."""

    def __init__(
        self,
        base_url: str,
        token: str | None = None,
        *,
        timeout: tuple[float, float] = TIMEOUT,
        verify: bool | str = True,
        clock: Callable[[], float] = time.time,
        allow_http: bool = False,
    ):
        from supportdesk.core.sync.transport import check_url

        check_url(base_url, allow_http)  # raises InsecureHub before any token is sent
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.clock = clock
        # True, or the path of a CA bundle: never switched off, and passed with each request
        # so that REQUESTS_CA_BUNDLE cannot replace the province's own CA.
        self.verify = verify if verify is True or isinstance(verify, str) else True
        self.session = requests.Session()
        self.session.headers["User-Agent"] = f"SupportDesk/{__version__}"
        if token:
            self.session.headers["Authorization"] = f"Bearer {token}"

    def close(self) -> None:
        self.session.close()

    def request(self, method: str, path: str, **kwargs) -> requests.Response:
        try:
            response = self.session.request(
                method, self.base_url + path, timeout=self.timeout, verify=self.verify, **kwargs
            )
        except requests.exceptions.SSLError as exc:
            from supportdesk.core.sync.transport import certificate_problem

            raise HubUnavailable(certificate_problem(exc)) from exc
        except requests.Timeout as exc:
            raise HubUnavailable(f"hết thời gian chờ máy chủ tỉnh {self.base_url}") from exc
        except requests.RequestException as exc:
            raise HubUnavailable(
                f"không kết nối được máy chủ tỉnh {self.base_url}: {_unreachable(exc)}"
            ) from exc
        if response.status_code in (401, 403) and path != "/api/v1/enroll":
            raise Unauthorized(_reason(response))
        if response.status_code in RETRY_STATUSES or response.status_code >= 500:
            wait = retry_after_seconds(response.headers.get("Retry-After"), self.clock())
            raise HubUnavailable(f"máy chủ tỉnh trả lời {response.status_code}", wait)
        return response

    def json(self, response: requests.Response) -> dict:
        """The hub's JSON answer; anything else (a captive portal's 200 HTML page) is a failure."""
        try:
            value = response.json()
        except ValueError as exc:
            kind = response.headers.get("Content-Type", "?")
            raise HubUnavailable(
                f"câu trả lời không phải của máy chủ tỉnh ({response.status_code}, {kind})"
            ) from exc
        if not isinstance(value, dict):
            raise HubUnavailable("câu trả lời không phải của máy chủ tỉnh (JSON lạ)")
        return value

    def post_summary(self, body_text: str, submission_id: str) -> Outcome:
        response = self.request(
            "POST",
            "/api/v1/summaries",
            data=body_text.encode(),
            headers={"Content-Type": "application/json", "Idempotency-Key": submission_id},
        )
        if response.status_code == 200:
            receipt = self.json(response)
            if receipt.get("submission_id") != submission_id or "received_at" not in receipt:
                raise HubUnavailable("biên nhận không khớp với bản đã gửi")
            return Outcome("acked", receipt=receipt)
        if response.status_code == 409:
            reason = self.json(response)
            if reason.get("error") == "stale":
                return Outcome("superseded", "máy chủ tỉnh đã có bản mới hơn")
            return Outcome("rejected", _reason(response))
        if response.status_code in REJECT_STATUSES:
            return Outcome("rejected", _reason(response))
        raise HubUnavailable(f"máy chủ tỉnh trả lời {response.status_code}")


def _reason(response: requests.Response) -> str:
    try:
        body = response.json()
        detail = body.get("message") or body.get("error") or body
    except ValueError:
        detail = response.text[:200]
    return f"{response.status_code}: {detail}"


def sync_once(
    db: Database,
    client: HubClient,
    *,
    now: Callable[[], float] = time.time,
    rng: Callable[[], float] = random.random,
    force: bool = False,
    catalogs: bool = True,
) -> dict:
    """Send what is due and pull new catalogs; never raises for network trouble.

    Returns {"sent", "acked", "rejected", "superseded", "pending", "catalogs_updated",
    "catalog_errors", "paused", "error", "next_attempt_at", "skipped"}. `force` is "Send now":
    it ignores the backoff wait (not a pause: only a new token lifts that)."""
    result = {
        "sent": 0, "acked": 0, "rejected": 0, "superseded": 0, "pending": 0,
        "catalogs_updated": [], "catalog_errors": [], "paused": None, "error": None,
        "next_attempt_at": None, "skipped": None,
    }  # fmt: skip
    state = outbox.get_state(db)
    if state["paused"]:
        result.update(paused=state["paused"], skipped="paused")
    elif not force and state["next_attempt_at"] and now() < state["next_attempt_at"]:
        result.update(skipped="backoff", error=state["last_error"])
        result["next_attempt_at"] = outbox.iso(state["next_attempt_at"])
    else:
        try:
            _send(db, client, result, now)
            if catalogs:
                from supportdesk.core.sync import catalogs as catalogs_mod

                pulled = catalogs_mod.pull(db, client, now=now())
                result["catalogs_updated"], result["catalog_errors"] = pulled
            _knowledge_base(db, client, result)
        except Unauthorized as exc:
            reason = f"mã truy cập bị từ chối — cần đăng ký lại với máy chủ tỉnh ({exc})"
            outbox.put_state(db, paused=reason, last_error=reason)
            result.update(paused=reason, error=reason)
        except HubUnavailable as exc:
            failures = state["failures"] + 1
            delay = backoff_delay(failures, rng)
            if exc.retry_after is not None:
                delay = max(delay, min(exc.retry_after, MAX_RETRY_AFTER))
            state = outbox.put_state(
                db, failures=failures, next_attempt_at=now() + delay, last_error=str(exc)
            )
            result.update(error=str(exc), next_attempt_at=outbox.iso(state["next_attempt_at"]))
        else:
            outbox.put_state(db, failures=0, next_attempt_at=None, last_error="",
                             last_success_at=outbox.iso(now()))  # fmt: skip
    result["pending"] = outbox.counts(db)["pending"]
    return result


def _knowledge_base(db: Database, client: HubClient, result: dict) -> None:
    """Issue 17: pull the province's live notices, send proposed articles. A hub that does
    not know these routes yet (404) is not a failure of the sync."""
    from supportdesk.core.kb import notices, proposals

    response = client.request("GET", "/api/v1/notices")
    if response.status_code == 200:
        result["notices"] = notices.replace(db, list(client.json(response).get("notices") or []))
    result["proposals_sent"] = proposals.send(db, client)["sent"]


def _send(db: Database, client: HubClient, result: dict, now: Callable[[], float]) -> None:
    """Post due rows in order; a failure of the link or the token ends the round (re-raised)."""
    for row in outbox.due(db):
        sid = row["submission_id"]
        outbox.claim(db, sid, now())
        try:
            outcome = client.post_summary(row["payload"], sid)
        except (Unauthorized, HubUnavailable) as exc:
            outbox.release(db, sid, str(exc), now())
            raise
        result["sent"] += 1
        if outcome.kind == "acked":
            outbox.acked(db, sid, outcome.receipt, now())
            result["acked"] += 1
        elif outcome.kind == "superseded":
            outbox.superseded(db, sid, outcome.reason, now())
            result["superseded"] += 1
        else:
            outbox.rejected(db, sid, outcome.reason, now())
            result["rejected"] += 1
