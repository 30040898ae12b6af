"""A procedure's dossier as a citizen reads it: the form first, the papers everyone brings, then
the papers needed only in some cases ("Chỉ khi …"), and the notes.

The portal lists a dossier as cases of rows, and mixes into them what is not a paper at all:
conditions ("Trường hợp … thì …"), remarks for the citizen and instructions to the officials who
receive the dossier ("Người tiếp nhận có trách nhiệm …"). One grouping, used by the handout, the
GUI detail and `catalog show`, so that all three say the same thing. Pure functions over the dict
of `catalog.get`; wording is the portal's, only list marks and "thì phải có" are trimmed.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

from supportdesk.core.text import clean, fold

CHI_KHI = "Chỉ khi"
NO_FEE = "Cổng Dịch vụ công không ghi phí, lệ phí"  # an empty fee: the portal lists none
NO_TIME = "Cổng Dịch vụ công không ghi thời hạn"
CONDITION_MAX = 90  # characters of a "Chỉ khi …" heading

_LIST_MARK = re.compile(r"^(?:[-–•*+]\s*)+")
# "1. ", "a) ", "(1.2) ", "I. ", "1.1. " at the start of a row: numbering, not words.
_NUMBERING = re.compile(r"^(?:\(?(?:[0-9]{1,2}(?:\.[0-9]{1,2})*|[a-zđ]|[IVX]{1,4})[.)]\s+)")
_FORM_STARTS = (
    "to khai", "don ", "mau ", "phieu ", "giay de nghi", "bieu mau", "ban khai",
)  # fmt: skip
_CONDITION_STARTS = ("truong hop ", "neu ", "doi voi truong hop ", "rieng ", "trong truong hop ")
_CONDITION_INSIDE = re.compile(
    r"\((?:chi )?(?:neu|truong hop|doi voi truong hop|ap dung (?:doi voi|cho))\s"
    r"|\btrong truong hop\s"
)
# Remarks whose subject is the office: the citizen has nothing to do with them.
_OFFICIAL_STARTS = (
    "nguoi tiep nhan", "can bo", "cong chuc", "co quan", "bo phan", "uy ban", "ubnd",
    "trung tam phuc vu", "chu tich", "so ", "phong ", "cac co quan",
)  # fmt: skip
_OFFICIAL_INSIDE = re.compile(
    r"nguoi tiep nhan|can bo tiep nhan|cong chuc (?:tiep nhan|tu phap)|khong duoc yeu cau"
    r"|\bthi (?:co quan|can bo|cong chuc|uy ban|ubnd|bo phan)"
)
_NOTE_CASES = ("luu y", "ghi chu", "chu y")
_PRESENT_CASES = ("xuat trinh",)  # "Giấy tờ phải xuất trình": shown at the counter, not kept
# "Trường hợp X thì phải có Y": the paper is Y; these verbs only say it must be brought.
_MUST = re.compile(
    r"^(?:thì\s+)?(?:phải|cần|được)?\s*(?:có|nộp|kèm theo|bổ sung|xuất trình|gửi kèm(?: theo)?)?"
    r"\s*(?:thêm\s+)?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Paper:
    """One row to tick: the portal's words, its counts and the template (if any)."""

    text: str
    originals: int = 0
    copies: int = 0
    form: str = ""
    present: bool = False  # to show at the counter (xuất trình), not to hand in


@dataclass
class Group:
    """Papers needed only when ``condition`` holds; shown under "Chỉ khi <condition>"."""

    condition: str
    papers: list[Paper] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def heading(self) -> str:
        return f"{CHI_KHI} {self.condition}" if self.condition else f"{CHI_KHI} cần"


@dataclass
class Checklist:
    forms: list[Paper] = field(default_factory=list)
    common: list[Paper] = field(default_factory=list)
    conditional: list[Group] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # for the citizen: read, not ticked
    official_notes: list[str] = field(default_factory=list)  # for the officials only

    def is_empty(self) -> bool:
        return not (self.forms or self.common or self.conditional or self.notes)

    def group(self, condition: str) -> Group:
        for group in self.conditional:
            if fold(group.condition) == fold(condition):
                return group
        self.conditional.append(Group(condition))
        return self.conditional[-1]


def _text(value: object) -> str:
    return _LIST_MARK.sub("", clean(value or "")).strip()


def _key(text: str) -> str:
    """The folded start of a row without its list mark or numbering, for classifying."""
    return fold(_NUMBERING.sub("", text, count=1)) + " "


