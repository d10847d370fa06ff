"""decode_html on bytes made by encoding our own Arabic text with each codec and declaration."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newscrawl.extraction.encoding import (
    UndecodablePage,
    candidate_encodings,
    decode_html,
    is_plausible,
    mojibake_marks,
)

# Our own text; only characters all three codecs can encode (no « » for ISO-8859-6).
PARAGRAPHS = (
    "أعلنت وزارة الزراعة يوم الأربعاء عن خطة جديدة لدعم صغار المزارعين في المناطق الريفية، "
    "وتشمل الخطة قروضا ميسرة وتدريبا على أساليب الري الحديثة.",
    "وقال المتحدث باسم الوزارة إن البرنامج سيبدأ في ثلاث محافظات قبل أن يتوسع تدريجيا ليشمل "
    "بقية البلاد خلال العامين المقبلين؛ فهل تكفي الموارد المرصودة لذلك؟",
    "ويرى خبراء الاقتصاد أن نجاح التجربة مرهون بسرعة صرف التمويل وبمتابعة ميدانية دقيقة.",
)
TITLE = "خطة حكومية لدعم صغار المزارعين"
CODECS = ("utf-8", "windows-1256", "iso-8859-6")


def page(charset_tag: str = "") -> str:
    body = "".join(f"<p>{p}</p>\n" for p in PARAGRAPHS)
    return (
        f"<!DOCTYPE html><html lang='ar' dir='rtl'><head>{charset_tag}<title>{TITLE}</title>"
        f"</head><body><nav><a href='/'>الرئيسية</a></nav><h1>{TITLE}</h1>\n{body}</body></html>"
    )


def meta_charset(codec: str) -> str:
    return f'<meta charset="{codec}">'


def meta_http_equiv(codec: str) -> str:
    return f'<meta http-equiv="Content-Type" content="text/html; charset={codec}">'


def assert_clean(text: str) -> None:
    assert TITLE in text
    for paragraph in PARAGRAPHS:
        assert paragraph in text


@pytest.mark.parametrize("codec", CODECS)
@pytest.mark.parametrize(
    ("header", "tag"),
    [
        pytest.param("right", "", id="header-only"),
        pytest.param(None, "meta-charset", id="meta-charset-only"),
        pytest.param(None, "http-equiv", id="http-equiv-only"),
        pytest.param("iso-8859-1", "http-equiv", id="header-latin1-wrong"),
        pytest.param("utf-8", "http-equiv", id="header-utf8-wrong"),
        pytest.param("iso-8859-1", "", id="header-latin1-wrong-no-meta"),
        pytest.param(None, "", id="undeclared"),
        pytest.param("text/html", "", id="header-without-charset"),
    ],
)
def test_each_codec_and_declaration(codec: str, header: str | None, tag: str) -> None:
    tags = {"": "", "meta-charset": meta_charset(codec), "http-equiv": meta_http_equiv(codec)}
    body = page(tags[tag]).encode(codec)
    if header == "right":
        content_type: str | None = f"text/html; charset={codec}"
    elif header == "text/html":
        content_type = "text/html"
    elif header:
        content_type = f"text/html; charset={header}"
    else:
        content_type = None
    assert_clean(decode_html(body, content_type))


@pytest.mark.parametrize(
    ("declared", "actual"),
    [
        ("windows-1256", "iso-8859-6"),
        ("iso-8859-6", "windows-1256"),
        ("windows-1256", "utf-8"),
        ("iso-8859-6", "utf-8"),
        ("utf-8", "windows-1256"),
    ],
)
def test_wrong_arabic_charset_in_header_and_meta(declared: str, actual: str) -> None:
    body = page(meta_http_equiv(declared)).encode(actual)
    assert_clean(decode_html(body, f"text/html; charset={declared}"))


@pytest.mark.parametrize(
    ("bom", "codec"),
    [(b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")],
)
def test_bom_wins_over_wrong_declarations(bom: bytes, codec: str) -> None:
    body = bom + page(meta_charset("windows-1256")).encode(codec)
    text = decode_html(body, "text/html; charset=windows-1256")
    assert_clean(text)
    assert not text.startswith("\ufeff")


def misread(raw: bytes, codec: str) -> str:
    """Decode like a browser does: bytes the codec leaves undefined become C1 controls."""
    return "".join(bytes([b]).decode(codec, errors="ignore") or chr(b) for b in raw)


@pytest.mark.parametrize("misread_as", ["cp1252", "latin-1", "cp1256"])
def test_double_encoded_utf8_is_repaired(misread_as: str) -> None:
    # a CMS that read UTF-8 as a single-byte charset and stored the mojibake as UTF-8
    mojibake = misread(page(meta_charset("utf-8")).encode("utf-8"), misread_as)
    assert not is_plausible(mojibake)
    text = decode_html(mojibake.encode("utf-8"), "text/html; charset=utf-8")
    assert_clean(text)


def test_cp1252_mojibake_with_utf8_header_is_repaired() -> None:
    mojibake = misread(page().encode("utf-8"), "cp1252")
    assert "Ø§Ù„" in mojibake
    assert_clean(decode_html(mojibake.encode("utf-8"), "text/html; charset=utf-8"))


def test_lossy_mojibake_is_undecodable_not_returned() -> None:
    # the misreading dropped the bytes cp1252 leaves undefined (ف is D9 81): unrecoverable
    lossy = page().encode("utf-8").decode("cp1252", errors="ignore")
    with pytest.raises(UndecodablePage):
        decode_html(lossy.encode("utf-8"))


def test_non_arabic_pages_keep_their_declared_charset() -> None:
    french = "<html><head><meta charset='windows-1252'></head><p>Réforme agricole à Rabat</p>"
    assert "Réforme agricole à Rabat" in decode_html(french.encode("cp1252"))
    english = b"<html><body><p>Plain ASCII page</p></body></html>"
    assert decode_html(english) == english.decode()


def test_replacement_characters_make_the_page_undecodable() -> None:
    damaged = page(meta_charset("utf-8")).replace("ا", "\ufffd").encode("utf-8")
    with pytest.raises(UndecodablePage, match="plausible"):
        decode_html(damaged, "text/html; charset=utf-8")


def test_garbage_bytes_are_undecodable() -> None:
    with pytest.raises(UndecodablePage):
        decode_html(bytes(range(128, 256)) * 40)


def test_unknown_charset_names_are_ignored() -> None:
    body = page(meta_charset("x-no-such-charset")).encode("windows-1256")
    assert_clean(decode_html(body, "text/html; charset=klingon"))
    assert "cp1256" in list(candidate_encodings(body, "text/html; charset=klingon"))


def test_plausibility_tolerates_a_few_foreign_letters_but_not_mojibake() -> None:
    arabic = " ".join(PARAGRAPHS) + " Français English"
    assert mojibake_marks(arabic) == 0
    assert is_plausible(arabic)
    assert not is_plausible(arabic.encode("iso-8859-6", errors="ignore").decode("cp1256"))
    assert not is_plausible(arabic.encode("cp1256").decode("cp1252", errors="ignore"))


WORDS = [w for p in PARAGRAPHS for w in p.replace("،", " ").replace("؛", " ").split()]


@settings(max_examples=60, deadline=None)
@given(
    words=st.lists(st.sampled_from(WORDS), min_size=10, max_size=120),
    codec=st.sampled_from(CODECS),
)
def test_any_arabic_text_survives_undeclared(words: list[str], codec: str) -> None:
    text = "<p>" + " ".join(words) + "</p>"
    assert decode_html(text.encode(codec)) == text


def test_persian_pages_are_not_mistaken_for_scrambled_arabic() -> None:
    # Persian has no "ال"; the Arabic-prose check must not reject it
    persian = "<p>" + "این یک متن فارسی است که برای آزمایش نوشته شده و خوانده می‌شود " * 8 + "</p>"
    assert decode_html(persian.encode("utf-8")) == persian


def test_persian_in_windows_1256_is_read_as_persian() -> None:
    # windows-1256 has no Persian yeh (ی), so Persian pages in it write the Arabic ي
    persian = "<p>" + "اين يک متن فارسي است که براي آزمايش نوشته شده و خوانده مي‌شود " * 8 + "</p>"
    assert decode_html(persian.encode("cp1256")) == persian


def test_arabic_code_pages_must_read_as_arabic_prose() -> None:
    scrambled = "<p>" + "اننعة انظربة جهنة ولها قصص مثرة ظو انصحالة " * 8 + "</p>"
    assert is_plausible(scrambled)
    assert not is_plausible(scrambled, arabic_code_page=True)
    assert is_plausible(page(), arabic_code_page=True)


def test_utf8_arabic_glued_to_latin_names_is_plausible() -> None:
    # tech and business news glue brand names to Arabic words ("لـWhatsApp", "تطبيقiPhone"):
    # valid UTF-8 cannot be an Arabic code page read with the wrong table, so no script clash
    # is counted against it (it was: one per glued word, and this page was refused)
    glued = " ".join(f"تطبيق{name} وخدمةGoogle" for name in ("WhatsApp", "iPhone", "Android"))
    text = page().replace("</h1>", f"</h1><p>{glued * 6}</p>")
    assert decode_html(text.encode("utf-8"), "text/html; charset=utf-8") == text
    assert not is_plausible(text, single_byte=True)  # the same text from a code page is suspect
