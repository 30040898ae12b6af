"""Storing contacts from the UI and the background work of the directory page (imports,
exports), as plain functions a task can run on its own connection."""

from __future__ import annotations

from pathlib import Path


def save_contact(db, raw: dict, contact_id: int | None = None) -> int:
    """Add a contact, or replace the fields of the one being edited; returns its id."""
    from supportdesk.core import directory

    if contact_id is None:
        return directory.add(db, raw)
    return directory.update(db, contact_id, raw)


def import_contacts(db, path: str):
    """Run in a task: yields progress, returns the import report as a dict (rows rejected with
    their numbers). Cancelling the task rolls the whole import back."""
    from supportdesk.core import directory
    from supportdesk.core.tabular import BadInputError

    try:
        report = yield from directory.files.import_file_steps(db, Path(path))
    except BadInputError as exc:
        return {"added": 0, "updated": 0, "unchanged": 0, "error": str(exc), "rejected": []}
    return report.as_dict()


def export_vcard(db, path: str) -> int:
    from supportdesk.core import directory

    return directory.files.export_file(db, Path(path))
