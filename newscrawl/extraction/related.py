"""Read-also blocks: found by their Arabic heading or class hints, cut out of the page.

They are removed before main-content detection so their headlines never leak into the body,
and their links become `related_links`. "Most read" boxes are cut out the same way but their
links are not the article's related links, so they are dropped. A block is a list of links:
link-dense, or teaser cards with excerpts (`cards.py`); a page whose HTML has none may list
them in its Next.js data (`island_related.py`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from lxml.html import HtmlElement

from newscrawl.arabic import normalize_for_matching, normalize_text
from newscrawl.extraction.cards import heading_in, in_heading, is_card_list
from newscrawl.extraction.following import following_texts
from newscrawl.extraction.island_related import island_related_links
from newscrawl.extraction.labelled_anchor import after_label, labelled_anchor, spaced_text
from newscrawl.extraction.link_targets import is_other_article, target_key, words
from newscrawl.lexicon import (
    MOST_READ_MARKERS,
    READ_ALSO_MARKERS,
    RELATED_HEADING_TAILS,
    opener,
    opening,
)
from newscrawl.urls import canonicalize_url

_RELATED = opener(READ_ALSO_MARKERS)
_POPULAR = opener(MOST_READ_MARKERS)
# short headings "<words> ذات صلة" / "<word> متعلقة": قصص ذات صلة، موضوعات متعلقة، ...
_RELATED_HEADING_RE = re.compile(
    r"(?:\S+ ){{0,2}}(?:{})".format("|".join(map(normalize_for_matching, RELATED_HEADING_TAILS)))
)
_MAX_HEADING_WORDS = 4
_RELATED_CLASS_RE = re.compile(
    r"related|read-?also|also-?read|readmore|more-?on|see-?also|more-?news|more-?stories"
    r"|more-?articles|embed(?:ded)?[-_]?(?:article|content|post)",
    re.I,
)
_NOT_RELATED_CLASS_RE = re.compile(r"tag|most|popular|comment|share|social|menu|nav", re.I)
# teaser cards are how every recirculation box is drawn ("more in <section>", "latest"): a
# class has to say "related" itself to make a card list read-also
_RELATED_CARDS_CLASS_RE = re.compile(r"related|read-?also|also-?read|see-?also", re.I)
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_INLINE_TAGS = frozenset({"a", "strong", "b", "em", "i", "span", "font", "u"})
_BLOCK_TAGS = frozenset({"p", "div", "li", "ul", "ol", "section", "aside", "blockquote", "td"})
_CHROME_TAGS = frozenset({"nav", "header", "footer"})
_LIST_TAGS = frozenset({"ul", "ol", "dl", "table"})
_MIN_LINK_DENSITY = 0.6
_MAX_CLIMB = 4
_MAX_LOOSE_CHARS = 60


@dataclass
class RelatedBlock:
    """One removed block: its links, and the text that followed it (to tell inline from end)."""

    links: list[tuple[str, str]]
    following_texts: list[str] = field(default_factory=list)


def marker_kind(text: str) -> str | None:
    """'related' or 'popular' when `text` starts with such a heading, else None.

    Every text node of every page is asked: menus and sidebars repeat from page to page, so
    the verdicts on their first 80 characters are cached.

    >>> marker_kind("إقرأ أيضاً: عنوان آخر")
    'related'
    >>> marker_kind("الأكثر قراءة")
    'popular'
    >>> marker_kind("قصص ذات صلة"), marker_kind("موضوعات متعلقة")
    ('related', 'related')
    >>> marker_kind("قال الوزير") is None, marker_kind("Relatedly, the bank said") is None
    (True, True)
    """
    return _marker_kind(text[:80])


@lru_cache(maxsize=8192)
def _marker_kind(opening_text: str) -> str | None:
    folded = normalize_for_matching(opening_text)
    if opening(_POPULAR, folded):
        return "popular"
    if opening(_RELATED, folded):
        return "related"
    heading = len(folded.split()) <= _MAX_HEADING_WORDS and _RELATED_HEADING_RE.fullmatch(folded)
    return "related" if heading else None


def link_density(element: HtmlElement) -> float:
    """Share of the element's visible text that sits inside links (a read-also heading excluded).

    >>> from lxml.html import fragment_fromstring
    >>> link_density(fragment_fromstring('<p>اقرأ أيضا: <a href="/a">خبر آخر مهم</a></p>'))
    1.0
    """
    text = normalize_text(element.text_content())
    if marker_kind(text):
        text = text.split(":", 1)[-1] if ":" in text[:30] else text
    linked = sum(len(normalize_text(a.text_content())) for a in element.iter("a"))
    return min(1.0, linked / max(1, len(text.strip())))


def _has_links(element: HtmlElement) -> bool:
    return element.tag == "a" or any(True for _ in element.iter("a"))


def is_link_block(element: HtmlElement) -> bool:
    """Links with at most short loose text (dates, counters) between them: no prose.

    >>> from lxml.html import fragment_fromstring
    >>> teasers = '<ul><li><a href="/1">خبر أول مهم</a> 3 مارس</li><li><a href="/2">خبر</a></li>'
    >>> is_link_block(fragment_fromstring(teasers + "</ul>"))
    True
    >>> prose = "نص طويل من فقرات المقال لا علاقة له بالروابط ويمتد لأكثر من ستين حرفاً بكثير"
    >>> is_link_block(fragment_fromstring(f'<div><p>{prose}</p><a href="/1">رابط</a></div>'))
    False
    """
    if not _has_links(element):
        return False
    if link_density(element) >= _MIN_LINK_DENSITY:
        return True
    loose = element.xpath(".//text()[not(ancestor::a)][not(ancestor::script)]")
    return max((len(normalize_text(str(t))) for t in loose), default=0) < _MAX_LOOSE_CHARS


def _in_chrome(element: HtmlElement) -> bool:
    return any(a.tag in _CHROME_TAGS for a in element.iterancestors())


def is_list_block(element: HtmlElement, *, cards: bool = True) -> bool:
    """A list of links: link-dense, or teaser cards whose excerpts make it look like prose."""
    return is_link_block(element) or (cards and is_card_list(element))


def _is_article_link(marker: HtmlElement) -> bool:
    """A marker that is itself a link to an article: a teaser's "read more", not a heading."""
    links = [marker] if marker.tag == "a" else list(marker.iterancestors("a"))
    return any(target_key(a.get("href")) for a in links)


