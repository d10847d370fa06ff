"""Teaser cards: the items of related-posts widgets, which are not link-dense.

A card links to one article, usually twice (a thumbnail and a headline link), and adds an
excerpt, a date or a section name. Its excerpt makes the list look like prose to a
link-density test, so cards are recognised by shape instead: one target per item, a headline
link that stands in its own element, and little loose text. Whether a card list is "read
also" is for its heading or class to say (see `related.py`); this module only reads shape.
"""

from __future__ import annotations

from lxml import etree
from lxml.html import HtmlElement

from newscrawl.arabic import normalize_text
from newscrawl.extraction.link_targets import target_key, words

_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# an excerpt of a few sentences plus a date and a section name; a body paragraph run is longer
_MAX_CARD_LOOSE_CHARS = 600
# text sharing the headline link's element: a comma or a date may, a sentence may not
_MAX_BESIDE_CHARS = 25
# link-less children of a list (its heading, a "more" button) stay short
_MAX_OTHER_CHARS = 60
_MAX_DESCENT = 4


def _anchors(element: HtmlElement) -> list[HtmlElement]:
    return [element] if element.tag == "a" else list(element.iter("a"))


def _loose_chars(element: HtmlElement) -> int:
    texts = element.xpath(
        ".//text()[not(ancestor::a)][not(ancestor::script)][not(ancestor::style)]"
    )
    return sum(len(normalize_text(str(t))) for t in texts)


def _beside_chars(anchor: HtmlElement) -> int:
    """Text directly in the anchor's parent, outside its child elements."""
    parent = anchor.getparent()
    if parent is None:
        return 0
    texts = [parent.text or "", *(child.tail or "" for child in parent)]
    return len(normalize_text(" ".join(texts)))


def _chars_before(element: HtmlElement, anchor: HtmlElement) -> int:
    """Loose text of `element` before `anchor` in reading order (walked without recursion)."""
    total, hidden = 0, 0
    for event, node in etree.iterwalk(element, events=("start", "end")):
        skip = not isinstance(node.tag, str) or node.tag in ("a", "script", "style")
        if event == "start":
            if node is anchor:
                break
            hidden += skip
            if not hidden:
                total += len(normalize_text(node.text or ""))
            continue
        hidden -= skip
        if node is not element and not hidden:
            total += len(normalize_text(node.tail or ""))
    return total


def title_anchor(anchors: list[HtmlElement]) -> HtmlElement | None:
    """The headline link among links to one article: in a heading first, else the wordiest.

    >>> from lxml.html import fragment_fromstring
    >>> card = fragment_fromstring('<li><a href="/a">قسم الرياضة</a><h4><a href="/a">'
    ...     'فوز كبير للفريق</a></h4></li>')
    >>> title_anchor(list(card.iter("a"))).text
    'فوز كبير للفريق'
    """
    titled = [a for a in anchors if words(normalize_text(a.text_content())) >= 2]
    if not titled:
        return None
    headed = [a for a in titled if in_heading(a)]
    return max(headed or titled, key=lambda a: len(normalize_text(a.text_content())))


def _has_thumbnail(anchors: list[HtmlElement]) -> bool:
    return any(True for a in anchors for _ in a.iter("img", "picture"))


def in_heading(anchor: HtmlElement) -> bool:
    """Whether the link sits in an h1-h6 or holds one (a headline link, or a whole-card link)."""
    return any(p.tag in _HEADINGS for p in anchor.iterancestors()) or heading_in(anchor) is not None


def heading_in(anchor: HtmlElement) -> HtmlElement | None:
    """The first h1-h6 inside a link, or None."""
    return next((e for e in anchor.iter(*_HEADINGS) if e is not anchor), None)


def is_card(element: HtmlElement) -> bool:
    """One article's teaser: its links all point there, a headline link leads, little text.

    The headline is a link in a heading, or the card has a thumbnail link, or the card is a
    list item: that, and the headline coming first, is what a body paragraph that happens to
    hold a link never shows.

    >>> from lxml.html import fragment_fromstring
    >>> is_card(fragment_fromstring('<div><a href="/a"><img src="t.jpg"></a><h4><a href="/a">'
    ...     'فوز كبير للفريق</a></h4><p>ملخص قصير للخبر في سطر واحد</p></div>'))
    True
    >>> is_card(fragment_fromstring('<div><p>قال الوزير في مؤتمر صحفي إن الخطة ستبدأ قريبا</p>'
    ...     '<p><a href="/a">الخطة الجديدة للوزارة</a></p></div>'))
    False
    """
    anchors = [a for a in _anchors(element) if target_key(a.get("href"))]
    if len({target_key(a.get("href")) for a in anchors}) != 1:
        return False
    title = title_anchor(anchors)
    if title is None or _beside_chars(title) > _MAX_BESIDE_CHARS:
        return False
    if not (in_heading(title) or _has_thumbnail(anchors) or element.tag == "li"):
        return False
    if _chars_before(element, title) > _MAX_OTHER_CHARS:
        return False
    return _loose_chars(element) <= _MAX_CARD_LOOSE_CHARS


def _has_anchor(element: HtmlElement) -> bool:
    return any(True for _ in _anchors(element))


def _linked_children(container: HtmlElement) -> list[HtmlElement] | None:
    """Children holding links, or None when a link-less child is more than a short label."""
    linked = []
    for child in container:
        if not isinstance(child.tag, str) or child.tag in ("script", "style"):
            continue
        if _has_anchor(child):
            linked.append(child)
        elif len(normalize_text(child.text_content())) > _MAX_OTHER_CHARS:
            return None
    return linked


def card_items(element: HtmlElement) -> list[HtmlElement]:
    """The cards `element` is made of (itself when it is one card), or [] when it is not a list.

    Single wrappers are looked through (a heading, then the list); every other child must be
    short link-less text (a heading, a "more" button).
    """
    if is_card(element):
        return [element]
    container = element
    for _ in range(_MAX_DESCENT):
        linked = _linked_children(container)
        if not linked:
            return []
        if len(linked) > 1 or linked[0].tag == "a" or is_card(linked[0]):
            return linked if all(map(is_card, linked)) else []
        container = linked[0]
    return []


def is_card_list(element: HtmlElement) -> bool:
    """Teaser cards and nothing else (besides a short heading).

    >>> from lxml.html import fragment_fromstring
    >>> card = ('<li><a href="/{0}"><img src="t.jpg"></a><h4><a href="/{0}">عنوان الخبر {0}'
    ...     '</a></h4><p>مقتطف من الخبر يعرض أول جملة منه كما تفعل المواقع عادة ...</p></li>')
    >>> is_card_list(fragment_fromstring(
    ...     f'<section><h3>اقرأ أيضا</h3><ul>{card.format(1)}{card.format(2)}</ul></section>'))
    True
    >>> body = "<p>فقرة طويلة من نص المقال تتجاوز بكثير طول العناوين والمقتطفات القصيرة جدا</p>"
    >>> is_card_list(fragment_fromstring(f"<div>{body}<ul>{card.format(1)}</ul></div>"))
    False
    """
    return bool(card_items(element))
