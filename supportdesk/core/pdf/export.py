"""From the store to a PDF file: the one entry point the CLI and the desktop's background tasks
share. Each call takes its own `db` (a connection must not cross threads) and writes the file
atomically, so a viewer never opens half a document."""

from __future__ import annotations

import os
import tempfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from supportdesk.core import formats, periods, vocab
from supportdesk.core.errors import UserError
from supportdesk.core.pdf import handout, parts, receipt, report

KINDS = ("handout", "handouts", "receipt", "report", "kb_sheet")
OVERDUE_LIST_MAX = 200  # the report lists at most this many overdue requests
# When no request names a procedure yet, "the most requested" falls back to these everyday
# commune procedures (found by name, so the list survives catalog code changes), then to the
# remaining commune-level procedures by code.
EVERYDAY_PROCEDURES = (
    "đăng ký khai sinh", "đăng ký kết hôn", "đăng ký khai tử", "đăng ký thường trú",
    "đăng ký tạm trú", "chứng thực bản sao từ bản chính", "chứng thực chữ ký",
    "xác nhận tình trạng hôn nhân", "cấp bản sao trích lục hộ tịch", "đăng ký lại khai sinh",
    "thay đổi cải chính bổ sung thông tin hộ tịch", "đăng ký nhận cha mẹ con",
    "đăng ký giám hộ", "trợ cấp xã hội hàng tháng", "đăng ký khai sinh kết hợp nhận cha mẹ con",
    "chứng thực hợp đồng giao dịch", "đăng ký biến động đất đai", "cấp giấy phép xây dựng",
    "hỗ trợ chi phí mai táng", "cấp thẻ bảo hiểm y tế",
)  # fmt: skip


class DocumentSourceMissing(UserError, LookupError):
    """The procedure, request or period asked for does not exist; the message says which."""


def procedure(db: Database, code: str) -> dict[str, Any]:
    from supportdesk.core import catalog

    found = catalog.get(db, code)
    if found is None:
        raise DocumentSourceMissing(f"không có thủ tục mã {code}")
    return found


def handout_pdf(
    db: Database, code: str, size: str = "a4", printed: date | None = None, full: bool = False
) -> bytes:
    center = parts.center_from_settings(db)
    return handout.render(procedure(db, code), center, size, printed, full)


def handouts_pdf(
    db: Database,
    codes: list[str],
    size: str = "a4",
    printed: date | None = None,
    full: bool = False,
) -> bytes:
    procedures = [procedure(db, code) for code in codes]
    return handout.render_many(procedures, parts.center_from_settings(db), size, printed, full)


def request(db: Database, reference: str | int) -> dict[str, Any]:
    """A request by id or ticket, ID number masked (tickets.get's default)."""
    from supportdesk.core import tickets

    request_id = tickets.find(db, str(reference))
    found = tickets.get(db, request_id) if request_id is not None else None
    if found is None:
        raise DocumentSourceMissing(f"không có yêu cầu {reference}")
    return found


def period_summary(db: Database, period: str) -> dict[str, Any]:
    """stats.summarize plus the overdue requests received in the period (no personal data)."""
    from supportdesk.core import tickets
    from supportdesk.core.tickets import stats

    summary = stats.summarize(db, period)  # PeriodError (a ValueError) for a bad period
    kind, first, after = periods.period_bounds(period)
    last = after - timedelta(days=1)  # a date bound includes its whole day
    filters = tickets.Filters(overdue=True, created_from=first, created_to=last)
    keep = ("ticket", "created_at", "category", "summary", "due_at", "status", "status_label")
    rows = tickets.page(db, filters, limit=OVERDUE_LIST_MAX)
    summary["overdue"] = [{k: r.get(k) for k in keep} for r in rows]
    labels = vocab.STATUS
    for row in summary["overdue"] + summary["escalations"]:
        row["status_label"] = row.get("status_label") or labels.get(row.get("status"), "")
    return summary


