"""Read-also items that carry their own label: one link holding "اقرأ أيضا" and the headline.

Inline related-posts plugins draw each item as a single link, `<a><span>اقرأ أيضا</span><span>
headline</span></a>`, so the label is no heading above a list: it is inside the item. Such a link
is a read-also block by itself; its title is what follows the label.
"""

from __future__ import annotations

from lxml.html import HtmlElement

from newscrawl.arabic import normalize_text
from newscrawl.extraction.link_targets import target_key, words
from newscrawl.lexicon import READ_ALSO_MARKERS, opener, opening

_READ_ALSO = opener(READ_ALSO_MARKERS)
_LABEL_PUNCTUATION = " :：-–—|»«•·"
_MIN_TITLE_WORDS = 2
_MAX_CLIMB = 4


def spaced_text(element: HtmlElement) -> str:
    """The element's text with its pieces kept apart: label and headline are often two spans
    with nothing between them ("<span>اقرأ أيضا</span><span>عنوان</span>")."""
    return normalize_text(" ".join(element.itertext()))


def after_label(text: str) -> str | None:
    """What a link says after its read-also label, or None when it opens with no such label.

    >>> after_label("اقرأ أيضا صفاقس تستضيف ملتقى حول النقل"), after_label("اقرأ أيضا")
    ('صفاقس تستضيف ملتقى حول النقل', '')
    >>> after_label("إقرأ أيضاً: عنوان آخر"), after_label("صفاقس تستضيف ملتقى") is None
    ('عنوان آخر', True)
    """
    text = normalize_text(text)
    match = opening(_READ_ALSO, text)
    return text[match.end() :].strip(_LABEL_PUNCTUATION) if match else None


def labelled_anchor(marker: HtmlElement) -> HtmlElement | None:
    """The box of a link to another article that holds a read-also label and a headline.

    >>> from lxml.html import fragment_fromstring
    >>> box = fragment_fromstring('<div class="irp-box"><a href="/145058/"><span>اقرأ أيضا'
    ...     '</span><span>صفاقس تستضيف ملتقى حول النقل</span></a></div>')
    >>> labelled_anchor(box.find(".//span")).get("class")
    'irp-box'
    >>> heading = fragment_fromstring('<a href="/1/"><span>اقرأ أيضا</span></a>')
    >>> labelled_anchor(heading.find("span")) is None
    True
    """
    anchors = [marker] if marker.tag == "a" else list(marker.iterancestors("a"))
    if not anchors or not target_key(anchors[0].get("href")):
        return None
    anchor = anchors[0]
    text = spaced_text(anchor)
    title = after_label(text)
    if not title or words(title) < _MIN_TITLE_WORDS:
        return None
    box = anchor
    for _ in range(_MAX_CLIMB):  # up through wrappers that hold nothing else
        parent = box.getparent()
        if parent is None or parent.tag in ("body", "html", "p", "td"):
            break
        if spaced_text(parent) != text or len(parent.findall(".//a")) > 1:
            break
        box = parent
    return box
