"""Visible bylines: "بقلم: ..." / "كتب: ..." lines and author-classed elements."""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from newscrawl.arabic import normalize_text
from newscrawl.lexicon import BYLINE_LABELS, BYLINE_MARKERS, opener, opening

_MARKERS = opener(BYLINE_MARKERS)
_LABELS = opener(BYLINE_LABELS, label=True)
_AUTHOR_CLASS_XPATH = (
    '//a[@rel="author"] | //*[@itemprop="author"]'
    ' | //*[contains(@class, "author") or contains(@class, "byline") or contains(@class, "writer")]'
)
_AUTHOR_CLASS_EXCLUDE_RE = re.compile(
    r"avatar|image|img|photo|bio|desc|date|time|container|wrap|box", re.I
)
_COMMENTS_RE = re.compile(r"comment|respond|reply|disqus", re.I)
_MAX_BYLINE_CHARS = 80
_MAX_CANDIDATES = 5


def starts_with_byline_marker(text: str) -> bool:
    """Whether a line opens with a byline marker ("كتب", "بقلم") or label ("تحرير: ...").

    >>> starts_with_byline_marker("كتب: محمود علي"), starts_with_byline_marker("تحرير: منى سعيد")
    (True, True)
    >>> starts_with_byline_marker("كتبت الصحيفة في افتتاحيتها أن")
    True
    >>> starts_with_byline_marker("كتاب جديد"), starts_with_byline_marker("تحرير الأسعار")
    (False, False)
    """
    text = normalize_text(text[:_MAX_BYLINE_CHARS])
    return bool(opening(_MARKERS, text) or opening(_LABELS, text))


def in_comments(element: HtmlElement) -> bool:
    """Whether the element sits in a reader-comments section (its authors are not bylines)."""
    for ancestor in element.iterancestors():
        hint = f"{ancestor.get('class') or ''} {ancestor.get('id') or ''}"
        if _COMMENTS_RE.search(hint):
            return True
    return False


def byline_candidates(root: HtmlElement) -> list[str]:
    """Short author-looking texts of the page, in document order (the loader cleans them)."""
    found: list[str] = []
    for element in root.xpath(_AUTHOR_CLASS_XPATH):
        if _AUTHOR_CLASS_EXCLUDE_RE.search(element.get("class") or "") or in_comments(element):
            continue
        text = normalize_text(element.text_content())
        if 0 < len(text) <= _MAX_BYLINE_CHARS:
            found.append(text)
        if len(found) >= _MAX_CANDIDATES:
            return found
    for element in root.iter("p", "span", "div", "strong", "b", "em", "h4", "h5", "h6"):
        own = (element.text or "").strip()
        if own and starts_with_byline_marker(own) and not in_comments(element):
            text = normalize_text(element.text_content())
            if len(text) <= _MAX_BYLINE_CHARS:
                found.append(text)
        if len(found) >= _MAX_CANDIDATES:
            break
    return found
