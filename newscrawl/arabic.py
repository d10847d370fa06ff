"""Arabic text handling: output normalisation, matching normalisation and digit folding.

Two strengths of normalisation live here, on purpose kept apart:

* ``normalize_text`` is for *output*: it removes only invisible noise (bidi marks, zero-width
  characters, extra whitespace) and decorative tatweel inside a word, and keeps everything a
  reader sees, diacritics included. A tatweel that separates a one-letter prefix from the next
  word ("لـالجيش", "بـ25") is the publisher's spelling: dropping it would glue two words.
* ``normalize_for_matching`` is for *comparison* (fingerprints, near-duplicate detection): it also
  folds letter variants that writers use interchangeably, drops diacritics, every tatweel and
  punctuation.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Zero-width characters, bidi embeddings/overrides/isolates, BOM and the Arabic letter mark:
# invisible characters that only change rendering and break string comparison.
_INVISIBLE_RE = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u061c]+")
_TATWEEL = "\u0640"
# the marks that sit on letters (short vowels, tanween, shadda, sukun...) and the dagger alef
_DIACRITICS = "\u064b-\u065f\u0670"
# a word as written: letters, digits, tatweel and the marks that sit on letters
_WORD_RE = re.compile(f"[\\w{_DIACRITICS}]+")
_TATWEEL_SPLIT_RE = re.compile(f"({_TATWEEL}+)")
# one-letter prepositions, optionally after a conjunction: what a tatweel may keep apart
_PROCLITIC_RE = re.compile("[وف]?[بلك]")
_SPACE_RE = re.compile(r"\s+")  # str patterns match NBSP and other Unicode spaces
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "0123456789" * 2)
_DIACRITICS_RE = re.compile(f"[{_DIACRITICS}]")
# Letters that writers swap freely (hamza seats, alef maqsura, ta marbuta).
_LETTER_FOLDS = str.maketrans("أإآٱىةؤئ", "اااايهوي", _TATWEEL)
_PUNCTUATION_RE = re.compile(r"[^\w\s]|_")
# Extraction normalises the same short strings (menu labels, link texts, section names, date
# lines) hundreds of times per page and again on every page of a site: short ones are cached,
# long ones (paragraphs) are not, so the caches stay a few MB at most.
_CACHED_LENGTH = 256
_CACHE_ENTRIES = 8192
# Body paragraphs are normalised by several consumers in a row (boilerplate filter, site
# learning, fingerprints): a small cache of long strings covers one page.
_LONG_CACHED_LENGTH = 8192
_LONG_CACHE_ENTRIES = 256
# fold_letters and to_western_digits in one pass, for matching forms
_MATCHING_FOLDS = {
    **_DIGITS,
    **_LETTER_FOLDS,
    **dict.fromkeys(ord(c) for c in map(chr, range(0x0600, 0x0700)) if _DIACRITICS_RE.match(c)),
}


def to_western_digits(s: str) -> str:
    """Replace Eastern Arabic (٠-٩) and Persian (۰-۹) digits with 0-9.

    >>> to_western_digits("١٥/٠٣/۲۰۱۶")
    '15/03/2016'
    """
    return s.translate(_DIGITS)


def normalize_text(s: str) -> str:
    """Normalise text for output without changing its meaning; diacritics are kept.

    NFC, drops zero-width and bidi control characters and decorative tatweel, collapses
    whitespace.

    >>> normalize_text("\\u200fالـــعـربـية\\u00a0\\u00a0 لُغَةٌ  ")
    'العربية لُغَةٌ'
    >>> normalize_text("دعم لـالجيش بـ25 مليونا")
    'دعم لـالجيش بـ25 مليونا'
    >>> normalize_text("\\ufeff")
    ''
    """
    return _short_normalized_text(s) if len(s) <= _CACHED_LENGTH else _normalized_text(s)


def _normalized_text(s: str) -> str:
    # Invisible characters go first: one between a letter and its mark would block composition.
    s = unicodedata.normalize("NFC", _INVISIBLE_RE.sub("", s))
    if _TATWEEL in s:
        s = _WORD_RE.sub(_without_decorative_tatweel, s)
    return _SPACE_RE.sub(" ", s).strip()


_short_normalized_text = lru_cache(maxsize=_CACHE_ENTRIES)(_normalized_text)


def _without_decorative_tatweel(word: re.Match[str]) -> str:
    """A word with only its separating tatweel runs: those right after a one-letter prefix
    ("لـ", "وبـ") and before more of the word. Every other run only stretches the word.

    >>> [_WORD_RE.sub(_without_decorative_tatweel, w) for w in ("لـأم", "بـيـن", "فـي", "هـ")]
    ['لـأم', 'بـين', 'في', 'ه']
    """
    parts = _TATWEEL_SPLIT_RE.split(word.group())
    kept = parts[0]
    for run, rest in zip(parts[1::2], parts[2::2], strict=True):
        separates = bool(rest) and _PROCLITIC_RE.fullmatch(fold_letters(kept)) is not None
        kept += (run if separates else "") + rest
    return kept


def strip_diacritics(s: str) -> str:
    """Remove Arabic short vowels, tanween, shadda, sukun and the dagger alef.

    >>> strip_diacritics("مُحَمَّدٌ")
    'محمد'
    """
    return _DIACRITICS_RE.sub("", s)


def fold_letters(s: str) -> str:
    """Fold interchangeable letter variants and drop diacritics; punctuation is kept.

    The shared core of matching normalisation, also used to look up month and weekday names.

    >>> fold_letters("أَبْرِيل/إبريل، الأحد، مكتبة")
    'ابريل/ابريل، الاحد، مكتبه'
    """
    return strip_diacritics(s).translate(_LETTER_FOLDS)


def normalize_for_matching(s: str) -> str:
    """Normalise strongly for fingerprints and duplicate detection.

    >>> normalize_for_matching("  قالَ الرئيسُ: «إنّ الأمــر ٣ مرات» Hello!  ")
    'قال الرييس ان الامر 3 مرات hello'
    >>> normalize_for_matching("مكتبةٌ") == normalize_for_matching("مكتبه")
    True
    """
    if len(s) <= _CACHED_LENGTH:
        return _short_matching_form(s)
    if len(s) <= _LONG_CACHED_LENGTH:
        return _long_matching_form(s)
    return _matching_form(s)


def _matching_form(s: str) -> str:
    s = _normalized_text(s).translate(_MATCHING_FOLDS).lower()
    return _SPACE_RE.sub(" ", _PUNCTUATION_RE.sub(" ", s)).strip()


_short_matching_form = lru_cache(maxsize=_CACHE_ENTRIES)(_matching_form)
_long_matching_form = lru_cache(maxsize=_LONG_CACHE_ENTRIES)(_matching_form)


def word_shingles(s: str, k: int = 3) -> set[str]:
    """Return the set of k-word shingles of the matching form of ``s``.

    A text shorter than k words gives one shingle holding all its words (none if empty).

    >>> sorted(word_shingles("ذهب الولد إلى المدرسة", k=3))
    ['الولد الي المدرسه', 'ذهب الولد الي']
    >>> word_shingles("كلمة", k=3)
    {'كلمه'}
    >>> word_shingles("", k=3)
    set()
    """
    if k < 1:
        raise ValueError(f"k must be at least 1, got {k}")
    words = normalize_for_matching(s).split()
    if len(words) <= k:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + k]) for i in range(len(words) - k + 1)}