def top_procedures(db: Database, n: int, month: str | None = None) -> tuple[list[str], str]:
    """The n procedures most linked by requests received in `month` ('2026-11', default: this
    month, Vietnam time), and a line saying how the list was made."""
    today = formats.now_local()
    year, mon = map(int, (month or today.strftime("%Y-%m")).split("-"))
    label = f"{mon:02d}/{year}"
    start = datetime(year, mon, 1, tzinfo=formats.TZ)
    end = datetime(year + mon // 12, mon % 12 + 1, 1, tzinfo=formats.TZ)
    rows = []
    if db["requests"].exists():  # the request log may not be installed in an old store
        rows = db.execute(
            "SELECT r.procedure_code, count(*) AS n FROM requests r "
            "JOIN procedures p ON p.code = r.procedure_code "
            "WHERE r.created_at >= ? AND r.created_at < ? "
            "GROUP BY r.procedure_code ORDER BY n DESC, r.procedure_code LIMIT ?",
            [_utc(start), _utc(end), n],
        ).fetchall()
    codes = [code for code, _ in rows]
    if len(codes) >= n:
        return codes, f"{n} thủ tục được hỏi nhiều nhất tháng {label}."
    told = (
        f"{len(rows)} thủ tục có yêu cầu trong tháng {label}"
        if rows
        else (f"Chưa có yêu cầu nào gắn thủ tục trong tháng {label}")
    )
    return everyday_codes(db, n, codes), f"{told}; còn lại là các thủ tục cấp xã thường gặp."


def everyday_codes(db: Database, n: int, codes: list[str] | None = None) -> list[str]:
    """`codes` filled up to n with everyday commune procedures, then commune ones by code."""
    from supportdesk.core import catalog, text

    codes = list(codes or [])
    for name in EVERYDAY_PROCEDURES:
        if len(codes) >= n:
            return codes
        wanted = " " + " ".join(text.tokens(name)) + " "
        for item in catalog.search(db, name, limit=3, level="xa").items:
            # Only a title holding the phrase counts: search also ranks loose matches.
            title = " " + " ".join(text.tokens(item["name"])) + " "
            if wanted in title and item["code"] not in codes:
                codes.append(item["code"])
                break
    for code, levels in db.execute("SELECT code, levels FROM procedures ORDER BY code"):
        if len(codes) >= n:
            break
        if '"xa"' in (levels or "") and code not in codes:
            codes.append(code)
    return codes


def _utc(moment: datetime) -> str:
    """The stored form of a time: UTC ISO-8601 to the second (as core.calendar.to_iso)."""
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def pdf_bytes(db: Database, kind: str, key: Any, **options: Any) -> bytes:
    """The PDF of one document. kind/key: handout/code, handouts/[codes], receipt/request id,
    report/period ('2026-11'). Options: size ('a4'|'a5'), width ('a5'|'80mm'), printed (date),
    full (a handout's complete version instead of the citizen's)."""
    size, printed, full = options.get("size", "a4"), options.get("printed"), options.get("full")
    if kind == "handout":
        return handout_pdf(db, key, size, printed, bool(full))
    if kind == "handouts":
        return handouts_pdf(db, list(key), size, printed, bool(full))
    if kind == "receipt":
        found = request(db, key)
        return receipt.render(found, parts.center_from_settings(db), options.get("width", "a5"))
    if kind == "kb_sheet":
        from supportdesk.core import kb
        from supportdesk.core.pdf import kb_sheet

        # The key is the article (id or uuid), or (article, width) from the desktop's printer.
        ref, width = (key, options.get("width", "a5")) if isinstance(key, str | int) else key
        article = kb.get(db, ref)
        if article is None:
            raise DocumentSourceMissing(f"không có bài viết {ref}")
        return kb_sheet.render(article, parts.center_from_settings(db), width)
    if kind == "report":
        summary = period_summary(db, key)
        return report.render(summary, parts.center_from_settings(db), options.get("printed"))
    raise ValueError(f"không biết loại tài liệu {kind!r} (một trong {', '.join(KINDS)})")


def write_atomic(data: bytes, path: Path | str) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def render_to_file(db: Database, kind: str, key: Any, path: Path | str, **options: Any) -> Path:
    """Render a document and save it to `path`; safe to call from a worker thread with its own
    connection. Raises DocumentSourceMissing for an unknown code, request or period."""
    return write_atomic(pdf_bytes(db, kind, key, **options), path)
