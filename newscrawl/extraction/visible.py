"""Fallbacks read from the visible page: date lines, breadcrumbs, the first figure."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from newscrawl.arabic import normalize_for_matching, normalize_text

_DATE_CLASS_RE = re.compile(r"date|time|publish|posted|created|meta", re.I)
_NOT_DATE_CLASS_RE = re.compile(r"comment|related|sidebar|footer", re.I)
_UPDATE_CLASS_RE = re.compile(r"update|modif", re.I)
_UPDATE_PREFIXES = (
    "اخر تحديث",
    "تم التحديث",
    "تم تحديث",
    "تحديث",
    "محدث",
    "updated",
    "last updated",
)
_DATE_LINE_PREFIXES = ("نشر في", "نشر بتاريخ", "تاريخ النشر", "بتاريخ", "نشر", "published")
_HOME_CRUMBS = frozenset({"الرئيسيه", "الصفحه الرئيسيه", "home", "الرئيسي"})
_MAX_DATE_CHARS = 80
_MAX_DATE_CANDIDATES = 6
_MAX_CRUMB_WORDS = 5
# /2013/8/3/, /2013/section/8/3/, /2020-06-03-...: year, optional word segment, month, day
_URL_DATE_RE = re.compile(
    r"/((?:19|20)\d{2})[/_-](?:[a-z_-]+/)?(\d{1,2})[/_-](\d{1,2})(?=[/_.-]|$)"
)
_URL_COMPACT_DATE_RE = re.compile(r"/((?:19|20)\d{2})(\d{2})(\d{2})(?=[/_.-]|$)")


def _date_like(element: HtmlElement, modified: bool) -> str | None:
    hint = f"{element.get('class') or ''} {element.get('id') or ''}"
    # only prefixes are tested: normalising whole texts was a quarter of extraction time
    own = normalize_for_matching((element.text or "").lstrip()[:_MAX_DATE_CHARS])
    updated = own.startswith(_UPDATE_PREFIXES) or bool(_UPDATE_CLASS_RE.search(hint))
    if updated != modified:
        return None
    dated = _DATE_CLASS_RE.search(hint) and not _NOT_DATE_CLASS_RE.search(hint)
    if not (updated or dated or element.tag == "time" or own.startswith(_DATE_LINE_PREFIXES)):
        return None
    text = normalize_text(element.text_content())  # only for the few candidates: it is costly
    if not text or len(text) > _MAX_DATE_CHARS or not re.search(r"[0-9٠-٩]", text):
        return None
    return text


def visible_dates(root: HtmlElement, *, modified: bool = False) -> list[str]:
    """Short date-looking texts, those right after the first h1 first.

    With `modified`, only "last updated" lines ("آخر تحديث: ..."), which are otherwise skipped.

    >>> from lxml.html import document_fromstring
    >>> page = document_fromstring(
    ...     "<html><body><span class='date'>1 مايو 2024</span><h1>عنوان</h1>"
    ...     "<p>نشر في: 3 مايو 2024</p><p>آخر تحديث: 4 مايو 2024</p></body></html>")
    >>> visible_dates(page)
    ['نشر في: 3 مايو 2024', '1 مايو 2024']
    >>> visible_dates(page, modified=True)
    ['آخر تحديث: 4 مايو 2024']
    """
    found: list[tuple[int, str]] = []
    h1_at = None
    for index, element in enumerate(root.iter()):
        if not isinstance(element.tag, str) or element.tag in ("script", "style", "head"):
            continue
        if element.tag == "h1" and h1_at is None:
            h1_at = index
        text = _date_like(element, modified)
        if text:
            found.append((index, text))
    start = h1_at or 0
    found.sort(key=lambda pair: (pair[0] < start, abs(pair[0] - start)))
    return [text for _, text in found[:_MAX_DATE_CANDIDATES]]


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


def last_section_crumb(crumbs: list[str], title: str = "") -> str | None:
    """The last breadcrumb that is neither home nor the article itself.

    >>> last_section_crumb(["الرئيسية", "اقتصاد", "ارتفاع أسعار النفط في الأسواق العالمية اليوم"])
    'اقتصاد'
    """
    folded_title = normalize_for_matching(title)
    for crumb in reversed(crumbs):
        folded = normalize_for_matching(crumb)
        if not folded or folded in _HOME_CRUMBS or folded == folded_title:
            continue
        if len(folded.split()) > _MAX_CRUMB_WORDS:
            continue
        return normalize_text(crumb)
    return None


def visible_sections(root: HtmlElement, json_ld_crumbs: list[str]) -> list[str]:
    """Section candidates from JSON-LD breadcrumbs, then from an HTML breadcrumb trail."""
    candidates = [last_section_crumb(json_ld_crumbs)]
    for trail in root.xpath('//*[contains(@class, "breadcrumb") or contains(@id, "breadcrumb")]'):
        crumbs = [a.text_content() for a in trail.iter("a")]
        candidates.append(last_section_crumb(crumbs))
        break
    return [c for c in candidates if c]


def visible_image(root: HtmlElement) -> tuple[str | None, str | None]:
    """Source and caption of the first figure (or WordPress caption box) of the page."""
    for box in root.xpath('//figure | //*[contains(@class, "wp-caption")]'):
        image = next(box.iter("img"), None)
        if image is None:
            continue
        source = image.get("src") or image.get("data-src") or image.get("data-lazy-src")
        caption = None
        for node in box.xpath('.//figcaption | .//*[contains(@class, "caption-text")]'):
            caption = normalize_text(node.text_content()) or None
            break
        if source:
            return source, caption
    return None, None
