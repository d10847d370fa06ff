"""When a site is crawled: the profile keys `every`, `jitter` and `active_hours`, parsed once.

The profile keeps them as the text the user wrote (so errors and listings show it as written);
the scheduler and the profile checks both read them through these functions.
"""

from __future__ import annotations

import re
from datetime import time, timedelta

_DURATION = re.compile(r"(\d+(?:\.\d+)?)\s*(d|h|m|s|ms)")
_UNITS = {"d": 86400.0, "h": 3600.0, "m": 60.0, "s": 1.0, "ms": 0.001}
_HOURS = re.compile(r"\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*")


def parse_duration(text: str) -> timedelta:
    """A duration such as "30m", "1h30m", "2d", "45s", "500ms" or a bare number of seconds.

    >>> parse_duration("30m"), parse_duration("1h30m").total_seconds(), parse_duration("2.5")
    (datetime.timedelta(seconds=1800), 5400.0, datetime.timedelta(seconds=2, microseconds=500000))
    >>> parse_duration("soon")
    Traceback (most recent call last):
    ValueError: not a duration: 'soon' (use e.g. 30m, 1h30m, 2d, 45s)
    """
    value = text.strip().lower()
    if re.fullmatch(r"\d+(\.\d+)?", value):
        return timedelta(seconds=float(value))
    parts = _DURATION.findall(value)
    if not parts or "".join(n + u for n, u in parts) != value.replace(" ", ""):
        raise ValueError(f"not a duration: {text!r} (use e.g. 30m, 1h30m, 2d, 45s)")
    return timedelta(seconds=sum(float(n) * _UNITS[u] for n, u in parts))


def parse_interval(text: str) -> timedelta:
    """A duration that must be positive (an interval between runs).

    >>> parse_interval("0s")
    Traceback (most recent call last):
    ValueError: must be longer than zero: '0s'
    """
    duration = parse_duration(text)
    if duration <= timedelta(0):
        raise ValueError(f"must be longer than zero: {text!r}")
    return duration


def parse_active_hours(text: str) -> tuple[time, time]:
    """ "HH:MM-HH:MM": the daily window in which runs may start (it may wrap past midnight).

    >>> parse_active_hours("06:00-22:30")
    (datetime.time(6, 0), datetime.time(22, 30))
    >>> parse_active_hours("22:00-24:00")
    Traceback (most recent call last):
    ValueError: not active hours: '22:00-24:00' (use HH:MM-HH:MM, e.g. 06:00-23:00)
    """
    found = _HOURS.fullmatch(text)
    try:
        if found is None:
            raise ValueError
        h1, m1, h2, m2 = map(int, found.groups())
        start, end = time(h1, m1), time(h2, m2)
    except ValueError:
        raise ValueError(
            f"not active hours: {text!r} (use HH:MM-HH:MM, e.g. 06:00-23:00)"
        ) from None
    if start == end:
        raise ValueError(f"active hours start and end at the same time: {text!r}")
    return start, end


def check_interval(value: str, key: str) -> None:
    """Profile check for `every` (a positive duration)."""
    try:
        parse_interval(value)
    except ValueError as exc:
        raise ValueError(f"{key}: {exc}") from None


def check_jitter(value: str, key: str) -> None:
    """Profile check for `jitter` (a duration, zero allowed)."""
    try:
        parse_duration(value)
    except ValueError as exc:
        raise ValueError(f"{key}: {exc}") from None


def check_active_hours(value: str, key: str) -> None:
    try:
        parse_active_hours(value)
    except ValueError as exc:
        raise ValueError(f"{key}: {exc}") from None
