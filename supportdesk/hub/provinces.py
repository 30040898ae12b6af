"""Which province a commune belongs to, from the shipped list of the 34 provinces and their
3,321 communes (resources/admin-units): a province user sees exactly these communes.

Read here from the resource file rather than through core.admin_units, since the hub imports
from core only the payload and the shared vocabulary (docs/ARCHITECTURE.md)."""

from __future__ import annotations

import functools
import json

from supportdesk.paths import resource


@functools.cache
def _units() -> tuple[dict[str, list[str]], list[dict]]:
    doc = json.loads(resource("admin-units", "admin-units.json").read_text(encoding="utf-8"))
    communes = {p["code"]: [c[0] for c in p["communes"]] for p in doc["provinces"]}
    names = [{"code": p["code"], "name": f"{p['type']} {p['name']}"} for p in doc["provinces"]]
    return communes, names


def communes_of(province: str) -> list[str]:
    return list(_units()[0].get(province, []))


def provinces() -> list[dict]:
    """[{code, name}] of every province, in the list's order."""
    return list(_units()[1])
