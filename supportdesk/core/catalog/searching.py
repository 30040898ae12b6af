"""Searching the procedure catalog the way counter staff type (docs/ARCHITECTURE.md, "A search").

`catalog.search` is this module's `search`; it lives apart so the catalog's storage and import
stay readable."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace

from sqlite_utils import Database

from supportdesk.core.catalog import question as catalog_question
from supportdesk.core.catalog import ranking

_CODE_IN_QUERY = re.compile(r"\b\d{1,2}\.\d{6}\b")
# Search weights: the name counts far above the field, the field above the rest.
BM25_WEIGHTS = (10.0, 3.0, 1.0)


@dataclass
class SearchResult:
    items: list[dict]
    approximate: bool = False  # a typo corrected, or the best holds under half the question
    corrections: list = field(default_factory=list)  # question.Correction, as typed


def title_length(search_name: str) -> int:
    """Words in a name, not counting the "Thủ tục" that only some portal titles start with."""
    words = search_name.split()
    return len(words) - 2 if words[:2] == ["thu", "tuc"] else len(words)


_NAME_KEY = 100_000_000  # procedure_names rowid = title_words * _NAME_KEY + procedure id
NAME_CANDIDATES = 50  # best names by bm25 that the ranking looks at
BODY_CANDIDATES = 20  # and the best by bm25 over name, field and body
EXPRESSION_TERMS = 8  # the rarest terms of a question find its candidates
BODY_TERMS = 3  # and the rarest of all when bodies are searched
SHORT_PREFIX = 4  # a word being typed shorter than this, already a word, is taken as typed
BODY_READS = 30  # candidates whose field and body are read for the words their name lacks


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
    """Procedures for what a person typed or asked, best first.

    A procedure code in the query is looked up exactly. Otherwise the question is understood
    (catalog.question: frames dropped, everyday names mapped to the portal's, typos corrected),
    FTS5 finds the candidates holding any of its words, and catalog.ranking orders them by how
    well each name explains the question. The result is approximate when a typo was corrected
    or when the best procedure holds less than half of what was asked."""
    where, params = _filters(level, field)
    code = _CODE_IN_QUERY.search(query)
    if code:
        sql = f"SELECT p.id FROM procedures p WHERE p.code = ?{where}"
        ids = [r[0] for r in db.execute(sql, [code.group(), *params])]
        if ids:
            return SearchResult(_summaries(db, ids, "code"))
    vocab = ranking.vocabulary(db)
    question, fixes = catalog_question.understand(db, query, vocab)
    if not question.terms:
        return SearchResult([], corrections=fixes)
    ranked = _ranked(db, question, vocab, where, params)[:limit]
    if not ranked:
        return SearchResult([], approximate=bool(fixes), corrections=fixes)
    weak = ranked[0].matched < question.weight(vocab) / 2
    match = "approximate" if fixes or weak else "text"
    items = _summaries(db, [c.id for c in ranked], match)
    return SearchResult(items, approximate=match == "approximate", corrections=fixes)


def _ranked(db: Database, question, vocab, where: str, params: list) -> list[ranking.Candidate]:
    """Candidates found by name and scored by name; when no name holds every decisive word,
    also the best by bm25 over name, field and body. Then the most promising are scored by
    their body too (reading bodies costs; a candidate that could not reach the top even with
    every missing word in its body is never read)."""
    expression = _expression(question, vocab)
    # Names holding every decisive word, shortest first: cheap (FTS5 stops at the limit) and,
    # for what people type at the counter, already the answer. Otherwise bm25 over names.
    every = " AND ".join(_fts(question.terms[t], vocab) for t in question.decisive(vocab))
    ids = _shortest_names(db, every, where, params, NAME_CANDIDATES)
    if len(ids) < NAME_CANDIDATES:
        ids = list(
            dict.fromkeys(ids + _names_ranked(db, expression, where, params, NAME_CANDIDATES))
        )
    candidates = _scored(ids, question, vocab)
    decisive = set(question.decisive(vocab))
    if not any(decisive.isdisjoint(c.missing) for c in candidates):
        known = {c.id for c in candidates}
        rarest = _expression(question, vocab, BODY_TERMS)  # bodies are long: fewer words
        found = _best_ranked(db, rarest, where, params, BODY_CANDIDATES)
        more = [i for i in found if i not in known]
        candidates += _scored(more, question, vocab)
    candidates.sort(key=lambda c: -ranking.body_bound(c, question, vocab))
    reread = [c for c in candidates[:BODY_READS] if c.missing]
    if reread:
        marks = ",".join("?" * len(reread))
        bodies = dict(
            db.execute(
                f"SELECT id, search_body FROM procedures WHERE id IN ({marks})",
                [c.id for c in reread],
            )
        )
        for c in reread:
            ranking.score_body(c, bodies[c.id], question, vocab)
    candidates.sort(key=lambda c: (-c.score, len(c.name.words), c.id))
    return candidates


def _scored(ids: list[int], question, vocab) -> list[ranking.Candidate]:
    candidates = []
    for pid in ids:
        name = vocab.names.get(pid)
        if name is not None:
            candidate = ranking.Candidate(pid, name)
            ranking.score_name(candidate, question, vocab)
            candidates.append(candidate)
    return candidates


def _expression(question, vocab, most: int = EXPRESSION_TERMS) -> str:
    """FTS5 OR over the question's rarest terms: a word most names hold ("đăng ký", "cấp")
    finds nothing a rarer word would not, and makes FTS5 rank thousands of rows. Those words
    still count in the ranking."""
    finding = [*question.decisive(vocab), *question.phrases()]
    rarest = sorted(finding, key=lambda t: -question.term_weight(t, vocab))[:most]
    return " OR ".join(_fts(question.terms[t], vocab) for t in rarest)


def _fts(term, vocab) -> str:
    """A term for FTS5. A short word being typed that is already a word ("da") is looked up as
    that word: as a prefix it would expand to hundreds (dan, dang, dat…) and cost the most."""
    word = term.options[0]
    if term.prefix and len(word) == 1 and len(word[0]) < SHORT_PREFIX and vocab.known(word[0]):
        return replace(term, prefix=False).fts()
    return term.fts()


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


def _names_ranked(db: Database, expression: str, where: str, params: list, limit: int):
    """Ids by bm25 over the names alone."""
    if where:
        sql = (
            f"SELECT p.id FROM procedure_names n JOIN procedures p ON p.id = n.rowid % {_NAME_KEY}"
            f" WHERE procedure_names MATCH ?{where} ORDER BY n.rank LIMIT ?"
        )
    else:
        sql = (
            f"SELECT rowid % {_NAME_KEY} FROM procedure_names WHERE procedure_names MATCH ?"
            " ORDER BY rank LIMIT ?"
        )
    return [r[0] for r in db.execute(sql, [expression, *params, limit])]
