"""The desktop app (PySide6 only): windows, pages, dialogs, Qt models, background tasks."""
