"""`supportdesk backup [FILE]`, `supportdesk restore FILE`, `supportdesk check [FILE]`."""

from __future__ import annotations

from pathlib import Path

from supportdesk import paths
from supportdesk.commands._common import CommandError, add_json_flag, open_db, print_json


def register(sub) -> None:
    p = sub.add_parser(
        "backup",
        help="sao lưu kho dữ liệu (mặc định vào thư mục backups, giữ N bản gần nhất)",
    )
    p.add_argument("file", nargs="?", help="tệp đích (không bắt buộc; không ghi đè tệp có sẵn)")
    add_json_flag(p)
    p.set_defaults(handler=cmd_backup)

    p = sub.add_parser("restore", help="khôi phục kho dữ liệu từ một bản sao lưu")
    p.add_argument("file")
    add_json_flag(p)
    p.set_defaults(handler=cmd_restore)

    p = sub.add_parser("check", help="kiểm tra kho dữ liệu (hoặc một bản sao lưu) có hỏng không")
    p.add_argument("file", nargs="?", help="tệp cần kiểm tra (mặc định: kho dữ liệu đang dùng)")
    add_json_flag(p)
    p.set_defaults(handler=cmd_check)


def cmd_backup(args) -> int:
    from supportdesk.core.store import backup

    data_dir = paths.data_dir(args.data_dir)
    if args.file:
        path = _copy_elsewhere(data_dir, Path(args.file))
    else:
        db = open_db(args)
        try:
            path = backup.create(db, data_dir)
        finally:
            db.close()
    if args.json:
        print_json({"backup": str(path), "bytes": path.stat().st_size})
    else:
        print(f"Đã sao lưu vào {path}")
    return 0


def _copy_elsewhere(data_dir: Path, target: Path) -> Path:
    """A copy to DEST reads the store only, so it works from read-only media too."""
    from sqlite_utils import Database

    from supportdesk.core import files
    from supportdesk.core.store import backup
    from supportdesk.core.store.connection import open_read_only

    if target.exists() and not target.is_dir():
        raise CommandError(f"{target} đã tồn tại; hãy chọn tên tệp khác")
    files.output_file(target, create_folder=True)  # a new folder on the USB stick is fine
    source = paths.store_path(data_dir)
    if not source.is_file():
        raise CommandError(f"không có kho dữ liệu trong {data_dir}", exit_code=1)
    db = Database(open_read_only(source), execute_plugins=False)
    try:
        return backup.copy_to(db, target)
    finally:
        db.close()


def cmd_restore(args) -> int:
    from supportdesk.core.store import backup

    source = Path(args.file)
    if not source.is_file():
        raise CommandError(f"không tìm thấy tệp {source}")
    result = backup.restore(paths.data_dir(args.data_dir), source)
    if args.json:
        print_json(result.as_dict())
        return 0
    print(f"Đã khôi phục kho dữ liệu từ {result.restored_from}.")
    if result.previous_copy:
        print(f"Kho dữ liệu trước khi khôi phục được giữ ở {result.previous_copy}.")
    return 0


def cmd_check(args) -> int:
    """0 when the file is a sound store, 1 when it is damaged, 2 when it is not a store."""
    from supportdesk.core.store import backup

    if args.file:
        target = Path(args.file)
    else:
        target = paths.store_path(paths.data_dir(args.data_dir))
    from supportdesk.core import files

    files.input_file(target)
    report = backup.check(target)
    if args.json:
        print_json(report.as_dict())
    elif report.ok:
        print(f"{target}: tốt (integrity_check ok, {report.tables} bảng).")
    else:
        print(f"{target}: CÓ VẤN ĐỀ")
        for problem in report.problems:
            print(f"- {problem}")
        if not args.file:  # the live store: point at the way back
            good = backup.latest_good(target.parent)
            if good:
                print(f"Bản sao lưu tốt gần nhất: {good} (khôi phục: supportdesk restore {good})")
    if report.ok:
        return 0
    return 1 if report.is_store else 2
