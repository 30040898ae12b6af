"""The vCard format itself: versions 2.1/3.0/4.0 as phones export them, and 3.0 as we write it."""

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from supportdesk.core.directory import vcard

ANDROID_21 = (
    "BEGIN:VCARD\r\nVERSION:2.1\r\n"
    "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=4E=67=75=79=E1=BB=85=6E;=56=C4=83=6E=20=\r\n"
    "=4D=E1=BA=AB=75;;;\r\n"
    "FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=4E=67=75=79=E1=BB=85=6E=20=56=C4=83=6E=20=\r\n"
    "=4D=E1=BA=AB=75\r\n"
    "TEL;CELL;PREF:0912 345 678\r\n"
    "TEL;WORK:024 3823 4567\r\n"
    "END:VCARD\r\n"
)


def test_android_21_quoted_printable_with_soft_breaks():
    [card] = vcard.parse(ANDROID_21)
    assert card.version == "2.1"
    assert vcard.text_of(card.first("FN")) == "Nguyễn Văn Mẫu"
    assert vcard.components(card.first("N").value)[:2] == ["Nguyễn", "Văn Mẫu"]
    tels = card.all("TEL")
    assert [t.value for t in tels] == ["0912 345 678", "024 3823 4567"]
    assert tels[0].types() == {"cell", "pref"}


def test_30_folded_lines_groups_and_escapes():
    text = (
        "BEGIN:VCARD\nVERSION:3.0\nFN:Trần Thị\n  Thử\nitem1.TEL;type=CELL:+84 912 345 678\n"
        "NOTE:dòng 1\\ndòng 2\\, có dấu phẩy\\; chấm phẩy\nEND:VCARD\n"
    )
    [card] = vcard.parse(text)
    assert vcard.text_of(card.first("FN")) == "Trần Thị Thử"
    assert card.first("TEL").types() == {"cell"}
    assert vcard.text_of(card.first("NOTE")) == "dòng 1\ndòng 2, có dấu phẩy; chấm phẩy"


def test_40_quoted_parameters_and_tel_uri():
    text = (
        "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Lê Văn Ví Dụ\r\n"
        'TEL;VALUE=uri;TYPE="work,voice";PREF=1:tel:+84-24-3823-4567;ext=12\r\nEND:VCARD\r\n'
    )
    [card] = vcard.parse(text)
    tel = card.first("TEL")
    assert tel.types() == {"work", "voice"} and tel.value == "tel:+84-24-3823-4567;ext=12"


def test_nfd_names_come_out_nfc():
    nfd = unicodedata.normalize("NFD", "Nguyễn Văn Mẫu")
    [card] = vcard.parse(f"BEGIN:VCARD\nVERSION:3.0\nFN:{nfd}\nEND:VCARD\n")
    assert vcard.text_of(card.first("FN")) == "Nguyễn Văn Mẫu"


@pytest.mark.parametrize(
    "text, line",
    [
        ("BEGIN:VCARD\nFN:a\n", 1),
        ("FN:a\n", 1),
        ("BEGIN:VCARD\nFN:a\nEND:VCARD\nEND:VCARD\n", 4),
        ("BEGIN:VCARD\nFN:a\nBEGIN:VCARD\nEND:VCARD\n", 3),
        ("BEGIN:VCARD\nthis line has no colon\nEND:VCARD\n", 2),
    ],
)
def test_broken_structure_names_the_line(text, line):
    with pytest.raises(vcard.VCardError) as err:
        vcard.parse(text)
    assert err.value.line == line


def test_folding_never_splits_a_character_and_stays_within_75_octets():
    long = "FN:" + "Nguyễn Thị Thu Hường " * 10
    folded = vcard.fold_line(long)
    for physical in folded.split("\r\n"):
        assert len(physical.encode("utf-8")) <= 75
    [card] = vcard.parse(f"BEGIN:VCARD\r\n{folded}\r\nEND:VCARD\r\n")
    assert card.first("FN").value == long[3:]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80))
def test_escape_round_trip(value):
    value = value.replace("\r", "")
    line = vcard.fold_line("NOTE:" + vcard.escape(value))
    [card] = vcard.parse(f"BEGIN:VCARD\r\nVERSION:3.0\r\n{line}\r\nEND:VCARD\r\n")
    assert vcard.unescape(card.first("NOTE").value) == value


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_text_parses_or_fails_with_a_line(text):
    try:
        vcard.parse(text)
    except vcard.VCardError as exc:
        assert exc.line >= 1