def _count(value: object) -> int:
    try:
        return max(int(value or 0), 0)
    except (TypeError, ValueError):
        return 0


def is_official(text: str) -> bool:
    key = _key(_text(text))
    return key.startswith(_OFFICIAL_STARTS) or bool(_OFFICIAL_INSIDE.search(key))


def is_form(text: str, form: str = "") -> bool:
    return bool(clean(form)) or _key(_text(text)).startswith(_FORM_STARTS)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def _tidy_condition(text: str) -> str:
    """Without end punctuation; a long condition is cut at a word ("…"): the row says it all."""
    text = text.strip().rstrip(" ,;:.").strip()
    if len(text) > CONDITION_MAX:
        text = text[:CONDITION_MAX].rsplit(" ", 1)[0].rstrip(" ,;:(") + " …"
    return text


def split_condition(text: str) -> tuple[str, str] | None:
    """("condition", "paper") for a conditional row, None for a paper everyone brings.

    "Trường hợp trẻ em bị bỏ rơi thì phải có biên bản …" → ("trẻ em bị bỏ rơi", "Biên bản …");
    "Văn bản ủy quyền … trong trường hợp ủy quyền …" → ("ủy quyền …", the whole row)."""
    body = _NUMBERING.sub("", _text(text), count=1)
    key = fold(body) + " "
    for start in _CONDITION_STARTS:
        if key.startswith(start):
            rest = body[len(start) :].lstrip()
            if start == "neu ":
                rest = body[3:].lstrip()
            for word in (" thì ", " phải có ", " phải nộp ", " phải kèm "):
                head, sep, tail = rest.partition(word)
                if sep and tail.strip():
                    paper = _MUST.sub("", f"{word.strip()} {tail.strip()}", count=1).strip()
                    return _tidy_condition(head), _capital(paper or tail.strip())
            head, sep, tail = rest.partition(":")
            if sep and tail.strip():
                return _tidy_condition(head), _capital(tail.strip())
            return _tidy_condition(rest), body
    if key.startswith("doi voi ") and ":" in body[:120]:
        head, _, tail = body.partition(":")  # "Đối với Quân đội nhân dân: Giấy giới thiệu …"
        if tail.strip():
            return _tidy_condition(_lower_first(head)), _capital(tail.strip())
    inside = _CONDITION_INSIDE.search(key)
    if inside:
        # fold keeps the length of Vietnamese text (one letter per letter), so the match offsets
        # point into the original text.
        after = body[inside.end() :] if len(fold(body)) == len(body) else ""
        condition = re.split(r"[).;]|\s-\s", after, maxsplit=1)[0] if after else ""
        return _tidy_condition(condition) or "", body
    return None


def _case_condition(case: str) -> str | None:
    """The condition of a case named "Trường hợp …"/"Đối với trường hợp …", else None."""
    name = _NUMBERING.sub("", _text(case).split("\n")[0], count=1)
    key = fold(name) + " "
    for start in _CONDITION_STARTS:
        if key.startswith(start):
            return _tidy_condition(name[len(start) :] if start != "neu " else name[3:])
    return None


def group_dossier(dossier: list[dict]) -> Checklist:
    """The dossier of `catalog.get` grouped for reading (see the module docstring)."""
    out = Checklist()
    for case in dossier or []:
        title = _text(case.get("case") or "")
        title_key = fold(title)
        notes_only = title_key.startswith(_NOTE_CASES)
        present = any(word in title_key for word in _PRESENT_CASES)
        case_condition = None if notes_only else _case_condition(title)
        items = case.get("items") or []
        for index, item in enumerate(items):
            text = _text(item.get("name"))
            if not text or (not notes_only and _is_intro(items, index)):
                continue
            paper = Paper(
                text=text,
                originals=_count(item.get("originals")),
                copies=_count(item.get("copies")),
                form=clean(item.get("form") or ""),
                present=present,
            )
            _place(out, paper, notes_only, case_condition)
    return out


def _is_intro(items: list[dict], index: int) -> bool:
    """A row ending in ":" whose next row is a paper ("… nộp các giấy tờ sau:"): a lead-in to
    the list, not a remark of its own."""
    text = _text(items[index].get("name"))
    if not text.endswith(":"):
        return False
    following = items[index + 1 : index + 2]
    return not following or bool(
        _count(following[0].get("originals")) or _count(following[0].get("copies"))
    )


