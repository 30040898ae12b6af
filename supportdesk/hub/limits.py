"""Reading a request body without trusting it: capped while it streams, then parsed strictly.

The cap is applied to the bytes as they arrive (a chunked body has no Content-Length to check
up front), before any JSON parsing or token lookup, so a 100 MB body costs the hub at most the
cap in memory. Every way a body can be malformed becomes a HubError with a 4xx status."""

from __future__ import annotations

import json
from typing import Any

from starlette.requests import ClientDisconnect, Request

from supportdesk.hub.service import HubError

MAX_BODY = 1_000_000  # a month's summary is a few KB; anything near this is a mistake
MAX_FORM = 8_000


async def read_capped(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length", "")
    if declared.strip().isdigit() and int(declared) > limit:
        raise HubError(413, "too_large", f"body over {limit} bytes")
    chunks, size = [], 0
    try:
        async for chunk in request.stream():
            size += len(chunk)
            if size > limit:
                raise HubError(413, "too_large", f"body over {limit} bytes")
            chunks.append(chunk)
    except ClientDisconnect:
        raise HubError(400, "incomplete", "the client went away before the body ended") from None
    return b"".join(chunks)


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def parse_json_object(raw: bytes) -> dict:
    """A JSON object from bytes, or a 400 saying why not.

    Refused: bytes that are not UTF-8, NaN/Infinity, numbers longer than Python converts
    (ValueError), nesting deeper than the parser's recursion allows, and lone surrogates
    (`"\\ud800"` parses but can be neither stored nor hashed as UTF-8)."""
    try:
        text = raw.decode("utf-8")
        value = json.loads(text, parse_constant=_no_constant)
    except UnicodeDecodeError as exc:
        raise HubError(400, "bad_json", f"body is not UTF-8: {exc.reason}") from None
    except RecursionError:
        raise HubError(400, "bad_json", "body is nested too deeply") from None
    except ValueError as exc:  # JSONDecodeError, over-long integers, NaN
        raise HubError(400, "bad_json", f"body is not JSON: {str(exc)[:200]}") from None
    if not isinstance(value, dict):
        raise HubError(400, "bad_json", "body must be a JSON object")
    if "\\ud" in text.lower():
        try:
            json.dumps(value, ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError:
            raise HubError(400, "bad_json", "body holds a lone surrogate (not Unicode)") from None
    return value
