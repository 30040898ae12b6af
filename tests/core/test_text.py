import sqlite3
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from supportdesk.core import text

abbrev = text.Abbreviations.shipped()


def test_fold_removes_marks_and_folds_d():
    assert text.fold("Đăng ký KHAI SINH") == "dang ky khai sinh"
    assert text.fold("Chứng thực  bản\tsao") == "chung thuc ban sao"
    assert text.fold("Thuỷ lợi") == text.fold("Thủy lợi") == "thuy loi"


def test_tokens_make_spelling_variants_equal():
    assert text.tokens("đăng ký") == text.tokens("dang ki")
    assert text.tokens("quy định") == text.tokens("qui dinh")
    assert text.tokens("Hoà Bình") == text.tokens("hòa binh")
    assert text.tokens("lý lịch") == text.tokens("li lich")
    assert text.tokens("Mỹ") == text.tokens("mi")
    assert text.tokens("y tế") == ["y", "te"]  # a lone y stays y


def test_clean_nfc_and_spaces():
    decomposed = unicodedata.normalize("NFD", "Đăng  ký\t khai sinh ")
    assert text.clean(decomposed) == "Đăng ký khai sinh"
    assert text.clean("a\r\n  b  \n") == "a\nb"
    assert text.clean(None) == ""


def test_cp1258_style_decomposition_folds_like_nfc():
    # cp1258 decodes "ế" as "ê" + combining acute: same fold as the precomposed letter
    assert text.fold("ke\u0302\u0301t ho\u0302n") == text.fold("kết hôn")


def test_match_query_quotes_and_prefixes_last_token():
    assert text.match_query("dang ky khai si") == '"dang" AND "ki" AND "khai" AND "si"*'
    assert text.match_query("dang ky ") == '"dang" AND "ki"'
    assert text.match_query('"" ( ) * AND') == '"and"*'
    assert text.match_query("  !!! ") is None


def test_abbreviations_expand():
    q = text.match_query("cap lai CCCD", abbrev)
    assert '"cccd"' in q and '"can cuoc cong dan"' in q
    q = text.match_query("so do", abbrev)
    assert '"giay chung nhan quyen su dung dat"' in q


def test_abbreviation_with_d_stroke():
    assert text.match_query("HĐND", abbrev) == text.match_query("hdnd", abbrev)


@given(st.text())
def test_fold_is_idempotent(s):
    assert text.fold(text.fold(s)) == text.fold(s)


@given(st.text())
def test_nfc_and_nfd_fold_alike(s):
    assert text.fold(unicodedata.normalize("NFD", s)) == text.fold(unicodedata.normalize("NFC", s))


_fts = sqlite3.connect(":memory:")
_fts.execute("CREATE VIRTUAL TABLE t USING fts5(a, b)")
_fts.execute("INSERT INTO t VALUES ('dang ki khai sinh', 'ho tich')")


_typed = st.lists(
    st.one_of(st.text(), st.sampled_from(["CCCD", "sổ đỏ", "HĐND", "nhập khẩu", "AND", "*", '"']))
).map(" ".join)


@settings(max_examples=300)
@given(_typed)
def test_no_input_makes_a_match_query_raise(s):
    expression = text.match_query(s, abbrev)
    if expression is not None:
        _fts.execute("SELECT * FROM t WHERE t MATCH ?", [expression]).fetchall()
        _fts.execute("SELECT * FROM t WHERE t MATCH ?", [f"a : ({expression})"]).fetchall()
