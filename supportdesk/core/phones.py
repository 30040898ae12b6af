"""Vietnamese phone numbers: parsing what people write, storing +84…, showing it the usual way.

Numbering facts this relies on (Vietnam's numbering plan since the 2017 landline and 2018 mobile
changes):
- Mobile numbers are 10 digits nationally: 0 + 3x/5x/7x/8x/9x + 7 digits, written 0912 345 678.
- Landlines are 11 digits nationally: 0 + area code + local number. Hà Nội (24) and TP.HCM (28)
  have two-digit codes and 8-digit local numbers (024 3823 4567); every other province has a
  three-digit code 2xx (0203 Quảng Ninh, 0236 Đà Nẵng, …) and a 7-digit local number
  (0203 3835 678).
- Before 2018 some mobiles had 11 digits (0162…, 0123…); their new prefixes are fixed by the
  ministry's conversion table below, so an old contact sheet still imports.
- Hotlines 1800/1900 and short codes (113, 1022) are dialled as they are, without +84.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from supportdesk.core.errors import UserError

COUNTRY = "84"
MOBILE_PREFIXES = "35789"  # the digit after the trunk 0 of a 10-digit mobile number
TWO_DIGIT_AREAS = ("24", "28")  # Hà Nội, TP.HCM
# 2018 conversion of 11-digit mobile numbers: old prefix → new prefix (national, with the 0).
OLD_MOBILE_PREFIXES = {
    "0120": "070", "0121": "079", "0122": "077", "0126": "076", "0128": "078",
    "0123": "083", "0124": "084", "0125": "085", "0127": "081", "0129": "082",
    "0162": "032", "0163": "033", "0164": "034", "0165": "035", "0166": "036",
    "0167": "037", "0168": "038", "0169": "039",
    "0186": "056", "0188": "058", "0199": "059",
}  # fmt: skip
KINDS = ("cell", "work", "home", "fax", "other")

# An extension at the end: "máy lẻ 12", "ext. 12", "x12", "#12", ";ext=12", a dialler pause ",12".
_EXT = re.compile(
    r"(?:;\s*ext\s*=|\bext\b\.?|\bextension\b|\bmay le\b|\bnhanh\b|x|#|,|p|w)"
    r"\s*:?\s*(\d{1,6})\s*\)?\s*$"
)
# A label before the number ("DĐ:", "Cơ quan:") and a remark after it ("(Zalo)").
_LABEL = re.compile(r"^[^\d+(]*:\s*")
_REMARK = re.compile(r"\s*\([^\d)]*\)\s*$")
_ALLOWED = re.compile(r"^\+?[\d\s.\-()/]*$")


class PhoneError(UserError, ValueError):
    """Text that is not a phone number we can store; the message says why, in Vietnamese."""


@dataclass(frozen=True)
class Phone:
    number: str  # "+84912345678" for Vietnamese numbers, "1800 1096"-style digits for hotlines
    ext: str = ""
    kind: str = "other"

    @property
    def display(self) -> str:
        return display(self.number, self.ext)

    def as_dict(self) -> dict:
        return {"number": self.number, "ext": self.ext, "kind": self.kind, "display": self.display}


def _fold_ascii(text: str) -> str:
    s = unicodedata.normalize("NFD", text.casefold().replace("đ", "d"))
    return "".join(ch for ch in s if not unicodedata.combining(ch))


def parse(raw: str, kind: str = "") -> Phone:
    """One number as people write it: +84, 84, 0084 or 0 first; spaces, dots, dashes, brackets;
    an extension at the end. Raises PhoneError for anything that is not a dialable number."""
    text = _fold_ascii(raw or "").strip()
    if text.startswith("tel:"):
        text = text[4:]
    text = _REMARK.sub("", _LABEL.sub("", text))
    if not text:
        raise PhoneError("số điện thoại trống")
    ext = ""
    found = _EXT.search(text)
    if found and _EXT.sub("", text).strip():
        ext, text = found.group(1), text[: found.start()].strip()
    if not _ALLOWED.match(text):
        raise PhoneError(f"không phải số điện thoại: {raw.strip()}")
    plus = text.startswith("+")
    digits = "".join(ch for ch in text if ch.isdigit())
    number = _normalise_digits(digits, plus, raw)
    if kind not in KINDS:
        kind = "cell" if _is_mobile(number) else "work" if number.startswith("+84") else "other"
    return Phone(number, ext, kind)


def _normalise_digits(digits: str, plus: bool, raw: str) -> str:
    if plus or digits.startswith("00"):
        digits = digits[2:] if digits.startswith("00") and not plus else digits
        if not digits.startswith(COUNTRY):
            if 7 <= len(digits) <= 15:
                return "+" + digits  # a foreign number: kept as given
            raise PhoneError(f"số quốc tế không hợp lệ: {raw.strip()}")
        national = "0" + digits[len(COUNTRY) :]
    elif digits.startswith(COUNTRY) and len(digits) in (11, 12):
        national = "0" + digits[len(COUNTRY) :]  # "84912345678": the + was left out
    elif digits.startswith(("1800", "1900")) and len(digits) in (8, 10):
        return digits  # hotlines are dialled as they are, never with +84
    elif len(digits) in (3, 4) and digits[0] == "1":
        return digits  # short codes: 113, 114, 115, 1022
    elif digits and digits[0] != "0" and len(digits) in (9, 10):
        national = "0" + digits  # the trunk 0 was dropped, as spreadsheets do to numbers
    else:
        national = digits
    national = _convert_old_mobile(national)
    if not _valid_national(national):
        raise PhoneError(f"số điện thoại không hợp lệ: {raw.strip()}")
    return "+" + COUNTRY + national[1:]


def _convert_old_mobile(national: str) -> str:
    if len(national) == 11 and national[:4] in OLD_MOBILE_PREFIXES:
        return OLD_MOBILE_PREFIXES[national[:4]] + national[4:]
    return national


def _valid_national(national: str) -> bool:
    if not national.startswith("0") or not national.isdigit():
        return False
    if len(national) == 10:
        return national[1] in MOBILE_PREFIXES
    return len(national) == 11 and national[1] == "2"


def _national(number: str) -> str:
    return "0" + number[3:] if number.startswith("+" + COUNTRY) else number


def _is_mobile(number: str) -> bool:
    national = _national(number)
    return number.startswith("+" + COUNTRY) and len(national) == 10


def display(number: str, ext: str = "") -> str:
    """How people write it: 0912 345 678, 024 3823 4567, 0203 3835 678, 1800 1096."""
    national = _national(number)
    if number.startswith("+" + COUNTRY):
        if len(national) == 10:
            shown = f"{national[:4]} {national[4:7]} {national[7:]}"
        elif national[1:3] in TWO_DIGIT_AREAS:
            shown = f"{national[:3]} {national[3:7]} {national[7:]}"
        else:
            shown = f"{national[:4]} {national[4:8]} {national[8:]}"
    elif number.startswith("+"):
        shown = number
    elif len(number) >= 8:
        shown = f"{number[:4]} {number[4:]}"
        if len(number) == 10:
            shown = f"{number[:4]} {number[4:7]} {number[7:]}"
    else:
        shown = number
    return f"{shown} máy lẻ {ext}" if ext else shown


def search_digits(number: str) -> str:
    """Every digit form a person may type a part of: national (0912…) and international (84912…)."""
    national = _national(number)
    digits = "".join(ch for ch in number if ch.isdigit())
    return national if national == digits else f"{national} {digits}"


_SPLIT = re.compile(r"\s*(?:;(?!\s*ext\s*=)|[\n|/]|,(?!\s*\d{1,6}\s*$)|\bhoac\b|\bor\b)\s*")


def parse_many(raw: str, kind: str = "") -> list[Phone]:
    """All numbers in one cell: "0912 345 678; 024 3823 4567 máy lẻ 12" or one per line."""
    text = _fold_ascii(raw or "")
    parts = [p for p in _SPLIT.split(text) if p and p.strip()]
    return [parse(p, kind) for p in parts]