def _place(out: Checklist, paper: Paper, notes_only: bool, case_condition: str | None) -> None:
    wanted = paper.originals or paper.copies or paper.form
    if notes_only or not wanted:
        if is_official(paper.text):
            out.official_notes.append(paper.text)
        elif case_condition is not None:
            out.group(case_condition).notes.append(paper.text)
        else:
            out.notes.append(paper.text)
        return
    if case_condition is not None:
        out.group(case_condition).papers.append(paper)
        return
    if is_form(paper.text, paper.form):
        out.forms.append(paper)
        return
    split = split_condition(paper.text)
    if split is None:
        out.common.append(paper)
        return
    condition, text = split
    out.group(condition).papers.append(
        Paper(text, paper.originals, paper.copies, paper.form, paper.present)
    )


def counts(paper: Paper) -> str:
    """ "1 bản chính, 1 bản sao" — what the counts ask for, in words."""
    parts = []
    if paper.originals:
        parts.append(f"{paper.originals} bản chính")
    if paper.copies:
        parts.append(f"{paper.copies} bản sao")
    return ", ".join(parts)


FORMS = "Tờ khai, đơn (điền trước khi nộp)"
COMMON = "Giấy tờ kèm theo"
CITIZEN_NOTES = "Lưu ý"
OFFICIAL_NOTES = "Ghi chú cho cán bộ tiếp nhận (không in cho người dân)"


def sections(checklist: Checklist) -> list[tuple[str, list[Paper], list[str]]]:
    """(title, papers, notes) in reading order: the forms, the papers everyone brings, then each
    "Chỉ khi …" group. Ticks are keyed by (section, paper) in this order everywhere."""
    out: list[tuple[str, list[Paper], list[str]]] = []
    if checklist.forms:
        out.append((FORMS, checklist.forms, []))
    if checklist.common:
        out.append((COMMON, checklist.common, []))
    out += [(g.heading, g.papers, g.notes) for g in checklist.conditional]
    return out


def describe(paper: Paper) -> str:
    """ "1 bản chính, 1 bản sao; xuất trình; mẫu: CT01.doc" — what goes after the paper."""
    if paper.present:  # shown at the counter and handed back: how many copies does not matter
        extra = ["mang bản chính để xuất trình"]
    else:
        extra = [counts(paper)] if counts(paper) else []
    if paper.form:
        extra.append(f"mẫu: {paper.form}")
    return "; ".join(extra)


def text_lines(
    checklist: Checklist, officials: bool = True, ticked: set[tuple[int, int]] | None = None
) -> list[str]:
    """The grouped checklist as plain text lines (`catalog show`, the GUI's copy as text)."""
    lines: list[str] = []
    for si, (title, papers, notes) in enumerate(sections(checklist)):
        lines.append(f"{title}:")
        for pi, paper in enumerate(papers):
            mark = "[x]" if ticked and (si, pi) in ticked else "[ ]"
            extra = describe(paper)
            lines.append(f"  {mark} {paper.text}" + (f" ({extra})" if extra else ""))
        lines += [f"  – {note}" for note in notes]
    if checklist.notes:
        lines.append(f"{CITIZEN_NOTES}:")
        lines += [f"  – {note}" for note in checklist.notes]
    if officials and checklist.official_notes:
        lines.append(f"{OFFICIAL_NOTES}:")
        lines += [f"  – {note}" for note in checklist.official_notes]
    return lines


def as_dict(checklist: Checklist) -> dict:
    """The grouping as JSON: {forms, common, conditional: [{condition, heading, papers, notes}],
    notes, official_notes}."""
    out = asdict(checklist)
    for group, data in zip(checklist.conditional, out["conditional"]):
        data["heading"] = group.heading
    return out


def methods_rows(methods: list[dict]) -> list[tuple[str, str, str]]:
    """(channels, time, fee) per channel; channels with the same time and fee share one row, and
    an empty fee says the portal lists none (it is not "unknown")."""
    rows: list[tuple[list[str], str, str]] = []
    for m in methods or []:
        channel = clean(m.get("channel") or "") or "—"
        time_text = clean(m.get("time_text") or "") or NO_TIME
        fee = clean(m.get("fee_text") or "") or NO_FEE
        for row in rows:
            if row[1] == time_text and row[2] == fee:
                row[0].append(channel)
                break
        else:
            rows.append(([channel], time_text, fee))
    return [(", ".join(channels), time_text, fee) for channels, time_text, fee in rows]
