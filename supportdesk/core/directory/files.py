"""Contact files: importing CSV, XLSX and vCard (2.1/3.0/4.0), exporting vCard 3.0, CSV, XLSX.

Every format maps to the same raw record that core.directory.normalise() checks, so an import
behaves the same whatever the file: all-or-nothing, with the row (or card's line) of each
problem. Exports carry every field, so a file exported here imports back to the same entries."""

from __future__ import annotations

import csv
from pathlib import Path

from sqlite_utils import Database

from supportdesk.core import text
from supportdesk.core.directory import entries as directory
from supportdesk.core.directory import vcard
from supportdesk.core.directory.entries import KINDS, LEVELS, show_date
from supportdesk.core.tabular import BadInputError, ImportReport, decode_text_file, records

# Exported columns, in order: (field, Vietnamese title). Phones get one column per kind.
PHONE_COLUMNS = {
    "phone_cell": ("cell", "Di động"),
    "phone_work": ("work", "Điện thoại cơ quan"),
    "phone_home": ("home", "Điện thoại nhà riêng"),
    "phone_fax": ("fax", "Fax"),
    "phone_other": ("other", "Điện thoại khác"),
    "phone": ("", "Điện thoại"),  # import only: the kind is guessed from the number
}
COLUMNS = [
    ("kind", "Loại"), ("name", "Họ và tên"), ("position", "Chức vụ"), ("unit", "Phòng ban"),
    ("agency", "Cơ quan"), ("level", "Cấp"),
    *[(k, title) for k, (_, title) in PHONE_COLUMNS.items() if k != "phone"],
    ("email", "Email"), ("fields", "Lĩnh vực"), ("codes", "Mã thủ tục"),
    ("hours", "Giờ làm việc"), ("notes", "Ghi chú"), ("source", "Nguồn"),
    ("verified", "Ngày xác minh"),
]  # fmt: skip
_ALIASES = {
    "kind": ["Loại", "Loại liên hệ", "kind", "type"],
    "name": ["Họ và tên", "Họ tên", "Tên", "Tên cán bộ", "Cán bộ", "name", "full name"],
    "position": ["Chức vụ", "Chức danh", "position", "title", "job title"],
    "unit": ["Phòng ban", "Phòng", "Đơn vị", "Bộ phận", "unit", "department"],
    "agency": ["Cơ quan", "Cơ quan công tác", "Đơn vị công tác", "agency", "organization"],
    "level": ["Cấp", "Cấp hành chính", "level"],
    "phone_cell": ["Di động", "Điện thoại di động", "ĐTDĐ", "mobile", "cell"],
    "phone_work": ["Điện thoại cơ quan", "ĐT cơ quan", "Điện thoại bàn", "work phone"],
    "phone_home": ["Điện thoại nhà riêng", "Nhà riêng", "home phone"],
    "phone_fax": ["Fax", "Số fax"],
    "phone_other": ["Điện thoại khác", "other phone"],
    "phone": ["Điện thoại", "Số điện thoại", "SĐT", "ĐT", "phone", "phones", "telephone"],
    "email": ["Email", "E-mail", "Thư điện tử", "Địa chỉ email", "mail"],
    "fields": ["Lĩnh vực", "Lĩnh vực phụ trách", "fields", "field"],
    "codes": ["Mã thủ tục", "Mã TTHC", "Thủ tục phụ trách", "procedures", "codes"],
    "hours": ["Giờ làm việc", "Thời gian làm việc", "hours", "working hours"],
    "notes": ["Ghi chú", "notes", "note"],
    "source": ["Nguồn", "source"],
    "verified": ["Ngày xác minh", "Ngày cập nhật", "verified", "last verified"],
    "_skip": ["STT", "TT", "Số TT", "No", "#"],
}
ALIASES = {text.fold(title): name for name, titles in _ALIASES.items() for title in titles}


# ---------------------------------------------------------------- import


def _table_record(cells: dict[str, str]) -> dict:
    raw = {k: v for k, v in cells.items() if not k.startswith(("phone", "_"))}
    raw["tels"] = [(cells[k], kind) for k, (kind, _) in PHONE_COLUMNS.items() if cells.get(k)]
    return raw


