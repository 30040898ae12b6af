"""Ranking procedures for what a person asked: which name explains the question best.

Search finds candidates with FTS5; this module orders them. A procedure scores for every word of
the question its name holds, each word weighted by how rare it is among the catalog's names
(IDF: "khai tử" decides, "đăng ký" barely does), less for words only its body holds, more when
the question's words stand side by side in the name as they do in the question. Words of the
name the question never said cost a little: "Đăng ký khai sinh" beats "Đăng ký khai sinh lưu
động" unless "lưu động" was asked. The commune's own level wins a tie, and a level the question
names ("cấp tỉnh", "trung ương") counts like any other word (docs/ARCHITECTURE.md, "A question
about procedures")."""

from __future__ import annotations

import bisect
import json
import math
from dataclasses import dataclass, field

from sqlite_utils import Database

from supportdesk.core.catalog import changes
from supportdesk.core.text import Term

# How much each signal counts, relative to one fully matched name word (weight = its IDF).
BODY_SHARE = 0.25  # a word only the field or body holds
PAIR_SHARE = 0.5  # a pair of the question's words side by side in the name
UNSAID_SHARE = 0.18  # each name word the question did not say (a special case, a detail)
UNSAID_SATURATION = 40.0  # unsaid weight at which the cost is half its linear value
FIELD_SHARE = 0.3  # a term the procedure's field holds, on top of the name
COMMON_IDF = 2.0  # about one name in eight holds a word this common ("đăng ký", "cấp", "cho")
WHOLE_BONUS = 4.0  # a name holding every decisive term
SPECIAL_SHARE = 0.9  # a special-case mark ("lưu động", "có yếu tố nước ngoài") not asked for
HOME_LEVEL_BONUS = 1.0  # the commune's own level, on a tie
ASKED_LEVEL_BONUS = 2.0  # the level the question names


@dataclass
class Name:
    """A procedure's name as ranking reads it: folded words and where each stands."""

    words: list[str]
    levels: tuple[str, ...]
    field_words: str
    weight: float = 0.0  # the IDF of its distinct words, summed
    at: dict[str, list[int]] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.at = {}
        for i, w in enumerate(self.words):
            self.at.setdefault(w, []).append(i)


@dataclass
class Vocabulary:
    """How many procedure names hold each folded word: the IDF of the catalog's own words."""

    procedures: int
    name_df: dict[str, int]
    pairs: dict[str, int] = field(default_factory=dict)  # "a b" → names holding them side by side
    names: dict[int, Name] = field(default_factory=dict)  # by procedure id, ready to score
    words: list[str] = field(init=False)  # sorted, for typo candidates and prefixes

    _idf: dict[str, float] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.words = sorted(self.name_df)
        self._idf = {}

    def idf(self, token: str) -> float:
        found = self._idf.get(token)
        if found is None:
            df = self.name_df.get(token, 0)
            found = self._idf[token] = math.log(1 + (self.procedures - df + 0.5) / (df + 0.5))
        return found

    def known(self, token: str) -> bool:
        return token in self.name_df

    def pair_idf(self, a: str, b: str) -> float:
        """The IDF of two words side by side in names ("chuyển trường" is rarer than each)."""
        df = self.pairs.get(f"{a} {b}", 0)
        return math.log(1 + (self.procedures - df + 0.5) / (df + 0.5))

    def completes(self, prefix: str) -> bool:
        """Whether some name word starts with prefix (a word still being typed)."""
        i = bisect.bisect_left(self.words, prefix)
        return i < len(self.words) and self.words[i].startswith(prefix)


# Vocabularies by store file, shared by every connection of the process: the GUI searches on a
# fresh connection per keystroke and a store's other writes (requests) must not rebuild it —
# only a catalog change does (its mark, core.catalog.changes).
_SHARED: dict[str, tuple[str, Vocabulary]] = {}
_SHARED_STORES = 4  # tests and the bench open many stores; a desk has one


