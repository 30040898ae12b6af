import os

# Before any QApplication exists: tests never need a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402


@pytest.fixture
def data_dir(tmp_path):
    """A fresh, empty data directory."""
    return tmp_path / "data"


@pytest.fixture
def empty_db(data_dir):
    """A migrated store with no seed data."""
    from supportdesk.core.store.connection import open_store

    db = open_store(data_dir, seed=False)
    yield db
    db.close()
