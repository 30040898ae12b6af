from tests.hub.kit import hub, hub_storage, proxy  # noqa: F401 — fixtures
