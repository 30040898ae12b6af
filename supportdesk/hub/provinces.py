"""Which province a commune belongs to, from the shipped list of the 34 provinces and their
3,321 communes (resources/admin-units): a province user sees exactly these communes, and a
commune's desk receives the notices of its province.

Read here from the resource file rather than through core.admin_units, since the hub imports
from core only the payload and the shared vocabulary (docs/ARCHITECTURE.md)."""

from __future__ import annotations

import functools
import json

from supportdesk.paths import resource


@functools.cache
def _units() -> tuple[dict[str, list[str]], list[dict], dict[str, str]]:
    doc = json.loads(resource("admin-units", "admin-units.json").read_text(encoding="utf-8"))
    communes = {p["code"]: [c[0] for c in p["communes"]] for p in doc["provinces"]}
    names = [{"code": p["code"], "name": f"{p['type']} {p['name']}"} for p in doc["provinces"]]
    owner = {c: p for p, codes in communes.items() for c in codes}
    return communes, names, owner


def communes_of(province: str) -> list[str]:
    return list(_units()[0].get(province, []))


def province_of(commune: str) -> str | None:
    """The province code of a commune code; None for a code not in the shipped list."""
    return _units()[2].get(commune)


def known(province: str) -> bool:
    return province in _units()[0]


def name_of(province: str | None) -> str:
    """How the dashboard names a notice's reach: the province's name, or the whole country."""
    if province is None:
        return "toàn quốc"
    return next((p["name"] for p in _units()[1] if p["code"] == province), f"tỉnh {province}")


def provinces() -> list[dict]:
    """[{code, name}] of every province, in the list's order."""
    return list(_units()[1])
