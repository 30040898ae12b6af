"""Catalogs flowing down from the hub: conditional fetch, hash check, staging, one-step swap.

A catalog is applied with the same importer a person uses for a file (so the rules are the
same), inside one transaction together with the swap of the `sync_catalogs` slots: either the
new version is fully in place and recorded as current, or nothing changed. The previous
version's bytes stay in the `previous` slot."""

from __future__ import annotations

import hashlib
import importlib
import os
import tempfile
import time
from pathlib import Path

from sqlite_utils import Database

from supportdesk.core.sync import outbox

# Catalog name → importer taking (db, path) and returning an ImportReport-like object.
LOADERS = {
    "procedures": "supportdesk.core.directory.agencies:import_catalog",
    "contacts": "supportdesk.core.directory.files:import_file",
}


class CatalogRejected(Exception):
    pass


def _loader(name: str):
    spec = LOADERS.get(name)
    if spec is None:
        return None
    module, func = spec.split(":")
    try:
        return getattr(importlib.import_module(module), func)
    except (ImportError, AttributeError):
        return None


def current(db: Database, name: str) -> dict | None:
    row = db.execute(
        "SELECT version, sha256 FROM sync_catalogs WHERE name = ? AND slot = 'current'", [name]
    ).fetchone()
    return {"version": row[0], "sha256": row[1]} if row else None


def pull(db: Database, client, now: float | None = None) -> tuple[list[dict], list[str]]:
    """Fetch and install every listed catalog that changed; (installed, problems).

    Network failures propagate (the caller backs off); a bad catalog is a problem reported
    here and the installed version stays."""
    now = time.time() if now is None else now
    listing = client.json(client.request("GET", "/api/v1/catalogs")).get("catalogs", [])
    installed, problems = [], []
    for entry in listing:
        name, digest = str(entry.get("name", "")), str(entry.get("sha256", ""))
        load = _loader(name)
        if load is None:
            continue
        mine = current(db, name)
        headers = {"If-None-Match": f'"{mine["sha256"]}"'} if mine else {}
        response = client.request("GET", f"/api/v1/catalogs/{name}", headers=headers)
        if response.status_code == 304:
            continue
        body = response.content
        version = response.headers.get("X-Catalog-Version") or str(entry.get("version", ""))
        try:
            if response.status_code != 200:
                raise CatalogRejected(f"máy chủ tỉnh trả lời {response.status_code}")
            install(db, name, version, body, expected_sha256=digest, load=load, now=now)
        except CatalogRejected as exc:
            problems.append(f"{name}: {exc}")
            continue
        installed.append({"name": name, "version": version})
    return installed, problems


def install(
    db: Database,
    name: str,
    version: str,
    body: bytes,
    *,
    expected_sha256: str,
    load=None,
    now: float | None = None,
) -> None:
    """Check, stage and swap in one catalog version; raises CatalogRejected and keeps the old."""
    load = load or _loader(name)
    digest = hashlib.sha256(body).hexdigest()
    if digest != expected_sha256:
        raise CatalogRejected(f"mã băm không khớp ({digest[:12]}… ≠ {expected_sha256[:12]}…)")
    stamp = outbox.iso(time.time() if now is None else now)
    fd, tmp = tempfile.mkstemp(suffix=".json", prefix=f"catalog-{name}-")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(body)
        with db.atomic():
            db["sync_catalogs"].upsert(
                {"name": name, "slot": "staging", "version": version, "sha256": digest,
                 "body": body, "installed_at": stamp},
                pk=("name", "slot"),
            )  # fmt: skip
            try:
                report = load(db, Path(tmp))
            except Exception as exc:  # noqa: BLE001 — any importer failure keeps the old catalog
                raise CatalogRejected(f"không nhập được: {exc}") from exc
            if getattr(report, "rejected", None):
                first = report.rejected[0]
                raise CatalogRejected(f"dòng {first['row']}: {first['reason']}")
            db.execute("DELETE FROM sync_catalogs WHERE name = ? AND slot = 'previous'", [name])
            db.execute(
                "UPDATE sync_catalogs SET slot = 'previous' WHERE name = ? AND slot = 'current'",
                [name],
            )
            db.execute(
                "UPDATE sync_catalogs SET slot = 'current' WHERE name = ? AND slot = 'staging'",
                [name],
            )
    finally:
        os.unlink(tmp)
