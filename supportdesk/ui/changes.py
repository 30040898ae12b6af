"""One signal for "the data changed": pages and the status bar subscribe to it instead of the
main window routing refreshes between them."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

# What changed; a subscriber refreshes only for the topics it shows.
REQUESTS, CONTACTS, SETTINGS, SYNC = "requests", "contacts", "settings", "sync"


class Changes(QObject):
    changed = Signal(str)  # one of the topics above

    def notify(self, topic: str) -> None:
        self.changed.emit(topic)