def vocabulary(db: Database) -> Vocabulary:
    """The catalog's name vocabulary, built once per catalog change (a second or more at 10,000
    procedures) and shared by every connection to the same store file."""
    conn = db.conn
    store = conn.execute("PRAGMA database_list").fetchone()[2] or f"memory:{id(conn)}"
    key = changes.current(db)
    cached = _SHARED.get(store)
    if cached is not None and cached[0] == key:
        return cached[1]
    conn.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.catalog_name_vocab"
        " USING fts5vocab(main, procedure_names, row)"
    )
    df = dict(conn.execute("SELECT term, doc FROM temp.catalog_name_vocab"))
    pairs: dict[str, int] = {}
    names = {}
    rows = conn.execute("SELECT id, search_name, levels, search_field FROM procedures")
    for pid, name, levels, field_words in rows:
        words = name.split()
        for pair in {f"{a} {b}" for a, b in zip(words, words[1:])}:
            pairs[pair] = pairs.get(pair, 0) + 1
        if words[:2] == ["thu", "tuc"]:  # only some portal titles start so: it says nothing
            words = words[2:]
        names[pid] = Name(words, tuple(json.loads(levels or "[]")), field_words or "")
    found = Vocabulary(max(len(names), 1), df, pairs, names)
    for name in names.values():
        name.weight = sum(found.idf(w) for w in name.at)
    if len(_SHARED) >= _SHARED_STORES and store not in _SHARED:
        _SHARED.pop(next(iter(_SHARED)))
    _SHARED[store] = (key, found)
    return found


@dataclass
class Question:
    """What search understood: terms to match, the levels named, special cases said."""

    terms: list[Term]
    levels: set[str] = field(default_factory=set)  # "xa", "tinh", "bo" when the question says so
    pairs: set[tuple[str, str]] = field(default_factory=set)  # neighbouring words as typed
    unsaid_special: tuple[tuple[str, ...], ...] = ()  # special-case marks the question lacks
    said: frozenset[str] = frozenset()  # every word typed, frames included
    phrase_count: int = 0  # the last terms are phrases (question.understand): they never decide
    # option runs by their first word, to look only at the terms a name can hold
    _starting: dict = field(default_factory=dict, init=False, repr=False)
    _weights: dict = field(default_factory=dict, init=False, repr=False)
    _decisive: list[int] | None = field(default=None, init=False, repr=False)
    _term_weights: list[float] | None = field(default=None, init=False, repr=False)
    _fields: dict = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        for t, term in enumerate(self.terms):
            for o, option in enumerate(term.options):
                key = "" if term.prefix and o == 0 else option[0]
                self._starting.setdefault(key, []).append((t, option))

    def phrases(self) -> list[int]:
        return list(range(len(self.terms) - self.phrase_count, len(self.terms)))

    def decisive(self, vocab: Vocabulary) -> list[int]:
        """The terms rarer than COMMON_IDF (all terms when none is): the ones that decide."""
        if self._decisive is None:
            words = range(len(self.terms) - self.phrase_count)  # phrases only add
            rare = [
                t
                for t in words
                if self.term_weight(t, vocab) >= COMMON_IDF and not self._half_typed(t, vocab)
            ]
            self._decisive = rare or list(words)
        return self._decisive

    def _half_typed(self, t: int, vocab: Vocabulary) -> bool:
        """A word still being typed that is no word yet ("d", "ch"): it decides nothing."""
        term = self.terms[t]
        return term.prefix and len(term.options) == 1 and not vocab.known(term.options[0][0])

    def weight(self, vocab: Vocabulary) -> float:
        """What a name holding every term would score for them."""
        return sum(self.term_weight(t, vocab) for t in range(len(self.terms)))

    def term_weight(self, t: int, vocab: Vocabulary) -> float:
        if self._term_weights is None:
            self._term_weights = [
                max(self.option_weight(o, vocab) for o in term.options) for term in self.terms
            ]
        return self._term_weights[t]

    def field_bonus(self, field_words: str, vocab: Vocabulary) -> float:
        """The weight of the terms a field holds (fields repeat: computed once per field)."""
        found = self._fields.get(field_words)
        if found is None:
            found = self._fields[field_words] = sum(
                self.term_weight(t, vocab)
                for t, term in enumerate(self.terms)
                if field_words and term.found_in(field_words)
            )
        return found

    def option_weight(self, option: tuple[str, ...], vocab: Vocabulary) -> float:
        found = self._weights.get(option)
        if found is None:
            found = self._weights[option] = _weight(option, vocab)
        return found


