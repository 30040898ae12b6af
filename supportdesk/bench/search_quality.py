"""Search quality, measured every run: recall@1, @3, @5 and MRR over the development set of
citizen questions (resources/search/dev-questions.tsv), as typed and without accents, next to a
baseline computed in the same run on the same catalog: plain FTS5 bm25 over the folded name and
body, every word of the question OR-ed, no query understanding. Also the `ask` latency."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlite_utils import Database

from supportdesk.bench import latency, metric, time_ms
from supportdesk.core import catalog, text
from supportdesk.core.catalog import answer as catalog_answer
from supportdesk.core.store import open_store

CUTOFFS = (1, 3, 5)
FLOORS = {1: 75.0, 3: 90.0}  # recall floors on the dev set, in percent (issue 14)
ASK_P95_MS = 20.0
DEPTH = 10  # results looked at per question


def dev_questions() -> list[tuple[str, str]]:
    """(question, expected procedure code) of the shipped development set."""
    from supportdesk.paths import resource

    rows = []
    with resource("search", "dev-questions.tsv").open(encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            question, code, *_ = line.rstrip("\n").split("\t")
            rows.append((question, code))
    return rows


def ours(db: Database, query: str) -> list[str]:
    return [p["code"] for p in catalog.search(db, query, limit=DEPTH).items]


def baseline(db: Database, query: str) -> list[str]:
    """Plain bm25 over the folded name and body: what FTS5 gives with no understanding."""
    words = sorted(set(text.tokens(query)))
    if not words:
        return []
    expression = " OR ".join(f'"{w}"' for w in words)
    rows = db.execute(
        "SELECT p.code FROM procedures_fts f JOIN procedures p ON p.id = f.rowid"
        " WHERE procedures_fts MATCH ? ORDER BY bm25(procedures_fts, 1.0, 0.0, 1.0) LIMIT ?",
        [expression, DEPTH],
    )
    return [r[0] for r in rows]


def evaluate(
    db: Database,
    questions: list[tuple[str, str]],
    search: Callable[[Database, str], list[str]] = ours,
    *,
    unaccented: bool = False,
) -> dict[str, float]:
    """recall@k in percent and MRR (0–1) of a search over (question, expected code) pairs."""
    hits = dict.fromkeys(CUTOFFS, 0)
    reciprocal = 0.0
    for question, code in questions:
        codes = search(db, text.fold(question) if unaccented else question)
        rank = codes.index(code) + 1 if code in codes else None
        if rank:
            reciprocal += 1 / rank
            for k in CUTOFFS:
                hits[k] += rank <= k
    n = max(len(questions), 1)
    figures = {f"recall@{k}": 100 * hits[k] / n for k in CUTOFFS}
    figures["mrr"] = reciprocal / n
    return figures


def bench(workdir: Path, quick: bool) -> list[dict]:
    db = open_store(workdir / "quality")
    questions = dev_questions()
    note = f"{len(questions)} câu hỏi, {catalog.count(db)} thủ tục"
    results = []
    for unaccented in (False, True):
        typed = "không dấu" if unaccented else "có dấu"
        mine = evaluate(db, questions, ours, unaccented=unaccented)
        plain = evaluate(db, questions, baseline, unaccented=unaccented)
        for key in (*(f"recall@{k}" for k in CUTOFFS), "mrr"):
            unit = "" if key == "mrr" else "%"
            floor = FLOORS.get(int(key[7:])) if key.startswith("recall") else None
            results.append(
                metric(f"search {key}, {typed}", mine[key], unit, floor, note, at_least=True)
            )
            results.append(metric(f"baseline bm25 {key}, {typed}", plain[key], unit, None, note))
    for question, _ in questions[:5]:  # warm, as a running app is
        catalog_answer.ask(db, question)
    timings = [time_ms(lambda q=q: catalog_answer.ask(db, q)) for q, _ in questions]
    plain = [time_ms(lambda q=q: baseline(db, q)) for q, _ in questions]
    note += "; floor: the baseline's bm25 query"
    results += latency("ask", timings, ASK_P95_MS, note, floor_ms=plain)
    db.close()
    return results