def _box_heading(element: HtmlElement, block: HtmlElement | None = None) -> bool:
    """Whether `element` holds a link-less h1-h6 outside `block`: another box's heading.

    Card headlines are links, so they do not count; a "آخر الأخبار" heading does, and stops a
    read-also block from growing over the next box.
    """
    for heading in element.iter(*_HEADINGS):
        ancestors = list(heading.iterancestors())
        inside = block is not None and (heading is block or block in ancestors)
        headline = _has_links(heading) or any(a.tag == "a" for a in ancestors)
        if not inside and not headline and heading.text_content().strip():
            return True
    return False


def _climb(element: HtmlElement, cards: bool) -> HtmlElement:
    """From a marker up to the smallest ancestor that holds its links (or a link-less wrapper)."""
    block = element
    marker_chars = len(normalize_text(element.text_content()))
    for _ in range(_MAX_CLIMB):
        if _has_links(block) and block.tag not in _INLINE_TAGS:
            break
        parent = block.getparent()
        if parent is None or parent.tag in ("body", "html"):
            break
        wrapper = not _has_links(parent) and len(normalize_text(parent.text_content())) <= (
            marker_chars + 5
        )
        if not wrapper and (not is_list_block(parent, cards=cards) or _box_heading(parent, block)):
            break  # the parent is a text container, or a column of several boxes
        block = parent
    return block


def _block_from_marker(element: HtmlElement) -> list[HtmlElement]:
    """The read-also block around a marker element, or [] when it holds no list of links."""
    item = labelled_anchor(element)
    if item is not None:  # the label is inside the one link it introduces
        return [item]
    cards = not _is_article_link(element)
    block = _climb(element, cards)
    if _has_links(block):
        return [block] if is_list_block(block, cards=cards) else []
    if _empty_list(block, element):
        return []  # the heading's own box lists nothing (loaded by script, or none today)
    # a heading followed by link lists inside a text container: take heading + link siblings
    group = [block]
    for sibling in block.itersiblings():
        if not isinstance(sibling.tag, str) or not _has_links(sibling):
            break
        if not is_list_block(sibling, cards=cards) or _box_heading(sibling):
            break
        if _NOT_RELATED_CLASS_RE.search(_hint(sibling)):
            break  # the next box is comments, sharing or tags
        group.append(sibling)
    return group if len(group) > 1 else []


