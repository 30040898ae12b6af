"""Reading tables people bring in (CSV from Excel, XLSX) and reporting an import's outcome.

Shared by the catalog and the directory importers, so both decode, find headers and report row
numbers the same way."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from supportdesk.core.errors import UserError
from supportdesk.core.text import clean, fold

HEADER_SEARCH_ROWS = 15  # portal exports put a banner of a few rows before the header


class BadInputError(UserError):
    """A file that cannot be imported as it is. Nothing was changed."""

    def __init__(self, path: Path | str, reason: str, row: int | None = None):
        self.path, self.reason, self.row = Path(path), reason, row
        where = f"{self.path.name}, dòng {row}" if row else self.path.name
        super().__init__(f"{where}: {reason}")


@dataclass
class ImportReport:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[dict] = field(default_factory=list)  # [{"row": n, "reason": "..."}]

    def reject(self, row: int, reason: str) -> None:
        self.rejected.append({"row": row, "reason": reason})

    def as_dict(self) -> dict:
        return {
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "rejected": self.rejected,
        }


def decode_text_file(path: Path) -> str:
    """Text of a file in UTF-8 (with or without BOM) or cp1258, the Vietnamese Windows code page.

    cp1258 decodes to base letters plus combining marks, so the result is NFC-normalised by the
    callers through core.text.clean."""
    raw = path.read_bytes()
    if b"\x00" in raw[:4096]:
        raise BadInputError(path, "không phải tệp văn bản (có byte 0: UTF-16 hoặc nhị phân)")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1258")
    except UnicodeDecodeError as exc:
        reason = f"không đọc được mã ký tự (không phải UTF-8 hay cp1258): {exc}"
        raise BadInputError(path, reason) from exc


def csv_rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    """(row number as a spreadsheet shows it, cells) for every row of a CSV file."""
    text = decode_text_file(path)
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
        # Excel doubles a quote inside a quoted cell; the sniffer misses that when the cell also
        # holds a delimiter, and would then split 'Gọi "anh Mẫu", máy lẻ 12' wrongly. Only the
        # delimiter is guessed: Excel (and our exports) always quote with ", and a sniffer that
        # sees a lone ' in a cell takes it for the quote character (found by hypothesis).
        dialect.doublequote = True
        dialect.quotechar = '"'
    except csv.Error:
        dialect = csv.excel
    try:
        for number, cells in enumerate(csv.reader(io.StringIO(text), dialect), start=1):
            yield number, [clean(c) for c in cells]
    except csv.Error as exc:
        raise BadInputError(path, f"CSV hỏng: {exc}") from exc


def xlsx_rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    """(row number, cells) of the first sheet of an XLSX workbook."""
    import zipfile

    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise BadInputError(path, f"không phải tệp Excel (.xlsx) hợp lệ: {exc}") from exc
    try:
        sheet = workbook.worksheets[0]
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield number, [_cell_text(v) for v in values]
    finally:
        workbook.close()


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return clean(value)


def table_rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return xlsx_rows(path)
    if suffix in (".csv", ".txt", ".tsv"):
        return csv_rows(path)
    raise BadInputError(path, f"không hỗ trợ loại tệp {suffix or '(không có đuôi)'}")


def records(
    path: Path, aliases: dict[str, str], required: set[str]
) -> Iterator[tuple[int, dict[str, str]]]:
    """(row number, {field: value}) for each non-blank data row below the header row.

    `aliases` maps folded column titles (Vietnamese or English) to field names. The header is the
    first row, among the first few, that names every required field; unknown columns are an error
    so that a wrong file is not half-understood."""
    rows = table_rows(path)
    columns: list[str | None] | None = None
    for number, cells in rows:
        if columns is None:
            names = [aliases.get(fold(c)) for c in cells]
            if required <= set(names):
                unknown = [c for c, n in zip(cells, names) if c and n is None]
                if unknown:
                    raise BadInputError(
                        path, f"cột không nhận ra: {', '.join(unknown)}", row=number
                    )
                columns = names
            elif number >= HEADER_SEARCH_ROWS:
                break
            continue
        if not any(cells):
            continue
        yield (
            number,
            {col: value for col, value in zip(columns, cells) if col is not None and value != ""},
        )
    if columns is None:
        wanted = ", ".join(sorted(required))
        raise BadInputError(path, f"không tìm thấy dòng tiêu đề có các cột: {wanted}")
