"""Refresh the translation sources from the code and build the .qm files.

    python packaging/build_translations.py

pyside6-lupdate collects every tr()/translate() string of supportdesk/ui, and the labels of
core/vocab.py (marked with QT_TRANSLATE_NOOP), into supportdesk_en.ts,
keeping translations already made; translate new entries there (Qt Linguist or a text editor),
then run this again to build supportdesk_en.qm. qt_vi.ts is written by hand: Vietnamese for the
few texts of Qt's own widgets (standard buttons, the text-field context menu)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HERE = ROOT / "resources" / "i18n"


def tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).with_name(name))
    return found


def main() -> int:
    sources = sorted(str(p) for p in (ROOT / "supportdesk" / "ui").glob("*.py"))
    sources.append(str(ROOT / "supportdesk" / "core" / "vocab.py"))
    ts = HERE / "supportdesk_en.ts"
    subprocess.run(
        [tool("pyside6-lupdate"), *sources, "-source-language", "vi", "-target-language", "en",
         "-no-obsolete", "-locations", "none", "-ts", str(ts)],
        check=True,
    )  # fmt: skip
    for name in ("supportdesk_en", "qt_vi"):
        subprocess.run(
            [tool("pyside6-lrelease"), str(HERE / f"{name}.ts"), "-qm", str(HERE / f"{name}.qm")],
            check=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
