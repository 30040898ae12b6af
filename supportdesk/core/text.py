"""Vietnamese text: NFC normalisation, folding for search, and FTS5 query building.

All search in SupportDesk goes through this module, so that what is indexed and what is typed
are folded the same way (docs/ARCHITECTURE.md, "A search").
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass

_WORD = re.compile(r"\w+")
# People write the final i/y of these syllables either way ("đăng ký" / "đăng kí", "quy"/"qui").
_Y_TO_I = {c + "y": c + "i" for c in ("k", "l", "m", "t", "h", "qu")}
# The combining blocks; Vietnamese marks are all in the first. Others are caught by the slow path.
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")
_MAX_QUERY_TOKENS = 16


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def clean(text: object) -> str:
    """NFC, spaces collapsed inside each line, lines stripped, no leading/trailing blank lines.

    The one normaliser for text arriving at an edge (form, file, HTTP)."""
    if text is None:
        return ""
    lines = nfc(str(text)).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(" ".join(line.split()) for line in lines).strip()


def fold(text: str) -> str:
    """Lower-case, accent-free form: NFC → casefold → đ→d → drop combining marks → one space."""
    s = unicodedata.normalize("NFC", text).casefold().replace("đ", "d")
    s = _COMBINING.sub("", unicodedata.normalize("NFD", s))
    if not s.isascii():
        s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return " ".join(s.split())


def _canonical(token: str) -> str:
    return _Y_TO_I.get(token, token)


def tokens(text: str) -> list[str]:
    """Folded, spelling-canonical word tokens of a text."""
    return [_canonical(t) for t in _WORD.findall(fold(text))]


def index_text(*parts: str | None) -> str:
    """What goes into a folded shadow column: tokens joined by spaces."""
    return " ".join(t for part in parts if part for t in tokens(part))


def digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


class Abbreviations:
    """Abbreviations and common phrasings, expanded at query time, and filler words dropped.

    Keys and expansions are token tuples, folded the same way as the index."""

    def __init__(
        self, table: dict[str, list[str]], filler: list[str] = (), replacing: Iterable[str] = ()
    ):
        self._replacing = {tuple(tokens(k)) for k in replacing}
        runs = {tuple(tokens(f)) for f in filler if tokens(f)}
        self._filler_by_first: dict[str, list[tuple[str, ...]]] = {}
        for run in sorted(runs, key=len, reverse=True):  # longest run first
            self._filler_by_first.setdefault(run[0], []).append(run)
        self._table: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
        for key, expansions in table.items():
            folded = tuple(tokens(key))
            if folded:
                self._table[folded] = [tuple(tokens(e)) for e in expansions if tokens(e)]
        self._longest = max((len(k) for k in self._table), default=0)

    @classmethod
    @functools.cache
    def shipped(cls) -> Abbreviations:
        """The abbreviations every search box expands (catalog, directory)."""
        doc = _read_search_resource("abbreviations.json")
        return cls(doc["abbreviations"], doc.get("filler", []))

    @classmethod
    @functools.cache
    def for_questions(cls) -> Abbreviations:
        """For questions about procedures, also: everyday names in place of the portal's words
        (phrasings.json; the words as said count only when listed) and the question's frame
        and question words dropped (questions.json)."""
        doc = _read_search_resource("abbreviations.json")
        everyday = _read_search_resource("phrasings.json")["phrasings"]
        questions = _read_search_resource("questions.json")
        cues = [c["cue"] for cues in questions["asked"].values() for c in cues if c["strip"]]
        filler = [*doc.get("filler", []), *questions["frames"], *cues]
        return cls({**doc["abbreviations"], **everyday}, filler, replacing=everyday)

    def replaces(self, said: tuple[str, ...]) -> bool:
        """Whether the words as said give way to their expansions (an everyday name)."""
        return said in self._replacing

    def filler_at(self, toks: list[str], start: int) -> int:
        """Length of the longest filler run ("xin", "hồ sơ") starting at toks[start], or 0."""
        for run in self._filler_by_first.get(toks[start], ()):
            if tuple(toks[start : start + len(run)]) == run:
                return len(run)
        return 0

    def match(self, toks: list[str], start: int) -> tuple[int, list[tuple[str, ...]]]:
        """Longest abbreviation starting at toks[start]: (its length, expansions) or (0, [])."""
        for n in range(min(self._longest, len(toks) - start), 0, -1):
            found = self._table.get(tuple(toks[start : start + n]))
            if found:
                return n, found
        return 0, []


@dataclass(frozen=True)
class Term:
    """One thing a person typed: a word, or an abbreviation with what it stands for."""

    options: tuple[tuple[str, ...], ...]  # token runs, any of which satisfies the term
    prefix: bool = False  # the first option is a word still being typed

    def fts(self) -> str:
        # Tokens are \w+ runs, so they never hold a quote; quoting makes FTS5 read plain text.
        phrases = ['"' + " ".join(o) + '"' for o in self.options]
        if self.prefix:
            phrases[0] += "*"
        return phrases[0] if len(phrases) == 1 else "(" + " OR ".join(phrases) + ")"

    def found_in(self, folded_words: str) -> bool:
        """Whether a text already passed through index_text satisfies this term."""
        padded = f" {folded_words} "
        for i, option in enumerate(self.options):
            run = " " + " ".join(option)
            if (self.prefix and i == 0 and run in padded) or run + " " in padded:
                return True
        return False


def query_terms(
    query: str,
    abbreviations: Abbreviations | None = None,
    *,
    drop_filler: bool = True,
    keep_filler: Callable[[list[str], int, int], bool] | None = None,
    max_tokens: int = _MAX_QUERY_TOKENS,
) -> list[Term]:
    """The terms of a typed query: abbreviations expanded, then filler words dropped (unless
    nothing else is left, or keep_filler(tokens, start, length) says that this run is meant).
    The last word is a prefix while it is still being typed."""
    toks = tokens(query)[:max_tokens]
    still_typing = not query[-1:].isspace()
    terms: list[Term] = []
    i = 0
    while i < len(toks):
        n, expansions = abbreviations.match(toks, i) if abbreviations else (0, [])
        if not n and drop_filler and abbreviations:
            filler = abbreviations.filler_at(toks, i)
            if filler and not (keep_filler and keep_filler(toks, i, filler)):
                i += filler
                continue
        n = max(n, 1)
        is_last = i + n == len(toks)
        said = tuple(toks[i : i + n])
        if expansions and abbreviations.replaces(said):
            terms.append(Term(tuple(dict.fromkeys(expansions))))
        else:
            options = tuple(dict.fromkeys((said, *expansions)))
            terms.append(Term(options, prefix=is_last and still_typing and n == 1))
        i += n
    if not terms and toks and drop_filler:
        return query_terms(query, abbreviations, drop_filler=False, max_tokens=max_tokens)
    return terms


def match_query(
    query: str, abbreviations: Abbreviations | None = None, *, every_word: bool = True
) -> str | None:
    """An FTS5 MATCH expression for what a person typed, or None when nothing searchable is left.

    Every token is quoted, so no input can make the query raise. With every_word=False any term
    may match (the relaxed retry when a query holds words no record has)."""
    terms = query_terms(query, abbreviations)
    if not terms:
        return None
    # FTS5 only combines bare phrases implicitly; with (… OR …) groups the AND must be explicit.
    return (" AND " if every_word else " OR ").join(t.fts() for t in terms)


def _read_search_resource(name: str) -> dict:
    from supportdesk.paths import resource

    with resource("search", name).open(encoding="utf-8") as f:
        return json.load(f)
