"""The dashboard's pages and API behind a login (supportdesk.hub.access).

`/login` shows a form whose CSRF token is bound to a pre-login cookie (double submit), so a
foreign site cannot log a browser into someone else's account; after login every state-changing
form (logout) carries the session's own CSRF token. Cookies are HttpOnly, SameSite=Strict, and
Secure whenever the request arrived over TLS (directly or, with --proxy-headers, via a proxy)."""

from __future__ import annotations

import html
import secrets
from pathlib import Path
from urllib.parse import parse_qs

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from supportdesk.hub import access, dashboard, provinces, throttle
from supportdesk.hub.limits import MAX_FORM, read_capped
from supportdesk.hub.service import HubError
from supportdesk.hub.storage import Storage

STATIC = Path(__file__).parent / "static"
LOGIN_CSRF = "sd_login_csrf"
PAGE_HEADERS = {
    "Cache-Control": "no-store",
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}


def _cookie(response: Response, request: Request, name: str, value: str, max_age: int) -> None:
    response.set_cookie(
        name, value, max_age=max_age, httponly=True, samesite="strict",
        secure=request.url.scheme == "https", path="/",
    )  # fmt: skip


async def _form(request: Request) -> dict[str, str]:
    raw = await read_capped(request, MAX_FORM)
    try:
        fields = parse_qs(raw.decode("utf-8"), max_num_fields=10, strict_parsing=False)
    except (UnicodeDecodeError, ValueError):
        raise HubError(400, "bad_form", "the form is not valid UTF-8 form data") from None
    return {k: v[0] for k, v in fields.items()}


def _page(name: str, **values: str) -> HTMLResponse:
    text = (STATIC / name).read_text(encoding="utf-8")
    for key, value in values.items():
        text = text.replace("{{" + key + "}}", html.escape(value, quote=True))
    return HTMLResponse(text, headers=PAGE_HEADERS)


def communes_in_scope(user: access.User, province: str | None) -> list[str] | None:
    """Codes a user may see: their province's communes, or all (None) for a national user,
    or one province's when a national user filters."""
    wanted = user.province or province or None
    return None if wanted is None else provinces.communes_of(wanted)


def add_routes(app: FastAPI, storage: Storage) -> None:
    async def current(request: Request) -> access.Session | None:
        token = request.cookies.get(access.COOKIE)
        return await run_in_threadpool(access.session, storage, token)

    @app.get("/login", include_in_schema=False)
    async def login_page(request: Request, failed: int = 0) -> Response:
        token = secrets.token_urlsafe(24)
        message = "Tên đăng nhập hoặc mật khẩu không đúng." if failed else ""
        response = _page("login.html", csrf=token, message=message)
        _cookie(response, request, LOGIN_CSRF, token, 3600)
        return response

    @app.post("/login", include_in_schema=False)
    async def login(request: Request) -> Response:
        # Wrong passwords count like wrong enrollment codes: a few, then a lockout.
        address = "login:" + (request.client.host if request.client else "unknown")
        await run_in_threadpool(throttle.check, storage, address)
        form = await _form(request)
        expected = request.cookies.get(LOGIN_CSRF, "")
        if not expected or not secrets.compare_digest(expected, form.get("csrf", "")):
            raise HubError(403, "csrf", "the form is stale or came from another site; reload it")
        try:
            token, _session = await run_in_threadpool(
                access.login, storage, form.get("name", "")[:64], form.get("password", "")[:256]
            )
        except HubError as exc:
            if exc.status == 401:
                await run_in_threadpool(throttle.failed, storage, address)
                return RedirectResponse("/login?failed=1", status_code=303)
            raise
        await run_in_threadpool(throttle.succeeded, storage, address)
        response = RedirectResponse("/", status_code=303)
        _cookie(response, request, access.COOKIE, token, access.SESSION_HOURS * 3600)
        response.delete_cookie(LOGIN_CSRF, path="/")
        return response

    @app.post("/logout", include_in_schema=False)
    async def logout(request: Request) -> Response:
        session = await current(request)
        form = await _form(request)
        if session is None or not access.csrf_ok(session, form.get("csrf")):
            raise HubError(403, "csrf", "not logged in, or the form came from another site")
        await run_in_threadpool(access.logout, storage, request.cookies.get(access.COOKIE))
        response = RedirectResponse("/login", status_code=303)
        response.delete_cookie(access.COOKIE, path="/")
        return response

    @app.get("/", include_in_schema=False)
    async def dashboard_page(request: Request) -> Response:
        session = await current(request)
        if session is None:
            return RedirectResponse("/login", status_code=303)
        scope = "toàn quốc" if session.user.national else f"tỉnh {session.user.province}"
        return _page("dashboard.html", csrf=session.csrf, user=session.user.name, scope=scope)

    @app.get("/api/v1/dashboard")
    async def dashboard_data(
        request: Request,
        period: str | None = None,
        type: str | None = None,
        province: str | None = None,
    ) -> JSONResponse:
        session = await current(request)
        if session is None:
            raise HubError(401, "login_required", "log in to the dashboard first")
        if (
            period is not None
            and len(period) > 10
            or type not in (None, "month", "week", "quarter")
        ):
            raise HubError(422, "invalid", "unknown period or period type")
        if province is not None and not (len(province) == 2 and province.isdigit()):
            raise HubError(422, "invalid", "province must be a 2-digit code")
        user = session.user
        codes = communes_in_scope(user, province)
        data = await run_in_threadpool(dashboard.view, storage, type, period, codes)
        data["user"] = {"name": user.name, "province": user.province}
        data["provinces"] = provinces.provinces() if user.national else []
        data["province"] = user.province or province
        return JSONResponse(data, headers={"Cache-Control": "no-store"})
