"""Paths a person types: one clear line when a path is a folder, is missing, or sits in a folder
that does not exist, before anything is read or written (a folder is not "file not found")."""

from __future__ import annotations

from pathlib import Path

from supportdesk.core.errors import UserError


class PathError(UserError):
    """A named path cannot be used as asked; the message names it and says why."""


def input_file(path: Path | str) -> Path:
    """A file to read: it exists and is a file."""
    path = Path(path)
    if path.is_dir():
        raise PathError(f"{path}: đây là một thư mục, không phải tệp; hãy chọn một tệp")
    if not path.exists():
        raise PathError(f"{path}: không tìm thấy tệp")
    return path


def output_file(path: Path | str, *, create_folder: bool = False) -> Path:
    """A file to write: not a folder, in a folder that exists (or that will be created). Lack of
    permission, read-only media and a full disk are told when the write meets them
    (core.errors.user_message)."""
    path = Path(path)
    if path.is_dir():
        raise PathError(
            f"{path}: đây là một thư mục; hãy ghi cả tên tệp (ví dụ {path / 'danh-muc.json'})"
        )
    parent = next(p for p in path.parents if p.exists() or p == p.parent)
    if parent.exists() and not parent.is_dir():
        raise PathError(f"{path}: {parent} là một tệp, không phải thư mục")
    if parent != path.parent and not create_folder:
        raise PathError(f"{path}: thư mục {path.parent} không tồn tại")
    return path
