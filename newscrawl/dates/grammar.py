"""Read date expressions out of a token list: calendar dates (Gregorian or Hijri) and relative ones.

The grammar only recognises shapes; turning them into datetimes (year bounds, calendar
validity, Hijri conversion, relative arithmetic) is ``resolve``'s job.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import timedelta
from typing import cast

from newscrawl.dates.tokens import Token

Clock = tuple[int, int, int]
_MERIDIEM = frozenset({"am", "pm", "noon", "night", "m"})
_MAX_COUNT = 10_000


@dataclass(frozen=True)
class CalendarDate:
    """A day written out, in the Gregorian or the Hijri calendar; year None when not written."""

    year: int | None
    month: int
    day: int
    clock: Clock | None = None
    offset: timedelta | None = None
    hijri: bool = False
    label: str | None = None


@dataclass(frozen=True)
class RelativeDate:
    """A date relative to now: ``phrase`` is its English form for dateparser ("3 hours ago")."""

    phrase: str
    sub_day: bool
    """True for seconds/minutes/hours: resolved on the instant, not on the wall clock."""
    calendar_day: bool = False
    """True for today / yesterday: the time of day is the written one (always present)."""
    clock: Clock | None = None
    label: str | None = None


Found = CalendarDate | RelativeDate


def read_dates(tokens: list[Token]) -> list[Found]:
    """Return every date expression in ``tokens``, in order, labelled by the marker before it."""
    found: list[Found] = []
    label: str | None = None
    i, floor = 0, 0
    while i < len(tokens):
        if tokens[i].kind in ("published", "modified"):
            label, i = tokens[i].kind, i + 1
            continue
        read = _read_at(tokens, i, floor)
        if read is None:
            i += 1
            continue
        date, i = read
        floor = i
        if date is not None:
            found.append(replace(date, label=label))
    return found


def _read_at(tokens: list[Token], i: int, floor: int) -> tuple[Found | None, int] | None:
    """Read one expression starting at ``i``; a None date means "matched but impossible"."""
    for reader in (_read_numeric, _read_day_month, _read_month_day):
        day = reader(tokens, i)
        if day is not None:
            (year, month, day_of_month, hijri), j = day
            clock, offset, j, valid = _read_clock(tokens, j)
            if clock is None and valid:
                clock = _clock_before(tokens, i, floor)
            if year is None and clock is None:
                return None  # "19 أكتوبر" in a headline; a year-less date needs its time
            date = CalendarDate(year, month, day_of_month, clock, offset, hijri)
            return (date if valid else None), j
    return _read_relative(tokens, i)


def _numbers(token: Token) -> Clock:
    """The three numbers of an ndate or time token."""
    return cast(Clock, token.value)


def _kind(tokens: list[Token], i: int) -> str:
    return tokens[i].kind if i < len(tokens) else ""


def _small_num(tokens: list[Token], i: int, max_len: int = 2) -> int | None:
    token = tokens[i] if i < len(tokens) else None
    if token is None or token.kind != "num" or len(str(token.value)) > max_len:
        return None
    return int(str(token.value))


DayRead = tuple[tuple[int | None, int, int, bool], int]


def _year_after(tokens: list[Token], j: int) -> tuple[int | None, bool, int]:
    """Read an optional 4-digit year (3 for Hijri) and its era marker (م / هـ)."""
    token = tokens[j] if j < len(tokens) else None
    if token is None or token.kind != "num" or len(str(token.value)) not in (3, 4):
        return None, False, j
    year, j = int(str(token.value)), j + 1
    era = _kind(tokens, j)
    if era in ("m", "hijri"):
        return year, era == "hijri", j + 1
    return year, False, j


def _read_numeric(tokens: list[Token], i: int) -> DayRead | None:
    if tokens[i].kind != "ndate":
        return None
    a, b, c = _numbers(tokens[i])
    if len(str(a)) > 2:
        year, month, day = a, b, c
    else:
        day, month, year = a, b, (c + 2000 if c < 100 else c)
    era = _kind(tokens, i + 1)
    j = i + 2 if era in ("m", "hijri") else i + 1
    return (year, month, day, era == "hijri"), j


def _read_day_month(tokens: list[Token], i: int) -> DayRead | None:
    day = _small_num(tokens, i)
    month_kind = _kind(tokens, i + 1)
    if day is None or month_kind not in ("gmonth", "hmonth"):
        return None
    month = int(str(tokens[i + 1].value))
    j = i + 2
    # Dual forms name the same month twice: "يناير/كانون الثاني", "آذار (مارس)".
    while _kind(tokens, j) in ("slash", month_kind):
        j += 1
    year, hijri_era, j = _year_after(tokens, j)
    hijri = month_kind == "hmonth"
    if hijri and year is None:
        return None
    return (year, month, day, hijri or hijri_era), j


def _read_month_day(tokens: list[Token], i: int) -> DayRead | None:
    """English and Levantine order: "March 16, 2016", "تشرين الأول 12, 2019"."""
    if tokens[i].kind != "gmonth":
        return None
    day = _small_num(tokens, i + 1)
    if day is None:
        return None
    year, _, j = _year_after(tokens, i + 2)
    return (year, int(str(tokens[i].value)), day, False), j


def _read_clock(tokens: list[Token], j: int) -> tuple[Clock | None, timedelta | None, int, bool]:
    """Read "11:42", "الساعة 10 مساء", "11:42 ص", "11:42:00 +0100"; last item False if invalid."""
    k = j + 1 if _kind(tokens, j) == "clock" else j
    if _kind(tokens, k) == "time":
        hour, minute, second = _numbers(tokens[k])
    elif k > j and (hour_num := _small_num(tokens, k)) is not None:
        hour, minute, second = hour_num, 0, 0
    else:
        return None, None, j, True
    k += 1
    if _kind(tokens, k) in _MERIDIEM:
        hour, k = _apply_meridiem(hour, tokens[k].kind), k + 1
    offset = None
    if _kind(tokens, k) in ("offset", "utc"):
        value = tokens[k].value
        offset, k = (value if isinstance(value, timedelta) else timedelta(0)), k + 1
    valid = hour < 24 and minute < 60 and second < 60
    return (hour, minute, second), offset, k, valid


def _clock_before(tokens: list[Token], i: int, floor: int) -> Clock | None:
    """A time written before its date: "10:30 ص - الأربعاء 16 مارس 2016"."""
    for start in (i - 2, i - 1):
        if start < floor or start < 0 or tokens[start].kind != "time":
            continue
        clock, _, end, valid = _read_clock(tokens, start)
        if end == i and valid:
            return clock
    return None


def _apply_meridiem(hour: int, marker: str) -> int:
    """Turn a 12-hour clock hour into 24-hour: "ص"/"م", and "ظهرا" (noon), "ليلا" (night).

    >>> [_apply_meridiem(h, m) for h, m in [(12, "am"), (1, "pm"), (1, "noon"), (2, "night")]]
    [0, 13, 13, 2]
    >>> _apply_meridiem(10, "night"), _apply_meridiem(12, "night"), _apply_meridiem(15, "m")
    (22, 0, 15)
    """
    if marker == "am":
        return 0 if hour == 12 else hour
    if marker in ("pm", "m") or (marker == "noon" and hour < 6):
        return hour + 12 if hour < 12 else hour
    if marker == "night":
        return 0 if hour == 12 else hour + 12 if 6 <= hour < 12 else hour
    return hour


_CALENDAR_WORDS = {"today": "today", "yesterday": "1 day ago", "before_yesterday": "2 days ago"}


def _read_relative(tokens: list[Token], i: int) -> tuple[Found | None, int] | None:
    kind = tokens[i].kind
    if kind in _CALENDAR_WORDS:
        # Without a time, "اليوم" and "أمس" are ordinary words ("العالم اليوم", "قال أمس"),
        # except "أمس" on a line of date words only ("أمس", "نشر في: أمس"): a day, at midnight.
        clock, _, j, valid = _read_clock(tokens, i + 1)
        if clock is None and kind != "today" and _only_date_words(tokens):
            return RelativeDate(_CALENDAR_WORDS[kind], False, True, (0, 0, 0)), i + 1
        if clock is None:
            return None
        date = RelativeDate(_CALENDAR_WORDS[kind], False, True, clock)
        return (date if valid else None), j
    if kind != "ago":
        return None
    parts: list[tuple[int, str]] = []
    j = i + 1
    while True:
        count = _small_num(tokens, j, max_len=6)
        k = j + 1 if count is not None else j
        unit = _kind(tokens, k)
        if not unit.startswith("unit_"):
            break
        count = count or int(str(tokens[k].value or 1))
        parts.append((count, unit.removeprefix("unit_")))
        j = k + 1
        if _kind(tokens, j) == "num" and len(str(tokens[j].value)) == 4:
            return None  # "منذ عام 1987" is "since the year 1987", not "a year ago"
        if _kind(tokens, j) != "and":
            break
        j += 1
    if not parts:
        return None
    if any(count > _MAX_COUNT for count, _ in parts):
        return None, j
    phrase = " ".join(f"{count} {unit}s" for count, unit in parts) + " ago"
    sub_day = all(unit in ("second", "minute", "hour") for _, unit in parts)
    return RelativeDate(phrase, sub_day), j


def _only_date_words(tokens: list[Token]) -> bool:
    """Whether nothing but date vocabulary was read: no ordinary word, no stray number."""
    return all(token.kind not in ("word", "num", "ndate") for token in tokens)
