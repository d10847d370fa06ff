"""Arabic news dates: ``parse_date`` reads every date format Arabic news sites use.

Layered over dateparser: the text is normalised (digits, bidi marks, tatweel, letter variants),
tokenised (dialect month names, Hijri months, prefixes, relative phrases, ص/م), read by a small
grammar into canonical English, and dateparser turns that into a datetime. Exact ISO-8601 and
RFC 2822 strings take a fast path.
"""

from newscrawl.dates.parse import (
    FoundDate,
    find_date_in_text,
    find_dates_in_text,
    is_date_line,
    parse_date,
)
from newscrawl.dates.zones import resolve_tz

__all__ = [
    "FoundDate",
    "find_date_in_text",
    "find_dates_in_text",
    "is_date_line",
    "parse_date",
    "resolve_tz",
]
