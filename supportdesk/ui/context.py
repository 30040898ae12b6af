"""What the windows of one running app share, passed explicitly (no global singletons)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from supportdesk.core.store import settings
from supportdesk.ui.changes import Changes
from supportdesk.ui.tasks import TaskRunner


@dataclass
class AppContext:
    data_dir: Path
    db: Database  # the GUI thread's connection; background tasks open their own
    tasks: TaskRunner
    changes: Changes = field(default_factory=Changes)  # data changed: pages subscribe

    @property
    def db_path(self) -> Path:
        return self.tasks.db_path

    def setting(self, key: str, *default: Any) -> Any:
        """A setting, its registered default when unset (core.store.settings)."""
        return settings.get(self.db, key, *default)

    def put_setting(self, key: str, value: Any) -> None:
        settings.put(self.db, key, value)
        self.changes.notify("settings")

    @property
    def operator(self) -> str:
        return self.setting("operator", "") or ""

    @property
    def team(self) -> list[str]:
        return list(self.setting("team_members", []) or [])

    def close(self) -> None:
        self.tasks.stop()
        self.db.close()
