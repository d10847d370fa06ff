"""Time zones given by name ("Africa/Casablanca") or fixed offset ("+03:00")."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from newscrawl.dates.tokens import parse_offset

_FIXED_OFFSET_RE = re.compile(r"(?:UTC|GMT)?\s*[+-]\d{1,2}(?::?\d{2})?\Z", re.IGNORECASE)


def resolve_tz(tz: str | None) -> tzinfo:
    """Return the zone named by ``tz``; None means UTC. Raises ValueError for an unknown zone.

    Profile validation can call this to reject a bad ``tz`` early; ``parse_date`` itself
    falls back to UTC instead of failing.

    >>> resolve_tz("+03:00"), resolve_tz(None), resolve_tz("Africa/Casablanca")
    (datetime.timezone(datetime.timedelta(seconds=10800)), datetime.timezone.utc, \
zoneinfo.ZoneInfo(key='Africa/Casablanca'))
    >>> resolve_tz("Mars/Olympus")
    Traceback (most recent call last):
    ValueError: unknown time zone: 'Mars/Olympus'
    """
    if tz is None or tz.strip().upper() in ("UTC", "GMT", "Z"):
        return UTC
    text = tz.strip()
    if text[:1] in "+-" or text[:3].upper() in ("UTC", "GMT"):
        offset = parse_offset(text) if _FIXED_OFFSET_RE.match(text) else None
        if offset is None:
            raise ValueError(f"unknown time zone: {tz!r}")
        return timezone(offset)
    try:
        return ZoneInfo(text)
    except (ZoneInfoNotFoundError, ValueError, OSError, TypeError) as error:
        raise ValueError(f"unknown time zone: {tz!r}") from error


def zone_or_utc(tz: str | None) -> tzinfo:
    """Like ``resolve_tz`` but an unknown zone gives UTC.

    >>> zone_or_utc("Nowhere/Land")
    datetime.timezone.utc
    """
    try:
        return resolve_tz(tz)
    except ValueError:
        return UTC


def now_in(now: datetime | None, zone: tzinfo) -> datetime:
    """The reference instant in ``zone``; a naive ``now`` is read as wall-clock time in ``zone``.

    >>> now_in(datetime(2024, 3, 20, 12, 0), timezone.utc).isoformat()
    '2024-03-20T12:00:00+00:00'
    """
    if now is None:
        return datetime.now(zone)
    if now.tzinfo is None or now.utcoffset() is None:
        return now.replace(tzinfo=zone)
    return now.astimezone(zone)
