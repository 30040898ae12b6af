"""The province's knowledge base on the hub (issue 17): the articles it keeps, published to the
desks as the catalog `kb` (version, sha256, and the retired uuids carried explicitly), and the
articles communes propose, which the province reviews, edits and publishes.

Publishing is national: there is one `kb` catalog on a hub, and every desk of every province
pulls the same articles, whoever published them. Proposals are not: one hub may serve all 34
provinces (issue 15), so a proposal belongs to the province of the commune that sent it (derived
from its code by the shipped list, hub/provinces.py, as notices are), and a province user lists
and reviews only its own communes' proposals; a national user (or the hub's operator) all.

Every published version is the whole set: the published articles and the list of retired
uuids, so a desk that missed versions still retires what the province withdrew."""

from __future__ import annotations

import hashlib
import json
import uuid as uuid_mod
from datetime import UTC, datetime
from pathlib import Path

from supportdesk.core.kb import drafts, model
from supportdesk.hub import provinces
from supportdesk.hub.dashboard import scope_sql
from supportdesk.hub.service import Commune, HubError, utcnow
from supportdesk.hub.storage import Storage

CATALOG = "kb"
PROPOSAL_FIELDS = ("title", "symptoms", "steps", "topics", "systems", "procedures", "audience",
                   "source")  # fmt: skip
MAX_PENDING_PER_COMMUNE = 50


def _checked(record: dict) -> dict:
    try:
        row = model.validated(record)
    except model.KbError as exc:
        raise HubError(422, "invalid", str(exc)) from exc
    row["uuid"] = row.get("uuid") or model.new_uuid()
    return row


def _upsert(db, row: dict, status: str, stamp: str) -> None:
    body = {k: row.get(k) for k in (*PROPOSAL_FIELDS, "uuid", "notes", "sample")}
    body.update(status=status, origin="province", updated_at=stamp)
    db.execute(
        "INSERT INTO kb_articles (uuid, body, status, updated_at) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (uuid) DO UPDATE SET body = excluded.body, status = excluded.status, "
        "updated_at = excluded.updated_at",
        [row["uuid"], json.dumps(body, ensure_ascii=False), status, stamp],
    )


def _publish(db, stamp: str) -> dict:
    """Write the current set as the next version of the `kb` catalog. National: the one catalog
    every desk pulls, whichever province's proposal an article came from."""
    rows = db.all("SELECT uuid, body, status FROM kb_articles ORDER BY uuid")
    articles = [json.loads(b) for _u, b, s in rows if s == "published"]
    retired = [u for u, _b, s in rows if s == "retired"]
    version = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    doc = {"format": model.FORMAT, "version": version, "articles": articles, "retired": retired}
    body = json.dumps(doc, ensure_ascii=False, indent=1).encode()
    digest = hashlib.sha256(body).hexdigest()
    db.execute(
        "INSERT INTO catalogs (name, version, sha256, size, body, published_at) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [CATALOG, version, digest, len(body), body, stamp],
    )
    db.execute(
        "INSERT INTO catalog_current (name, version) VALUES (?, ?) "
        "ON CONFLICT (name) DO UPDATE SET version = excluded.version",
        [CATALOG, version],
    )
    return {"name": CATALOG, "version": version, "sha256": digest, "size": len(body),
            "articles": len(articles), "retired": len(retired)}  # fmt: skip


