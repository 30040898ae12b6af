import pytest

from tests.hub.kit import hub, hub_storage, proxy  # noqa: F401 — fixtures


@pytest.fixture
def desk(empty_db):
    """A counter PC's store with the commune set, as after first-run setup."""
    from supportdesk.core.store import settings

    settings.put(empty_db, "commune_code", "00001")
    settings.put(empty_db, "commune_name", "Xã thử 00001")
    settings.put(empty_db, "install_id", "install-1")
    return empty_db
