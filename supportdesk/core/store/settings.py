"""Settings kept in the store, each registered once with its type, default and check.

Reading an unset setting gives its registered default, so no caller keeps a default of its own.
`apply` is how a form saves: every change is checked first, then all of them (and any other
steps the form needs, such as topics or the calendar) are written in one transaction, so a
refused value leaves every setting as it was (docs/ARCHITECTURE.md, "Writes")."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from supportdesk.core.errors import UserError


class SettingError(UserError, ValueError):
    """A setting's value is refused; the message names it."""


@dataclass(frozen=True)
class Setting:
    label: str  # how the message of a refused value names it
    kind: type | tuple[type, ...]
    default: Any = None
    check: Callable[[Any], bool] | None = None
    rule: str = ""  # what the check wants, for the message


def _names(value: list) -> bool:
    return all(isinstance(name, str) for name in value)


def _digits(count: int) -> Callable[[Any], bool]:
    return lambda value: value == "" or bool(re.fullmatch(rf"\d{{{count}}}", value))


_URL = re.compile(r"^https?://[^\s/]+(/\S*)?$")
_TEXT = (str,)
_OPTIONAL_TEXT = (str, type(None))

REGISTRY: dict[str, Setting] = {
    # The commune and its service center: first run and the settings' first tab.
    "province_code": Setting("mã tỉnh", _TEXT, "", _digits(2), "2 chữ số"),
    "province_name": Setting("tên tỉnh", _TEXT, ""),
    "commune_code": Setting("mã xã", _TEXT, "", _digits(5), "5 chữ số"),
    "commune_name": Setting("tên xã", _TEXT, ""),
    "center_name": Setting("tên trung tâm", _TEXT, ""),
    "center_address": Setting("địa chỉ trung tâm", _TEXT, ""),
    "center_phone": Setting("số điện thoại trung tâm", _TEXT, ""),
    "team_members": Setting(
        "thành viên tổ", list, (), lambda v: all(isinstance(m, str) for m in v)
    ),
    "operator": Setting("người trực", _TEXT, ""),
    # The desktop app.
    "ui_language": Setting("ngôn ngữ", _TEXT, "vi", lambda v: v in ("vi", "en"), "vi hoặc en"),
    "ui_font_size": Setting("cỡ chữ", (int, type(None)), None, lambda v: v is None or 7 <= v <= 28),
    # What was typed in the intake form and not saved yet (ui/intake.py), kept across restarts.
    "intake_draft": Setting("bản nháp yêu cầu", (dict, type(None)), None),
    # Working time (core.calendar) and records.
    "office_hours": Setting("giờ làm việc", (list, type(None)), None),
    "calendar_overrides": Setting("ngày nghỉ, ngày làm bù", dict, {}),
    "retention_months": Setting(
        "thời gian lưu dữ liệu cá nhân (tháng)", int, 24, lambda v: 1 <= v <= 120, "từ 1 đến 120"
    ),  # fmt: skip
    "backup_keep": Setting("số bản sao lưu giữ lại", int, 14, lambda v: 1 <= v <= 365),
    # Upstream sync (core.sync).
    "hub_url": Setting(
        "địa chỉ máy chủ tỉnh",
        _OPTIONAL_TEXT,
        None,
        lambda v: not v or bool(_URL.match(v)),
        "http(s)://…",
    ),  # fmt: skip
    "hub_ca_bundle": Setting("chứng chỉ máy chủ tỉnh", _OPTIONAL_TEXT, None),
    "hub_allow_http": Setting("cho phép http:// không mã hoá", bool, False),
    "install_id": Setting("mã cài đặt", _OPTIONAL_TEXT, None),
    "sync_state": Setting("trạng thái đồng bộ", dict, {}),
    # A token written with every catalog change (core.catalog.changes).
    "catalog_change": Setting("lần đổi danh mục", _TEXT, ""),
    # The commune's team of desks (core.team).
    "team": Setting("nhóm máy", (dict, type(None)), None),
    "desk_mark": Setting("ký hiệu máy", _TEXT, "", lambda v: len(v) <= 1, "một chữ cái"),
    "team_invite": Setting("mã mời vào nhóm", (dict, type(None)), None),
    "team_port": Setting("cổng đồng bộ nhóm", int, 8766, lambda v: 1 <= v <= 65535, "1–65535"),
    "team_sync_state": Setting("trạng thái đồng bộ nhóm", (dict, type(None)), None),
}


def problem(key: str, value: Any) -> str | None:
    """Why `value` cannot be the setting `key`, or None. Unregistered keys are a module's own
    state and are not checked."""
    setting = REGISTRY.get(key)
    if setting is None:
        return None
    kinds = setting.kind if isinstance(setting.kind, tuple) else (setting.kind,)
    if isinstance(value, bool) and bool not in kinds or not isinstance(value, kinds):
        return f"{setting.label}: giá trị không hợp lệ"
    if setting.check is not None and not setting.check(value):
        return f"{setting.label}: giá trị không hợp lệ" + (
            f" ({setting.rule})" if setting.rule else ""
        )
    return None


_REGISTERED = object()


def get(db: Database, key: str, default: Any = _REGISTERED) -> Any:
    """The stored value, else `default`, else the registered default."""
    row = db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    if row is not None:
        return json.loads(row[0])
    if default is not _REGISTERED:
        return default
    setting = REGISTRY.get(key)
    return setting.default if setting else None


def put(db: Database, key: str, value: Any) -> None:
    """Check and store one setting in its own transaction. Raises SettingError."""
    apply(db, {key: value})


def apply(db: Database, changes: dict[str, Any], steps: Iterable[Callable[[], None]] = ()) -> None:
    """Check every change, then write them and run `steps` in one transaction: all or nothing.
    Raises SettingError (or whatever a step raises) and then nothing has changed."""
    for key, value in changes.items():
        reason = problem(key, value)
        if reason:
            raise SettingError(reason)
    with db.atomic():
        for key, value in changes.items():
            encoded = json.dumps(value, ensure_ascii=False)
            db["settings"].upsert({"key": key, "value": encoded}, pk="key")
        for step in steps:
            step()


def get_all(db: Database) -> dict[str, Any]:
    return {k: json.loads(v) for k, v in db.execute("SELECT key, value FROM settings")}
