"""Finding contacts: by folded words, by any run of phone digits, and for a procedure.

Words go through FTS5 over the folded shadow columns (core.text builds every MATCH expression);
digits are matched as substrings of the phone_digits column, which at a few thousand contacts is
a scan of well under a millisecond (see supportdesk/bench/directory.py)."""

from __future__ import annotations

import functools
import re

from sqlite_utils import Database

from supportdesk.core import text
from supportdesk.core.directory.entries import BM25_WEIGHTS, CODE_IN_TEXT, LEVEL_RANK
from supportdesk.core.phones import display

# A run of phone digits as typed: "345678", "0912 345", "+84 912-345", "024.3823".
_PHONE_RUN = re.compile(r"\+?\d[\d .\-()]*\d|\d")
MIN_PHONE_DIGITS = 3

_SUMMARY = "c.id, c.kind, c.name, c.position, c.unit, c.agency, c.level"
# The folded words that place a contact (its name, unit and agency), padded for whole-word tests.
_PLACE = "' ' || coalesce(c.search_name, '') || ' ' || coalesce(c.search_org, '') || ' '"
_ROW = f"{_SUMMARY}, {_PLACE}"


class Place:
    """Where a desk is: its commune and province as folded words, and every other province's,
    so that contacts of the desk's own commune and province come first and those of other
    provinces last (a Thanh Hóa desk looking for "Sở Nông nghiệp" wants Thanh Hóa's)."""

    def __init__(self, commune: str = "", province: str = "", provinces: tuple[str, ...] = ()):
        self.commune = f" {text.fold(commune)} " if commune else ""
        self.province = f" {text.fold(province)} " if province else ""
        others = [f" {text.fold(p)} " for p in provinces if f" {text.fold(p)} " != self.province]
        # One pattern for the 33 other provinces: a loop of substring tests per row cost more
        # than the search itself.
        self._others = re.compile("|".join(map(re.escape, others))) if others else None

    @classmethod
    def of_desk(cls, db: Database) -> Place:
        """The desk's place from its settings (first run); no place when it is not set."""
        from supportdesk.core.store import settings

        return _place_of(settings.get(db, "commune_code", "") or "")

    def rank(self, words: str) -> int:
        """0 the desk's commune, 1 its province, 2 no province named, 3 another province."""
        if self.commune and self.commune in words:
            return 0
        if self.province and self.province in words:
            return 1
        if self._others is not None and self._others.search(words):
            return 3
        return 2

    def order(self, rows: list[tuple]) -> list[tuple]:
        """Rows (with the _PLACE column last) nearest first; the order within a rank is kept."""
        if not self.province:
            return rows
        return sorted(rows, key=lambda r: self.rank(r[-1]))


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


@functools.lru_cache(maxsize=8)
def _place_of(commune_code: str) -> Place:
    """Folding 34 province names per keystroke cost more than the search: kept per commune."""
    from supportdesk.core.admin_units import AdminUnits

    units = AdminUnits.shipped()
    unit = units.commune(commune_code) if commune_code else None
    if unit is None:
        return Place()
    return Place(unit.name, unit.province_name, tuple(p.name for p in units.provinces))


def _filters(level: str | None, province: str | None) -> tuple[list[str], list]:
    where, params = [], []
    if level:
        where.append("c.level = ?")
        params.append(level)
    if province:  # named in the contact's name, unit or agency ("Sở Tư pháp tỉnh Thanh Hóa")
        where.append(f"instr({_PLACE}, ?) > 0")
        params.append(f" {text.fold(province)} ")
    return where, params


