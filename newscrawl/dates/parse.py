"""The public entry points: ``parse_date``, ``find_dates_in_text`` and ``is_date_line``."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime, tzinfo
from email.utils import parsedate_to_datetime
from typing import Literal, NamedTuple, cast

from newscrawl.arabic import normalize_text, to_western_digits
from newscrawl.dates.grammar import CalendarDate, Found, read_dates
from newscrawl.dates.resolve import is_plausible, latin_parser, resolve
from newscrawl.dates.tokens import tokenize
from newscrawl.dates.zones import now_in, zone_or_utc

_ISO_RE = re.compile(
    r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?)?"
    r"(?P<zone>\s?(?:Z|[+-]\d{2}(?::?\d{2})?))?",
    re.IGNORECASE,
)
_RFC_2822_RE = re.compile(
    r"(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d{1,2}:\d{2}(?::\d{2})?"
    r"(?P<zone>\s+(?:[+-]\d{4}|GMT|UTC?|[ECMP][SD]T))?"
)
_LATIN_ONLY_RE = re.compile(r"[a-zà-ÿ]", re.IGNORECASE)
_ARABIC_RE = re.compile("[\u0600-\u06ff]")


Label = Literal["published", "modified"]
# Tokens that make a line of date words a date line: a number or a published/updated label.
_DATE_LINE_KINDS = frozenset({"num", "ndate", "time", "published", "modified"})


class FoundDate(NamedTuple):
    """A date found in a line, with the marker that introduced it."""

    value: datetime
    label: Label | None
    """"published" ("نشر في"), "modified" ("آخر تحديث", "تم التحديث") or None."""


def parse_date(text: str, *, now: datetime | None = None, tz: str | None = None) -> datetime | None:
    """Read the first date in ``text`` as an aware datetime; None when there is none.

    ``tz`` (IANA name or "+03:00") applies when the text carries no offset; an unknown ``tz``
    is treated as UTC (validate zones with ``resolve_tz``). Relative dates are resolved
    against ``now`` (default: the current time; a naive ``now`` is wall-clock time in ``tz``).
    A Hijri date gives way to a Gregorian date written next to it.

    >>> now = datetime.fromisoformat("2024-03-20T12:00:00+00:00")
    >>> parse_date("نُشر في: الأربعاء ١٦ آذار/مارس ٢٠٢٤ - ١١:٤٢ ص", tz="Asia/Beirut").isoformat()
    '2024-03-16T11:42:00+02:00'
    >>> parse_date("منذ 3 ساعات", now=now, tz="+03:00").isoformat()
    '2024-03-20T12:00:00+03:00'
    >>> parse_date("Wed, 16 Mar 2016 11:42:00 +0100").isoformat()
    '2016-03-16T11:42:00+01:00'
    >>> parse_date("31 فبراير 2016") is None, parse_date("لا تاريخ هنا") is None
    (True, True)
    """
    zone = zone_or_utc(tz)
    reference = now_in(now, zone)
    feed_date = _read_feed_format(text, zone)
    if feed_date is not None:
        return feed_date if is_plausible(feed_date, reference) else None
    found = _find(text, reference)
    return found[0].value if found else None


def find_dates_in_text(
    text: str, *, now: datetime | None = None, tz: str | None = None
) -> list[FoundDate]:
    """Every date in a line such as "نشر في: 16 مارس 2016 - 11:42 | آخر تحديث: ...", in order.

    Same rules as ``parse_date``; each date carries the label of the marker before it.

    >>> line = "الرباط - نشر في: الأربعاء 16 مارس 2016 - 11:42 | آخر تحديث: 17 مارس 2016 09:05"
    >>> [(d.value.isoformat(), d.label) for d in find_dates_in_text(line, tz="+01:00")]
    [('2016-03-16T11:42:00+01:00', 'published'), ('2016-03-17T09:05:00+01:00', 'modified')]
    """
    return _find(text, now_in(now, zone_or_utc(tz)))


def find_date_in_text(
    text: str,
    *,
    now: datetime | None = None,
    tz: str | None = None,
    label: Label | None = None,
) -> datetime | None:
    """The first date in a longer line, or the first one introduced by a ``label`` marker.

    >>> line = "الرباط - نشر في: 16 مارس 2016 - 11:42 | آخر تحديث: 17 مارس 2016 - 09:05"
    >>> find_date_in_text(line, tz="+01:00", label="modified").isoformat()
    '2016-03-17T09:05:00+01:00'
    >>> find_date_in_text(line, label="published").isoformat()
    '2016-03-16T11:42:00+00:00'
    """
    for found in find_dates_in_text(text, now=now, tz=tz):
        if label is None or found.label == label:
            return found.value
    return None


def is_date_line(text: str) -> bool:
    """Whether every word of ``text`` is date vocabulary (a dateline, not a sentence).

    Only the date tables decide, so a site's "تحديث: 10:45" and a weekday, month or Hijri name
    are recognised wherever the date reader knows them; one other word makes it prose.

    >>> is_date_line("الأربعاء 16 مارس 2016 - 11:42 ص"), is_date_line("آخر تحديث: منذ ساعتين")
    (True, True)
    >>> is_date_line("وفي 16 مارس 2016 وقعت الحكومة الاتفاقية"), is_date_line("اليوم")
    (False, False)
    """
    kinds = {token.kind for token in tokenize(text)}
    return "word" not in kinds and not kinds.isdisjoint(_DATE_LINE_KINDS)


def _find(text: str, now: datetime) -> list[FoundDate]:
    found: list[FoundDate] = []
    for date in _prefer_gregorian(read_dates(tokenize(text))):
        value = resolve(date, now)
        if value is not None:
            found.append(FoundDate(value, cast(Label | None, date.label)))
    if not found:
        latin = _read_latin(text, now)
        if latin is not None:
            found.append(FoundDate(latin, None))
    return found


def _prefer_gregorian(dates: list[Found]) -> list[Found]:
    """Merge "15 رمضان 1445 هـ الموافق 25 مارس 2024" into its Gregorian half."""
    merged: list[Found] = []
    for date in dates:
        previous = merged[-1] if merged else None
        if (
            isinstance(date, CalendarDate)
            and isinstance(previous, CalendarDate)
            and previous.label == date.label
            and previous.hijri != date.hijri
        ):
            hijri, gregorian = (previous, date) if previous.hijri else (date, previous)
            clock, offset = gregorian.clock or hijri.clock, gregorian.offset or hijri.offset
            merged[-1] = replace(gregorian, clock=clock, offset=offset)
            continue
        merged.append(date)
    return merged


def _read_feed_format(text: str, zone: tzinfo) -> datetime | None:
    """Fast path for exact ISO-8601 and RFC 2822 strings (feeds, JSON-LD, meta tags)."""
    if len(text) > 200:
        return None
    text = to_western_digits(normalize_text(text))
    if len(text) > 40:
        return None
    try:
        if match := _ISO_RE.fullmatch(text):
            value = datetime.fromisoformat(text.replace(" ", "T", 1).replace(" ", ""))
        elif match := _RFC_2822_RE.fullmatch(text):
            value = parsedate_to_datetime(text)
        else:
            return None
    except (ValueError, TypeError, OverflowError):
        return None  # impossible fields: the slow path rejects them with the same rules
    if value.tzinfo is not None:
        return value
    # RFC 2822 "-0000" means UTC with no local zone known; no zone at all means the site's.
    return value.replace(tzinfo=zone if match.group("zone") is None else zone_or_utc("UTC"))


def _read_latin(text: str, now: datetime) -> datetime | None:
    """Let dateparser try English/French lines our grammar did not read."""
    text = normalize_text(text[:200])
    if len(text) > 80 or _ARABIC_RE.search(text) or not _LATIN_ONLY_RE.search(text):
        return None
    try:
        value = latin_parser().get_date_data(text).date_obj
    except (ValueError, TypeError, OverflowError, KeyError, IndexError, AttributeError):
        return None  # dateparser raises on some malformed input; none of it is a date
    if value is None:
        return None
    value = value.astimezone(now.tzinfo) if value.tzinfo else value.replace(tzinfo=now.tzinfo)
    return value if is_plausible(value, now) else None
