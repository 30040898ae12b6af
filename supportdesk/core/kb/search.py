"""Finding articles the way counter staff type (DESIGN §4), with the catalog's machinery.

Folding, abbreviations, filler words and the quoting of FTS5 terms all come from core.text, so
"khong dang nhap duoc vneid", "Không đăng nhập được VNeID" and "ko dang nhap dc dinh danh dien tu"
reach the same index. Order: articles holding every word (bm25, title far above symptoms above
the steps); then, when too few, those holding most of the words; then, for a typo, the query
with each unknown word replaced by the nearest word the articles use."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass

from sqlite_utils import Database

from supportdesk.core import text
from supportdesk.core.kb import store

BM25_WEIGHTS = (10.0, 4.0, 1.0)
CANDIDATES = 60
TYPO_MIN_SIMILARITY = 75
VISIBLE = ("draft", "published")
SUGGESTED = ("published",)


@functools.cache
def _plain_filler() -> frozenset[tuple[str, ...]]:
    """The catalog's filler words proper ("xin", "ạ", "tôi"…). Its question frames ("không …
    được") are dropped for procedures, but for a known problem they are the symptom itself."""
    from supportdesk.paths import resource

    doc = json.loads(resource("search", "abbreviations.json").read_text(encoding="utf-8"))
    return frozenset(tuple(text.tokens(f)) for f in doc.get("filler", []))


def terms_of(query: str) -> list:
    def keep(toks: list[str], start: int, length: int) -> bool:
        return tuple(toks[start : start + length]) not in _plain_filler()

    return text.query_terms(query, text.Abbreviations.shipped(), keep_filler=keep)


@dataclass
class KbResult:
    items: list[dict]
    approximate: bool = False


def _fts(term: text.Term) -> str:
    """A term as FTS5 reads it. The index also holds the abbreviation wherever a phrase it
    stands for appears (model.with_abbreviations), so an abbreviation is matched by its own
    token alone: one token list instead of several phrase lookups per keystroke."""
    if len(term.options) > 1:
        return text.Term(term.options[:1], prefix=term.prefix).fts()
    return term.fts()


def _ranked(db: Database, expression: str, statuses, limit: int) -> list[int]:
    """Ids by bm25 (title far above symptoms above the steps), only of the statuses asked for.

    The status is a column of the index, so FTS5 filters and ranks without reading a row of
    kb_articles: at 2,000 articles that is what keeps a keystroke under a few milliseconds."""
    rank = "bm25(kb_fts, {}, {}, {}, 0)".format(*BM25_WEIGHTS)
    wanted = " OR ".join(f'"{s}"' for s in statuses)
    sql = f"SELECT rowid FROM kb_fts WHERE kb_fts MATCH ? ORDER BY {rank} LIMIT ?"
    where = f"search_status : ({wanted}) AND ({expression})"
    return [r[0] for r in db.execute(sql, [where, limit])]


def _ordered(db: Database, terms: list, ids: list[int], topic: str | None) -> list[int]:
    """Articles of the request's topic first, then those whose title holds more of the words,
    bm25 order otherwise: "VNeID" stands for words many articles repeat, and must not outweigh
    a title that says it all."""
    if len(ids) < 2:
        return ids
    marks = ",".join("?" * len(ids))
    rows = db.execute(
        f"SELECT id, search_title, topics FROM kb_articles WHERE id IN ({marks})", ids
    ).fetchall()
    info = {i: (title, topics) for i, title, topics in rows}

    def key(article_id: int) -> tuple:
        title, topics = info.get(article_id, ("", "[]"))
        other_topic = bool(topic) and f'"{topic}"' not in (topics or "")
        return (other_topic, -sum(term.found_in(title) for term in terms))

    return sorted(ids, key=key)  # stable: bm25 order among equals


def search_ids(
    db: Database,
    query: str,
    *,
    limit: int = 20,
    statuses=VISIBLE,
    topic: str | None = None,
) -> tuple[list[int], bool]:
    """Ids of the best articles for a query, and whether the match is only approximate."""
    terms = terms_of(query)
    if not terms:
        return [], False
    every = " AND ".join(_fts(t) for t in terms)
    ids = _ordered(db, terms, _ranked(db, every, statuses, CANDIDATES), topic)[:limit]
    if len(ids) >= limit:
        return ids, False
    more = [i for i in _most_words(db, terms, statuses, topic) if i not in ids]
    if ids or more:
        return (ids + more)[:limit], not ids
    corrected = _corrected(db, query)
    if corrected:
        terms = terms_of(corrected)
        every = " AND ".join(_fts(t) for t in terms)
        return _ordered(db, terms, _ranked(db, every, statuses, CANDIDATES), topic)[:limit], True
    return [], False


def search(db: Database, query: str, *, limit: int = 20, statuses=VISIBLE, topic=None) -> KbResult:
    ids, approximate = search_ids(db, query, limit=limit, statuses=statuses, topic=topic)
    return KbResult(store.many(db, ids), approximate)


def suggest(db: Database, summary: str, *, limit: int = 3, topic: str | None = None) -> KbResult:
    """The published articles to offer while a request's summary is being typed."""
    return search(db, summary, limit=limit, statuses=SUGGESTED, topic=topic)


def _most_words(db: Database, terms: list, statuses, topic) -> list[int]:
    """Articles holding most of the words (at least half, and two when two or more were
    typed): a summary says more than any title ("bà An không đăng nhập được VNeID")."""
    needed = max(min(2, len(terms)), -(-len(terms) // 2))
    any_word = " OR ".join(_fts(t) for t in terms)
    ids = _ordered(db, terms, _ranked(db, any_word, statuses, CANDIDATES), topic)
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
