"""Finding articles the way counter staff type (DESIGN §4), with the catalog's machinery.

Folding, abbreviations, filler words and the quoting of FTS5 terms all come from core.text, so
"khong dang nhap duoc vneid", "Không đăng nhập được VNeID" and "ko dang nhap dc dinh danh dien tu"
reach the same index. Order: articles holding every word (bm25, title far above symptoms above
the steps); then, when too few, those holding most of the words; then, for a typo, the query
with each unknown word replaced by the nearest word the articles use."""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from supportdesk.core import text
from supportdesk.core.kb import store

BM25_WEIGHTS = (10.0, 4.0, 1.0)
CANDIDATES = 60
TYPO_MIN_SIMILARITY = 75
VISIBLE = ("draft", "published")
SUGGESTED = ("published",)


@dataclass
class KbResult:
    items: list[dict]
    approximate: bool = False


def _ranked(db: Database, expression: str, statuses, topic: str | None, limit: int) -> list[int]:
    rank = "bm25(kb_fts, {}, {}, {})".format(*BM25_WEIGHTS)
    marks = ",".join("?" * len(statuses))
    # An article of the request's topic goes first among equally good matches.
    topic_first = ""
    params: list = [expression, *statuses]
    if topic:
        topic_first = "NOT EXISTS (SELECT 1 FROM json_each(a.topics) WHERE value = ?), "
        params.append(topic)
    sql = (
        "SELECT a.id FROM kb_fts f JOIN kb_articles a ON a.id = f.rowid"
        f" WHERE kb_fts MATCH ? AND a.status IN ({marks})"
        f" ORDER BY {topic_first}{rank} LIMIT ?"
    )
    return [r[0] for r in db.execute(sql, [*params, limit])]


def search_ids(
    db: Database,
    query: str,
    *,
    limit: int = 20,
    statuses=VISIBLE,
    topic: str | None = None,
) -> tuple[list[int], bool]:
    """Ids of the best articles for a query, and whether the match is only approximate."""
    abbreviations = text.Abbreviations.shipped()
    terms = text.query_terms(query, abbreviations)
    if not terms:
        return [], False
    every = " AND ".join(t.fts() for t in terms)
    ids = _title_first(db, terms, _ranked(db, every, statuses, topic, CANDIDATES))[:limit]
    if len(ids) >= limit:
        return ids, False
    more = [i for i in _most_words(db, terms, statuses, topic) if i not in ids]
    if ids or more:
        return (ids + more)[:limit], not ids
    corrected = _corrected(db, query)
    if corrected:
        terms = text.query_terms(corrected, abbreviations)
        every = " AND ".join(t.fts() for t in terms)
        return _ranked(db, every, statuses, topic, limit), True
    return [], False


def search(db: Database, query: str, *, limit: int = 20, statuses=VISIBLE, topic=None) -> KbResult:
    ids, approximate = search_ids(db, query, limit=limit, statuses=statuses, topic=topic)
    return KbResult(store.many(db, ids), approximate)


def suggest(db: Database, summary: str, *, limit: int = 3, topic: str | None = None) -> KbResult:
    """The published articles to offer while a request's summary is being typed."""
    return search(db, summary, limit=limit, statuses=SUGGESTED, topic=topic)


def _title_first(db: Database, terms: list, ids: list[int]) -> list[int]:
    """Articles whose title holds more of the words first, bm25 order otherwise: "VNeID"
    stands for words many articles repeat, and must not outweigh a title saying it all."""
    if len(ids) < 2:
        return ids
    marks = ",".join("?" * len(ids))
    titles = dict(
        db.execute(f"SELECT id, search_title FROM kb_articles WHERE id IN ({marks})", ids)
    )
    in_title = {i: sum(term.found_in(titles[i]) for term in terms) for i in ids}
    return sorted(ids, key=lambda i: -in_title[i])  # stable: bm25 order among equals


def _most_words(db: Database, terms: list, statuses, topic) -> list[int]:
    """Articles holding most of the words (at least half, and two when two or more were
    typed): a summary says more than any title ("bà An không đăng nhập được VNeID")."""
    needed = max(min(2, len(terms)), -(-len(terms) // 2))
    any_word = " OR ".join(t.fts() for t in terms)
    ids = _ranked(db, any_word, statuses, topic, CANDIDATES)
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    words = {
        r[0]: (r[1], f"{r[1]} {r[2]} {r[3]}")
        for r in db.execute(
            "SELECT id, search_title, search_symptoms, search_body FROM kb_articles"
            f" WHERE id IN ({marks})",
            ids,
        )
    }
    scored = []
    for rank, article_id in enumerate(ids):
        title, everything = words[article_id]
        found = sum(term.found_in(everything) for term in terms)
        in_title = sum(term.found_in(title) for term in terms)
        if found >= needed:
            scored.append((-found, -in_title, rank, article_id))
    return [article_id for *_, article_id in sorted(scored)]


def _corrected(db: Database, query: str) -> str | None:
    """The query with each word no article uses replaced by the nearest one ("vnied" →
    "vneid"), or None when nothing could be corrected."""
    from rapidfuzz import fuzz, process

    toks = text.tokens(query)
    vocabulary = [r[0] for r in db.execute("SELECT term FROM kb_vocab")]
    known = set(vocabulary)
    changed = False
    for i, tok in enumerate(toks):
        if tok in known or len(tok) < 3 or tok.isdigit():
            continue
        best = process.extractOne(
            tok, vocabulary, scorer=fuzz.ratio, score_cutoff=TYPO_MIN_SIMILARITY
        )
        if best:
            toks[i], changed = best[0], True
    return " ".join(toks) + " " if changed else None
