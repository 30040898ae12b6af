"""Catalogs flowing down from the hub: conditional fetch, hash check, staging, one-step swap.

A catalog is applied with the same importer a person uses for a file (so the rules are the
same), inside one transaction together with the swap of the `sync_catalogs` slots: either the
new version is fully in place and recorded as current, or nothing changed. The previous
version's bytes stay in the `previous` slot."""

from __future__ import annotations

import hashlib
import importlib
import os
import re
import tempfile
import time
from pathlib import Path

import requests
from sqlite_utils import Database

from supportdesk.core.sync import outbox
from supportdesk.core.sync.client import HubUnavailable

HARD_LIMIT = 64 * 1024 * 1024  # no catalog is near this; the size in the listing is held to
NAME = re.compile(r"^[a-z][a-z0-9_-]{0,39}$")
SHA256 = re.compile(r"^[0-9a-f]{64}$")
# Catalog name → importer taking (db, path) and returning an ImportReport-like object.
LOADERS = {
    "kb": "supportdesk.core.kb.files:import_province",
    "procedures": "supportdesk.core.directory.agencies:import_catalog",
    "contacts": "supportdesk.core.directory.files:import_province",
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


def listing_entries(listing: object) -> tuple[list[dict], list[str]]:
    """The well-formed entries of a hub's catalog listing, and a problem for each other one.

    A rogue or broken hub must not crash sync: an entry needs a known-shape name, a sha256 and
    a size within HARD_LIMIT, which the download is then held to."""
    catalogs = listing.get("catalogs") if isinstance(listing, dict) else None
    if not isinstance(catalogs, list):
        return [], ["danh sách danh mục của máy chủ tỉnh không đúng định dạng; giữ danh mục cũ"]
    good, problems = [], []
    for entry in catalogs[:100]:
        name = entry.get("name") if isinstance(entry, dict) else None
        if not isinstance(name, str) or not NAME.match(name):
            problems.append("một mục trong danh sách danh mục không đúng định dạng; bỏ qua")
            continue
        digest, size = entry.get("sha256"), entry.get("size")
        if not isinstance(digest, str) or not SHA256.match(digest):
            problems.append(f"{name}: thiếu mã băm sha256 hợp lệ; giữ danh mục cũ")
        elif isinstance(size, bool) or not isinstance(size, int) or not 0 < size <= HARD_LIMIT:
            problems.append(
                f"{name}: kích thước {size!r} không hợp lệ (tối đa 64 MB); giữ danh mục cũ"
            )
        else:
            version = entry.get("version")
            good.append({"name": name, "sha256": digest, "size": size,
                         "version": version if isinstance(version, str) else ""})  # fmt: skip
    return good, problems


def download(client, name: str, headers: dict, size: int):
    """(status, body, version) of a catalog, reading at most the size the listing announced."""
    response = client.request("GET", f"/api/v1/catalogs/{name}", headers=headers, stream=True)
    try:
        if response.status_code != 200:
            return response.status_code, b"", ""
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > size:
            raise CatalogRejected(f"tệp lớn hơn kích thước đã báo ({declared} > {size} byte)")
        chunks, got = [], 0
        try:
            for chunk in response.iter_content(65536):
                got += len(chunk)
                if got > size:
                    raise CatalogRejected(f"tệp lớn hơn kích thước đã báo ({size} byte)")
                chunks.append(chunk)
        except requests.RequestException as exc:
            raise HubUnavailable(f"tải danh mục {name} bị ngắt: {exc}") from exc
        return 200, b"".join(chunks), response.headers.get("X-Catalog-Version", "")
    finally:
        response.close()


def pull(db: Database, client, now: float | None = None) -> tuple[list[dict], list[str]]:
    """Fetch and install every listed catalog that changed; (installed, problems).

    Network failures propagate (the caller backs off); a bad catalog or listing is a problem
    reported here and the installed version stays."""
    now = time.time() if now is None else now
    entries, problems = listing_entries(client.json(client.request("GET", "/api/v1/catalogs")))
    installed = []
    for entry in entries:
        name, digest = entry["name"], entry["sha256"]
        load = _loader(name)
        if load is None:
            continue
        mine = current(db, name)
        headers = {"If-None-Match": f'"{mine["sha256"]}"'} if mine else {}
        try:
            status, body, version = download(client, name, headers, entry["size"])
            if status == 304:
                continue
            if status != 200:
                raise CatalogRejected(f"máy chủ tỉnh trả lời {status}")
            version = version or entry["version"]
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
