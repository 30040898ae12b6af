"""One error model: what a person can fix is a UserError; everything else is a fault of ours.

Every edge maps it once (docs/ARCHITECTURE.md, "Errors"): the CLI prints the message as one line
and exits with `exit_code`; the GUI shows `user_message(exc)` in its status bar or a message box;
the hub answers 4xx with the message as the JSON reason. Domain errors subclass UserError (and
ValueError where callers have always caught that), so no edge keeps a list of error classes."""

from __future__ import annotations

import errno


class UserError(Exception):
    """Bad input, a missing file, a refused change: the message says what to do, in Vietnamese."""

    exit_code = 2  # the CLI's code for "your input": 1 is kept for the environment (store, disk)


def user_message(exc: BaseException) -> str:
    """What a counter worker reads about a failure: never a Python type name or a traceback."""
    if isinstance(exc, UserError):
        return str(exc)
    if isinstance(exc, OSError):
        return _os_message(exc)
    return f"đã xảy ra lỗi không mong muốn ({exc or 'không rõ nguyên nhân'}); hãy thử lại"


def _os_message(exc: OSError) -> str:
    name = f"{exc.filename}: " if exc.filename else ""
    reasons = {
        errno.ENOENT: "không tìm thấy tệp hoặc thư mục",
        errno.EACCES: "không có quyền truy cập",
        errno.EPERM: "không có quyền truy cập",
        errno.EISDIR: "đây là một thư mục, không phải tệp",
        errno.ENOTDIR: "đường dẫn không phải thư mục",
        errno.ENOSPC: "ổ đĩa đã đầy",
        errno.EROFS: "ổ đĩa chỉ cho phép đọc",
    }
    return name + reasons.get(exc.errno, exc.strerror or "lỗi đọc/ghi tệp")
