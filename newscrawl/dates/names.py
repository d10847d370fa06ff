"""Immutable word tables for reading dates: month names of every dialect, markers and fillers.

Month, weekday and published/updated words come from ``newscrawl.lexicon`` (extraction looks
for the same words); units and the other markers only matter here. Names are written in their
natural spelling and folded (``fold_letters`` + lowercase) once at
import, so a lookup matches every hamza/alef/ta-marbuta variant a site may use.
"""

from __future__ import annotations

import re
from types import MappingProxyType

from newscrawl.arabic import fold_letters, normalize_text
from newscrawl.lexicon import (
    BEFORE_YESTERDAY_WORDS,
    DATE_FILLERS,
    DATE_INTRODUCERS,
    DATE_MARKER_LEADS,
    GREGORIAN_MONTHS,
    HIJRI_MONTHS,
    MODIFIED_MARKERS,
    PUBLISHED_MARKERS,
    UTC_NAMES,
    WEEKDAY_ABBREVIATIONS,
    WEEKDAYS,
    YESTERDAY_WORDS,
)

# Relative units: word -> (English unit for dateparser, count implied by the word or None).
_UNITS: tuple[tuple[str, str, int | None], ...] = (
    ("second", "ثانية ثوان ثواني", None),
    ("second", "ثانيتين ثانيتان", 2),
    ("minute", "دقيقة دقيقه دقائق", None),
    ("minute", "دقيقتين دقيقتان", 2),
    ("hour", "ساعة ساعات", None),
    ("hour", "ساعتين ساعتان", 2),
    ("day", "يوم يوما أيام", None),
    ("day", "يومين يومان", 2),
    ("week", "أسبوع أسبوعا أسابيع", None),
    ("week", "أسبوعين أسبوعان", 2),
    ("month", "شهر شهرا أشهر شهور", None),
    ("month", "شهرين شهران", 2),
    ("year", "سنة سنوات عام عاما أعوام", None),
    ("year", "سنتين سنتان عامين عامان", 2),
)

# Single-word markers: kind -> words. Fillers are skipped so they never break a date apart.
_MARKERS: tuple[tuple[str, str], ...] = (
    ("ago", "منذ قبل"),
    ("yesterday", YESTERDAY_WORDS),
    ("before_yesterday", BEFORE_YESTERDAY_WORDS),
    ("today", "اليوم"),
    ("am", "ص صباحا صباح صباحًا فجرا الفجر am"),
    ("pm", "مساء مساءً عصرا العصر pm"),
    ("noon", "ظهرا الظهر ظهرًا"),
    ("night", "ليلا ليلًا الليل"),
    ("m", "م"),  # after a year: "ميلادي" (CE); after a time: "مساء"
    ("hijri", "هـ ه هجري هجرية"),
    ("clock", "الساعة ساعة"),
    ("join", "الموافق موافق"),
    ("and", "و and"),
    ("utc", f"{UTC_NAMES} ut"),
    ("published", PUBLISHED_MARKERS),
    ("modified", MODIFIED_MARKERS),
    (
        "filler",
        f"{WEEKDAYS} {WEEKDAY_ABBREVIATIONS} {DATE_MARKER_LEADS} {DATE_INTRODUCERS} {DATE_FILLERS}",
    ),
)


def _fold(word: str) -> str:
    return fold_letters(normalize_text(word)).lower()


def _build_words() -> dict[str, tuple[str, int | str | None]]:
    words: dict[str, tuple[str, int | str | None]] = {}
    for kind, table in (("gmonth", GREGORIAN_MONTHS), ("hmonth", HIJRI_MONTHS)):
        for number, names in table:
            for name in names.split():
                words[_fold(name)] = (kind, number)
    for unit, names, count in _UNITS:
        for name in names.split():
            words[_fold(name)] = ("unit_" + unit, count)
    for kind, names in _MARKERS:
        for name in names.split():
            words.setdefault(_fold(name), (kind, None))
    return words


WORDS = MappingProxyType(_build_words())
"""Folded lowercase word -> (kind, value): month number, unit count, or None for markers."""


def _multiword_pattern() -> str:
    phrases = (r"\s+".join(map(re.escape, word.split("_"))) for word in WORDS if "_" in word)
    return r"(?<!\w)(?:{})(?!\w)".format("|".join(sorted(phrases, key=len, reverse=True)))


MULTIWORD_RE = re.compile(_multiword_pattern())
"""Multi-word names ("كانون الثاني", "ذو الحجة", "أول أمس"), to be joined with "_"."""

UTC_ALTERNATION = "|".join(
    sorted((_fold(w) for w in f"{UTC_NAMES} ut".split()), key=len, reverse=True)
)
"""Folded names of Greenwich time, longest first, for the "GMT+3" / "غرينتش +1" offset pattern."""

MONTH_NAMES_EN = (
    *("January", "February", "March", "April", "May", "June", "July", "August"),
    *("September", "October", "November", "December"),
)
