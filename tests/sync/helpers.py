"""Small pieces the sync tests share: a fake clock, a client through the proxy, queueing."""

from __future__ import annotations

from supportdesk.core.sync import outbox
from supportdesk.core.sync.client import HubClient
from tests.hub.kit import summary


class Clock:
    """Time that moves only when a test moves it."""

    def __init__(self, t: float = 1_790_000_000.0):
        self.t = t

    def __call__(self) -> float:
        return self.t

    def advance(self, seconds: float) -> None:
        self.t += seconds


def client(url: str, token: str, clock=None, read_timeout: float = 5.0) -> HubClient:
    return HubClient(url, token, timeout=(2.0, read_timeout), clock=clock or Clock())


def queue(db, period: str = "2026-11", **kw) -> dict:
    row = outbox.enqueue(
        db, summary(period, **kw), commune_code="00001", install_id="install-1", app_version="t"
    )
    assert row is not None
    return row


def hub_latest(storage, code: str = "00001") -> dict[str, int]:
    with storage.tx(write=False) as db:
        rows = db.all("SELECT period_id, revision FROM latest WHERE commune_code = ?", [code])
    return dict(rows)


def hub_rows(storage) -> int:
    with storage.tx(write=False) as db:
        return db.one("SELECT count(*) FROM submissions")[0]
