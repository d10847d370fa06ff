"""What a line says about time zones: a stated site clock, a written offset, a naive wall clock.

These are the raw readings a site's clock is learnt from (``newscrawl.dates.clock``): a footer
such as "توقيت الموقع: توقيت الجزائر (غرينتش +1)", the offset a feed or JSON-LD date carries, and
the wall-clock time a page prints without any offset.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from functools import cache
from zoneinfo import ZoneInfo

from newscrawl.arabic import fold_letters, normalize_text, to_western_digits
from newscrawl.dates.parse import find_dates_in_text
from newscrawl.dates.tokens import parse_offset, tokenize
from newscrawl.lexicon import CLOCK_STATEMENT_WORDS, CLOCK_WORDS, UTC_NAMES, ZONE_PLACES

MAX_STATEMENT_CHARS = 100
# A statement is made of clock vocabulary; one other word is tolerated ("الأوقات الواردة"),
# more make it a sentence ("تنطلق المباراة بتوقيت مكة المكرمة") that is about something else.
_MAX_OTHER_WORDS = 1
_NOT_WALL_CLOCK = frozenset({"offset", "utc", "ago", "today", "yesterday", "before_yesterday"})


def _fold(text: str) -> str:
    return fold_letters(to_western_digits(normalize_text(text))).lower()


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str]]:
    places = {
        _fold(name.replace("_", " ")): zone for zone, names in ZONE_PLACES for name in names.split()
    }
    utc = _alternation([_fold(w) for w in UTC_NAMES.split()])
    offset = re.compile(rf"(?<!\w)(?:{utc})\s*\(?\s*([+-]\s*\d{{1,2}}(?::?\d{{2}})?)(?![\d:])")
    place = re.compile(rf"(?<!\w)(?:{_alternation(list(places))})(?!\w)")
    return offset, place, places


@cache
def _vocabulary() -> frozenset[str]:
    words = f"{CLOCK_WORDS} {CLOCK_STATEMENT_WORDS} {UTC_NAMES}".split()
    return frozenset(_fold(w) for w in words)


def offset_text(offset: timedelta) -> str:
    """A UTC offset written the way ``resolve_tz`` reads it.

    >>> offset_text(timedelta(hours=1)), offset_text(timedelta(hours=-3, minutes=-30))
    ('+01:00', '-03:30')
    """
    sign = "-" if offset < timedelta(0) else "+"
    minutes = abs(int(offset.total_seconds())) // 60
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def stated_clock(text: str, *, at: datetime | None = None) -> str | None:
    """The clock a short statement says the site's times are in: an IANA zone or "+HH:MM".

    A named place gives its zone; "غرينتش +1" or "GMT+3" a fixed offset; both together give the
    zone when it agrees with the offset at ``at`` (default now), else the offset.

    >>> stated_clock("جميع الأوقات بتوقيت مكة المكرمة")
    'Asia/Riyadh'
    >>> stated_clock("توقيت الموقع: توقيت الجزائر (غرينتش +1)")
    'Africa/Algiers'
    >>> stated_clock("GMT+3"), stated_clock("الأوقات بتوقيت غرينتش")
    ('+03:00', '+00:00')
    >>> stated_clock("تاريخ النشر: الأربعاء 15/03/2026 02:30 م بتوقيت مكة المكرمة")
    'Asia/Riyadh'
    >>> stated_clock("تنطلق المباراة الساعة 9 مساء بتوقيت مكة المكرمة") is None
    True
    """
    if len(text) > MAX_STATEMENT_CHARS:
        return None
    folded = _fold(text)
    offset_re, place_re, places = _patterns()
    offset_match, place_match = offset_re.search(folded), place_re.search(folded)
    words = set(re.findall(r"[^\W\d_]+", folded))
    clocked = not words.isdisjoint(_fold(w) for w in CLOCK_WORDS.split())
    if offset_match is None and not (clocked and (place_match or _says_utc(words))):
        return None
    # date words ("تاريخ النشر", "الأربعاء", "م") are no other words: a dateline may say it too
    rest = tokenize(re.sub(place_re, " ", folded))
    others = [t for t in rest if t.kind == "word" and t.value not in _vocabulary()]
    if len(others) > _MAX_OTHER_WORDS:
        return None
    offset = parse_offset(offset_match.group(1).replace(" ", "")) if offset_match else None
    zone = places[place_match.group()] if place_match else None
    return _combine(zone, offset, at or datetime.now(UTC))


def _says_utc(words: set[str]) -> bool:
    return not words.isdisjoint(_fold(w) for w in UTC_NAMES.split())


def _combine(zone: str | None, offset: timedelta | None, at: datetime) -> str | None:
    if zone is None:
        return offset_text(offset or timedelta(0))
    if offset is not None and ZoneInfo(zone).utcoffset(at.replace(tzinfo=None)) != offset:
        return offset_text(offset)
    return zone


def written_offset(text: str) -> timedelta | None:
    """The UTC offset written in a date text; None when the text gives none.

    >>> written_offset("Thu, 03 Dec 2026 00:23:00 +0100")
    datetime.timedelta(seconds=3600)
    >>> written_offset("2026-12-02T11:59:00.000Z"), written_offset("2026-12-02 13:58")
    (datetime.timedelta(0), None)
    """
    for token in tokenize(text):
        if token.kind == "offset" and isinstance(token.value, timedelta):
            return token.value
        if token.kind == "utc":
            return timedelta(0)
    return None


def wall_clock(text: str) -> datetime | None:
    """The first date of ``text`` as naive wall-clock time, when written to the minute without
    any offset (relative dates and dates without a time say nothing about a clock).

    >>> wall_clock("نشر في : 2 ديسمبر 2026 على الساعة 14:47")
    datetime.datetime(2026, 12, 2, 14, 47)
    >>> wall_clock("2 ديسمبر 2026"), wall_clock("2026-12-02T14:47:00+03:00")
    (None, None)
    >>> wall_clock("أمس 10:30") is None
    True
    """
    kinds = {token.kind for token in tokenize(text)}
    if "time" not in kinds or not kinds.isdisjoint(_NOT_WALL_CLOCK):
        return None
    found = find_dates_in_text(text, tz="UTC")
    return found[0].value.replace(tzinfo=None) if found else None
