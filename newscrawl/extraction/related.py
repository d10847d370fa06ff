"""Read-also blocks: found by their Arabic heading or class hints, cut out of the page.

They are removed before main-content detection so their headlines never leak into the body,
and their links become `related_links`. "Most read" boxes are cut out the same way but their
links are not the article's related links, so they are dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from newscrawl.arabic import normalize_for_matching, normalize_text
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
# tag, topic, section and author pages are listings, not related articles
_LISTING_PATH_RE = re.compile(
    r"/(?:tags?|topics?|category|categories|section|sections|author|authors|writers?|keywords?)/",
    re.I,
)
_INLINE_TAGS = frozenset({"a", "strong", "b", "em", "i", "span", "font", "u"})
_BLOCK_TAGS = frozenset({"p", "div", "li", "ul", "ol", "section", "aside", "blockquote", "td"})
_CHROME_TAGS = frozenset({"nav", "header", "footer"})
_MIN_LINK_DENSITY = 0.6
_MAX_CLIMB = 4
_MAX_LOOSE_CHARS = 60
_MAX_FOLLOWING = 15


@dataclass
class RelatedBlock:
    """One removed block: its links, and the text that followed it (to tell inline from end)."""

    links: list[tuple[str, str]]
    following_texts: list[str] = field(default_factory=list)


def marker_kind(text: str) -> str | None:
    """'related' or 'popular' when `text` starts with such a heading, else None.

    >>> marker_kind("إقرأ أيضاً: عنوان آخر")
    'related'
    >>> marker_kind("الأكثر قراءة")
    'popular'
    >>> marker_kind("قصص ذات صلة"), marker_kind("موضوعات متعلقة")
    ('related', 'related')
    >>> marker_kind("قال الوزير") is None, marker_kind("Relatedly, the bank said") is None
    (True, True)
    """
    folded = normalize_for_matching(text[:80])
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


def _block_from_marker(element: HtmlElement) -> list[HtmlElement]:
    """The read-also block around a marker element, or [] when none is link-dense enough."""
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
        if not wrapper and not is_link_block(parent):
            break  # the parent is a text container: the block ends here
        block = parent
    if _has_links(block):
        return [block] if is_link_block(block) else []
    # a heading followed by link lists inside a text container: take heading + link siblings
    group = [block]
    for sibling in block.itersiblings():
        if not isinstance(sibling.tag, str) or not _has_links(sibling):
            break
        if not is_link_block(sibling):
            break
        group.append(sibling)
    return group if len(group) > 1 else []


def _links(elements: list[HtmlElement], base_url: str) -> list[tuple[str, str]]:
    links = []
    for element in elements:
        anchors = [element] if element.tag == "a" else list(element.iter("a"))
        for anchor in anchors:
            title = normalize_text(anchor.text_content())
            if marker_kind(title) and ":" in title[:30]:
                title = title.split(":", 1)[1].strip()
            url = canonicalize_url(anchor.get("href") or "", base=base_url)
            words = [w for w in title.split() if any(c.isalpha() for c in w)]
            if not url or url == base_url or _LISTING_PATH_RE.search(urlsplit(url).path):
                continue
            if len(words) >= 2 and not marker_kind(title):
                links.append((url, title))
    return links


def _following_texts(element: HtmlElement) -> list[str]:
    texts = []
    for paragraph in element.xpath(f"following::p[position() <= {_MAX_FOLLOWING}]"):
        text = normalize_for_matching(paragraph.text_content())
        if len(text) >= 40:
            texts.append(text[:120])
    return texts


def _candidates(root: HtmlElement, extra: list[HtmlElement]) -> list[tuple[str, list]]:
    found: list[tuple[str, list]] = [("related", [e]) for e in extra]
    for element in root.iter():
        if not isinstance(element.tag, str) or element.tag in ("script", "style", "body", "html"):
            continue
        kind = marker_kind(element.text or "") if (element.text or "").strip() else None
        if kind:
            group = _block_from_marker(element)
            if group:
                found.append((kind, group))
            continue
        hint = f"{element.get('class') or ''} {element.get('id') or ''}"
        if (
            element.tag in _BLOCK_TAGS
            and _RELATED_CLASS_RE.search(hint)
            and not _NOT_RELATED_CLASS_RE.search(hint)
            and is_link_block(element)
        ):
            found.append(("related", [element]))
    return found


def cut_related_blocks(
    root: HtmlElement, base_url: str, extra: list[HtmlElement] | None = None
) -> list[RelatedBlock]:
    """Remove read-also and most-read blocks from `root`; return the read-also ones."""
    blocks: list[RelatedBlock] = []
    removed: set[HtmlElement] = set()
    for kind, group in _candidates(root, extra or []):
        first = group[0]
        if first in removed or any(a in removed for a in first.iterancestors()):
            continue
        if kind == "related" and not _in_chrome(first):
            blocks.append(RelatedBlock(_links(group, base_url), _following_texts(group[-1])))
        for element in group:
            removed.add(element)
            if element.getparent() is not None:
                element.drop_tree()
    return [b for b in blocks if b.links]