def _card_record(card: vcard.Card) -> dict:
    """A raw record from one vCard, whatever its version."""
    raw: dict = {"tels": []}
    name = vcard.text_of(card.first("FN"))
    n = card.first("N")
    if not name and n:  # Vietnamese order: family, middle, given
        family, given, middle, *_ = vcard.components(n.value) + ["", "", ""]
        name = " ".join(p for p in (family, middle, given) if p.strip())
    org = vcard.components(card.first("ORG").value) if card.first("ORG") else []
    kind = vcard.text_of(card.first("X-SUPPORTDESK-KIND")) or vcard.text_of(card.first("KIND"))
    if text.fold(kind) in ("agency", "org", "organization") or (not name and any(org)):
        raw["kind"] = "agency"
        raw["name"] = name or org[0]
        raw["agency"] = vcard.text_of(card.first("X-SUPPORTDESK-PARENT"))
    else:
        raw["name"] = name
        raw["agency"] = org[0] if org else ""
    raw["unit"] = ", ".join(o for o in org[1:] if o.strip())
    raw["position"] = vcard.text_of(card.first("TITLE")) or vcard.text_of(card.first("ROLE"))
    raw["email"] = "; ".join(vcard.text_of(p) for p in card.all("EMAIL") if p.value.strip())
    raw["notes"] = vcard.text_of(card.first("NOTE"))
    raw["fields"] = [f for p in card.all("CATEGORIES") for f in vcard.components(p.value, ",")]
    raw["codes"] = vcard.text_of(card.first("X-SUPPORTDESK-PROCEDURES"))
    raw["level"] = vcard.text_of(card.first("X-SUPPORTDESK-LEVEL"))
    raw["hours"] = vcard.text_of(card.first("X-SUPPORTDESK-HOURS"))
    raw["source"] = vcard.text_of(card.first("X-SUPPORTDESK-SOURCE"))
    raw["verified"] = vcard.text_of(card.first("X-SUPPORTDESK-VERIFIED"))
    for tel in card.all("TEL"):
        value = vcard.unescape(tel.value).strip()
        if value:
            raw["tels"].append((value, _tel_kind(tel.types())))
    return raw


def _tel_kind(types: set[str]) -> str:
    if "fax" in types:
        return "fax"
    if types & {"cell", "mobile", "iphone"}:
        return "cell"
    if "work" in types:
        return "work"
    if "home" in types:
        return "home"
    return "other" if "voice" in types else ""  # Android writes plain VOICE for "other"


def read_file(path: Path) -> list[tuple[int, dict]]:
    """(row or line number, raw record) for every contact in a file; BadInputError if the
    file itself cannot be read."""
    if path.is_dir():
        raise BadInputError(path, "đây là một thư mục, không phải tệp; hãy chọn một tệp")
    if not path.is_file():
        raise BadInputError(path, "không tìm thấy tệp")
    if path.suffix.lower() in (".vcf", ".vcard"):
        try:
            cards = vcard.parse(decode_text_file(path))
        except vcard.VCardError as exc:
            raise BadInputError(path, exc.reason, row=exc.line) from exc
        if not cards:
            raise BadInputError(path, "không có thẻ vCard nào (BEGIN:VCARD)")
        return [(c.line, _card_record(c)) for c in cards]
    return [(n, _table_record(cells)) for n, cells in records(path, ALIASES, required={"name"})]


def import_file(db: Database, path: Path | str) -> ImportReport:
    """Import contacts from .csv, .xlsx or .vcf: all or nothing, re-imports update."""
    return directory.import_records(db, read_file(Path(path)))


def import_province(db: Database, path: Path | str) -> ImportReport:
    """A contact sheet the province's hub sent: its entries stay this desk's copy of the
    province's and do not travel to the team's other desks (core.directory.shared)."""
    from supportdesk.core.directory import shared

    return directory.import_records(db, read_file(Path(path)), shared.PROVINCE)


def import_file_steps(db: Database, path: Path | str):
    """import_file yielding (done, total) for a progress bar; stopping it rolls back."""
    return directory.import_steps(db, read_file(Path(path)))


# ---------------------------------------------------------------- export


def _cells(contact: dict) -> dict[str, str]:
    cells = {
        "kind": KINDS[contact["kind"]],
        "level": LEVELS.get(contact["level"], ""),
        "fields": "; ".join(contact["fields"]),
        "codes": "; ".join(contact["codes"]),
        "verified": show_date(contact["verified"]),
        **{k: contact[k] for k in directory.TEXT_FIELDS},
    }
    for column, (kind, _) in PHONE_COLUMNS.items():
        if kind:
            cells[column] = "; ".join(p["display"] for p in contact["phones"] if p["kind"] == kind)
    return cells


def _tel_line(phone: dict) -> tuple[str, str]:
    types = {"cell": "CELL", "work": "WORK,VOICE", "home": "HOME,VOICE", "fax": "WORK,FAX"}
    value = phone["number"] + (f",{phone['ext']}" if phone["ext"] else "")
    return f"TEL;TYPE={types.get(phone['kind'], 'VOICE')}", value


