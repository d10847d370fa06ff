"""Fetched bytes → text, robust to the charset lies Arabic news sites tell.

Arabic pages come in UTF-8, windows-1256 and ISO-8859-6, and the declared charset is often
missing or wrong (a server default of iso-8859-1 or utf-8 in front of a windows-1256 CMS). Every
single-byte codec "succeeds" on any bytes, so a decode is only accepted when the text is
*plausible*: it carries (almost) no mojibake marks. A page that stays garbled under every
candidate raises `UndecodablePage`, which the caller counts and skips.

Candidate order: byte-order mark; valid UTF-8 (other charsets practically never form valid
multi-byte UTF-8 by chance, so this beats a wrong header); the HTTP header; ``<meta>``;
the Arabic code pages; then charset-normalizer's guess.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from functools import partial

from charset_normalizer import from_bytes
from w3lib.encoding import (
    html_body_declared_encoding,
    http_content_type_encoding,
    read_bom,
    resolve_encoding,
)

_ARABIC_FALLBACKS = ("cp1256", "iso8859-6")
_ARABIC_CODE_PAGES = frozenset(codecs.lookup(name).name for name in _ARABIC_FALLBACKS)
# Single-byte codecs a UTF-8 page is typically misread with before being stored again as UTF-8.
_DOUBLE_ENCODING_CODECS = ("cp1252", "cp1256")

_ARABIC_LETTER = "\u0621-\u064a\u0671-\u06d3"
_ARABIC_MARK = "\u064b-\u0652"
_LATIN1_LETTER = "\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff"
_NON_ASCII_LETTER_RE = re.compile(r"[^\W\d_\x00-\x7f]")
# An Arabic letter glued to a Latin one: an Arabic code page read with the wrong Arabic table
# (ISO-8859-6 as windows-1256 turns و ي ه ق into è ê ç â inside Arabic words).
_SCRIPT_CLASH_RE = re.compile(
    f"[{_ARABIC_LETTER}{_ARABIC_MARK}](?=[A-Za-z{_LATIN1_LETTER}])"
    f"|[A-Za-z{_LATIN1_LETTER}](?=[{_ARABIC_LETTER}{_ARABIC_MARK}])"
)
# Three accented Latin-1 letters in a row never happen in European text but are what Arabic
# single-byte text looks like when read as Latin-1/cp1252 ("ÇáÚÑÈíÉ").
_LATIN1_RUN_RE = re.compile(f"[{_LATIN1_LETTER}]{{3,}}")
_LATIN1_LETTER_RE = re.compile(f"[{_LATIN1_LETTER}\u00d7\u00f7]")
_BROKEN_CHAR_RE = re.compile("[\ufffd\u0080-\u009f]")
_STRAY_BROKEN_CHARS = 3
_ARABIC_WORD_RE = re.compile(f"[{_ARABIC_LETTER}]{{2,}}")
_DEFINITE_RE = re.compile("[وفبك]?ال|لل")  # the article, alone or after a clitic
_MIN_WORDS_FOR_ARTICLE_CHECK = 40
_PERSIAN_URDU_LETTER_RE = re.compile(
    "[\u067e\u0686\u0698\u06a9\u06af\u06cc\u0679\u0688\u0691\u06ba\u06c1\u06d2]"
)


class UndecodablePage(ValueError):
    """No candidate charset turns the page into plausible text."""


def _codec_chars(codec: str, first: int, last: int) -> str:
    """The characters bytes ``first..last`` decode to under ``codec`` (latin-1 where undefined).

    >>> _codec_chars("cp1252", 0x80, 0x82)
    '€\\x81‚'
    """
    return "".join(
        bytes([b]).decode(codec, errors="ignore") or chr(b) for b in range(first, last + 1)
    )


def _mojibake_pattern(codec: str) -> re.Pattern[str]:
    """UTF-8 lead + continuation bytes as they look when misread with a single-byte ``codec``."""
    # latin-1 too: a misreading via latin-1 leaves C1 controls where cp1252 has € ‚ ƒ ...
    cont = f"[{re.escape(_codec_chars(codec, 0x80, 0xBF) + _codec_chars('latin-1', 0x80, 0xBF))}]"
    lead2 = f"[{re.escape(_codec_chars(codec, 0xC2, 0xDF))}]"
    lead3 = f"[{re.escape(_codec_chars(codec, 0xE0, 0xEF))}]"
    lead4 = f"[{re.escape(_codec_chars(codec, 0xF0, 0xF4))}]"
    return re.compile(f"{lead2}{cont}|{lead3}{cont}{{2}}|{lead4}{cont}{{3}}")


_MOJIBAKE_RES = {codec: _mojibake_pattern(codec) for codec in _DOUBLE_ENCODING_CODECS}
# UTF-8 encodes the Arabic block with lead bytes D8-DB, which windows-1256 reads as ط ظ ع غ.
_CP1256_ARABIC_MOJIBAKE_RE = re.compile(f"[طظعغ][{re.escape(_codec_chars('cp1256', 0x80, 0xBF))}]")


def mojibake_marks(text: str, *, single_byte: bool = True) -> int:
    """How many characters of ``text`` look like a wrong decode.

    ``single_byte`` False: ``text`` is a strict UTF-8 decode, so no Arabic code page was read
    with the other one's table here; the script clash (the costliest scan) is then only looked
    for beside Latin-1 letters, which double encoding leaves (most Arabic pages have none).

    >>> mojibake_marks("اللغة العربية، Français")
    0
    >>> mojibake_marks("Ø§Ù„Ù„ØºØ©") > 0, mojibake_marks("ÇáÚÑÈíÉ") > 0
    (True, True)
    >>> mojibake_marks("انظربêة") > 0, mojibake_marks("عربي\\ufffd"), mojibake_marks("\\ufffd" * 4)
    (True, 0, 4)
    """
    # a stray U+FFFD or C1 control in markup is common in valid pages and garbles nothing
    broken = len(_BROKEN_CHAR_RE.findall(text))
    marks = broken if broken > _STRAY_BROKEN_CHARS else 0
    latin1 = _LATIN1_LETTER_RE.search(text) is not None
    if single_byte or latin1:
        marks += len(_SCRIPT_CLASH_RE.findall(text))
    if latin1:  # both patterns need one; most Arabic pages have none
        marks += sum(len(m) for m in _LATIN1_RUN_RE.findall(text))
        marks += 2 * len(_MOJIBAKE_RES["cp1252"].findall(text))
    # UTF-8 Arabic misread as windows-1256 is still Arabic letters ("ط§ظ„"): only a mark when
    # ط ظ ع غ + continuation pairs are a sizeable share, since "ك؟" and "ط،" are genuine too
    pairs = len(_CP1256_ARABIC_MOJIBAKE_RE.findall(text))
    if pairs > 3 and pairs * 10 >= _arabic_block_chars(text):
        marks += 2 * pairs
    return marks


def _arabic_block_chars(text: str) -> int:
    """Characters of the Arabic block (U+0600-06FF: letters, and the few marks, digits and
    signs): their UTF-8 lead bytes, counted at memchr speed rather than by a regex.

    >>> _arabic_block_chars("مرحبا، world")
    6
    """
    data = text.encode("utf-8", "surrogatepass")
    return sum(data.count(lead) for lead in (b"\xd8", b"\xd9", b"\xda", b"\xdb"))


def looks_like_arabic_prose(text: str) -> bool:
    """False for long Arabic-letter text where the article "ال" is (almost) never seen.

    "ال" starts about a third of the words of any Arabic text; a wrong Arabic code page
    scrambles it. Short or non-Arabic texts are not judged (True).

    >>> looks_like_arabic_prose("ذهب الولد إلى المدرسة في الصباح " * 10)
    True
    >>> looks_like_arabic_prose("اننعة انظربة جهنة ولها قصص مثرة ظو انصحالة " * 10)
    False
    >>> looks_like_arabic_prose("Hello world")
    True
    >>> looks_like_arabic_prose("این یک متن فارسی است که برای آزمایش نوشته شده " * 10)
    True
    """
    words = _ARABIC_WORD_RE.findall(text)
    if len(words) < _MIN_WORDS_FOR_ARTICLE_CHECK or _is_persian_or_urdu(words):
        return True
    with_article = sum(1 for w in words if _DEFINITE_RE.match(w))
    return with_article * 10 >= len(words)


def _is_persian_or_urdu(words: list[str]) -> bool:
    # Persian and Urdu have no "ال" but use letters Arabic does not (ی ک پ گ ...)
    letters = sum(len(w) for w in words)
    own = sum(len(_PERSIAN_URDU_LETTER_RE.findall(w)) for w in words)
    return own * 50 >= letters


def is_plausible(text: str, *, arabic_code_page: bool = False, single_byte: bool = True) -> bool:
    """True when ``text`` reads as a correct decode (tolerance: 1 mark per 100 letters).

    With ``arabic_code_page`` (text decoded from windows-1256 or ISO-8859-6, which are easily
    taken for each other) long Arabic text must also read as Arabic prose.

    >>> is_plausible("<p>خبر عاجل من القاهرة</p>"), is_plausible("<p>Ø®Ø¨Ø± Ø¹Ø§Ø¬Ù„</p>")
    (True, False)
    """
    if text.isascii():
        return True
    # Every pattern but the script clash matches non-ASCII characters only, and a clash reads
    # the same with its ASCII neighbours in place: judging the whole text costs less than
    # cutting out its non-ASCII runs first. Letters are only counted when there are marks.
    marks = mojibake_marks(text, single_byte=single_byte)
    if marks and marks * 100 > len(_NON_ASCII_LETTER_RE.findall(text)):
        return False
    return looks_like_arabic_prose(text) if arabic_code_page else True


def repair_double_encoding(text: str) -> str:
    """Undo UTF-8 text that was misread as cp1252/windows-1256 and stored again.

    Only the mojibake sequences are touched; text around them is left alone.

    >>> repair_double_encoding("Ø§Ù„Ø®Ø¨Ø± - Café")
    'الخبر - Café'
    >>> repair_double_encoding("ط§ظ„ط®ط¨ط±")
    'الخبر'
    """
    # One codec only: the cp1256 pattern also matches a few genuine Arabic letter pairs ("ة،"),
    # so it must not run over text the cp1252 pass already repaired.
    codec = max(_DOUBLE_ENCODING_CODECS, key=lambda c: len(_MOJIBAKE_RES[c].findall(text)))
    return _MOJIBAKE_RES[codec].sub(partial(_redecode, codec=codec), text)


def _redecode(match: re.Match[str], codec: str) -> str:
    chunk = match.group(0)
    raw = b"".join(_char_byte(ch, codec) for ch in chunk)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return chunk


def _char_byte(ch: str, codec: str) -> bytes:
    try:
        return ch.encode(codec)
    except UnicodeEncodeError:
        return ch.encode("latin-1")  # undefined bytes were mapped to C1 controls


def candidate_encodings(body: bytes, content_type: str | None = None) -> Iterator[str]:
    """Codec names to try, most trusted first, without repeats.

    >>> list(candidate_encodings(b"<meta charset='windows-1256'>", "text/html; charset=utf-8"))
    ['utf-8', 'cp1256', 'iso8859-6']
    >>> list(candidate_encodings(b"\\xef\\xbb\\xbf<p>", None))[0]
    'utf-8'
    """
    seen: set[str] = set()
    for name in _encoding_names(body, content_type):
        codec = resolve_encoding(name) if name else None
        if codec and codecs.lookup(codec).name not in seen:
            seen.add(codecs.lookup(codec).name)
            yield codec


def utf16_byte_order(body: bytes) -> str | None:
    """ "utf-16-be" or "utf-16-le" for UTF-16 without a BOM, judged by where the NULs fall.

    Markup is mostly ASCII, whose UTF-16 high byte is 0: one byte parity full of NULs and the
    other nearly free of them gives the code unit order away. Such bytes are also valid UTF-8
    (NUL is ASCII), which is why this must be tried before UTF-8.

    >>> page = '<html><meta charset="utf-16"><p>خبر عاجل من العاصمة</p></html>'
    >>> utf16_byte_order(page.encode("utf-16-be")), utf16_byte_order(page.encode("utf-16-le"))
    ('utf-16-be', 'utf-16-le')
    >>> utf16_byte_order(page.encode("utf-8")) is None
    True
    """
    sample = body[:4096]
    half = len(sample) // 2
    if half < 16:
        return None
    even_nuls = sample[0::2].count(0) / half
    odd_nuls = sample[1::2].count(0) / half
    if even_nuls > 0.3 and odd_nuls < 0.05:
        return "utf-16-be"
    if odd_nuls > 0.3 and even_nuls < 0.05:
        return "utf-16-le"
    return None


def _encoding_names(body: bytes, content_type: str | None) -> Iterator[str | None]:
    # a generator, so the costly detection only runs when the declared charsets failed
    yield read_bom(body)[0]
    yield utf16_byte_order(body)
    yield "utf-8"
    yield http_content_type_encoding(content_type)
    yield html_body_declared_encoding(body)
    # Arabic code pages before statistical detection, which misreads short Arabic pages as
    # CJK; a wrong Arabic code page is caught by the plausibility check.
    yield from _ARABIC_FALLBACKS
    yield _detected_encoding(body)


def _detected_encoding(body: bytes) -> str | None:
    # Cheap first: pure-ASCII or valid UTF-8 pages never need statistical detection.
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        best = from_bytes(body[:65536]).best()
        return best.encoding if best else None
    return None


def decode_html(body: bytes, content_type: str | None = None) -> str:
    """Decode a fetched HTML page; raise `UndecodablePage` rather than return garbled text.

    >>> page = "<meta charset='windows-1256'><p>مرحبا بالقراء</p>".encode("cp1256")
    >>> decode_html(page, "text/html; charset=iso-8859-1")
    "<meta charset='windows-1256'><p>مرحبا بالقراء</p>"
    >>> decode_html("<p>Ø®Ø¨Ø±</p>".encode("utf-8"))
    '<p>خبر</p>'
    """
    _, bom = read_bom(body)
    for codec in candidate_encodings(body, content_type):
        text = _strict_decode(body[len(bom or b"") :], codec)
        # NULs everywhere mean a wrong code unit size; a stray NUL is just a damaged page
        if text is None or text.count("\x00") * 100 > len(text):
            continue
        name = codecs.lookup(codec).name
        judge = partial(
            is_plausible,
            arabic_code_page=name in _ARABIC_CODE_PAGES,
            single_byte=not name.startswith("utf"),
        )
        plausible = judge(text)
        if not plausible:
            text = repair_double_encoding(text)
            plausible = judge(text)
        if plausible:
            return text.lstrip("\ufeff")
    raise UndecodablePage(f"no charset gives plausible text (declared: {content_type!r})")


def _strict_decode(body: bytes, codec: str) -> str | None:
    try:
        return body.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None
