"""Searching the procedure catalog the way counter staff type (docs/ARCHITECTURE.md, "A search").

`catalog.search` is this module's `search`; it lives apart so the catalog's storage and import
stay readable."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from sqlite_utils import Database

from supportdesk.core import text

_CODE_IN_QUERY = re.compile(r"\b\d{1,2}\.\d{6}\b")
# Search weights: the name counts far above the field, the field above the rest.
BM25_WEIGHTS = (10.0, 3.0, 1.0)


@dataclass
class SearchResult:
    items: list[dict]
    approximate: bool = False  # nothing held every word: the nearest matches


def title_length(search_name: str) -> int:
    """Words in a name, not counting the "Thủ tục" that only some portal titles start with."""
    words = search_name.split()
    return len(words) - 2 if words[:2] == ["thu", "tuc"] else len(words)


_NAME_KEY = 100_000_000  # procedure_names rowid = title_words * _NAME_KEY + procedure id
CANDIDATES = 60  # rows the relaxed retry looks at


def _filters(level: str | None, field: str | None) -> tuple[str, list]:
    sql, params = "", []
    if level:
        sql += " AND p.levels LIKE ?"
        params.append(f'%"{level}"%')
    if field:
        sql += " AND p.field = ?"
        params.append(field)
    return sql, params


def _summaries(db: Database, ids: list[int], match: str) -> list[dict]:
    """Short records for procedure ids, in the order given."""
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    found = {
        row[0]: {"code": row[1], "name": row[2], "field": row[3], "levels": json.loads(row[4])}
        for row in db.execute(
            f"SELECT id, code, name, field, levels FROM procedures WHERE id IN ({marks})", ids
        )
    }
    return [dict(found[i], match=match) for i in ids if i in found]


def _shortest_names(db: Database, expression: str, where: str, params: list, limit: int):
    """Ids of procedures whose name holds every term, shortest name first. procedure_names is
    keyed in that order, so FTS5 stops after `limit` rows instead of ranking every match."""
    if where:
        sql = (
            f"SELECT p.id FROM procedure_names n JOIN procedures p ON p.id = n.rowid % {_NAME_KEY}"
            f" WHERE procedure_names MATCH ?{where} ORDER BY n.rowid LIMIT ?"
        )
    else:
        sql = (
            f"SELECT rowid % {_NAME_KEY} FROM procedure_names WHERE procedure_names MATCH ?"
            " ORDER BY rowid LIMIT ?"
        )
    return [r[0] for r in db.execute(sql, [expression, *params, limit])]


def _best_ranked(db: Database, expression: str, where: str, params: list, limit: int):
    """Ids by bm25 over name, field and body, the name weighted highest."""
    rank = "bm25(procedures_fts, {}, {}, {})".format(*BM25_WEIGHTS)
    if where:
        sql = (
            "SELECT p.id FROM procedures_fts f JOIN procedures p ON p.id = f.rowid"
            f" WHERE procedures_fts MATCH ?{where} ORDER BY {rank} LIMIT ?"
        )
    else:  # only rowids: reading whole procedure rows for every match is what costs
        sql = (
            f"SELECT rowid FROM procedures_fts WHERE procedures_fts MATCH ? ORDER BY {rank} LIMIT ?"
        )
    return [r[0] for r in db.execute(sql, [expression, *params, limit])]


def search(
    db: Database,
    query: str,
    *,
    limit: int = 20,
    level: str | None = None,
    field: str | None = None,
) -> SearchResult:
    """Procedures for what a person typed, best first.

    A procedure code in the query is looked up exactly. Otherwise procedures whose name holds
    every word come first, the shortest (most general) name first, so "đăng ký khai sinh" beats
    "… khai sinh lưu động"; then the rest by bm25 over name, field and body. When nothing holds
    every word, the result is approximate: the procedures holding most of the words, or, for a
    typo, the query with each unknown word replaced by the nearest word of the catalog's names."""
    where, params = _filters(level, field)
    code = _CODE_IN_QUERY.search(query)
    if code:
        sql = f"SELECT p.id FROM procedures p WHERE p.code = ?{where}"
        ids = [r[0] for r in db.execute(sql, [code.group(), *params])]
        if ids:
            return SearchResult(_summaries(db, ids, "code"))
    abbreviations = text.Abbreviations.shipped()
    terms = text.query_terms(query, abbreviations)
    if not terms:
        return SearchResult([])
    ids = _every_word(db, terms, where, params, limit)
    if ids:
        return SearchResult(_summaries(db, ids, "text"))
    ids = _most_words(db, terms, where, params, limit)
    if ids:
        return SearchResult(_summaries(db, ids, "most_words"), approximate=True)
    corrected = _corrected(db, query)
    if corrected:
        terms = text.query_terms(corrected, abbreviations)
        ids = _every_word(db, terms, where, params, limit)
    return SearchResult(_summaries(db, ids, "approximate"), approximate=True)


def _every_word(db: Database, terms: list, where: str, params: list, limit: int) -> list[int]:
    expression = " AND ".join(t.fts() for t in terms)
    ids = _shortest_names(db, expression, where, params, limit)
    if len(ids) < limit:
        seen = set(ids)
        rest = _best_ranked(db, expression, where, params, limit + len(ids))
        ids += [i for i in rest if i not in seen][: limit - len(ids)]
    return ids


def _most_words(db: Database, terms: list, where: str, params: list, limit: int) -> list[int]:
    """Nothing holds every word ("làm CCCD cho trẻ": no title says "làm"): the procedures that
    hold most of them, at least half and at least two, so one common word is never enough."""
    needed = max(2, -(-len(terms) // 2))
    if len(terms) < needed:
        return []
    any_word = " OR ".join(t.fts() for t in terms)
    ids = _best_ranked(db, any_word, where, params, CANDIDATES)
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    words = dict(
        db.execute(
            "SELECT id, search_name || ' | ' || search_field || ' ' || search_body"
            f" FROM procedures WHERE id IN ({marks})",
            ids,
        )
    )
    scored = []
    for rank, pid in enumerate(ids):
        name, _, rest = words[pid].partition(" | ")
        in_name = sum(term.found_in(name) for term in terms)
        found = sum(term.found_in(f"{name} {rest}") for term in terms)
        if found >= needed:
            scored.append((-in_name, -found, rank, pid))
    return [pid for *_, pid in sorted(scored)[:limit]]


TYPO_MIN_SIMILARITY = 75


def _corrected(db: Database, query: str) -> str | None:
    """The query with each word no procedure name has replaced by the nearest one that some
    name has ("khai snh" → "khai sinh"), or None when no word could be corrected."""
    from rapidfuzz import fuzz, process

    toks = text.tokens(query)
    known = "SELECT 1 FROM procedure_words WHERE word = ?"
    unknown = [i for i, t in enumerate(toks) if not db.execute(known, [t]).fetchone()]
    if not unknown:
        return None
    vocabulary = [r[0] for r in db.execute("SELECT word FROM procedure_words")]
    changed = False
    for i in unknown:
        if len(toks[i]) < 3 or toks[i].isdigit():
            continue
        best = process.extractOne(
            toks[i], vocabulary, scorer=fuzz.ratio, score_cutoff=TYPO_MIN_SIMILARITY
        )
        if best:
            toks[i], changed = best[0], True
    return " ".join(toks) + " " if changed else None
