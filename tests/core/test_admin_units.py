from supportdesk.core.admin_units import AdminUnits


def test_counts_match_the_2025_reform():
    units = AdminUnits.shipped()
    assert len(units.provinces) == 34
    assert len(units.communes) == 3321


def test_search_without_accents_finds_communes():
    units = AdminUnits.shipped()
    found = units.search("ba dinh")
    assert found[0].full_name == "Phường Ba Đình"
    assert found[0].province_name == "Hà Nội"
    assert units.search("dak lak", limit=0)  # đ folds to d, province names match too


def test_search_within_a_province_and_ranking():
    units = AdminUnits.shipped()
    hanoi = units.search("", province_code="01", limit=0)
    assert hanoi and all(u.province_code == "01" for u in hanoi)
    assert units.communes_of("01") == hanoi
    found = units.search("an", province_code="01")
    assert found[0].name.lower().startswith("an")


def test_lookup_by_code():
    units = AdminUnits.shipped()
    assert units.commune("00004").name == "Ba Đình"
    assert units.province("79").name == "Hồ Chí Minh"
    assert units.commune("nope") is None
