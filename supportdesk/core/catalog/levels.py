"""Levels of a procedure and, for one not done at the commune, where the citizen must go.

A commune center receives dossiers for its own procedures; for a provincial or ministry one the
team must first say where to go and whether it can be submitted online. One wording for the CLI,
the GUI and the handout."""

from __future__ import annotations

from dataclasses import dataclass

from supportdesk.core import vocab
from supportdesk.core.text import clean, fold

UNKNOWN = "Chưa rõ cấp"  # the portal page names no level (55 procedures)
ONLINE_CHANNEL = "truc tuyen"
PORTAL = "Cổng Dịch vụ công quốc gia (dichvucong.gov.vn)"


def label(procedure: dict) -> str:
    """ "Cấp xã, Cấp tỉnh" from the level slugs (the portal's words when they are unknown)."""
    levels = procedure.get("levels") or []
    if levels:
        return ", ".join(vocab.label(vocab.LEVEL, level) for level in levels)
    return clean(procedure.get("level_text") or "") or UNKNOWN


def short(procedure: dict) -> str:
    """ "Xã", "Tỉnh", "Xã/Tỉnh", "—" for a list column."""
    levels = procedure.get("levels") or []
    return "/".join(vocab.label(vocab.LEVEL_SHORT, level) for level in levels) or "—"


def at_commune(procedure: dict) -> bool:
    return "xa" in (procedure.get("levels") or [])


def online(procedure: dict) -> bool:
    """Whether the portal lists an online channel (Trực tuyến) for it."""
    return any(
        fold(m.get("channel") or "").startswith(ONLINE_CHANNEL)
        for m in procedure.get("methods") or []
    )


@dataclass(frozen=True)
class WhereToGo:
    """For a procedure not done at the commune: whom to see, where to hand in, online or not."""

    agency: str
    address: str
    online: bool

    @property
    def online_text(self) -> str:
        if self.online:
            return f"Có thể nộp trực tuyến trên {PORTAL}."
        return "Cổng Dịch vụ công không ghi cách nộp trực tuyến: nộp trực tiếp hoặc qua bưu chính."

    def lines(self) -> list[tuple[str, str]]:
        """(label, value) lines, the most useful first."""
        rows = [
            ("Cơ quan giải quyết", self.agency or "Cổng Dịch vụ công không ghi cơ quan"),
            ("Nơi nhận hồ sơ", self.address or self.agency or "Cổng Dịch vụ công không ghi"),
            ("Nộp trực tuyến", self.online_text),
        ]
        return rows


def where_to_go(procedure: dict) -> WhereToGo | None:
    """None for a commune-level procedure (it is done here); else where the citizen must go."""
    if at_commune(procedure):
        return None
    agency = clean(procedure.get("competent_agency") or "") or clean(
        procedure.get("executing_agency") or ""
    )
    return WhereToGo(
        agency=agency,
        address=clean(procedure.get("receiving_address") or ""),
        online=online(procedure),
    )


def not_here(procedure: dict) -> str:
    """The one line said first about a procedure not done at the commune."""
    if not procedure.get("levels"):
        return "Cổng Dịch vụ công không ghi cấp thực hiện; thủ tục không ghi là của cấp xã."
    return f"Thủ tục {label(procedure).lower()} — không giải quyết tại xã."
