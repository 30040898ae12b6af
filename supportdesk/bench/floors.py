"""Floors: what the bare tools do on this machine, measured in the same run as our figures, so
that each figure is also read as a ratio that machine load does not move much.

- a bare PySide6 main window: start to shown in a fresh process, and its memory;
- a raw FTS5 query (no folding, no ranking tiers, no row building) over the same table;
- a bare Qt table (a trivial model in the same widget): the next page while scrolling.
- a one-page reportlab document in the embedded font (`reportlab_page`): the printed handout.

Not a benchmark group of its own (no `bench()`): the groups call these next to what they time.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterable
from pathlib import Path

# A bare window: Qt's own import and start-up, nothing of ours.
_BARE_WINDOW = """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1280, 800)
window.show()
app.processEvents()
rss = 0.0
try:
    with open("/proc/self/status") as status:
        rss = next(int(s.split()[1]) / 1024 for s in status if s.startswith("VmHWM:"))
except OSError:
    import resource
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"shown rss_mb={rss:.1f}", flush=True)
"""


def offscreen_env() -> dict:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    root = str(Path(__file__).resolve().parents[2])
    env["PYTHONPATH"] = root + os.pathsep + env.get("PYTHONPATH", "")
    return env


def time_to_shown(cmd: list[str]) -> tuple[float, float]:
    """Seconds from starting `cmd` to its "shown rss_mb=…" line, and that memory (MB)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            env=offscreen_env(), text=True)  # fmt: skip
    seconds = rss = float("nan")
    for line in proc.stdout:
        if line.startswith("shown"):
            seconds = time.perf_counter() - t0
            rss = float(line.split("rss_mb=")[1])
            break
    proc.wait(timeout=60)
    return seconds, rss


def bare_window() -> tuple[float, float]:
    """One fresh process showing a bare PySide6 main window: seconds to shown, memory MB (peak
    RSS, read the way supportdesk.ui.app reads it)."""
    return time_to_shown([sys.executable, "-c", _BARE_WINDOW])


RAW_FTS = "SELECT rowid FROM {table} WHERE {table} MATCH ? ORDER BY rank LIMIT 20"


def raw_fts_ms(db, table: str, expressions: Iterable[str]) -> list[float]:
    """Milliseconds of a raw FTS5 MATCH, best rank first, for each expression."""
    sql = RAW_FTS.format(table=table)
    samples = []
    for expression in expressions:
        start = time.perf_counter()
        db.execute(sql, [expression]).fetchall()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def reportlab_page() -> bytes:
    """The least a one-page PDF in our embedded font costs: reportlab's SimpleDocTemplate, a title
    and six paragraphs of Vietnamese, DejaVu Sans (regular and bold) subset into the file like
    every document of ours (issue 19 item 7: the handout within 3× of this)."""
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from supportdesk.core.pdf import fonts

    font = fonts.register()
    body = ParagraphStyle("floor", fontName=font, fontSize=10, leading=13)
    title = ParagraphStyle("floor_title", fontName=fonts.BOLD, fontSize=15, leading=19)
    text = (
        "Tờ khai đăng ký khai sinh theo mẫu; giấy chứng sinh; giấy tờ tùy thân của người đi "
        "đăng ký. Thời hạn giải quyết: 1 ngày làm việc. Nộp tại Trung tâm Phục vụ hành chính "
        "công xã hoặc trực tuyến trên Cổng Dịch vụ công quốc gia."
    )
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=A4, initialFontName=font)
    doc.build([Paragraph("Thủ tục đăng ký khai sinh", title)] + [Paragraph(text, body)] * 6)
    return out.getvalue()
