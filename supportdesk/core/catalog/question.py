"""Understanding a question about procedures: what is asked, which words matter, typos.

"Tôi muốn biết đăng ký khai sinh cần giấy tờ gì" asks for the papers of "đăng ký khai sinh";
the frame ("tôi muốn biết") and the question words ("cần giấy tờ gì") are dropped before
matching, and the part asked is put first in the answer. The phrases are data
(`resources/search/questions.json`); one typo per word is corrected against the words of the
catalog's own names ("khia" → "khai") and the correction is reported, never hidden."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass

from sqlite_utils import Database

from supportdesk.core import text
from supportdesk.core.catalog.ranking import Question, Vocabulary

ASKED_KINDS = ("papers", "fee", "time", "where", "result", "conditions", "form", "general")
MAX_TOKENS = 60  # a question may copy a long portal title; beyond that, nothing is added
MIN_TYPO_LENGTH = 3  # shorter words have too many neighbours one letter away
PHRASES = True  # two neighbouring words of the question that some names hold, as a term
PHRASE_SHARE = 0.5  # of the pair's IDF
PHRASE_MIN_IDF = 3.0  # a pair about one name in twenty holds, or rarer


@dataclass(frozen=True)
class QuestionWords:
    """The question phrases of resources/search/questions.json, folded to token runs."""

    cues: tuple[tuple[tuple[str, ...], str], ...]  # (run, kind), longest run first
    levels: tuple[tuple[tuple[str, ...], str], ...]  # (run, level key)
    special: tuple[tuple[str, ...], ...]  # special-case marks of titles
    plain: frozenset[str]  # words of frames, cues and phrasings: never typos

    @classmethod
    @functools.cache
    def shipped(cls) -> QuestionWords:
        from supportdesk.paths import resource

        def read(name: str) -> dict:
            with resource("search", name).open(encoding="utf-8") as f:
                return json.load(f)

        questions, everyday = read("questions.json"), read("phrasings.json")
        cues = [
            (tuple(text.tokens(c["cue"])), kind)
            for kind, found in questions["asked"].items()
            for c in found
        ]
        cues.sort(key=lambda c: -len(c[0]))
        levels = [
            (tuple(text.tokens(p)), key) for key, said in questions["levels"].items() for p in said
        ]
        special = [tuple(text.tokens(m)) for m in everyday["special_cases"]["marks"]]
        phrases = [*questions["frames"], *everyday["phrasings"]]
        plain = {t for p in phrases for t in text.tokens(p)}
        plain |= {t for run, _ in cues for t in run}
        return cls(tuple(cues), tuple(levels), tuple(special), frozenset(plain))


def _has_run(run: tuple[str, ...], toks: list[str]) -> bool:
    n = len(run)
    return any(tuple(toks[i : i + n]) == run for i in range(len(toks) - n + 1))


def asked(query: str, title: str = "", words: QuestionWords | None = None) -> str:
    """Which part of a procedure the question asks for; "general" when it names none. A cue
    that is words of the procedure's own title ("… đủ điều kiện …", "… tờ khai …") asks
    nothing: it names the procedure."""
    words = words or QuestionWords.shipped()
    toks = text.tokens(query)
    named = text.tokens(title)
    found = [
        (i, -len(run), kind)
        for run, kind in words.cues
        if not _has_run(run, named)
        for i in _at(run, toks)
    ]
    return min(found)[2] if found else "general"


def _at(run: tuple[str, ...], toks: list[str]) -> list[int]:
    n = len(run)
    return [i for i in range(len(toks) - n + 1) if tuple(toks[i : i + n]) == run]


@dataclass(frozen=True)
class Correction:
    said: str
    used: str


def _known_anywhere(db: Database, token: str) -> bool:
    db.conn.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.catalog_all_vocab"
        " USING fts5vocab(main, procedures_fts, row)"
    )
    return bool(
        db.conn.execute("SELECT 1 FROM temp.catalog_all_vocab WHERE term = ?", [token]).fetchone()
    )


def corrected(
    db: Database, toks: list[str], vocab: Vocabulary, words: QuestionWords, still_typing: bool
) -> list[Correction]:
    """Replace, in place, each word no procedure has by the name word one edit away (a letter
    wrong, missing, extra or two swapped) that fits its neighbours best, then the commonest."""
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    fixes = []
    for i, tok in enumerate(toks):
        if len(tok) < MIN_TYPO_LENGTH or tok.isdigit() or vocab.known(tok) or tok in words.plain:
            continue
        if still_typing and i == len(toks) - 1 and vocab.completes(tok):
            continue
        if _known_anywhere(db, tok):
            continue
        near = process.extract(tok, vocab.words, scorer=OSA.distance, score_cutoff=1, limit=12)
        if not near:
            continue

        def fit(word: str, i=i) -> tuple:
            before = i > 0 and f"{toks[i - 1]} {word}" in vocab.pairs
            after = i + 1 < len(toks) and f"{word} {toks[i + 1]}" in vocab.pairs
            return (before + after, vocab.name_df.get(word, 0))

        best = max((w for w, _, _ in near), key=fit)
        fixes.append(Correction(tok, best))
        toks[i] = best
    return fixes


def _phrases(toks: list[str], terms: list, vocab: Vocabulary) -> list[tuple[str, str]]:
    """Two plain words of the question that stand side by side in some names are a phrase, a
    term of its own weighted by how rare the pair is ("chuyển trường", "cấp điện"). Words an
    abbreviation or an everyday name took are not plain."""
    plain = {t.options[0][0] for t in terms if len(t.options) == 1 and len(t.options[0]) == 1}
    chosen = [
        (a, b)
        for a, b in zip(toks, toks[1:])
        if a in plain
        and b in plain
        and f"{a} {b}" in vocab.pairs
        and vocab.pair_idf(a, b) >= PHRASE_MIN_IDF
    ]
    return list(dict.fromkeys(chosen))


def understand(db: Database, query: str, vocab: Vocabulary) -> tuple[Question, list[Correction]]:
    """The terms to rank by, the levels and special cases said, and the typos corrected."""
    words = QuestionWords.shipped()
    abbreviations = text.Abbreviations.for_questions()
    still_typing = not query[-1:].isspace()
    toks = text.tokens(query)
    fixes = corrected(db, toks, vocab, words, still_typing)
    typed = " ".join(toks) + ("" if still_typing and not fixes else " ")

    def meant(toks: list[str], i: int, n: int) -> bool:
        """A one-word frame that, with a neighbour, is two words of some name is not a frame:
        folded, "cần" is "căn" of "thẻ căn cước" and "hỏi" is "hội" of "xã hội"."""
        before = i > 0 and f"{toks[i - 1]} {toks[i]}" in vocab.pairs
        after = i + 1 < len(toks) and f"{toks[i]} {toks[i + 1]}" in vocab.pairs
        return n == 1 and (before or after)

    terms = text.query_terms(typed, abbreviations, keep_filler=meant, max_tokens=MAX_TOKENS)
    seen, unique = set(), []
    for term in terms:  # a word said twice counts once
        if term.options not in seen:
            seen.add(term.options)
            unique.append(term)
    content = {t for term in unique for t in term.options[0]}
    phrases = _phrases(toks, unique, vocab) if PHRASES else []
    unique += [text.Term((p,)) for p in phrases if (p,) not in seen]
    pairs = {(a, b) for a, b in zip(toks, toks[1:]) if a in content or b in content}
    levels = {key for run, key in words.levels if _has_run(run, toks)}
    unsaid = tuple(m for m in words.special if not _has_run(m, toks))
    question = Question(unique, levels, pairs, unsaid, frozenset(toks), len(phrases))
    for a, b in phrases:  # a phrase weighs what the pair's rarity says, not its words'
        question._weights[(a, b)] = PHRASE_SHARE * vocab.pair_idf(a, b)
    return question, fixes
