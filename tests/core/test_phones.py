"""Phone numbers as people write them: parsed to +84…, shown the Vietnamese way."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from supportdesk.core import phones


@pytest.mark.parametrize(
    "raw, number, ext",
    [
        ("0912 345 678", "+84912345678", ""),
        ("+84 912 345 678", "+84912345678", ""),
        ("+84912345678", "+84912345678", ""),
        ("84912345678", "+84912345678", ""),
        ("0084 912 345 678", "+84912345678", ""),
        ("0912.345.678", "+84912345678", ""),
        ("0912-345-678", "+84912345678", ""),
        ("912345678", "+84912345678", ""),  # a spreadsheet dropped the leading 0
        ("(024) 3823 4567", "+842438234567", ""),
        ("024.3823.4567 ext 12", "+842438234567", "12"),
        ("024 3823 4567 máy lẻ 12", "+842438234567", "12"),
        ("024 3823 4567 (máy lẻ 12)", "+842438234567", "12"),
        ("02033835678x5", "+842033835678", "5"),
        ("0203 3835 678 #7", "+842033835678", "7"),
        ("024 3823 4567,12", "+842438234567", "12"),
        ("tel:+84-912-345-678;ext=12", "+84912345678", "12"),
        ("DĐ: 0912 345 678 (Zalo)", "+84912345678", ""),
        ("01662345678", "+84362345678", ""),  # 11-digit mobile before 2018 → 036…
        ("0123 456 7890", "+84834567890", ""),
        ("1800 1096", "18001096", ""),
        ("113", "113", ""),
        ("+1 202 555 0123", "+12025550123", ""),
    ],
)
def test_parse(raw, number, ext):
    phone = phones.parse(raw)
    assert (phone.number, phone.ext) == (number, ext)


@pytest.mark.parametrize(
    "number, ext, shown",
    [
        ("+84912345678", "", "0912 345 678"),
        ("+842438234567", "", "024 3823 4567"),
        ("+842838234567", "", "028 3823 4567"),
        ("+842033835678", "", "0203 3835 678"),
        ("+842363822222", "12", "0236 3822 222 máy lẻ 12"),
        ("18001096", "", "1800 1096"),
        ("113", "", "113"),
    ],
)
def test_display(number, ext, shown):
    assert phones.display(number, ext) == shown
    assert phones.parse(shown).number == number  # what is shown reads back


@pytest.mark.parametrize(
    "raw", ["", "abc", "0912 345 67", "0612345678", "+84 123", "123456789012345678", "0912 ext"]
)
def test_rejects_what_is_not_a_number(raw):
    with pytest.raises(phones.PhoneError):
        phones.parse(raw)


def test_kind_is_guessed_from_the_number():
    assert phones.parse("0912345678").kind == "cell"
    assert phones.parse("024 3823 4567").kind == "work"
    assert phones.parse("0912345678", "home").kind == "home"


def test_parse_many_splits_a_cell():
    found = phones.parse_many("0912 345 678; 024 3823 4567 máy lẻ 12 / 0987654321\n113")
    assert [p.number for p in found] == ["+84912345678", "+842438234567", "+84987654321", "113"]
    assert found[1].ext == "12"
    assert [p.number for p in phones.parse_many("0912 345 678 hoặc 0987 654 321")] == [
        "+84912345678",
        "+84987654321",
    ]


def test_search_digits_has_both_forms():
    assert phones.search_digits("+84912345678") == "0912345678 84912345678"


mobiles = st.builds(
    lambda p, rest: f"0{p}{rest}", st.sampled_from("35789"), st.from_regex(r"\d{8}", fullmatch=True)
)
landlines = st.builds(
    lambda area, rest: f"0{area}{rest}",
    st.sampled_from(["24", "28"]),
    st.from_regex(r"[2-9]\d{7}", fullmatch=True),
) | st.builds(
    lambda area, rest: f"0{area}{rest}",
    st.sampled_from(["203", "236", "225", "292", "251"]),
    st.from_regex(r"[2-9]\d{6}", fullmatch=True),
)


@settings(max_examples=150, deadline=None)
@given(national=mobiles | landlines, style=st.sampled_from(["plain", "dots", "intl", "shown"]))
def test_any_way_of_writing_gives_one_number(national, style):
    expected = "+84" + national[1:]
    written = {
        "plain": national,
        "dots": ".".join([national[:4], national[4:7], national[7:]]),
        "intl": "+84 " + national[1:],
        "shown": phones.display(expected),
    }[style]
    assert phones.parse(written).number == expected
    assert phones.display(phones.parse(written).number).replace(" ", "") == national
