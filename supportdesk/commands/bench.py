"""`supportdesk bench [--quick] [--json]`: measure every budget on this machine."""

from __future__ import annotations

import importlib
import os
import pkgutil
import platform
import sys
import tempfile
from pathlib import Path

from supportdesk.commands._common import add_json_flag, print_json, print_table


def register(sub) -> None:
    p = sub.add_parser("bench", help="đo tốc độ với dữ liệu tổng hợp ở quy mô thực tế")
    p.add_argument("--quick", action="store_true", help="dữ liệu nhỏ hơn, xong trong 60 giây")
    p.add_argument("--only", help="chỉ chạy các nhóm này (phân cách bằng dấu phẩy)")
    add_json_flag(p)
    p.set_defaults(handler=cmd_bench)


def machine() -> dict:
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "processor": platform.processor() or platform.machine(),
        "cpus": os.cpu_count(),
        "sqlite": __import__("sqlite3").sqlite_version,
    }


def cmd_bench(args) -> int:
    from supportdesk import bench

    wanted = set(args.only.split(",")) if args.only else None
    metrics: list[dict] = []
    for info in sorted(pkgutil.iter_modules(bench.__path__), key=lambda m: m.name):
        if wanted and info.name not in wanted:
            continue
        module = importlib.import_module(f"{bench.__name__}.{info.name}")
        if not hasattr(module, "bench"):  # floors, probes: helpers of the groups
            continue
        with tempfile.TemporaryDirectory(prefix=f"supportdesk-bench-{info.name}-") as workdir:
            if not args.json:
                print(f"… {info.name}", file=sys.stderr)
            metrics += module.bench(Path(workdir), args.quick)
    if args.json:
        print_json({"machine": machine(), "metrics": metrics})
    else:
        rows = [
            (
                m["name"],
                f"{m['value']} {m['unit']}",
                "" if m.get("floor") is None else f"{m['floor']} {m['unit']}",
                "" if m.get("ratio") is None else f"{m['ratio']}×",
                _budgets(m),
                {True: "đạt", False: "KHÔNG ĐẠT", None: ""}[m["pass"]],
                m["note"],
            )
            for m in metrics
        ]
        print_table(rows, ["Chỉ số", "Đo được", "Mức sàn", "Tỉ lệ", "Ngân sách", "", "Ghi chú"])
    return 0 if all(m["pass"] is not False for m in metrics) else 1


def _budgets(m: dict) -> str:
    """A budget on the value ("≤ 16 ms"), on the ratio to the floor ("≤ 2.5×"), or both."""
    sign = "≥" if m.get("at_least") else "≤"
    said = [] if m["budget"] is None else [f"{sign} {m['budget']} {m['unit']}"]
    if m.get("ratio_budget") is not None:
        said.append(f"≤ {m['ratio_budget']}×")
    return ", ".join(said)
