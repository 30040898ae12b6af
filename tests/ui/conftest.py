import shutil

import pytest
import time_machine

from tests.clock import vn


@pytest.fixture
def clock():
    """The counter's clock pinned to Monday 30 November 2026, 16:00 (a month's last day) and
    ticking: ask for it before `window` so the demo requests and the pages see the same day."""
    with time_machine.travel(vn(2026, 11, 30, 16, 0), tick=True) as traveller:
        yield traveller


@pytest.fixture(scope="session")
def seeded_template(tmp_path_factory):
    """One store with the shipped catalog, copied for each test (seeding takes seconds)."""
    from supportdesk.core.store.connection import open_store

    directory = tmp_path_factory.mktemp("template")
    db = open_store(directory)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return directory


@pytest.fixture
def seeded_dir(seeded_template, tmp_path):
    target = tmp_path / "data"
    shutil.copytree(seeded_template, target)
    return target


@pytest.fixture
def configured_dir(seeded_dir):
    """A store that went through first run already (the demo commune and team)."""
    from supportdesk.core import demo
    from supportdesk.core.store.connection import open_store

    db = open_store(seeded_dir)
    demo.fill(db)
    db.close()
    return seeded_dir


@pytest.fixture
def desk(qapp, configured_dir):
    from supportdesk.ui.app import Desk

    d = Desk(qapp, configured_dir)
    yield d
    d.close()
    assert d.ctx.tasks.pool.activeThreadCount() == 0


@pytest.fixture
def window(desk, qtbot):
    w = desk.open_window(first_run=False)
    # Tests never start the PC's PDF viewer: the files "opened" are listed here instead.
    w.opened_files = []
    w.printer._open = lambda path: w.opened_files.append(path) or True
    qtbot.waitExposed(w)
    return w
