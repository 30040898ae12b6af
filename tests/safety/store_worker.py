"""One process working on a shared store, for test_two_writers.py. Usage:

    store_worker.py DATA_DIR GO_FILE add N LABEL   # log N requests back to back
    store_worker.py DATA_DIR GO_FILE read STOP_FILE  # search, list, count until STOP_FILE exists

It prints `ready` once the store is open, starts when GO_FILE exists (so that the processes
really overlap) and ends with one JSON line: what it did and every error it met."""

from __future__ import annotations

import json
import os
import sys
import time

from supportdesk.core import tickets
from supportdesk.core.store import open_store


def wait_for(path: str) -> None:
    while not os.path.exists(path):
        time.sleep(0.001)


def add(db, n: int, label: str) -> dict:
    logged, errors = [], []
    for i in range(n):
        data = {
            "category": "vneid",
            "summary": f"{label} {i}: quên mật khẩu VNeID",
            "requester_name": "Nguyễn Văn Đức",
            "requester_phone": f"0300{i:06d}",
        }
        try:
            made = tickets.create(db, data, actor=label, resolved_now=i % 5 == 0)
            logged.append(made["ticket"])
        except Exception as exc:  # noqa: BLE001 — counted: the test expects none
            errors.append(f"{type(exc).__name__}: {exc}")
    return {"tickets": logged, "errors": errors}


def read(db, stop_file: str) -> dict:
    queries, errors = 0, []
    while not os.path.exists(stop_file):
        try:
            tickets.search(db, "quen mat khau", limit=20)
            tickets.search(db, "0300000012", limit=20)
            tickets.page(db, tickets.Filters(status="new"), limit=50)
            tickets.count(db, tickets.Filters())
            queries += 4
        except Exception as exc:  # noqa: BLE001 — counted: the test expects none
            errors.append(f"{type(exc).__name__}: {exc}")
    return {"queries": queries, "errors": errors}


def main(data_dir: str, go_file: str, mode: str, *args: str) -> None:
    db = open_store(data_dir, seed=False, check=False)
    print("ready", flush=True)
    wait_for(go_file)
    result = add(db, int(args[0]), args[1]) if mode == "add" else read(db, args[0])
    db.close()
    print(json.dumps(result, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:])
