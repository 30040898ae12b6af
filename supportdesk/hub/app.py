"""The hub's HTTP API (docs/ARCHITECTURE.md, "A sync") and the province dashboard, on FastAPI.

Handlers only translate between HTTP and hub.service; storage work runs in the thread pool so a
slow commit never stalls the event loop."""

from __future__ import annotations

import json
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, JSONResponse, Response
from starlette.concurrency import run_in_threadpool

from supportdesk import __version__
from supportdesk.hub import dashboard, service
from supportdesk.hub.service import HubError
from supportdesk.hub.storage import Storage

MAX_BODY = 1_000_000  # a month's summary is a few KB; anything near this is a mistake
STATIC = Path(__file__).parent / "static"


def create_app(storage: Storage, *, max_body: int = MAX_BODY) -> FastAPI:
    app = FastAPI(title="SupportDesk hub", version=__version__, docs_url=None, redoc_url=None)
    app.state.storage = storage

    @app.exception_handler(HubError)
    async def hub_error(_request: Request, exc: HubError) -> JSONResponse:
        return JSONResponse(exc.body(), status_code=exc.status)

    async def json_body(request: Request) -> dict:
        declared = request.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > max_body:
            raise HubError(413, "too_large", f"body over {max_body} bytes")
        raw = await request.body()
        if len(raw) > max_body:
            raise HubError(413, "too_large", f"body over {max_body} bytes")
        try:
            body = json.loads(raw)
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise HubError(400, "bad_json", f"body is not JSON: {exc}") from exc
        if not isinstance(body, dict):
            raise HubError(400, "bad_json", "body must be a JSON object")
        return body

    async def commune(request: Request) -> service.Commune:
        auth = request.headers.get("authorization")
        return await run_in_threadpool(service.authenticate, storage, auth)

    @app.get("/api/v1/ping")
    async def ping() -> dict:
        return {"ok": True, "service": "supportdesk-hub", "version": __version__}

    @app.post("/api/v1/enroll")
    async def enroll(request: Request) -> dict:
        body = await json_body(request)
        return await run_in_threadpool(
            service.enroll,
            storage,
            str(body.get("code", "")),
            str(body.get("install_id", "")),
            str(body.get("commune_code", "")),
        )

    @app.post("/api/v1/summaries")
    async def post_summary(request: Request) -> dict:
        auth = request.headers.get("authorization")
        body = await json_body(request)
        key = request.headers.get("idempotency-key")
        if key and key != body.get("submission_id"):
            raise HubError(400, "bad_key", "Idempotency-Key must equal submission_id")

        def authenticated_ingest() -> dict:  # one trip to the thread pool per request
            return service.ingest(storage, service.authenticate(storage, auth), body)

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

    @app.get("/api/v1/dashboard")
    async def dashboard_data(period: str | None = None, type: str | None = None) -> dict:
        return await run_in_threadpool(dashboard.view, storage, type, period)

    @app.get("/")
    async def dashboard_page() -> FileResponse:
        return FileResponse(STATIC / "dashboard.html", media_type="text/html; charset=utf-8")

    return app


def serve(url: str, host: str = "127.0.0.1", port: int = 8765, access_log: bool = False) -> None:
    """Serve the hub. A line per request costs about 40% of the throughput under load, so the
    access log is opt-in; errors and start-up are logged either way."""
    import uvicorn

    uvicorn.run(
        create_app(Storage(url)),
        host=host,
        port=port,
        log_level="info",
        access_log=access_log,
    )
