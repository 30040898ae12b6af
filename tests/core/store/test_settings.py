"""Typed settings: registered defaults, refused values, and all-or-nothing saves."""

import re

import pytest

from supportdesk.core.store import settings
from supportdesk.core.tickets import categories


def test_an_unset_setting_reads_as_its_registered_default(empty_db):
    assert settings.get(empty_db, "retention_months") == 24
    assert settings.get(empty_db, "ui_language") == "vi"
    assert settings.get(empty_db, "retention_months", 6) == 6  # an explicit default still wins
    assert settings.get(empty_db, "no_such_key") is None


@pytest.mark.parametrize(
    "key, value",
    [("retention_months", "24"), ("retention_months", 0), ("retention_months", True),
     ("commune_code", "4"), ("ui_language", "fr"), ("hub_url", "ftp://x"), ("team_members", [1])],
)  # fmt: skip
def test_a_wrong_value_is_refused_with_the_settings_name(empty_db, key, value):
    with pytest.raises(settings.SettingError, match=re.escape(settings.REGISTRY[key].label)):
        settings.put(empty_db, key, value)
    assert settings.get(empty_db, key) == settings.REGISTRY[key].default


def test_apply_writes_everything_or_nothing(empty_db):
    settings.put(empty_db, "commune_name", "Phường Ba Đình")
    with pytest.raises(settings.SettingError):
        settings.apply(empty_db, {"commune_name": "Xã Mới", "retention_months": -1})
    assert settings.get(empty_db, "commune_name") == "Phường Ba Đình"

    def refused_topic():
        categories.save(empty_db, "vneid", "", unit="days", value=1)  # the core refuses it

    with pytest.raises(ValueError):
        settings.apply(empty_db, {"commune_name": "Xã Mới"}, [refused_topic])
    assert settings.get(empty_db, "commune_name") == "Phường Ba Đình"
    settings.apply(empty_db, {"commune_name": "Xã Mới", "retention_months": 12})
    assert settings.get(empty_db, "retention_months") == 12
