"""The dashboard's part of issue 17, behind the dashboard's login: spikes, live notices and the
articles communes proposed. Every change is a JSON POST carrying the session's CSRF token in
the X-CSRF-Token header (the page has it from the server; another site cannot read it)."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from supportdesk.hub import access, notices, spikes
from supportdesk.hub import kb as hub_kb
from supportdesk.hub.limits import MAX_BODY, parse_json_object, read_capped
from supportdesk.hub.service import HubError
from supportdesk.hub.storage import Storage

NO_STORE = {"Cache-Control": "no-store"}


def add_routes(app: FastAPI, storage: Storage) -> None:
    async def signed_in(request: Request, *, change: bool = False) -> access.Session:
        token = request.cookies.get(access.COOKIE)
        session = await run_in_threadpool(access.session, storage, token)
        if session is None:
            raise HubError(401, "login_required", "log in to the dashboard first")
        if change and not access.csrf_ok(session, request.headers.get("x-csrf-token")):
            raise HubError(403, "csrf", "the page is stale or the request came from another site")
        return session

    async def body(request: Request) -> dict:
        raw = await read_capped(request, MAX_BODY)
        return parse_json_object(raw) if raw.strip() else {}

    @app.get("/api/v1/dashboard/kb")
    async def dashboard_kb(request: Request) -> JSONResponse:
        await signed_in(request)

        def gather() -> dict:
            return {
                "spikes": spikes.detect(storage),
                "notices": notices.active(storage),
                "proposals": hub_kb.proposals(storage),
            }

        return JSONResponse(await run_in_threadpool(gather), headers=NO_STORE)

    @app.post("/api/v1/dashboard/notices")
    async def post_notice(request: Request) -> dict:
        await signed_in(request, change=True)
        b = await body(request)
        return await run_in_threadpool(
            lambda: notices.post(
                storage,
                str(b.get("text", "")),
                until=str(b.get("until", "")),
                topic=str(b.get("topic", "")),
            )  # fmt: skip
        )

    @app.post("/api/v1/dashboard/notices/{notice_id}/retract")
    async def retract_notice(notice_id: str, request: Request) -> dict:
        await signed_in(request, change=True)
        return {"retracted": await run_in_threadpool(notices.retract, storage, notice_id)}

    @app.post("/api/v1/dashboard/spikes/notice")
    async def spike_notice(request: Request) -> dict:
        await signed_in(request, change=True)
        b = await body(request)
        return await run_in_threadpool(
            spikes.notice_for, storage, str(b.get("category", ""))[:40], str(b.get("hour", ""))[:13]
        )

    @app.post("/api/v1/dashboard/proposals/{proposal_id}/{verdict}")
    async def review_proposal(proposal_id: str, verdict: str, request: Request) -> dict:
        await signed_in(request, change=True)
        if verdict not in ("publish", "reject"):
            raise HubError(404, "not_found", "verdict must be publish or reject")
        b = await body(request)
        edits = b.get("article") if isinstance(b.get("article"), dict) else {}
        return await run_in_threadpool(
            lambda: hub_kb.review(storage, proposal_id, publish=verdict == "publish", edits=edits)
        )
