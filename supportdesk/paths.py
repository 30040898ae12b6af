"""Where SupportDesk keeps its data and finds its shipped resources."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "SupportDesk"
ENV_DATA_DIR = "SUPPORTDESK_DATA_DIR"
STORE_FILE = "supportdesk.db"


def data_dir(explicit: str | os.PathLike | None = None) -> Path:
    """The data directory: --data-dir, else $SUPPORTDESK_DATA_DIR, else the user data dir."""
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir  # imported lazily: it is only needed here

    return Path(user_data_dir(APP_NAME, appauthor=False))


def store_path(directory: Path) -> Path:
    return directory / STORE_FILE


def _resource_roots() -> list[Path]:
    here = Path(__file__).resolve().parent
    roots = []
    bundle = getattr(sys, "_MEIPASS", None)  # PyInstaller one-folder bundle
    if bundle:
        roots += [Path(bundle) / "resources", Path(bundle) / "supportdesk" / "resources"]
    roots.append(here / "resources")  # installed wheel (force-included)
    roots.append(here.parent / "resources")  # source checkout
    return roots


def resource(*parts: str) -> Path:
    """Path of a shipped resource, from a checkout, an installed wheel or a PyInstaller bundle."""
    for root in _resource_roots():
        candidate = root.joinpath(*parts)
        if candidate.exists():
            return candidate
    tried = ", ".join(str(r) for r in _resource_roots())
    raise FileNotFoundError(f"resource {'/'.join(parts)} not found (looked in {tried})")
