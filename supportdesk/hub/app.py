"""The hub's HTTP API (docs/ARCHITECTURE.md, "A sync") and the dashboard, on FastAPI.

Handlers only translate between HTTP and hub.service; storage work runs in the thread pool so a
slow commit never stalls the event loop. Every answer that is not a success is JSON with
`error` and `message` and a 4xx status: the hub answers malformed input, never crashes on it."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from supportdesk import __version__
from supportdesk.core.errors import UserError
from supportdesk.hub import kb as hub_kb
from supportdesk.hub import notices, provinces, service, throttle, web, web_kb
from supportdesk.hub.limits import MAX_BODY, parse_json_object, read_capped
from supportdesk.hub.service import HubError
from supportdesk.hub.storage import Storage

STATIC = Path(__file__).parent / "static"


def _error(status: int, code: str, message: str, headers: dict | None = None) -> JSONResponse:
    return JSONResponse({"error": code, "message": message}, status_code=status, headers=headers)


def add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(HubError)
    async def hub_error(_request: Request, exc: HubError) -> JSONResponse:
        headers = {}
        if "retry_after" in exc.extra:
            headers["Retry-After"] = str(exc.extra["retry_after"])
        return JSONResponse(exc.body(), status_code=exc.status, headers=headers)

    @app.exception_handler(UserError)
    async def user_error(_request: Request, exc: UserError) -> JSONResponse:
        # A core rule refused the input (docs/ARCHITECTURE.md, "Errors"): the client's fault.
        return _error(400, "refused", str(exc))

    @app.exception_handler(RequestValidationError)
    async def invalid_request(_request: Request, exc: RequestValidationError) -> JSONResponse:
        where = "; ".join(".".join(map(str, e.get("loc", ()))) for e in exc.errors()[:5])
        return _error(422, "invalid", f"invalid request parameters: {where}")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        return _error(exc.status_code, code, str(exc.detail), getattr(exc, "headers", None))


def client_address(request: Request) -> str:
    # Behind a reverse proxy, uvicorn's --proxy-headers puts the real client here.
    return request.client.host if request.client else "unknown"


def create_app(storage: Storage, *, max_body: int = MAX_BODY) -> FastAPI:
    app = FastAPI(title="SupportDesk hub", version=__version__, docs_url=None, redoc_url=None)
    app.state.storage = storage
    add_error_handlers(app)

    async def json_body(request: Request) -> dict:
        return parse_json_object(await read_capped(request, max_body))

    async def commune(request: Request) -> service.Commune:
        auth = request.headers.get("authorization")
        return await run_in_threadpool(service.authenticate, storage, auth)

    @app.get("/api/v1/ping")
    async def ping() -> dict:
        return {"ok": True, "service": "supportdesk-hub", "version": __version__}

    @app.post("/api/v1/enroll")
    async def enroll(request: Request) -> dict:
        address = client_address(request)
        await run_in_threadpool(throttle.check, storage, address)
        body = await json_body(request)
        fields = {k: body.get(k, "") for k in ("code", "install_id", "commune_code")}
        if not all(isinstance(v, str) and len(v) <= 100 for v in fields.values()):
            raise HubError(422, "invalid", "code, install_id and commune_code are short strings")
        try:
            answer = await run_in_threadpool(
                service.enroll, storage, fields["code"], fields["install_id"],
                fields["commune_code"],
            )  # fmt: skip
        except HubError as exc:
            if exc.status == 403:
                await run_in_threadpool(throttle.failed, storage, address)
            raise
        await run_in_threadpool(throttle.succeeded, storage, address)
        return answer

    @app.post("/api/v1/summaries")
    async def post_summary(request: Request) -> dict:
        auth = request.headers.get("authorization")
        body = await json_body(request)
        key = request.headers.get("idempotency-key")
        if key and key != body.get("submission_id"):
            raise HubError(400, "bad_key", "Idempotency-Key must equal submission_id")

        def authenticated_ingest() -> dict:  # one trip to the thread pool per request
            with storage.connection():  # and one pooled connection
                return service.ingest_authorized(storage, auth, body)

        # A ready response skips FastAPI's generic encoder: the receipt is plain JSON already.
        return JSONResponse(await run_in_threadpool(authenticated_ingest))

    @app.get("/api/v1/summaries")
    async def list_summaries(request: Request) -> dict:
        who = await commune(request)
        items = await run_in_threadpool(service.submissions_of, storage, who)
        return {"commune_code": who.code, "items": items}

    @app.get("/api/v1/catalogs")
    async def catalogs(request: Request) -> dict:
        await commune(request)
        return {"catalogs": await run_in_threadpool(service.catalog_list, storage)}

    @app.get("/api/v1/catalogs/{name}")
    async def catalog(name: str, request: Request) -> Response:
        await commune(request)
        version, digest, body = await run_in_threadpool(service.catalog_body, storage, name)
        etag = f'"{digest}"'
        headers = {"ETag": etag, "X-Catalog-Version": version}
        if etag in request.headers.get("if-none-match", ""):
            return Response(status_code=304, headers=headers)
        return Response(body, media_type="application/json", headers=headers)

    # Issue 17: the province's live notices, and articles a commune proposes.
    @app.get("/api/v1/notices")
    async def active_notices(request: Request) -> dict:
        who = await commune(request)
        # The nation's notices and those of the commune's own province (issue 15): the token
        # says which commune asks, and the shipped list which province it is in.
        reach = provinces.province_of(who.code)
        return {"notices": await run_in_threadpool(notices.active, storage, province=reach)}

    @app.post("/api/v1/kb/proposals")
    async def propose(request: Request) -> dict:
        who = await commune(request)
        body = await json_body(request)
        return await run_in_threadpool(hub_kb.receive_proposal, storage, who, body)

    web.add_routes(app, storage)
    web_kb.add_routes(app, storage)
    return app
