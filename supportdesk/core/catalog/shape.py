"""The shape a catalog record must have before it is normalised and stored.

A JSON file can put any value anywhere; without this check a number where text belongs or a
string where a list belongs fails deep inside indexing (found by fuzzing, tests/safety). Here a
wrong shape becomes a rejected row with a reason, and the import changes nothing."""

from __future__ import annotations

TEXT = (str, type(None))  # spreadsheet cells arrive as text already (core.tabular)
STRING_LISTS = ("levels", "target_groups")
OBJECT_LISTS = ("methods", "legal_basis")


def problem(record: dict, text_fields: tuple[str, ...]) -> str | None:
    """None when the record can be stored, else what is wrong, in Vietnamese."""
    for key in ("code", "name", *text_fields):
        value = record.get(key)
        if not isinstance(value, TEXT):
            return f"trường {key} phải là văn bản"
    for key in STRING_LISTS:
        if not _list_of(record.get(key), str):
            return f"trường {key} phải là danh sách văn bản"
    for key in OBJECT_LISTS:
        if not _list_of(record.get(key), dict):
            return f"trường {key} phải là danh sách đối tượng"
    dossier = record.get("dossier")
    if not _list_of(dossier, dict):
        return "trường dossier phải là danh sách các trường hợp"
    for case in dossier or []:
        if not isinstance(case.get("case") or "", str) or not _list_of(case.get("items"), dict):
            return "trường dossier: mỗi trường hợp cần case (văn bản) và items (danh sách)"
        if any(not isinstance(item.get("name") or "", str) for item in case.get("items") or []):
            return "trường dossier: tên giấy tờ phải là văn bản"
    return None


def _list_of(value: object, kind: type) -> bool:
    """An absent or empty value is fine; otherwise a list of `kind`."""
    return not value or (isinstance(value, list) and all(isinstance(v, kind) for v in value))
