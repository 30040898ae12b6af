"""Finding contacts: by folded words, by any run of phone digits, and for a procedure.

Words go through FTS5 over the folded shadow columns (core.text builds every MATCH expression);
digits are matched as substrings of the phone_digits column, which at a few thousand contacts is
a scan of well under a millisecond (see supportdesk/bench/directory.py)."""

from __future__ import annotations

import re

from sqlite_utils import Database

from supportdesk.core import text
from supportdesk.core.directory.entries import BM25_WEIGHTS, CODE_IN_TEXT, LEVEL_RANK
from supportdesk.core.phones import display

# A run of phone digits as typed: "345678", "0912 345", "+84 912-345", "024.3823".
_PHONE_RUN = re.compile(r"\+?\d[\d .\-()]*\d|\d")
MIN_PHONE_DIGITS = 3

_SUMMARY = "c.id, c.kind, c.name, c.position, c.unit, c.agency, c.level"


def _summaries(db: Database, rows: list[tuple], match: str | list[str]) -> list[dict]:
    """Summary dicts (with phones) for (id, kind, name, …) rows, in the given order."""
    ids = [r[0] for r in rows]
    by_id: dict[int, list[dict]] = {i: [] for i in ids}
    if ids:
        marks = ", ".join("?" for _ in ids)
        for cid, number, ext, kind in db.execute(
            f"SELECT contact_id, number, ext, kind FROM contact_phones "
            f"WHERE contact_id IN ({marks}) ORDER BY contact_id, seq",
            ids,
        ):
            by_id[cid].append(
                {"number": number, "ext": ext, "kind": kind, "display": display(number, ext)}
            )
    matches = match if isinstance(match, list) else [match] * len(rows)
    return [
        {
            "id": r[0],
            "kind": r[1],
            "name": r[2],
            "position": r[3] or "",
            "unit": r[4] or "",
            "agency": r[5] or "",
            "level": r[6] or "",
            "phones": by_id[r[0]],
            "match": m,
        }  # fmt: skip
        for r, m in zip(rows, matches)
    ]


def _split_query(query: str) -> tuple[str, list[str]]:
    """The words of a query and its phone-digit runs (3 digits or more)."""
    runs: list[str] = []

    def take(found: re.Match) -> str:
        digits = text.digits(found.group())
        if len(digits) >= MIN_PHONE_DIGITS:
            runs.append(digits)
            return " "
        return found.group()

    words = " ".join(_PHONE_RUN.sub(take, query).split())
    # Keep "still typing" as the person left it: the last word is a prefix unless a space follows.
    return (words + " " if words and query[-1:].isspace() else words), runs


def search(db: Database, query: str, *, limit: int = 20) -> list[dict]:
    """Contacts for what a person typed, best first.

    A procedure code gives the contacts for that procedure; digit runs match anywhere inside a
    phone number (national 0912… or international 84912… form); words are matched over the
    folded name, position, unit, agency, fields and notes, ranked by bm25 with the name first."""
    query = text.clean(query)
    code = CODE_IN_TEXT.search(query)
    if code:
        return for_procedure(db, code.group(), limit=limit)
    words, runs = _split_query(query)
    where, params = [], []
    for run in runs:
        where.append("instr(c.phone_digits, ?) > 0")
        params.append(run)
    expression = text.match_query(words, text.Abbreviations.shipped())
    if expression is None and not runs:
        return []
    if expression is None:
        sql = (
            f"SELECT {_SUMMARY} FROM contacts c WHERE c.id IN "
            f"(SELECT c.id FROM contacts c WHERE {' AND '.join(where)}) "
            "ORDER BY c.kind = 'agency', c.name LIMIT ?"
        )
        rows = db.execute(sql, [*params, limit]).fetchall()
        return _summaries(db, rows, "phone")
    # Whole words in the name first ("Đỗ" finds Đỗ Thị Mẫu before "Giám đốc …"), then every
    # column with the last word as a prefix. When names fill the page, bm25 never has to rank
    # the thousands of contacts sharing a field or an agency.
    exact = text.match_query(words.rstrip() + " ", text.Abbreviations.shipped())
    rows: list[tuple] = []
    for stage in (f"{{search_name}} : ({exact})", expression):
        if len(rows) >= limit:
            break
        seen = {r[0] for r in rows}
        more = _fts(db, stage, where, params, limit + len(seen))
        rows += [r for r in more if r[0] not in seen]
    return _summaries(db, rows[:limit], "text+phone" if runs else "text")


