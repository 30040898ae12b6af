"""vCard: reading what phones export (2.1, 3.0, 4.0) and writing 3.0, which every phone reads.

Only the structure of the format lives here (lines, folding, parameters, escapes, quoted-printable);
what a contact's fields mean is decided in core.directory."""

from __future__ import annotations

import quopri
import re
from dataclasses import dataclass, field

from supportdesk.core.errors import UserError
from supportdesk.core.text import clean

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_NAME = re.compile(r"^[A-Za-z0-9-]+$")


class VCardError(UserError, ValueError):
    def __init__(self, line: int, reason: str):
        super().__init__(reason)
        self.line, self.reason = line, reason


@dataclass
class Property:
    name: str  # upper case, group prefix ("item1.") removed
    params: dict[str, list[str]]  # upper-case keys; bare 2.1 types ("CELL") go under TYPE
    value: str  # raw value, quoted-printable already decoded, escapes NOT yet removed
    line: int

    def types(self) -> set[str]:
        return {t.lower() for v in self.params.get("TYPE", []) for t in v.split(",") if t}


@dataclass
class Card:
    line: int  # line number of BEGIN:VCARD, what error messages point at
    version: str = ""
    props: list[Property] = field(default_factory=list)

    def all(self, name: str) -> list[Property]:
        return [p for p in self.props if p.name == name]

    def first(self, name: str) -> Property | None:
        found = self.all(name)
        return found[0] if found else None


# ---------------------------------------------------------------- reading


def _logical_lines(text: str) -> list[tuple[int, str]]:
    """Unfolded lines with the number of the physical line each starts on.

    Folding: a line starting with a space or tab continues the previous one (2.1, 3.0, 4.0).
    Quoted-printable (2.1): a line ending in "=" continues on the next line."""
    out: list[tuple[int, str]] = []
    qp_open = False
    for number, line in enumerate(_LINE_BREAK.split(text), start=1):
        if out and qp_open:
            out[-1] = (out[-1][0], out[-1][1][:-1] + line)
        elif out and line[:1] in (" ", "\t"):
            out[-1] = (out[-1][0], out[-1][1] + line[1:])
        else:
            out.append((number, line))
        last = out[-1][1]
        qp_open = "QUOTED-PRINTABLE" in last.split(":", 1)[0].upper() and last.endswith("=")
    return out


def _split_unquoted(text: str, sep: str) -> list[str]:
    """Split on sep outside double quotes (4.0 quotes parameter values holding ; , :)."""
    parts, current, quoted = [], [], False
    for ch in text:
        if ch == '"':
            quoted = not quoted
        elif ch == sep and not quoted:
            parts.append("".join(current))
            current = []
            continue
        current.append(ch)
    parts.append("".join(current))
    return parts


def _colon(line: str) -> int:
    quoted = False
    for i, ch in enumerate(line):
        if ch == '"':
            quoted = not quoted
        elif ch == ":" and not quoted:
            return i
    return -1


def _property(number: int, line: str) -> Property:
    at = _colon(line)
    if at <= 0:
        raise VCardError(number, f"dòng không đúng dạng vCard: {line[:40]}")
    head, value = line[:at], line[at + 1 :]
    name, *raw_params = _split_unquoted(head, ";")
    name = name.rsplit(".", 1)[-1].upper()  # "item1.TEL" (Apple) is a TEL
    if not _NAME.match(name):
        raise VCardError(number, f"tên thuộc tính vCard không hợp lệ: {name[:40]}")
    params: dict[str, list[str]] = {}
    for raw in raw_params:
        key, eq, val = raw.partition("=")
        key, val = key.strip().upper(), val.strip().strip('"')
        if not eq:  # vCard 2.1 writes bare values: TEL;CELL;PREF
            key, val = ("ENCODING", key) if key in ("QUOTED-PRINTABLE", "BASE64") else ("TYPE", key)
        params.setdefault(key, []).append(val)
    encoding = {e.upper() for e in params.get("ENCODING", [])}
    if "QUOTED-PRINTABLE" in encoding:
        charset = (params.get("CHARSET") or ["utf-8"])[0]
        raw_bytes = quopri.decodestring(value.encode("latin-1", "replace"))
        try:
            value = raw_bytes.decode(charset, "replace")
        except LookupError:
            value = raw_bytes.decode("utf-8", "replace")
    return Property(name, params, value, number)


def parse(text: str) -> list[Card]:
    """Every card in a .vcf text. Raises VCardError (with a line number) on broken structure."""
    cards: list[Card] = []
    card: Card | None = None
    for number, line in _logical_lines(text.lstrip("\ufeff")):
        if not line.strip():
            continue
        upper = line.strip().upper()
        if upper == "BEGIN:VCARD":
            if card is not None:
                raise VCardError(number, "BEGIN:VCARD lồng nhau (thiếu END:VCARD ở thẻ trước)")
            card = Card(number)
        elif upper == "END:VCARD":
            if card is None:
                raise VCardError(number, "END:VCARD không có BEGIN:VCARD tương ứng")
            cards.append(card)
            card = None
        elif card is None:
            raise VCardError(number, "dòng nằm ngoài thẻ vCard (BEGIN:VCARD … END:VCARD)")
        else:
            prop = _property(number, line)
            if prop.name == "VERSION":
                card.version = prop.value.strip()
            else:
                card.props.append(prop)
    if card is not None:
        raise VCardError(card.line, "thẻ vCard không có END:VCARD")
    return cards


_ESCAPED = re.compile(r"\\(.)", re.DOTALL)


def unescape(value: str) -> str:
    if "\\" not in value:
        return value
    return _ESCAPED.sub(lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def components(value: str, sep: str = ";") -> list[str]:
    """Parts of a structured value (N, ORG) or a list (CATEGORIES), unescaped."""
    if "\\" not in value:
        return value.split(sep)
    parts, current, i = [], [], 0
    while i < len(value):
        ch = value[i]
        if ch == "\\" and i + 1 < len(value):
            current.append(value[i : i + 2])
            i += 2
            continue
        if ch == sep:
            parts.append(unescape("".join(current)))
            current = []
        else:
            current.append(ch)
        i += 1
    parts.append(unescape("".join(current)))
    return parts


def text_of(prop: Property | None) -> str:
    return clean(unescape(prop.value)) if prop else ""


# ---------------------------------------------------------------- writing


def escape(value: str) -> str:
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\n")
        .replace("\n", "\\n")
    )


def fold_line(line: str, limit: int = 75) -> str:
    """RFC 6350/2426 folding at 75 octets, never inside a UTF-8 character."""
    pieces, current, size = [], [], 0
    for ch in line:
        width = len(ch.encode("utf-8"))
        if size + width > limit:
            pieces.append("".join(current))
            current, size = [" "], 1
        current.append(ch)
        size += width
    pieces.append("".join(current))
    return "\r\n".join(pieces)


def serialize(cards: list[list[tuple[str, str]]]) -> str:
    """vCard 3.0 text for cards given as (name-with-params, already-escaped value) lines."""
    out = []
    for lines in cards:
        out.append("BEGIN:VCARD")
        out.append("VERSION:3.0")
        out += [fold_line(f"{name}:{value}") for name, value in lines]
        out.append("END:VCARD")
    return "\r\n".join(out) + "\r\n"
