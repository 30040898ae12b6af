"""Vietnamese text: NFC normalisation, folding for search, and FTS5 query building.

All search in SupportDesk goes through this module, so that what is indexed and what is typed
are folded the same way (DESIGN §4).
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from collections.abc import Iterable

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u3000]+")
_WORD = re.compile(r"\w+")
# People write the final i/y of these syllables either way ("đăng ký" / "đăng kí", "quy"/"qui").
_Y_TO_I = re.compile(r"^(k|l|m|t|h|qu)y$")
_MAX_QUERY_TOKENS = 16


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def clean(text: object) -> str:
    """NFC, spaces collapsed inside each line, lines stripped, no leading/trailing blank lines.

    The one normaliser for text arriving at an edge (form, file, HTTP)."""
    if text is None:
        return ""
    lines = nfc(str(text)).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(_SPACES.sub(" ", line).strip() for line in lines).strip()


def fold(text: str) -> str:
    """Lower-case, accent-free form: NFC → casefold → đ→d → drop combining marks → one space."""
    s = unicodedata.normalize("NFC", text).casefold().replace("đ", "d")
    s = "".join(ch for ch in unicodedata.normalize("NFD", s) if not unicodedata.combining(ch))
    return " ".join(s.split())


def _canonical(token: str) -> str:
    return _Y_TO_I.sub(r"\1i", token)


def tokens(text: str) -> list[str]:
    """Folded, spelling-canonical word tokens of a text."""
    return [_canonical(t) for t in _WORD.findall(fold(text))]


def index_text(*parts: str | None) -> str:
    """What goes into a folded shadow column: tokens joined by spaces."""
    return " ".join(t for part in parts if part for t in tokens(part))


def digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


class Abbreviations:
    """Abbreviations and common phrasings, expanded at query time.

    Keys and expansions are token tuples, folded the same way as the index."""

    def __init__(self, table: dict[str, list[str]]):
        self._table: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
        for key, expansions in table.items():
            folded = tuple(tokens(key))
            if folded:
                self._table[folded] = [tuple(tokens(e)) for e in expansions if tokens(e)]
        self._longest = max((len(k) for k in self._table), default=0)

    @classmethod
    @functools.cache
    def shipped(cls) -> Abbreviations:
        from supportdesk.paths import resource

        with resource("search", "abbreviations.json").open(encoding="utf-8") as f:
            return cls(json.load(f)["abbreviations"])

    def match(self, toks: list[str], start: int) -> tuple[int, list[tuple[str, ...]]]:
        """Longest abbreviation starting at toks[start]: (its length, expansions) or (0, [])."""
        for n in range(min(self._longest, len(toks) - start), 0, -1):
            found = self._table.get(tuple(toks[start : start + n]))
            if found:
                return n, found
        return 0, []


def _phrase(toks: Iterable[str], prefix: bool = False) -> str:
    # Tokens are \w+ runs, so they never hold a quote; quoting makes FTS5 read them as plain text.
    return '"' + " ".join(toks) + '"' + ("*" if prefix else "")


def match_query(query: str, abbreviations: Abbreviations | None = None) -> str | None:
    """An FTS5 MATCH expression for what a person typed, or None when nothing searchable is left.

    Every token is quoted, so no input can make the query raise. The last token is a prefix while
    the person is still typing it (no trailing space)."""
    toks = tokens(query)[:_MAX_QUERY_TOKENS]
    if not toks:
        return None
    still_typing = not query[-1:].isspace()
    parts: list[str] = []
    i = 0
    while i < len(toks):
        n, expansions = abbreviations.match(toks, i) if abbreviations else (0, [])
        if n:
            said = toks[i : i + n]
            is_last = i + n == len(toks)
            options = [_phrase(said, prefix=is_last and still_typing and n == 1)]
            options += [_phrase(e) for e in expansions]
            parts.append("(" + " OR ".join(options) + ")")
            i += n
        else:
            is_last = i == len(toks) - 1
            parts.append(_phrase([toks[i]], prefix=is_last and still_typing))
            i += 1
    # FTS5 rejects an implicit AND next to a parenthesised OR group ("(a OR b) c"): spell it out.
    return (" AND " if any(p.startswith("(") for p in parts) else " ").join(parts)