def _fts(db: Database, expression: str, where: list[str], params: list, limit: int) -> list:
    weights = ", ".join(str(w) for w in BM25_WEIGHTS)
    if where:  # digit runs: filter every text hit by its phones
        sql = (
            f"SELECT {_SUMMARY} FROM contacts_fts f JOIN contacts c ON c.id = f.rowid "
            f"WHERE contacts_fts MATCH ? AND {' AND '.join(where)} "
            f"ORDER BY bm25(contacts_fts, {weights}) LIMIT ?"
        )
        return db.execute(sql, [expression, *params, limit]).fetchall()
    # Rank inside the FTS table alone, then look up only the page of contacts shown.
    sql = (
        f"SELECT {_SUMMARY} FROM (SELECT rowid, bm25(contacts_fts, {weights}) AS score "
        f"FROM contacts_fts WHERE contacts_fts MATCH ? ORDER BY score LIMIT ?) f "
        f"JOIN contacts c ON c.id = f.rowid ORDER BY f.score, c.kind = 'agency', length(c.name)"
    )
    return db.execute(sql, [expression, limit]).fetchall()


_TIERS = {0: "code", 1: "agency", 2: "field"}
_RANK_SQL = " ".join(f"WHEN '{level}' THEN {rank}" for level, rank in LEVEL_RANK.items())


def for_procedure(db: Database, code: str, *, limit: int | None = None) -> list[dict]:
    """Who handles a procedure: contacts naming its code, people of the agencies that handle it,
    and contacts of its field (lĩnh vực, or words of it such as "Cư trú"); nearest level first
    (commune, district, province, central), then code before agency before field, people first."""
    code = text.clean(code)
    field = db.execute("SELECT field FROM procedures WHERE code = ?", [code]).fetchone()
    # "Cư trú" on a contact sheet covers "Đăng ký, quản lý cư trú" in the catalog: a contact's
    # folded field matches when it is a run of whole words of the procedure's field. Listing
    # those runs lets the index on contact_fields.folded find them (no scan of every field).
    words = text.index_text(field[0]).split() if field and field[0] else []
    runs = sorted({" ".join(words[i:j]) for i in range(len(words))
                   for j in range(i + 1, len(words) + 1)})  # fmt: skip
    params: dict = {"code": code, "limit": limit or -1}
    params.update({f"run{n}": run for n, run in enumerate(runs)})
    by_field = ""
    if runs:
        marks = ", ".join(f":run{n}" for n in range(len(runs)))
        by_field = f"UNION ALL SELECT contact_id, 2 FROM contact_fields WHERE folded IN ({marks})"
    # Rank the hits on the narrow index idx_contacts_order (m009), then read the wide rows of
    # the page only: ranking on the rows themselves took most of the time (issue 19).
    rows = db.execute(
        f"""
        WITH hits(id, tier) AS (
            SELECT contact_id, 0 FROM contact_procedures WHERE code = :code
            UNION ALL
            SELECT c.id, 1 FROM contacts c
              JOIN contact_procedures cp ON cp.contact_id = c.agency_id WHERE cp.code = :code
            {by_field}
        ),
        best AS (SELECT id, min(tier) AS tier FROM hits GROUP BY id),
        ranked AS (
            SELECT b.id, b.tier, CASE o.level {_RANK_SQL} ELSE 9 END AS level_rank,
                   o.kind != 'person' AS agency_last, o.name
            FROM best b JOIN contacts o INDEXED BY idx_contacts_order ON o.id = b.id
            ORDER BY level_rank, b.tier, agency_last, o.name
            LIMIT :limit
        )
        SELECT {_SUMMARY}, r.tier FROM ranked r JOIN contacts c ON c.id = r.id
        ORDER BY r.level_rank, r.tier, r.agency_last, r.name
        """,
        params,
    ).fetchall()
    return _summaries(db, [r[:7] for r in rows], [_TIERS[r[7]] for r in rows])
