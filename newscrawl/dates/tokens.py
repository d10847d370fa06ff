"""Turn a date-bearing line into a list of typed tokens: numbers, times, month names, markers.

Everything that does not carry date meaning disappears here: bidi marks, tatweel, punctuation,
weekday names and other fillers. Unknown words stay as ``word`` tokens so they keep two dates
(or a date and an unrelated number) apart.
"""

from __future__ import annotations

import re
from datetime import timedelta
from typing import NamedTuple

from newscrawl.arabic import fold_letters, normalize_text, to_western_digits
from newscrawl.dates.names import MULTIWORD_RE, UTC_ALTERNATION, WORDS

MAX_CHARS = 4000
"""Only the start of a longer text is read: dates sit near the top, and this bounds the cost."""

_TOKEN_RE = re.compile(
    # Day-first with a 4-digit year, year-first, or a 2-digit year with / or - only, so
    # version numbers ("WordPress 5.4.2") are not read as dates.
    # Separators may stand between spaces ("15 - 03 - 2016") when the year has four digits.
    r"(?P<ndate>(?<![\d.])(?:\d{1,2} ?([./-]) ?\d{1,2} ?\2 ?\d{4}"
    r"|\d{4} ?([./-]) ?\d{1,2} ?\3 ?\d{1,2}|\d{1,2}([/-])\d{1,2}\4\d{2}))(?![\d:.])"
    r"|(?P<time>(?<!\d)\d{1,2}[:h]\d{2}(?::\d{2})?)(?:[.,]\d+)?(?![\d:])"
    rf"|(?P<zoff>(?:{UTC_ALTERNATION})\s*\(?\s*[+-]\s*\d{{1,2}}(?::?\d{{2}})?)(?![\d:])"
    # A bare numeric offset only right after a time, so "2016 -11:42" stays a time.
    r"|(?:(?<=\d:\d\d)|(?<=\.\d\d\d)|(?<=\d{6}))\s?(?P<off>[+-]\d{2}(?::?\d{2})?)(?![\d:])"
    r"|(?P<num>\d+)(?:st|nd|rd|th|er)?"
    r"|(?P<word>[^\W\d]+)"
    r"|(?P<slash>/)"
)
_OFFSET_RE = re.compile(r"([+-])\s*(\d{1,2})(?::?(\d{2}))?$")
_ISO_T_RE = re.compile(r"(?<=\d)t(?=\d)|(?<=\d)z\b")


class Token(NamedTuple):
    """One meaningful piece of a date line."""

    kind: str
    """ndate, time, offset, num, word, slash, or a kind from ``names.WORDS``."""
    value: object = None
    """Parsed value: (a, b, c) ints for ndate/time, timedelta for offset, text or number."""


def prepare(text: str) -> str:
    """Fold a line to the form the tokenizer reads (digits, letters, case, multi-word names).

    >>> prepare("\\u200fنُشر في: ١٥ كانون  الثاني ٢٠٢٤ - 11:42")
    'نشر في: 15 كانون_الثاني 2024 - 11:42'
    >>> prepare("2016-03-16T11:42:00Z")
    '2016-03-16 11:42:00 +00:00'
    """
    s = fold_letters(to_western_digits(normalize_text(text[:MAX_CHARS]))).lower()
    s = _ISO_T_RE.sub(lambda m: " " if m.group() == "t" else " +00:00", s)
    return MULTIWORD_RE.sub(lambda m: "_".join(m.group().split()), s)


def parse_offset(text: str) -> timedelta | None:
    """Read "+03:00", "-0530", "gmt+3" as a UTC offset; None when out of range.

    >>> parse_offset("gmt+3"), parse_offset("-05:30"), parse_offset("+25:00")
    (datetime.timedelta(seconds=10800), datetime.timedelta(days=-1, seconds=66600), None)
    """
    match = _OFFSET_RE.search(text)
    if match is None:
        return None
    sign, hours, minutes = match.group(1), int(match.group(2)), int(match.group(3) or 0)
    if hours > 23 or minutes > 59:
        return None
    offset = timedelta(hours=hours, minutes=minutes)
    return -offset if sign == "-" else offset


def tokenize(text: str) -> list[Token]:
    """Split a line into date tokens; fillers (weekdays, "في", punctuation) are dropped.

    >>> [t.kind for t in tokenize("الأربعاء، 16 مارس 2016م - 11:42 ص")]
    ['num', 'gmonth', 'num', 'm', 'time', 'am']
    >>> tokenize("15/03/2016")[0]
    Token(kind='ndate', value=(15, 3, 2016))
    """
    tokens: list[Token] = []
    for match in _TOKEN_RE.finditer(prepare(text)):
        token = _classify(match)
        if token is not None:
            tokens.append(token)
    return tokens


def _classify(match: re.Match[str]) -> Token | None:
    group = match.lastgroup
    text = match.group(group or 0)
    if group in ("ndate", "time"):
        a, b, c = [*re.split(r"\s*[./:h-]\s*", text), "0"][:3]
        return Token(group, (int(a), int(b), int(c)))
    if group in ("zoff", "off"):
        offset = parse_offset(text)
        return Token("offset", offset) if offset is not None else Token("word", text)
    if group == "num":
        return Token("num", text)
    if group == "slash":
        return Token("slash")
    kind, value = WORDS.get(text, ("word", text))
    return None if kind == "filler" else Token(kind, value)
