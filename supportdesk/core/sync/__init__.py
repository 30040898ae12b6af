"""Upstream sync: summary payloads, the outbox, the hub client, catalogs flowing down (DESIGN §6).

Pure Python: the desktop calls these from background tasks, the hub imports only `payload`."""
