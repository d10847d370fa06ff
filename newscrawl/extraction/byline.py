"""Visible bylines: "بقلم: ..." / "كتب: ..." lines, "... | كتبه: ..." segments of a meta line
and author-classed elements.

What a byline says is the author, even when it names the publication ("بقلم: <the site>"): the
candidates are `Byline`s, which the loader does not filter against the site's names.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from newscrawl.arabic import normalize_text
from newscrawl.extraction.attribute_words import named
from newscrawl.extraction.processors import Byline, strip_byline_marker
from newscrawl.lexicon import BYLINE_LABELS, BYLINE_MARKERS, opener, opening

_MARKERS = opener(BYLINE_MARKERS)
_LABELS = opener(BYLINE_LABELS, label=True)
_AUTHOR_CLASS_XPATH = (
    f'//a[@rel="author"] | //*[@itemprop="author"] | //*[{named("author", "byline", "writer")}]'
)
_AUTHOR_CLASS_EXCLUDE_RE = re.compile(
    r"avatar|image|img|photo|bio|desc|date|time|container|wrap|box", re.I
)
_COMMENTS_RE = re.compile(r"comment|respond|reply|disqus", re.I)
# meta lines put the byline among other fields: "نشر في : ... | القسم: ... | كتبه: ..."
_FIELD_SEPARATOR_RE = re.compile(r"[|•·]")
_MAX_META_LINE_CHARS = 250
_MAX_BYLINE_CHARS = 80
_MAX_CANDIDATES = 5
_TEXT_TAGS = ("p", "span", "div", "strong", "b", "em", "h4", "h5", "h6")


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
        hint = f"{element.get('class') or ''} {element.get('id') or ''}"
        if _AUTHOR_CLASS_EXCLUDE_RE.search(hint) or in_comments(element):
            continue
        text = normalize_text(element.text_content())
        if 0 < len(text) <= _MAX_BYLINE_CHARS:
            found.append(Byline(text))
        if len(found) >= _MAX_CANDIDATES:
            return found
    for element in root.iter(*_TEXT_TAGS):
        for text in _element_bylines(element):
            found.append(Byline(text))
        if len(found) >= _MAX_CANDIDATES:
            break
    return found[:_MAX_CANDIDATES]


def _element_bylines(element: HtmlElement) -> list[str]:
    own = (element.text or "").strip()
    if own and starts_with_byline_marker(own) and not in_comments(element):
        text = normalize_text(element.text_content())
        return [text] if len(text) <= _MAX_BYLINE_CHARS else []
    return _field_bylines(element)


def _field_bylines(element: HtmlElement) -> list[str]:
    """Bylines that follow a field separator in the element's own text pieces.

    >>> from lxml.html import fragment_fromstring
    >>> line = fragment_fromstring(
    ...     "<div>نشر في : 2 مايو 2024 | القسم: <a href='/c'>اقتصاد</a> | كتبه: ليلى حداد</div>")
    >>> _field_bylines(line)
    ['كتبه: ليلى حداد']
    >>> _field_bylines(fragment_fromstring("<div>تاريخ | بقلم: <a href='/a/1'>سارة</a></div>"))
    ['بقلم: سارة']
    """
    pieces = [(element.text, element[0] if len(element) else None)]
    pieces += [(child.tail, child.getnext()) for child in element]
    found = []
    for piece, following in pieces:
        if not piece or not _FIELD_SEPARATOR_RE.search(piece):
            continue
        segments = _FIELD_SEPARATOR_RE.split(piece)
        for index, segment in enumerate(segments[1:], start=1):
            text = normalize_text(segment)
            if not text or not starts_with_byline_marker(text):
                continue
            last = index == len(segments) - 1
            if last and following is not None and not strip_byline_marker(text):
                # "| بقلم: <a>Name</a>": the name is the element after the piece
                text = normalize_text(f"{text} {following.text_content()}")
            found.append(text)
    if not found or in_comments(element):
        return []
    if len(normalize_text(element.text_content())) > _MAX_META_LINE_CHARS:
        return []
    return [text for text in found if len(text) <= _MAX_BYLINE_CHARS]
