"""A desk's team endpoint: plain HTTP on the office LAN, every body sealed with the team key.

`POST /team/v1/join` (pairing, sealed with the one-time code), `POST /team/v1/pull` (the items
the caller lacks, by its version vector) and `POST /team/v1/push` (items for us). Each request
opens its own store connection; a page is applied in one short transaction, so the person at
the counter waits at most one page for a save."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from supportdesk import paths
from supportdesk.core.team import feed, membership, merge, pairing, records, wire
from supportdesk.core.team.kinds import MergeError
from supportdesk.core.team.membership import TeamError

MAX_BODY = 64 * 1024 * 1024


def _connect(store: Path):
    from supportdesk.core.store import connect

    return connect(store)


def pull(db, asked: dict) -> dict:
    limit = max(1, min(int(asked.get("limit") or feed.PAGE), 5000))
    known = {str(k): int(v) for k, v in (asked.get("vector") or {}).items()}
    records.capture(db)  # articles edited here since they last travelled
    items = feed.items_since(db, known, limit + 1)
    return {
        "desk_id": membership.desk_id(db),
        "mark": membership.desk_mark(db),
        "items": items[:limit],
        "more": len(items) > limit,
        "vector": feed.vector(db),
    }


def push(db, asked: dict) -> dict:
    applied = merge.apply_page(db, list(asked.get("items") or []))
    return {"applied": applied, "vector": feed.vector(db)}


class _Handler(BaseHTTPRequestHandler):
    server_version = "SupportDeskTeam/1"
    store: Path  # set on the subclass made per server

    def log_message(self, format, *args):  # noqa: A002 — quiet: the counter PC has no console
        pass

    def do_POST(self):  # noqa: N802 — http.server's name
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            return self._reply(413, {"error": "quá lớn"})
        body = self.rfile.read(length)
        routes = {"/team/v1/join": self._join, "/team/v1/pull": self._sealed(pull),
                  "/team/v1/push": self._sealed(push)}  # fmt: skip
        handler = routes.get(self.path)
        if handler is None:
            return self._reply(404, {"error": "không có"})
        db = _connect(self.store)
        try:
            handler(db, body)
        except TeamError as exc:
            self._reply(403, {"error": str(exc)})
        except (MergeError, wire.WireError, ValueError, KeyError, TypeError) as exc:
            self._reply(400, {"error": str(exc)})
        finally:
            db.close()

    def _join(self, db, body: bytes) -> None:
        asked = json.loads(body or b"{}")
        self._reply(200, pairing.answer(db, asked, self.client_address[0]))

    def _sealed(self, action):
        def run(db, body: bytes) -> None:
            team = membership.team(db)
            if not team:
                raise TeamError("máy này chưa vào nhóm nào")
            if self.headers.get("X-Team") != team["team_id"]:
                raise TeamError("máy này thuộc một nhóm khác")
            key = bytes.fromhex(team["key"])
            asked = wire.unseal(key, body)
            sealed = wire.seal(key, action(db, asked))
            self.send_response(200)
            self.send_header("Content-Type", "application/octet-stream")
            self.send_header("Content-Length", str(len(sealed)))
            self.end_headers()
            self.wfile.write(sealed)

        return run

    def _reply(self, status: int, value: dict) -> None:
        data = json.dumps(value, ensure_ascii=False).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


class TeamServer:
    """The endpoint of one data dir; `serve_forever()` in the foreground or `start()` a thread."""

    def __init__(
        self, data_dir: Path | str, host: str = "0.0.0.0", port: int = pairing.DEFAULT_PORT
    ):
        handler = type("Handler", (_Handler,), {"store": paths.store_path(Path(data_dir))})
        self.httpd = ThreadingHTTPServer((host, int(port)), handler)
        self.httpd.daemon_threads = True
        self.thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        return self.httpd.server_address[1]

    def serve_forever(self) -> None:
        self.httpd.serve_forever()

    def start(self) -> TeamServer:
        self.thread = threading.Thread(target=self.serve_forever, name="team-server", daemon=True)
        self.thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        if self.thread is not None:
            self.thread.join(timeout=5)