def _empty_list(box: HtmlElement, marker: HtmlElement) -> bool:
    """Whether the box around a marker holds a list or widget container of its own, empty.

    A decorative empty element (an icon, a rule) is a leaf; a list, a table or a container of
    containers is where the links would have been.
    """
    path = {box, marker, *marker.iterancestors()}
    for node in box.iterdescendants():
        if node in path or not isinstance(node.tag, str):
            continue
        if node.tag in _LIST_TAGS or (node.tag in _BLOCK_TAGS and len(node)):
            return True
    return False


def _hint(element: HtmlElement) -> str:
    return f"{element.get('class') or ''} {element.get('id') or ''}"


def _anchor_title(anchor: HtmlElement) -> str:
    """The headline a link shows, without a read-also label; "" when it is no headline."""
    heading = heading_in(anchor)
    node = heading if heading is not None else anchor
    title = normalize_text(node.text_content())
    labelled = after_label(spaced_text(node))  # "<span>اقرأ أيضا</span><span>title</span>"
    if labelled is not None:
        title = labelled
    elif marker_kind(title) and ":" in title[:30]:
        title = title.split(":", 1)[1].strip()
    return "" if words(title) < 2 or marker_kind(title) else title


def _best_title(anchors: list[HtmlElement]) -> str:
    """One title per linked article: a card's headline link wins over its other links."""
    titled = [(anchor, title) for anchor in anchors if (title := _anchor_title(anchor))]
    headed = [pair for pair in titled if in_heading(pair[0])]
    return max(headed or titled, key=lambda pair: len(pair[1]), default=(None, ""))[1]


def _links(elements: list[HtmlElement], base_url: str) -> list[tuple[str, str]]:
    by_url: dict[str, list[HtmlElement]] = {}
    for element in elements:
        for anchor in [element] if element.tag == "a" else element.iter("a"):
            url = canonicalize_url(anchor.get("href") or "", base=base_url)
            if url and is_other_article(url, base_url):
                by_url.setdefault(url, []).append(anchor)
    titled = ((url, _best_title(anchors)) for url, anchors in by_url.items())
    return [(url, title) for url, title in titled if title]


def _hinted_block(element: HtmlElement) -> bool:
    """A block whose class or id says read-also, holding links and no prose."""
    if element.tag not in _BLOCK_TAGS:
        return False
    hint = _hint(element)
    if not _RELATED_CLASS_RE.search(hint):
        return False
    if _NOT_RELATED_CLASS_RE.search(hint):
        return False
    if is_link_block(element):
        return True
    return bool(_RELATED_CARDS_CLASS_RE.search(hint)) and is_card_list(element)


def _candidates(root: HtmlElement, extra: list[HtmlElement]) -> list[tuple[str, list]]:
    found: list[tuple[str, list]] = [("related", [e]) for e in extra]
    for element in root.iter():
        if not isinstance(element.tag, str) or element.tag in ("script", "style", "body", "html"):
            continue
        text = element.text
        kind = marker_kind(text) if text and not text.isspace() else None
        if kind:
            group = _block_from_marker(element)
            if group:
                found.append((kind, group))
        elif _hinted_block(element):
            found.append(("related", [element]))
    return found


def cut_related_blocks(
    root: HtmlElement, base_url: str, extra: list[HtmlElement] | None = None
) -> list[RelatedBlock]:
    """Remove read-also and most-read blocks from `root`; return the read-also ones.

    A page whose HTML has none may still list them in its Next.js data: they come back as one
    block with no following text, so they count as "end" links.
    """
    blocks: list[RelatedBlock] = []
    removed: set[HtmlElement] = set()
    for kind, group in _candidates(root, extra or []):
        first = group[0]
        if first in removed or any(a in removed for a in first.iterancestors()):
            continue
        if kind == "related" and not _in_chrome(first):
            blocks.append(RelatedBlock(_links(group, base_url), following_texts(group[-1])))
        for element in group:
            removed.add(element)
            if element.getparent() is not None:
                element.drop_tree()
    found = [b for b in blocks if b.links]
    if not found:
        # script-rendered pages keep their end list only in the page's data
        island = island_related_links(root, base_url)
        found = [RelatedBlock(island)] if island else []
    return found