def search(
    db: Database, query: str, *, limit: int = 20, level: str | None = None,
    province: str | None = None, near: Place | None = None,
) -> list[dict]:  # fmt: skip
    """Contacts for what a person typed, best first, the desk's own commune and province before
    the rest (`near`, by default the desk's place from the settings).

    A procedure code gives the contacts for that procedure; digit runs match anywhere inside a
    phone number (national 0912… or international 84912… form); words are matched over the
    folded name, position, unit, agency, fields and notes, ranked by bm25 with the name first.
    `level` ("xa", "tinh", …) and `province` (a name) keep only those contacts; with them an
    empty query lists every contact that fits."""
    near = Place.of_desk(db) if near is None else near
    query = text.clean(query)
    code = CODE_IN_TEXT.search(query)
    if code:
        return for_procedure(db, code.group(), limit=limit, level=level, province=province,
                             near=near)  # fmt: skip
    words, runs = _split_query(query)
    where, params = _filters(level, province)
    for run in runs:
        where.append("instr(c.phone_digits, ?) > 0")
        params.append(run)
    expression = text.match_query(words, text.Abbreviations.shipped())
    if expression is None and not where:
        return []
    if expression is None:
        sql = (
            f"SELECT {_ROW} FROM contacts c WHERE c.id IN "
            f"(SELECT c.id FROM contacts c WHERE {' AND '.join(where)}) "
            "ORDER BY c.kind = 'agency', c.name LIMIT ?"
        )
        rows = near.order(db.execute(sql, [*params, -1 if not runs else limit]).fetchall())
        return _summaries(db, rows[:limit], "phone" if runs else "filter")
    # Whole words in the name first ("Đỗ" finds Đỗ Thị Mẫu before "Giám đốc …"), then every
    # column with the last word as a prefix. When names fill the page, bm25 never has to rank
    # the thousands of contacts sharing a field or an agency.
    exact = text.match_query(words.rstrip() + " ", text.Abbreviations.shipped())
    # Twice the page when a place ranks them: the desk's province may sit below the first page
    # of bm25 ("so nong nghiep" matches the Sở of all 34 provinces alike). Measured: CPU p95
    # 2.3 ms with a desk place against 1.8 ms without, 5,000 contacts (budget 3 ms).
    wanted = limit * 2 if near.province else limit
    rows: list[tuple] = []
    for stage in (f"{{search_name}} : ({exact})", expression):
        if len(rows) >= wanted:
            break
        seen = {r[0] for r in rows}
        more = _fts(db, stage, where, params, wanted + len(seen))
        rows += [r for r in more if r[0] not in seen]
    rows = near.order(rows[:wanted])
    return _summaries(db, rows[:limit], "text+phone" if runs else "text")


def _fts(db: Database, expression: str, where: list[str], params: list, limit: int) -> list:
    weights = ", ".join(str(w) for w in BM25_WEIGHTS)
    if where:  # digit runs: filter every text hit by its phones
        sql = (
            f"SELECT {_ROW} FROM contacts_fts f JOIN contacts c ON c.id = f.rowid "
            f"WHERE contacts_fts MATCH ? AND {' AND '.join(where)} "
            f"ORDER BY bm25(contacts_fts, {weights}) LIMIT ?"
        )
        return db.execute(sql, [expression, *params, limit]).fetchall()
    # Rank inside the FTS table alone, then look up only the page of contacts shown.
    sql = (
        f"SELECT {_ROW} FROM (SELECT rowid, bm25(contacts_fts, {weights}) AS score "
        f"FROM contacts_fts WHERE contacts_fts MATCH ? ORDER BY score LIMIT ?) f "
        f"JOIN contacts c ON c.id = f.rowid ORDER BY f.score, c.kind = 'agency', length(c.name)"
    )
    return db.execute(sql, [expression, limit]).fetchall()


_TIERS = {0: "code", 1: "agency", 2: "field"}
_RANK_SQL = " ".join(f"WHEN '{level}' THEN {rank}" for level, rank in LEVEL_RANK.items())


def for_procedure(
    db: Database, code: str, *, limit: int | None = None, level: str | None = None,
    province: str | None = None, near: Place | None = None,
) -> list[dict]:  # fmt: skip
    """Who handles a procedure: contacts naming its code, people of the agencies that handle it,
    and contacts of its field (lĩnh vực, or words of it such as "Cư trú"); nearest level first
    (commune, district, province, central), within a level the desk's own commune and province
    first and other provinces last, then code before agency before field, people first."""
    near = Place.of_desk(db) if near is None else near
    code = text.clean(code)
    field = db.execute("SELECT field FROM procedures WHERE code = ?", [code]).fetchone()
    # "Cư trú" on a contact sheet covers "Đăng ký, quản lý cư trú" in the catalog: a contact's
    # folded field matches when it is a run of whole words of the procedure's field. Listing
    # those runs lets the index on contact_fields.folded find them (no scan of every field).
    words = text.index_text(field[0]).split() if field and field[0] else []
    runs = sorted({" ".join(words[i:j]) for i in range(len(words))
                   for j in range(i + 1, len(words) + 1)})  # fmt: skip
    # With a filter every hit is ranked (the filter applies after the ranking's LIMIT); for the
    # desk's place a few pages more than shown are enough to re-sort within a level.
    ranked = -1 if level or province or not limit else limit * 4 if near.province else limit
    params: dict = {"code": code, "limit": ranked, "level": level or None,
                    "province": f" {text.fold(province)} " if province else None}  # fmt: skip
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
        SELECT {_SUMMARY}, r.tier, r.level_rank, {_PLACE} FROM ranked r
        JOIN contacts c ON c.id = r.id
        WHERE (:level IS NULL OR c.level = :level)
          AND (:province IS NULL OR instr({_PLACE}, :province) > 0)
        ORDER BY r.level_rank, r.tier, r.agency_last, r.name
        """,
        params,
    ).fetchall()
    if near.province:  # within a level: the desk's commune and province first
        rows.sort(key=lambda r: (r[8], near.rank(r[9])))
    rows = rows[:limit] if limit else rows
    return _summaries(db, [r[:7] for r in rows], [_TIERS[r[7]] for r in rows])
