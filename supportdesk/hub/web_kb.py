"""The dashboard's part of issue 17, behind the dashboard's login: spikes, live notices and the
articles communes proposed. Every change is a JSON POST carrying the session's CSRF token in
the X-CSRF-Token header (the page has it from the server; another site cannot read it).

Spikes and notices keep to the user's province (issue 15): a province user sees the spikes of
its communes, and posts, sees and retracts its province's notices (the nation's are shown to it,
not retractable); a national user sees the nation's spikes or one province's, and posts for the
nation or for one province. Proposed articles keep to the proposing commune's province the same
way: a province user lists and reviews only its communes' proposals (another's is a 404, as an
unknown id is); a national user sees all, or one province's when it filters. What a review
publishes joins the one national `kb` catalog (hub/kb.py)."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from supportdesk.hub import access, notices, provinces, spikes
from supportdesk.hub import kb as hub_kb
from supportdesk.hub.limits import MAX_BODY, parse_json_object, read_capped
from supportdesk.hub.service import HubError
from supportdesk.hub.storage import Storage

NO_STORE = {"Cache-Control": "no-store"}


def viewed_province(user: access.User, asked: str | None) -> str | None:
    """The province a user looks at: its own, or the one a national user filters on (None:
    the nation), as the dashboard's figures do."""
    if asked is not None and not (len(asked) == 2 and asked.isdigit()):
        raise HubError(422, "invalid", "province must be a 2-digit code")
    return user.province or asked or None


def notice_reach(user: access.User, asked: object) -> str | None:
    """Whom a posted notice is for. Absent: the user's own province, or the nation for a
    national user; "" is the nation. A province user cannot post beyond its province."""
    if asked is None:
        return user.province
    asked = str(asked)[:10]
    if user.national:
        return asked or None
    if asked != user.province:
        raise HubError(403, "forbidden", "a province user posts notices for its own province only")
    return asked


def listed_notices(storage: Storage, user: access.User, viewed: str | None) -> list[dict]:
    found = notices.active(storage, province=notices.EVERY if viewed is None else viewed)
    return [
        n | {"reach": provinces.name_of(n["province"]),
             "retractable": user.national or n["province"] == user.province}
        for n in found
    ]  # fmt: skip


def listed_proposals(storage: Storage, viewed: str | None) -> list[dict]:
    """Pending proposals of the province viewed (None: every commune's), each with its
    province's name so a national user sees where it came from."""
    found = hub_kb.proposals(storage, province=viewed)
    return [p | {"province_name": provinces.name_of(p["province"]) if p["province"] else ""}
            for p in found]  # fmt: skip


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
    async def dashboard_kb(request: Request, province: str | None = None) -> JSONResponse:
        user = (await signed_in(request)).user
        viewed = viewed_province(user, province)

        def gather() -> dict:
            scope = None if viewed is None else provinces.communes_of(viewed)
            return {
                "province": viewed,
                "national": user.national,
                "spikes": spikes.detect(storage, None, scope),
                "notices": listed_notices(storage, user, viewed),
                "proposals": listed_proposals(storage, viewed),
            }

        return JSONResponse(await run_in_threadpool(gather), headers=NO_STORE)

    @app.post("/api/v1/dashboard/notices")
    async def post_notice(request: Request) -> dict:
        user = (await signed_in(request, change=True)).user
        b = await body(request)
        reach = notice_reach(user, b.get("province"))
        return await run_in_threadpool(
            lambda: notices.post(
                storage,
                str(b.get("text", "")),
                until=str(b.get("until", "")),
                topic=str(b.get("topic", "")),
                province=reach,
            )  # fmt: skip
        )

    @app.post("/api/v1/dashboard/notices/{notice_id}/retract")
    async def retract_notice(notice_id: str, request: Request) -> dict:
        user = (await signed_in(request, change=True)).user
        mine = notices.EVERY if user.national else user.province
        if not await run_in_threadpool(
            lambda: notices.retract(storage, notice_id[:64], province=mine)
        ):
            # Unknown, already withdrawn, or not this user's to withdraw: the same answer, so a
            # province user learns nothing of another province's notices.
            raise HubError(404, "not_found", "no active notice with this id that you may retract")
        return {"retracted": True}

    @app.post("/api/v1/dashboard/spikes/notice")
    async def spike_notice(request: Request) -> dict:
        user = (await signed_in(request, change=True)).user
        b = await body(request)
        reach = notice_reach(user, b.get("province"))  # the spike is looked for there too
        return await run_in_threadpool(
            lambda: spikes.notice_for(
                storage,
                str(b.get("category", ""))[:40],
                str(b.get("hour", ""))[:13],
                province=reach,
            )
        )

    @app.post("/api/v1/dashboard/proposals/{proposal_id}/{verdict}")
    async def review_proposal(proposal_id: str, verdict: str, request: Request) -> dict:
        user = (await signed_in(request, change=True)).user
        if verdict not in ("publish", "reject"):
            raise HubError(404, "not_found", "verdict must be publish or reject")
        b = await body(request)
        edits = b.get("article") if isinstance(b.get("article"), dict) else {}
        return await run_in_threadpool(
            lambda: hub_kb.review(
                storage, proposal_id[:64], publish=verdict == "publish", edits=edits,
                province=user.province,  # None: a national user reviews any province's
            )
        )  # fmt: skip
