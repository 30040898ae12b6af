"""Similar requests of this desk: the same Vietnamese search over the requests' folded text.

A request's summary is matched against the others by the words they share (at least half of
them), best bm25 first: "bà An không đăng nhập được VNeID" finds "ông Bình không vào được
VNeID trên máy mới" without any field being equal."""

from __future__ import annotations

from sqlite_utils import Database

from supportdesk.core import tickets
from supportdesk.core.kb.search import terms_of

CANDIDATES = 80


def similar_requests(db: Database, request_id: int, *, limit: int = 5) -> list[dict]:
    row = db.execute(
        "SELECT summary, description FROM requests WHERE id = ?", [request_id]
    ).fetchone()
    if row is None:
        return []
    terms = terms_of(f"{row[0]} ")  # the knowledge base's terms: "không … được" is the symptom
    if not terms:
        return []
    needed = max(min(2, len(terms)), -(-len(terms) // 2))
    expression = " OR ".join(t.fts() for t in terms)
    found = db.execute(
        "SELECT r.id, r.search_text FROM requests_fts f JOIN requests r ON r.id = f.rowid "
        "WHERE requests_fts MATCH ? AND r.id != ? ORDER BY bm25(requests_fts) LIMIT ?",
        [expression, request_id, CANDIDATES],
    ).fetchall()
    scored = []
    for rank, (other_id, folded) in enumerate(found):
        shared = sum(term.found_in(folded or "") for term in terms)
        if shared >= needed:
            scored.append((-shared, rank, other_id))
    out = []
    for *_, other_id in sorted(scored)[:limit]:
        other = tickets.get(db, other_id)
        out.append({k: other[k] for k in _SHOWN})
    return out


_SHOWN = ("id", "ticket", "summary", "status", "status_label", "resolution", "created_at")
