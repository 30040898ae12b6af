"""The search vocabulary is built once per catalog change and shared by a store's connections:
the GUI searches on a new connection at each keystroke, and logging a request is no catalog
change."""

from supportdesk.core import catalog, tickets
from supportdesk.core.catalog import ranking
from supportdesk.core.store import connect, open_store


def _procedure(code: str, name: str) -> dict:
    return {"code": code, "name": name, "level": "Cấp xã", "field": "Hộ tịch"}


def test_vocabulary_is_shared_and_rebuilt_only_when_the_catalog_changes(data_dir):
    db = open_store(data_dir, seed=False)
    catalog.import_records(db, [(1, _procedure("1.000001", "Đăng ký khai sinh"))])
    first = ranking.vocabulary(db)
    other = connect(db.conn.store_path)  # what a background search task opens
    assert ranking.vocabulary(other) is first
    tickets.create(db, {"category": "vneid", "summary": "Quên mật khẩu"}, actor="Lan")
    assert ranking.vocabulary(other) is first  # a request is no catalog change
    catalog.import_records(db, [(1, _procedure("1.000002", "Đăng ký kết hôn"))])
    rebuilt = ranking.vocabulary(other)
    assert rebuilt is not first and rebuilt.known("ket") and not first.known("ket")
    assert catalog.search(other, "ket hon").items[0]["code"] == "1.000002"
    other.close()
    db.close()
