"""Desk-to-desk replication inside one commune's team (see docs/ARCHITECTURE.md, "team").

- clock: hybrid logical clock stamps (ordering that survives skewed PC clocks)
- feed: the change feed, per-desk sequence numbers and version vectors
- merge: applying a peer's items in one transaction each page, idempotently
- membership: the team key, desk id and desk mark; pairing with a one-time code
- wire / server / client: the encrypted desk-to-desk HTTP protocol
"""