def card_lines(contact: dict) -> list[tuple[str, str]]:
    """vCard 3.0 lines of one entry: what a phone shows, plus X-SUPPORTDESK-* for the rest."""
    esc = vcard.escape
    name = contact["name"]
    lines = [("FN", esc(name))]
    if contact["kind"] == "agency":
        org = esc(name) + (f";{esc(contact['unit'])}" if contact["unit"] else "")
        lines += [("N", ";;;;"), ("ORG", org), ("X-ABShowAs", "COMPANY")]
        if contact["agency"]:
            lines.append(("X-SUPPORTDESK-PARENT", esc(contact["agency"])))
    else:
        family, _, given = name.partition(" ")
        lines.append(("N", f"{esc(family)};{esc(given)};;;"))
        if contact["agency"] or contact["unit"]:
            lines.append(("ORG", f"{esc(contact['agency'])};{esc(contact['unit'])}"))
    if contact["position"]:
        lines.append(("TITLE", esc(contact["position"])))
    lines += [_tel_line(p) for p in contact["phones"]]
    for email in filter(None, contact["email"].split("; ")):
        lines.append(("EMAIL;TYPE=INTERNET,WORK", esc(email)))
    if contact["fields"]:
        lines.append(("CATEGORIES", ",".join(esc(f) for f in contact["fields"])))
    if contact["notes"]:
        lines.append(("NOTE", esc(contact["notes"])))
    extras = {
        "KIND": contact["kind"], "LEVEL": contact["level"], "HOURS": contact["hours"],
        "PROCEDURES": ",".join(contact["codes"]), "SOURCE": contact["source"],
        "VERIFIED": contact["verified"],
    }  # fmt: skip
    lines += [(f"X-SUPPORTDESK-{k}", esc(v)) for k, v in extras.items() if v]
    return lines


def export_contacts(contacts: list[dict], path: Path | str) -> int:
    """Write entries to .vcf (vCard 3.0), .csv (UTF-8 with BOM, for Excel) or .xlsx."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in (".vcf", ".vcard"):
        body = vcard.serialize([card_lines(c) for c in contacts])
        path.write_bytes(body.encode("utf-8"))
    elif suffix == ".csv":
        with path.open("w", encoding="utf-8-sig", newline="") as f:
            writer = csv.writer(f)
            writer.writerow([title for _, title in COLUMNS])
            for contact in contacts:
                cells = _cells(contact)
                writer.writerow([cells.get(k, "") for k, _ in COLUMNS])
    elif suffix == ".xlsx":
        _write_xlsx(contacts, path)
    else:
        raise BadInputError(path, f"không hỗ trợ xuất ra {suffix or '(không có đuôi)'}")
    return len(contacts)


def _write_xlsx(contacts: list[dict], path: Path) -> None:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Danh bạ")
    sheet.append([title for _, title in COLUMNS])
    for contact in contacts:
        cells = _cells(contact)
        sheet.append([_text_cell(sheet, cells.get(k, "")) for k, _ in COLUMNS])
    workbook.save(path)


# One invented person (the unallocated 030 range, an .invalid address): how a filled row looks.
TEMPLATE_EXAMPLE = {
    "name": "Nguyễn Văn Mẫu", "position": "Công chức Tư pháp - Hộ tịch",
    "agency": "UBND xã Thử Nghiệm", "level": "Cấp xã", "phone_cell": "0300 000 001",
    "phone_work": "0203 0000 001", "email": "mau.nv@vidu.invalid", "fields": "Hộ tịch; Chứng thực",
    "codes": "1.001193; 1.000894", "hours": "Sáng 7:30–11:30; chiều 13:30–17:00",
    "notes": "Dòng ví dụ: xoá hoặc ghi đè trước khi nhập.", "verified": "01/12/2026",
}  # fmt: skip


def write_template(path: Path | str) -> Path:
    """An .xlsx with the columns an import reads (the titles of an export) and one example row,
    for a team that types its contact sheet from scratch."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    path = Path(path)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Danh bạ"
    sheet.append([title for _, title in COLUMNS])
    sheet.append([TEMPLATE_EXAMPLE.get(k, "") for k, _ in COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for column, (_key, title) in zip(sheet.columns, COLUMNS):
        sheet.column_dimensions[column[0].column_letter].width = max(12, len(title) + 4)
    sheet.freeze_panes = "A2"
    workbook.save(path)
    return path


def _text_cell(sheet, value: str):
    """A cell that stays text: openpyxl would turn "=…" into a formula Excel then runs."""
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value=value)
    cell.data_type = "s"
    return cell


def export_file(db: Database, path: Path | str, ids: list[int] | None = None) -> int:
    contacts = (
        [directory.get(db, i) for i in ids] if ids is not None else directory.all_contacts(db)
    )
    return export_contacts([c for c in contacts if c], path)
