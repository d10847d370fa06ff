"""Turn recognised date expressions into aware datetimes, with dateparser doing the reading.

The grammar hands over canonical English text ("16 March 2016 11:42:00", "3 hours ago");
dateparser, restricted to English so it does no language detection, turns it into a naive
wall-clock datetime. The zone is attached here, because it varies per call while the parser
is built once.
"""

from __future__ import annotations

from datetime import UTC, datetime, timezone
from functools import cache

from dateparser.date import DateDataParser
from hijridate import Hijri

from newscrawl.dates.grammar import CalendarDate, RelativeDate
from newscrawl.dates.names import MONTH_NAMES_EN

MIN_YEAR = 1900
_CANONICAL_FORMAT = "%d %B %Y %H:%M:%S"
_BASE_SETTINGS = {
    "DATE_ORDER": "DMY",
    "PREFER_DAY_OF_MONTH": "first",
    # Offsets are read by our tokenizer and applied below, per call.
    "RETURN_AS_TIMEZONE_AWARE": False,
}
# "1 month ago" must keep the day of the month: PREFER_DAY_OF_MONTH would move it to the 1st.
_RELATIVE_SETTINGS = {
    **_BASE_SETTINGS,
    "PREFER_DAY_OF_MONTH": "current",
    "PARSERS": ["relative-time"],
}


# The two parsers are the only process-wide objects in newscrawl, on purpose: building one
# costs ~100 ms and they carry no per-crawl state (settings fixed; `now` and `tz` are applied
# per call outside them), so sharing them is a cache, not shared mutable crawl state.
@cache
def canonical_parser() -> DateDataParser:
    """The one shared parser for canonical absolute dates (built on first use)."""
    return DateDataParser(
        languages=["en"],
        settings={**_BASE_SETTINGS, "PARSERS": ["custom-formats", "absolute-time"]},
    )


@cache
def latin_parser() -> DateDataParser:
    """Parser for English/French lines our grammar did not read; needs day, month and year."""
    settings = {**_BASE_SETTINGS, "REQUIRE_PARTS": ["day", "month", "year"]}
    return DateDataParser(
        languages=["en", "fr"], settings={**settings, "PARSERS": ["absolute-time"]}
    )


def is_plausible(value: datetime, now: datetime) -> bool:
    """News dates lie between 1900 and next year."""
    return MIN_YEAR <= value.year <= now.year + 1


def resolve(date: CalendarDate | RelativeDate, now: datetime) -> datetime | None:
    """The datetime ``date`` stands for, seen from ``now`` (aware, in the caller's zone)."""
    try:
        if isinstance(date, RelativeDate):
            value = _resolve_relative(date, now)
        else:
            value = _resolve_calendar(date, now)
    except (OverflowError, ValueError):
        return None
    return value if value is not None and is_plausible(value, now) else None


def _resolve_calendar(date: CalendarDate, now: datetime) -> datetime | None:
    year, month, day = date.year, date.month, date.day
    if date.hijri and year is not None:
        gregorian = Hijri(year, month, day).to_gregorian()
        year, month, day = gregorian.year, gregorian.month, gregorian.day
    elif year is None:
        year = _guess_year(month, day, now)
    hour, minute, second = date.clock or (0, 0, 0)
    datetime(year, month, day, hour, minute, second)  # raises ValueError for 31 February
    if not MIN_YEAR <= year <= now.year + 1:
        return None
    canonical = f"{day} {MONTH_NAMES_EN[month - 1]} {year} {hour:02d}:{minute:02d}:{second:02d}"
    wall = canonical_parser().get_date_data(canonical, [_CANONICAL_FORMAT]).date_obj
    if wall is None:
        return None
    zone = timezone(date.offset) if date.offset is not None else now.tzinfo
    return wall.replace(tzinfo=zone)


def _guess_year(month: int, day: int, now: datetime) -> int:
    """A date written without its year is the latest one not (much) after ``now``."""
    year = now.year
    if (month, day) > (now.month, now.day + 2):
        year -= 1
    return year


def _resolve_relative(date: RelativeDate, now: datetime) -> datetime | None:
    base = now.replace(tzinfo=None)
    parser = DateDataParser(
        languages=["en"],
        settings={**_RELATIVE_SETTINGS, "RELATIVE_BASE": base},
    )
    wall = parser.get_date_data(date.phrase).date_obj
    if wall is None:
        return None
    if date.sub_day:
        # Hours ago is a span of real time: subtract it from the instant, not the wall clock,
        # so a DST change in between does not shift the result.
        return (now.astimezone(UTC) - (base - wall)).astimezone(now.tzinfo)
    if date.calendar_day:
        hour, minute, second = date.clock or (0, 0, 0)
        wall = wall.replace(hour=hour, minute=minute, second=second, microsecond=0)
    return wall.replace(tzinfo=now.tzinfo)