def _weight(option: tuple[str, ...], vocab: Vocabulary) -> float:
    return sum(vocab.idf(t) for t in option) / max(len(option), 1) ** 0.5


def _find(run: tuple[str, ...], words: list[str], at: dict[str, list[int]], prefix: bool) -> int:
    """Index where a run of tokens starts in words (the last one a prefix if asked), or -1."""
    n = len(run)
    if prefix and n == 1:
        if run[0] in at:  # the word already typed in full
            return at[run[0]][0]
        return next((i for i, w in enumerate(words) if w.startswith(run[0])), -1)
    for i in at.get(run[0], ()):
        if i + n > len(words):
            break
        if n == 1 or all(words[i + k] == run[k] for k in range(1, n - 1)):
            last = words[i + n - 1]
            if last == run[-1] or (prefix and last.startswith(run[-1])):
                return i
    return -1


@dataclass
class Candidate:
    id: int
    name: Name
    score: float = 0.0
    matched: float = 0.0  # weight of the question's terms found anywhere
    missing: list[int] = field(default_factory=list)  # terms the name lacks


def score_name(candidate: Candidate, question: Question, vocab: Vocabulary) -> None:
    """The score from the name alone; the terms it lacks are kept for score_body."""
    words, at = candidate.name.words, candidate.name.at
    best: dict[int, tuple[float, range]] = {}
    for first in ("", *at):
        for t, option in question._starting.get(first, ()):
            start = _find(option, words, at, first == "")
            if start >= 0:  # an everyday phrase means what its portal phrase says: same weight
                weight = question.term_weight(t, vocab)
                if weight > best.get(t, (0.0,))[0]:
                    best[t] = (weight, range(start, start + len(option)))
    covered: set[int] = set()
    total = 0.0
    for weight, span in best.values():
        total += weight
        covered.update(span)
    candidate.matched = total
    candidate.missing = [t for t in range(len(question.terms)) if t not in best]
    total += FIELD_SHARE * question.field_bonus(
        candidate.name.field_words, vocab
    )  # what it is about
    decisive = question.decisive(vocab)
    if not any(t in decisive for t in candidate.missing):
        total += WHOLE_BONUS  # the name holds every word that decides: a short query's meaning
    for a, b in zip(words, words[1:]):
        if (a, b) in question.pairs:
            total += PAIR_SHARE * (vocab.idf(a) + vocab.idf(b)) / 2
    # The title's words neither matched nor said, by word: all its words' weight less those.
    accounted = {words[i] for i in covered}
    accounted.update(w for w in question.said if w in at)
    unsaid_weight = candidate.name.weight - sum(vocab.idf(w) for w in accounted)
    # Saturating: past a few rare words, a long title is not less likely for every extra word.
    total -= UNSAID_SHARE * unsaid_weight * UNSAID_SATURATION / (unsaid_weight + UNSAID_SATURATION)
    for mark in question.unsaid_special:
        if mark[0] in at and _find(mark, words, at, False) >= 0:
            total -= SPECIAL_SHARE * sum(vocab.idf(t) for t in mark)
    if question.levels.intersection(candidate.name.levels):
        total += ASKED_LEVEL_BONUS
    elif "xa" in candidate.name.levels:
        total += HOME_LEVEL_BONUS
    candidate.score = total


def body_bound(candidate: Candidate, question: Question, vocab: Vocabulary) -> float:
    """The most the body could still add: every missing term found there."""
    return candidate.score + BODY_SHARE * sum(
        question.term_weight(t, vocab) for t in candidate.missing
    )


def score_body(candidate: Candidate, other_words: str, question: Question, vocab) -> None:
    """Add the terms the name lacks that the field or body (folded words) holds."""
    for t in candidate.missing:
        if question.terms[t].found_in(other_words):
            weight = BODY_SHARE * question.term_weight(t, vocab)
            candidate.score += weight
            candidate.matched += weight
