"""Upstream sync: summary payloads, the outbox, the hub client, catalogs flowing down
(docs/ARCHITECTURE.md, "A sync").

Pure Python: the desktop calls these from background tasks, the hub imports only `payload`."""
