"""Language identification of the extracted text (py3langid, ISO 639-1 codes).

Nearly every page of an Arabic news crawl is plainly Arabic, and py3langid's model costs ~45 MB
of memory and a few milliseconds per page. So a letter count answers first: Arabic script
throughout, none of the letters Persian, Urdu, Kurdish or Pashto add to the alphabet, and the
teh marbuta (ة) Arabic uses in almost every sentence. Anything else (another script, a mixed
page, another language of the Arabic script) goes to the model, loaded on first need.
"""

from __future__ import annotations

import re
from functools import cache
from types import ModuleType

_SAMPLE_CHARS = 3000
_ARABIC_LETTER_RE = re.compile(r"[\u0621-\u064a\u0671-\u06d3\u06d5\u0750-\u077f]")
# پ چ ژ گ ک ی (Persian), ٹ ڈ ڑ ں ھ ہ ے (Urdu), ە ێ ۆ ڵ ڕ (Kurdish), ټ ځ ښ ږ ګ ڼ ۍ ې (Pashto)
_OTHER_LANGUAGE_RE = re.compile(
    "[\u067e\u0686\u0698\u06af\u06a9\u06cc\u0679\u0688\u0691\u06ba\u06be\u06c1\u06d2"
    "\u06d5\u06ce\u06c6\u06b5\u0695\u067c\u0681\u069a\u0696\u06ab\u06bc\u06cd\u06d0]"
)
_LETTER_RE = re.compile(r"[^\W\d_]")
_MIN_ARABIC_LETTERS = 40
_ARABIC_SHARE = 0.9  # of all letters
_OTHER_SHARE = 0.005  # foreign names in Arabic text (غاندي written with گ) stay below this
_TEH_MARBUTA_SHARE = 0.008  # ~2-3% of the letters of Arabic prose; rare in Persian and Urdu


def plainly_arabic(sample: str) -> bool:
    """Whether `sample` is Arabic beyond doubt by its letters alone (else: ask the model).

    >>> plainly_arabic("أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في العاصمة يضم قسما للطوارئ")
    True
    >>> plainly_arabic("وزارت بهداشت امروز از افتتاح یک بیمارستان جدید در پایتخت خبر داد که")
    False
    >>> plainly_arabic("The ministry of health opened a new hospital in the capital today")
    False
    """
    arabic = len(_ARABIC_LETTER_RE.findall(sample))
    if arabic < _MIN_ARABIC_LETTERS:
        return False
    letters = len(_LETTER_RE.findall(sample))
    other = len(_OTHER_LANGUAGE_RE.findall(sample))
    return (
        arabic >= _ARABIC_SHARE * letters
        and other <= _OTHER_SHARE * arabic
        and sample.count("\u0629") >= _TEH_MARBUTA_SHARE * arabic
    )


@cache
def _model() -> ModuleType:
    import py3langid  # ~45 MB: loaded only for a page that needs it

    return py3langid


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of `text`, or None when there is no text to judge.

    >>> detect_language("أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في العاصمة")
    'ar'
    >>> detect_language("The ministry of health opened a new hospital in the capital today")
    'en'
    >>> detect_language("   ") is None
    True
    """
    sample = text[:_SAMPLE_CHARS]
    if not sample.strip():
        return None
    if plainly_arabic(sample):
        return "ar"
    language, _score = _model().classify(sample)
    return str(language)
