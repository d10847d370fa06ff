"""Crawler-trap detection: URL shapes that generate endless pages of nothing new.

`trap_reason(url)` returns a short reason (the stats key suffix, `newscrawl/trap/<reason>`) or
None. Depth and page budgets are counted by the spider; the shapes are judged here.
"""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import parse_qsl, unquote, urlsplit

MAX_PATH_SEGMENTS = 12
MAX_SEGMENT_REPEATS = 2
MAX_QUERY_PARAMS = 5
MAX_URL_LENGTH = 2000
CALENDAR_PARAMS = frozenset({"month", "year", "day", "date", "week", "calendar", "cal", "ym"})
_CALENDAR_WORDS = re.compile(r"(^|[/_-])(calendar|archive|archives|events?)([/_.-]|$)", re.I)
_DATE_RUN = re.compile(r"/(19|20)\d\d/(0?[1-9]|1[0-2])(/(0?[1-9]|[12]\d|3[01]))?(?=/|$)")


def _repeated_segments(segments: list[str]) -> bool:
    counts = Counter(segments)
    return any(n > MAX_SEGMENT_REPEATS for n in counts.values())


def _calendar_explosion(path: str, params: list[tuple[str, str]]) -> bool:
    calendar_params = [k for k, _ in params if k.lower() in CALENDAR_PARAMS]
    if calendar_params and (_CALENDAR_WORDS.search(path) or len(calendar_params) >= 2):
        return True
    # a date-shaped path with more date-ish segments after it: /2024/01/01/2024/01/...
    return len(_DATE_RUN.findall(path)) > 1


def trap_reason(url: str) -> str | None:
    """Why `url` looks like a crawler trap, or None when it looks like an ordinary page.

    >>> trap_reason("https://x.com/news/2024/05/12/story-1") is None
    True
    >>> trap_reason("https://x.com/a/b/a/b/a/b/a/")
    'repeated_segments'
    >>> trap_reason("https://x.com/events/calendar?month=5&year=2031")
    'calendar'
    >>> trap_reason("https://x.com/2024/01/2024/01/05/")
    'calendar'
    >>> trap_reason("https://x.com/list?a=1&b=2&c=3&d=4&e=5&f=6")
    'query_explosion'
    >>> trap_reason("https://x.com/news/news/item") is None
    True
    """
    if len(url) > MAX_URL_LENGTH:
        return "long_url"
    parts = urlsplit(url)
    path = unquote(parts.path)
    segments = [s for s in path.split("/") if s]
    if len(segments) > MAX_PATH_SEGMENTS:
        return "deep_path"
    params = parse_qsl(parts.query, keep_blank_values=True)
    if _calendar_explosion(path, params):
        return "calendar"
    if _repeated_segments(segments):
        return "repeated_segments"
    if len(params) > MAX_QUERY_PARAMS:
        return "query_explosion"
    return None
