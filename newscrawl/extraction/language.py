"""Language identification of the extracted text (py3langid, ISO 639-1 codes)."""

from __future__ import annotations

import py3langid

_SAMPLE_CHARS = 3000


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of `text`, or None when there is no text to judge.

    >>> detect_language("أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في العاصمة")
    'ar'
    >>> detect_language("   ") is None
    True
    """
    sample = text[:_SAMPLE_CHARS]
    if not sample.strip():
        return None
    language, _score = py3langid.classify(sample)
    return str(language)
