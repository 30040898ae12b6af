"""What the team does with articles: offered while typing, applied to a request — and whether
the requests it was applied to were resolved on time, so the team sees which fixes work."""

from __future__ import annotations

from sqlite_utils import Database

from supportdesk.core import tickets
from supportdesk.core.calendar import now_utc, to_iso
from supportdesk.core.kb import store
from supportdesk.core.kb.model import KbError


def fix_text(article: dict) -> str:
    """The fix as a resolution: the title, then the numbered steps."""
    steps = "\n".join(f"{i}. {s}" for i, s in enumerate(article["steps"], start=1))
    return f"Theo hướng dẫn “{article['title']}”:\n{steps}".strip()


def record_suggested(db: Database, request_id: int, refs: list, *, now=None) -> None:
    """The articles that were on screen when a request was saved."""
    stamp = to_iso(now or now_utc())
    with db.atomic():
        for ref in dict.fromkeys(refs):
            article = store.get(db, ref)
            if article is not None:
                db.execute(
                    "INSERT INTO kb_usage (article_uuid, request_id, action, at) "
                    "VALUES (?, ?, 'suggested', ?)",
                    [article["uuid"], request_id, stamp],
                )


def link(
    db: Database, request_id: int, ref, *, actor: str, resolve: bool = False, now=None
) -> dict:
    """Link a request to the article applied to it (an event on the request). With `resolve`
    the article's fix becomes the resolution and the request is resolved; one transaction."""
    now = now or now_utc()
    with db.atomic():
        article = store.get(db, ref)
        if article is None:
            raise KbError(f"không có bài viết {ref}")
        current = tickets.get(db, request_id, now=now)
        if current is None:
            raise KbError(f"không có yêu cầu số {request_id}")
        db.execute(
            "INSERT INTO kb_usage (article_uuid, request_id, action, at) "
            "VALUES (?, ?, 'applied', ?)",
            [article["uuid"], request_id, to_iso(now)],
        )
        if resolve and current["status"] not in ("resolved", "closed"):
            tickets.update(
                db, request_id, actor=actor, status="resolved", note=fix_text(article), now=now
            )
        else:
            note = f"Áp dụng bài hướng dẫn “{article['title']}”"
            tickets.update(db, request_id, actor=actor, note=note, now=now)
    return tickets.get(db, request_id, now=now)


def applied_to(db: Database, request_id: int) -> dict | None:
    """The article last applied to a request, if any."""
    found = db.execute(
        "SELECT article_uuid FROM kb_usage WHERE request_id = ? AND action = 'applied' "
        "ORDER BY id DESC LIMIT 1",
        [request_id],
    ).fetchone()
    return store.get(db, found[0]) if found else None


def stats(db: Database) -> dict[str, dict]:
    """Per article uuid: times suggested, applied, and requests resolved on time after the
    article was applied to them."""
    out: dict[str, dict] = {}
    for uuid, action, n in db.execute(
        "SELECT article_uuid, action, count(DISTINCT request_id) FROM kb_usage "
        "GROUP BY article_uuid, action"
    ):
        out.setdefault(uuid, {"suggested": 0, "applied": 0, "resolved_on_time": 0})[action] = n
    for uuid, n in db.execute(
        "SELECT u.article_uuid, count(DISTINCT r.id) FROM kb_usage u "
        "JOIN requests r ON r.id = u.request_id "
        "WHERE u.action = 'applied' AND r.on_time = 1 AND r.resolved_at >= u.at "
        "GROUP BY u.article_uuid"
    ):
        out.setdefault(uuid, {"suggested": 0, "applied": 0, "resolved_on_time": 0})
        out[uuid]["resolved_on_time"] = n
    return out


def with_stats(db: Database, articles: list[dict]) -> list[dict]:
    counts = stats(db)
    empty = {"suggested": 0, "applied": 0, "resolved_on_time": 0}
    return [{**a, "usage": counts.get(a["uuid"], empty)} for a in articles]