def publish_file(storage: Storage, path: Path | str) -> dict:
    """`hub publish-kb FILE`: add or update the file's articles (published unless the file says
    draft or retired), retire the uuids it lists, and publish the new version; all or nothing."""
    try:
        doc = json.loads(Path(path).read_bytes().decode("utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise HubError(422, "invalid", f"not a readable JSON file: {exc}") from exc
    if not isinstance(doc, dict) or doc.get("format") != model.FORMAT:
        raise HubError(422, "invalid", f"not a {model.FORMAT} file")
    rows = []
    for number, record in enumerate(doc.get("articles") or [], start=1):
        record = record if isinstance(record, dict) else {}
        try:
            row = _checked(record)
        except HubError as exc:
            raise HubError(422, "invalid", f"article {number}: {exc}") from exc
        row["status"] = record.get("status") or "published"  # a province file publishes
        rows.append(row)
    retired = [str(uuid_mod.UUID(str(u))) for u in doc.get("retired") or []]
    stamp = utcnow()
    with storage.tx() as db:
        for row in rows:
            _upsert(db, row, row["status"], stamp)
        for uuid in retired:
            db.execute(
                "UPDATE kb_articles SET status = 'retired', updated_at = ? WHERE uuid = ?",
                [stamp, uuid],
            )
        return _publish(db, stamp)


def retire(storage: Storage, article_uuid: str) -> dict:
    stamp = utcnow()
    with storage.tx() as db:
        cur = db.execute(
            "UPDATE kb_articles SET status = 'retired', updated_at = ? WHERE uuid = ?",
            [stamp, article_uuid],
        )
        if cur.rowcount != 1:
            raise HubError(404, "not_found", f"no article {article_uuid}")
        return _publish(db, stamp)


def receive_proposal(storage: Storage, commune: Commune, body: dict) -> dict:
    """A commune's proposed article: its fields only, checked for personal data again here."""
    proposal_id = str(body.get("proposal_id", ""))
    try:
        uuid_mod.UUID(proposal_id)
    except ValueError as exc:
        raise HubError(422, "invalid", "proposal_id must be a UUID") from exc
    article = body.get("article")
    if not isinstance(article, dict) or set(article) - {*PROPOSAL_FIELDS, "uuid"}:
        raise HubError(422, "invalid", f"article may only have {', '.join(PROPOSAL_FIELDS)}")
    row = _checked({**article, "status": "draft"})
    words = "\n".join([row["title"], row["symptoms"], *row["steps"], row["source"]])
    if drafts.leaks(words):
        raise HubError(422, "personal_data", "the proposal looks like it holds personal data")
    stored = {k: row[k] for k in (*PROPOSAL_FIELDS, "uuid")}
    with storage.tx() as db:
        found = db.one("SELECT body FROM kb_proposals WHERE proposal_id = ?", [proposal_id])
        if found is not None:
            if json.loads(found[0]) != stored:
                raise HubError(409, "conflict", "this proposal id was used with another article")
            return {"proposal_id": proposal_id, "status": "received"}
        pending = db.one(
            "SELECT count(*) FROM kb_proposals WHERE commune_code = ? AND state = 'pending'",
            [commune.code],
        )[0]
        if pending >= MAX_PENDING_PER_COMMUNE:
            raise HubError(429, "too_many", "too many proposals waiting for review")
        db.execute(
            "INSERT INTO kb_proposals (proposal_id, commune_code, body, state, received_at) "
            "VALUES (?, ?, ?, 'pending', ?)",
            [proposal_id, commune.code, json.dumps(stored, ensure_ascii=False), utcnow()],
        )
    return {"proposal_id": proposal_id, "status": "received"}


def proposals(
    storage: Storage, state: str = "pending", *, province: str | None = None
) -> list[dict]:
    """Proposals in `state`, oldest first: those of one province's communes, or (None) every
    commune's, including communes outside the shipped list."""
    where, params = scope_sql(
        None if province is None else provinces.communes_of(province), "p.commune_code"
    )
    with storage.tx(write=False) as db:
        rows = db.all(
            "SELECT p.proposal_id, p.commune_code, c.name, p.body, p.state, p.received_at "
            "FROM kb_proposals p LEFT JOIN communes c ON c.code = p.commune_code "
            f"WHERE p.state = ? AND {where} ORDER BY p.received_at",
            [state, *params],
        )
    keys = ("proposal_id", "commune_code", "commune_name", "article", "state", "received_at")
    found = [dict(zip(keys, (*r[:3], json.loads(r[3]), *r[4:]))) for r in rows]
    return [p | {"province": provinces.province_of(p["commune_code"])} for p in found]


def review(
    storage: Storage,
    proposal_id: str,
    *,
    publish: bool,
    edits: dict | None = None,
    province: str | None = None,
):
    """The province publishes a proposal (with its edits) or rejects it. With a province code,
    only a proposal of that province's communes: another's answers as an unknown id does, so a
    province user learns nothing of other provinces' proposals."""
    stamp = utcnow()
    with storage.tx() as db:
        found = db.one(
            "SELECT body, commune_code FROM kb_proposals "
            "WHERE proposal_id = ? AND state = 'pending'",
            [proposal_id],
        )
        if found is None or (province is not None and provinces.province_of(found[1]) != province):
            raise HubError(404, "not_found", "no pending proposal with this id")
        result: dict = {"proposal_id": proposal_id, "state": "rejected"}
        if publish:
            article = {**json.loads(found[0]), **{k: v for k, v in (edits or {}).items()
                                                  if k in PROPOSAL_FIELDS}}  # fmt: skip
            row = _checked(article)
            _upsert(db, row, "published", stamp)
            result = {"proposal_id": proposal_id, "state": "published", "uuid": row["uuid"],
                      "catalog": _publish(db, stamp)}  # fmt: skip
        db.execute(
            "UPDATE kb_proposals SET state = ?, reviewed_at = ? WHERE proposal_id = ?",
            [result["state"], stamp, proposal_id],
        )
    return result
