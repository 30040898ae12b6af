"""Provinces and commune-level units of Vietnam (34 + 3,321 after the 2025 reform).

Loaded from the shipped resources/admin-units/admin-units.json; searched without accents."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path

from supportdesk.core import text


@dataclass(frozen=True)
class Unit:
    code: str
    name: str  # "Ba Đình"
    type: str  # "Phường", "Xã", "Đặc khu", "Tỉnh", "Thành phố"
    province_code: str
    province_name: str

    @property
    def full_name(self) -> str:
        return f"{self.type} {self.name}"

    @property
    def label(self) -> str:
        """What a list shows: "Phường Ba Đình — Hà Nội"; a province shows its full name."""
        if self.code == self.province_code:
            return self.full_name
        return f"{self.full_name} — {self.province_name}"


class AdminUnits:
    """The units of one admin-units file, with folded keys for search as you type."""

    def __init__(self, doc: dict):
        self.provinces: list[Unit] = []
        self.communes: list[Unit] = []
        for p in doc["provinces"]:
            self.provinces.append(Unit(p["code"], p["name"], p["type"], p["code"], p["name"]))
            for code, name, kind, _name_en in p["communes"]:
                self.communes.append(Unit(code, name, kind, p["code"], p["name"]))
        self._by_code = {u.code: u for u in self.communes}
        self._province = {u.code: u for u in self.provinces}
        self._keys = [text.fold(f"{u.full_name} {u.province_name}") for u in self.communes]
        self._names = [text.fold(u.name) for u in self.communes]

    @classmethod
    def load(cls, path: Path | str) -> AdminUnits:
        return cls(json.loads(Path(path).read_text(encoding="utf-8")))

    @classmethod
    @functools.cache
    def shipped(cls) -> AdminUnits:
        from supportdesk.paths import resource

        return cls.load(resource("admin-units", "admin-units.json"))

    def province(self, code: str) -> Unit | None:
        return self._province.get(code)

    def commune(self, code: str) -> Unit | None:
        return self._by_code.get(code)

    def communes_of(self, province_code: str) -> list[Unit]:
        return [u for u in self.communes if u.province_code == province_code]

    def search(self, query: str, province_code: str | None = None, limit: int = 50) -> list[Unit]:
        """Communes whose name (with type and province) holds every word typed, accents ignored.

        Names that start with the query come first ("an" finds "An Khánh" before "Bình An")."""
        words = text.fold(query).split()
        found: list[tuple[int, int, Unit]] = []
        for i, unit in enumerate(self.communes):
            if province_code and unit.province_code != province_code:
                continue
            key = self._keys[i]
            if all(w in key for w in words):
                name = self._names[i]
                rank = 0 if words and name.startswith(" ".join(words)) else 1
                found.append((rank, i, unit))
        found.sort(key=lambda t: (t[0], t[1]))
        return [u for _, _, u in found[:limit]] if limit else [u for _, _, u in found]
