"""Fallbacks read from the visible page: date lines, and dates in the URL.

Whether a visible date is the publication or the update date is the date reader's call
(``find_dates_in_text`` labels each date by the marker before it); a class name such as
"updated" only decides for dates that no marker introduces.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from newscrawl.arabic import normalize_for_matching, normalize_text
from newscrawl.dates import find_dates_in_text, is_date_line
from newscrawl.dates.tokens import tokenize
from newscrawl.lexicon import (
    DATE_LINE_OPENERS,
    MODIFIED_MARKERS,
    YESTERDAY_WORDS,
    finder,
    finding,
    opener,
    opening,
)

_DATE_CLASS_RE = re.compile(r"date|time|publish|posted|created|meta", re.I)
_NOT_DATE_CLASS_RE = re.compile(r"comment|related|sidebar|footer", re.I)
_UPDATE_CLASS_RE = re.compile(r"update|modif", re.I)
# a line that opens with a date marker ("نشر في", "آخر تحديث", "بتاريخ") may hold the date
_DATE_MARKERS = opener(DATE_LINE_OPENERS)
# an update date needs an update marker (or class): other lines are not worth reading for one
_MODIFIED_WORDS = finder(MODIFIED_MARKERS.split())
_MAX_DATE_CHARS = 80
# "أمس" alone has no digit: short lines are read all the same
_MAX_BARE_WORD_CHARS = 12
_MAX_BARE_DATE_CHARS = 40
_YEAR_OR_TIME_RE = re.compile(r"[0-9٠-٩]{4}|[0-9٠-٩]:[0-9٠-٩]{2}")
_DAY_WORD_KINDS = frozenset({"yesterday", "before_yesterday", "published"})
_YESTERDAY = finder(YESTERDAY_WORDS.split())
_SEGMENT_RE = re.compile(r"(?=\s[|•·]\s)")
_MAX_DATE_CANDIDATES = 6
_MAX_DATE_LINES = 8  # reading a date costs far more than finding its line
# /2013/8/3/, /2013/section/8/3/, /2020-06-03-...: year, optional word segment, month, day
_URL_DATE_RE = re.compile(
    r"/((?:19|20)\d{2})[/_-](?:[a-z_-]+/)?(\d{1,2})[/_-](\d{1,2})(?=[/_.-]|$)"
)
_URL_COMPACT_DATE_RE = re.compile(r"/((?:19|20)\d{2})(\d{2})(\d{2})(?=[/_.-]|$)")


def _opens_with_date_marker(own: str) -> bool:
    # only prefixes are tested: normalising whole texts was a quarter of extraction time
    return _date_marker_prefix(own.lstrip()[:_MAX_DATE_CHARS])


@lru_cache(maxsize=8192)  # every text node is asked; a site's chrome repeats on every page
def _date_marker_prefix(prefix: str) -> bool:
    return opening(_DATE_MARKERS, normalize_for_matching(prefix)) is not None


def _bare_date(element: HtmlElement) -> str | None:
    """The text of an element that holds nothing but a date, marked by neither class nor words
    (old table layouts: `<font size=1>03 - 12 - 2026</font>`, `<td>أمس</td>`)."""
    own = (element.text or "").strip()
    if len(element) or not own or len(own) > _MAX_BARE_DATE_CHARS:
        return None
    if _YEAR_OR_TIME_RE.search(own):
        return own if is_date_line(own) else None
    if len(own) > _MAX_BARE_WORD_CHARS or not finding(_YESTERDAY, own):
        return None
    kinds = {token.kind for token in tokenize(own)}
    return own if kinds <= _DAY_WORD_KINDS else None


def _date_line(element: HtmlElement, bare: bool) -> tuple[str, bool] | None:
    """The element's text when it may carry the page's date, and whether its class says
    "updated"; None for the many elements that do not. With `bare`, only the elements that
    hold nothing but a date that no class or word marks as one."""
    classes, name = element.get("class"), element.get("id")
    hinted_update = dated = False
    if classes or name:  # most elements have neither: no pattern to run
        hint = f"{classes or ''} {name or ''}"
        hinted_update = bool(_UPDATE_CLASS_RE.search(hint))
        dated = bool(_DATE_CLASS_RE.search(hint)) and not _NOT_DATE_CLASS_RE.search(hint)
    looks_dated = hinted_update or dated or element.tag == "time"
    marked = looks_dated or _opens_with_date_marker(element.text or "")
    if bare or not marked:
        found = _bare_date(element) if bare and not marked else None
        return (normalize_text(found), False) if found else None
    # only for the few candidates (it is costly); pieces spaced apart, since markup separates
    # them on screen: "<span>07:49</span><span>312</span>" is a time and a view count
    text = date_window(normalize_text(" ".join(element.itertext())))
    if not text or (len(text) > _MAX_BARE_WORD_CHARS and not re.search(r"[0-9٠-٩]", text)):
        return None
    return text, hinted_update


def date_window(text: str) -> str | None:
    """The start of a meta line that may hold its date: whole segments between separators, as
    many as fit in a date line ("نشر في : ... 14:47 | القسم: سياسة | كتبه: ليلى حداد").

    >>> date_window("نشر في : 02 - 12 - 2026 | 15:36 | القسم: " + "سياسة واقتصاد " * 5)
    'نشر في : 02 - 12 - 2026 | 15:36'
    >>> date_window("كلمة " * 30) is None
    True
    """
    if len(text) <= _MAX_DATE_CHARS:
        return text
    kept = ""
    for piece in _SEGMENT_RE.split(text):
        if len(kept) + len(piece) > _MAX_DATE_CHARS:
            break
        kept += piece
    return kept.strip(" |•·") or None


def labelled_date(text: str, *, modified: bool, hinted_update: bool, tz: str | None) -> str | None:
    """The first published (or, with ``modified``, updated) date of a line, as ISO-8601.

    >>> line = "نشر في: 3 مايو 2024 - 10:00 | آخر تحديث: 4 مايو 2024 - 09:30"
    >>> labelled_date(line, modified=False, hinted_update=False, tz="+03:00")
    '2024-05-03T10:00:00+03:00'
    >>> labelled_date(line, modified=True, hinted_update=False, tz="+03:00")
    '2024-05-04T09:30:00+03:00'
    >>> labelled_date("4 مايو 2024 - 09:30", modified=True, hinted_update=True, tz=None)
    '2024-05-04T09:30:00+00:00'
    """
    for found in find_dates_in_text(text, tz=tz):
        label = found.label or ("modified" if hinted_update else "published")
        if (label == "modified") == modified:
            return found.value.replace(microsecond=0).isoformat()
    return None


def date_lines(root: HtmlElement, *, bare: bool = False) -> list[tuple[str, bool]]:
    """The page's short date lines with their "updated" class hint, those right after the
    first h1 first (then the nearest before it). With `bare`, the unmarked ones instead: a
    last resort, as teasers and comments carry such dates too."""
    lines: list[tuple[int, str, bool]] = []
    h1_at = None
    for index, element in enumerate(root.iter()):
        if not isinstance(element.tag, str) or element.tag in ("script", "style", "head"):
            continue
        if element.tag == "h1" and h1_at is None:
            h1_at = index
        line = _date_line(element, bare)
        if line:
            lines.append((index, *line))
    start = h1_at or 0
    lines.sort(key=lambda found: (found[0] < start, abs(found[0] - start)))
    return [(text, hinted_update) for _, text, hinted_update in lines]


def visible_dates(
    root: HtmlElement, *, modified: bool = False, tz: str | None = None, bare: bool = False
) -> list[str]:
    """Dates of the short date lines (ISO-8601), those right after the first h1 first.

    With `modified`, only "last updated" dates ("آخر تحديث: ..."), which are otherwise skipped;
    `tz` applies to dates written without an offset; `bare` reads the unmarked date lines
    (`date_lines`) instead.

    >>> from lxml.html import document_fromstring
    >>> page = document_fromstring(
    ...     "<html><body><span class='date'>1 مايو 2024 - 08:00</span><h1>عنوان</h1>"
    ...     "<p>نشر في: 3 مايو 2024</p><p>آخر تحديث: 4 مايو 2024</p></body></html>")
    >>> visible_dates(page, tz="+03:00")
    ['2024-05-03T00:00:00+03:00', '2024-05-01T08:00:00+03:00']
    >>> visible_dates(page, modified=True)
    ['2024-05-04T00:00:00+00:00']
    """
    return line_dates(date_lines(root, bare=bare), modified=modified, tz=tz)


def line_dates(
    lines: list[tuple[str, bool]],
    *,
    modified: bool = False,
    tz: str | None = None,
    by_class: bool = True,
) -> list[str]:
    """The dates of `date_lines`, as `visible_dates` reads them.

    A date only a class calls "updated" is the publication date when the page shows no other
    (hAtom themes mark the post date `class="entry-date updated"`); without `by_class`, an
    update date needs words that say so.

    >>> lines = [("2 ديسمبر 2026 | 07:49", True)]
    >>> line_dates(lines), line_dates(lines, modified=True, by_class=False)
    (['2026-12-02T07:49:00+00:00'], [])
    """
    if modified:
        lines = [
            (text, hinted and by_class)
            for text, hinted in lines
            if (hinted and by_class) or finding(_MODIFIED_WORDS, text)
        ]
    dates = [
        labelled_date(text, modified=modified, hinted_update=hinted_update, tz=tz)
        for text, hinted_update in lines[:_MAX_DATE_LINES]
    ]
    if not modified and not any(dates):
        dates = [
            labelled_date(text, modified=False, hinted_update=False, tz=tz)
            for text, hinted_update in lines[:_MAX_DATE_LINES]
            if hinted_update
        ]
    return [date for date in dates if date][:_MAX_DATE_CANDIDATES]


def url_date(url: str) -> str | None:
    """The publication day written in an article URL's path, as YYYY-MM-DD.

    >>> url_date("https://x.example/2013/middle_east/8/3/story/index.html")
    '2013-08-03'
    >>> url_date("https://x.example/news/2020-06-03-1.3874341")
    '2020-06-03'
    >>> url_date("https://x.example/article/825076") is None
    True
    """
    path = urlsplit(url).path
    match = _URL_DATE_RE.search(path) or _URL_COMPACT_DATE_RE.search(path)
    if not match:
        return None
    year, month, day = (int(part) for part in match.groups())
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"
