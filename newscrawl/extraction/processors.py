"""Small pure processors the `ArticleLoader` chains, itemloaders-style (one value in, one out).

A processor returns None to drop a value; `MapCompose` skips None, so a bad candidate simply
lets the next candidate of the same field win.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from newscrawl.arabic import normalize_for_matching, normalize_text
from newscrawl.dates import parse_date, resolve_tz
from newscrawl.lexicon import (
    BYLINE_LABELS,
    BYLINE_MARKERS,
    BYLINE_PLACE_WORDS,
    DATE_FILLERS,
    WEEKDAYS,
    finder,
    finding,
    opener,
    opening,
)
from newscrawl.urls import canonicalize_url

_KEYWORD_SPLIT_RE = re.compile(r"\s*[,،;؛|]\s*")
# in an author field a label needs no colon: "تحرير منى سعيد" is a byline there
_AUTHOR_MARKERS = opener((*BYLINE_MARKERS, *BYLINE_LABELS))
_AUTHOR_CUT_RE = re.compile(
    # a digit glued to a word is part of a name ("مشاهد24"); a free-standing one starts a date
    r"\s*(?:[|\-–—/]|(?<!\w)\d|\s-\s|،\s*(?:{})\s).*$".format("|".join(BYLINE_PLACE_WORDS))
)
# "By A, B on Monday, November 18th": the date after the names starts at its weekday
_WEEKDAY = finder(WEEKDAYS.split())
_TRAILING_FILLER_RE = re.compile(r"(?:\s+(?:{}))?\s*$".format("|".join(DATE_FILLERS.split())), re.I)
_MAX_AUTHOR_CHARS = 60
_MAX_LABEL_CHARS = 50
_MAX_LABEL_WORDS = 6
_MAX_STACKED_MARKERS = 3


def clean_text(value: Any) -> str | None:
    """Normalised text, or None when nothing visible is left.

    >>> clean_text("  الـــخبر\\u200f  العاجل ")
    'الخبر العاجل'
    >>> clean_text(" \\u200b ") is None
    True
    """
    if not isinstance(value, str):
        return None
    return normalize_text(value) or None


def clean_label(value: Any) -> str | None:
    """A section or tag name: short visible text, not a path, URL or sentence.

    >>> clean_label(" اقتصاد ")
    'اقتصاد'
    >>> clean_label("/arab_world/") is None
    True
    >>> clean_label("عنوان طويل جداً لا يمكن أن يكون وسماً لأنه جملة كاملة من الكلمات") is None
    True
    """
    text = clean_text(value)
    if not text or text.startswith("/") or "://" in text:
        return None
    if len(text) > _MAX_LABEL_CHARS or len(text.split()) > _MAX_LABEL_WORDS:
        return None
    return text


def split_keywords(value: str) -> list[str]:
    """Split a keywords string on Latin and Arabic commas and semicolons.

    >>> split_keywords("اقتصاد، نفط, أسواق;  ")
    ['اقتصاد', 'نفط', 'أسواق']
    """
    return [part for part in _KEYWORD_SPLIT_RE.split(value.strip()) if part]


def split_tags(value: Any) -> list[str]:
    """Tag names from one keywords value; parts that are not labels are dropped.

    >>> split_tags("طاقة، /tag/x, نفط")
    ['طاقة', 'نفط']
    """
    if not isinstance(value, str):
        return []
    return [tag for tag in (clean_label(part) for part in split_keywords(value)) if tag]


def to_iso_datetime(value: str, loader_context: Mapping[str, Any]) -> str | None:
    """An ISO-8601 timestamp with offset, seconds precision; None when it is not a date.

    >>> to_iso_datetime("2024-03-16T11:42:07.5+03:00", {})
    '2024-03-16T11:42:07+03:00'
    >>> to_iso_datetime("قبل التحديث", {}) is None
    True
    """
    text = value.strip() if isinstance(value, str) else ""
    if not text or len(text) > 200:
        return None
    parsed: datetime | None = None
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        parsed = None
    if parsed is None or parsed.tzinfo is None:
        parsed = parse_date(text, tz=loader_context.get("timezone"))
    if parsed is None or parsed.tzinfo is None:
        return None
    return parsed.replace(microsecond=0).isoformat()


_SAME_MINUTE_SECONDS = 60


def in_site_zone(value: Any, tz: str | None) -> Any:
    """A feed/sitemap date moved to the site's zone (same instant), so a record's offset does
    not depend on whether the article was found through a feed or through a section page.

    >>> in_site_zone("Tue, 15 Jan 2019 08:05:00 +0000", "Africa/Casablanca")
    '2019-01-15T09:05:00+01:00'
    >>> in_site_zone("2019-01-15T08:05:00Z", None)
    '2019-01-15T08:05:00Z'
    """
    if not tz or not isinstance(value, str):
        return value
    parsed = parse_date(value)
    try:
        zone = resolve_tz(tz)
    except ValueError:
        return value
    return parsed.astimezone(zone).replace(microsecond=0).isoformat() if parsed else value


def later_than(values: list[Any], published: Any) -> list[Any]:
    """The dates of `values` at least a minute after `published`: what a class calls
    "updated" or a sitemap's lastmod is a modification only when later than the publication.

    >>> later_than(["2026-12-02T10:00:00Z", "2026-12-02T08:00:00Z"], "2026-12-02T11:00:00+03:00")
    ['2026-12-02T10:00:00Z']
    >>> later_than(["2026-12-02T10:00:00Z"], None), later_than([None, "x"], "2026-12-02T11:00Z")
    ([], [])
    """
    first = parse_date(published) if isinstance(published, str) else None
    if first is None:
        return []
    kept = []
    for value in values:
        changed = parse_date(value) if isinstance(value, str) else None
        comparable = changed is not None and (changed.tzinfo is None) == (first.tzinfo is None)
        if comparable and (changed - first).total_seconds() >= _SAME_MINUTE_SECONDS:  # type: ignore[operator]
            kept.append(value)
    return kept


class Byline(str):
    """A name the page shows as its byline: kept even when it names the publication."""

    __slots__ = ()


def clean_author(value: str, loader_context: Mapping[str, Any]) -> str | None:
    """An author name without the byline marker; None for URLs and long text, and for site
    names that only metadata gives (an Organization filling a required author field).

    A visible byline (`Byline`) is what the page says, even "بقلم: <the site>".

    >>> clean_author("بقلم: سارة الأحمد - القاهرة", {})
    'سارة الأحمد'
    >>> clean_author("كتبت: منى سعيد", {})
    'منى سعيد'
    >>> clean_author("جريدة المساء", {"site_names": ["جريدة المساء"]}) is None
    True
    >>> clean_author(Byline("بقلم: مشاهد24"), {"site_names": ["مشاهد24"]})
    'مشاهد24'
    >>> clean_author("فرانس24/ أ ف ب", {"site_names": ["فرانس 24"]}) is None
    True
    >>> clean_author("كتب بواسطة: يوسف العمري", {})
    'يوسف العمري'
    >>> clean_author("By Sam Reed on Monday, November 18th, 2019", {})
    'Sam Reed'
    """
    text = normalize_text(value) if isinstance(value, str) else ""
    if "://" in text or "@" in text or text.startswith(("(", "[")):
        return None
    text = _AUTHOR_CUT_RE.sub("", _before_weekday(strip_byline_marker(text))).strip(" :،,.")
    if not text or len(text) > _MAX_AUTHOR_CHARS:
        return None
    shown = isinstance(value, Byline)
    if not shown and _names_site(value, loader_context.get("site_names") or ()):
        return None
    return text


def strip_byline_marker(text: str) -> str:
    """``text`` without the byline markers it opens with, and the separators after them.

    >>> strip_byline_marker("بقلم : سارة"), strip_byline_marker("إعداد- منى")
    ('سارة', 'منى')
    >>> strip_byline_marker("Byron Smith"), strip_byline_marker("By Jane Doe")
    ('Byron Smith', 'Jane Doe')
    >>> strip_byline_marker("تحرير: بقلم سارة")
    'سارة'
    """
    # markers stack ("كتب بواسطة:", "تحرير: بقلم"): a name never starts with one
    for _ in range(_MAX_STACKED_MARKERS):
        marker = opening(_AUTHOR_MARKERS, text)
        if not marker:
            break
        text = text[marker.end() :].lstrip(" \t:：-–")
    return text


def _before_weekday(text: str) -> str:
    day = finding(_WEEKDAY, text)
    return _TRAILING_FILLER_RE.sub("", text[: day.start()]) if day else text


def _names_site(text: str, site_names: Iterable[str]) -> bool:
    # "فرانس24/ أ ف ب" names the site "فرانس 24": compare without spaces, as a prefix
    squeezed = normalize_for_matching(strip_byline_marker(text)).replace(" ", "")
    for name in site_names:
        site = normalize_for_matching(name).replace(" ", "")
        if site and squeezed.startswith(site):
            return True
    return False


def absolute_url(value: str, loader_context: Mapping[str, Any]) -> str | None:
    """`value` resolved against the page URL and canonicalised; None if not http(s).

    >>> absolute_url("/img/a.jpg", {"base_url": "https://news.example/x/1"})
    'https://news.example/img/a.jpg'
    """
    if not isinstance(value, str) or not value.strip():
        return None
    return canonicalize_url(value, base=loader_context.get("base_url"))


def unique(values: Iterable[Any]) -> list[Any]:
    """Values in first-seen order without duplicates (matching-normalised for strings).

    >>> unique(["أحمد", "احمد", "سارة"])
    ['أحمد', 'سارة']
    """
    seen: set[Any] = set()
    kept = []
    for value in values:
        key = normalize_for_matching(value) if isinstance(value, str) else id(value)
        if key not in seen:
            seen.add(key)
            kept.append(value)
    return kept
