"""Convert the upstream admin-units JSON into resources/admin-units/admin-units.json.

Source: thanglequoc/vietnamese-provinces-database, json/ (snapshot 2026-07-25, MIT licence, see
LICENSE). Run from the repository root:

    python packaging/build_admin_units.py /path/to/vn_units_2026-07-25.json

The output keeps only what the app shows and searches: code, name, unit type, English name.
"""

from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "resources" / "admin-units" / "admin-units.json"
SOURCE = "thanglequoc/vietnamese-provinces-database json/ 2026-07-25 (MIT)"


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s).strip()


def convert(upstream: list[dict]) -> dict:
    provinces = []
    for p in sorted(upstream, key=lambda p: p["Code"]):
        communes = [
            [nfc(w["Code"]), nfc(w["Name"]), nfc(w["AdministrativeUnitShortName"]), w["NameEn"]]
            for w in sorted(p["Wards"], key=lambda w: w["Code"])
        ]
        provinces.append(
            {
                "code": nfc(p["Code"]),
                "name": nfc(p["Name"]),
                "type": nfc(p["AdministrativeUnitShortName"]),
                "name_en": p["NameEn"],
                "communes": communes,
            }
        )
    return {
        "format": "supportdesk-admin-units/1",
        "source": SOURCE,
        "commune_columns": ["code", "name", "type", "name_en"],
        "provinces": provinces,
    }


def main(argv: list[str]) -> int:
    upstream = json.loads(Path(argv[1]).read_text(encoding="utf-8"))
    doc = convert(upstream)
    OUT.write_text(json.dumps(doc, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    n = sum(len(p["communes"]) for p in doc["provinces"])
    print(f"{len(doc['provinces'])} provinces, {n} communes -> {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
