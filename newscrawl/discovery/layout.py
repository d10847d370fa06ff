"""What a page's own markup says it is: one body of prose, or a run of teasers.

Metadata (og:type, JSON-LD) is missing on many sites, and markup conventions (an `<h1>`, a
`<p>` per paragraph) are missing on old ones: a table-layout page keeps its headline in a
`<font>` and its paragraphs as `<br>`-separated text in a `<td>`. What every article page has is
one block of running prose, and what every archive page has is a sequence of teaser items, each a
title link to another page with, often, an excerpt. Both are measured here, in one pass over the
tree, without any site's class names.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from lxml import etree
from lxml.html import HtmlElement

# Text inside these belongs to the enclosing block (a paragraph with a bold word is one paragraph).
INLINE_TAGS = frozenset(
    {"a", "abbr", "b", "bdi", "bdo", "big", "br", "cite", "code", "em", "font", "i", "img",
     "kbd", "label", "mark", "q", "s", "small", "span", "strong", "sub", "sup", "time", "u",
     "var", "wbr"}
)  # fmt: skip
SKIP_TAGS = frozenset(
    {"script", "style", "noscript", "template", "svg", "select", "textarea", "button",
     "iframe", "head", "title", "object"}
)  # fmt: skip
UNIT_MIN = 40  # a block with less prose is a caption, a label or a date, not a paragraph
TITLE_LINK_MIN = 15  # a link text this long with 3+ words reads as a headline
ITEM_MAX_UNITS = 2  # a teaser has a title and at most a couple of excerpt blocks
ITEM_MAX_CHARS = 600
ITEM_MAX_CLIMB = 6
HEADLINE_WORDS = 3
HEADLINE_MAX_CHARS = 300
HEADLINE_REACH = 3  # the prose container, its parent and grandparent
_SPACES = re.compile(r"\s+")
# how titles join the headline and the site name: "Site - Headline", "Headline | Site"
_TITLE_SEPARATORS = re.compile(r"\s+[-|–—:«»]+\s+|\s*[|•]\s*")
_HREF_HOST = re.compile(r"^(?:https?:)?//[^/]+", re.IGNORECASE)


@dataclass
class _Node:
    prose: int = 0  # prose chars of this block itself (inline text outside links)
    units: int = 0  # prose units in the subtree
    chars: int = 0  # prose chars of those units
    titles: set[str] = field(default_factory=set)  # title-link targets in the subtree (max 2)


@dataclass(frozen=True)
class Layout:
    """The page's prose and teaser evidence.

    `body`: prose chars of the densest container (its own blocks, children and grandchildren),
    teaser excerpts left out. `teasers`: the longest run of sibling teaser items (title links to
    distinct pages); `excerpts`: the longest run of those that also carry an excerpt;
    `headline`: an element outside links repeats the `<title>` (or its part without the site
    name) next to that container.
    """

    body: int = 0
    teasers: int = 0
    excerpts: int = 0
    headline: bool = False


def _length(text: str | None) -> int:
    return len(_SPACES.sub(" ", text).strip()) if text else 0


def _link_key(anchor: HtmlElement) -> str | None:
    """The target of a link that reads as a headline, without scheme and host; else None.

    >>> from lxml.html import fragment_fromstring as f
    >>> _link_key(f('<a href="https://x.com/n/1#c">وزير المالية يعلن خطة جديدة</a>'))
    '/n/1'
    >>> _link_key(f('<a href="/n/1">المزيد</a>')) is None
    True
    """
    href = (anchor.get("href") or "").strip()
    if not href or href.startswith(("#", "javascript:", "mailto:")):
        return None
    text = _SPACES.sub(" ", anchor.text_content()).strip()
    if len(text) < TITLE_LINK_MIN or len(text.split()) < 3:
        return None
    return _HREF_HOST.sub("", href.split("#")[0]) or "/"


def _elements(root: HtmlElement) -> list[HtmlElement]:
    """Elements in document order, without the subtrees of scripts, forms and the like."""
    found = []
    walker = etree.iterwalk(root, events=("start",))
    for _event, element in walker:
        if not isinstance(element.tag, str):
            continue
        found.append(element)
        if element.tag in SKIP_TAGS:
            walker.skip_subtree()
    return found


def _own_prose(elements: list[HtmlElement]) -> tuple[dict[HtmlElement, _Node], set[HtmlElement]]:
    """Each element's node, with the prose of its inline text credited to its block; and the
    elements that are, or are inside, links."""
    nodes: dict[HtmlElement, _Node] = {}
    block: dict[HtmlElement, HtmlElement] = {}
    in_link: dict[HtmlElement, bool] = {}
    for element in elements:
        nodes[element] = _Node()
        parent = element.getparent()
        inline = element.tag in INLINE_TAGS and parent in block
        block[element] = block[parent] if inline else element
        in_link[element] = element.tag == "a" or (inline and in_link[parent])
        if element.tag not in SKIP_TAGS and not in_link[element]:
            nodes[block[element]].prose += _length(element.text)
        if parent in block and not in_link[parent]:
            nodes[block[parent]].prose += _length(element.tail)
    return nodes, {element for element, linked in in_link.items() if linked}


def _aggregate(elements: list[HtmlElement], nodes: dict[HtmlElement, _Node]) -> None:
    """Subtree counts (prose units, title links), children before parents."""
    for element in reversed(elements):
        node = nodes[element]
        if node.prose >= UNIT_MIN:
            node.units += 1
            node.chars += node.prose
        if element.tag == "a" and (key := _link_key(element)):
            node.titles.add(key)
        parent = nodes.get(element.getparent())
        if parent is not None:
            parent.units += node.units
            parent.chars += node.chars
            if len(parent.titles) < 2:
                parent.titles.update(list(node.titles)[: 2 - len(parent.titles)])


def _item(anchor: HtmlElement, key: str, nodes: dict[HtmlElement, _Node]) -> HtmlElement:
    """The largest ancestor that is only this link's teaser: one target, little prose."""
    item = anchor
    for _ in range(ITEM_MAX_CLIMB):
        parent = item.getparent()
        node = nodes.get(parent)
        if node is None or node.titles != {key}:
            break
        if node.units > ITEM_MAX_UNITS or node.chars > ITEM_MAX_CHARS:
            break
        item = parent
    return item


def _loose_excerpt(item: HtmlElement, nodes: dict[HtmlElement, _Node]) -> HtmlElement | None:
    """The block right after a teaser heading that is its excerpt (`<h2><a/></h2><p>…</p>`)."""
    following = item.getnext()
    node = nodes.get(following)
    if node is None or node.titles or not 0 < node.units <= ITEM_MAX_UNITS:
        return None
    return following if node.chars <= ITEM_MAX_CHARS else None


def _teaser_items(
    elements: list[HtmlElement], nodes: dict[HtmlElement, _Node]
) -> tuple[dict[HtmlElement, bool], set[HtmlElement]]:
    """Every teaser item of the page → whether it has an excerpt; and the excerpt blocks."""
    items: dict[HtmlElement, bool] = {}
    excerpts: set[HtmlElement] = set()
    for element in elements:
        if element.tag != "a" or not (key := _link_key(element)):
            continue
        item = _item(element, key, nodes)
        loose = None if nodes[item].units else _loose_excerpt(item, nodes)
        items[item] = bool(nodes[item].units) or loose is not None
        excerpts.update(e for e in (item, loose) if e is not None and items[item])
    return items, excerpts


def _runs(items: dict[HtmlElement, bool]) -> tuple[int, int]:
    """Longest run of sibling teasers, and of sibling teasers with excerpts."""
    all_runs: Counter[HtmlElement] = Counter()
    excerpt_runs: Counter[HtmlElement] = Counter()
    for item, has_excerpt in items.items():
        parent = item.getparent()
        all_runs[parent] += 1
        excerpt_runs[parent] += has_excerpt
    return max(all_runs.values(), default=0), max(excerpt_runs.values(), default=0)


def _inside(element: HtmlElement, items: set[HtmlElement]) -> bool:
    for _ in range(ITEM_MAX_CLIMB + 2):
        if element in items:
            return True
        parent = element.getparent()
        if parent is None:
            return False
        element = parent
    return False


def _densest(
    nodes: dict[HtmlElement, _Node], excerpts: set[HtmlElement]
) -> tuple[int, HtmlElement | None]:
    """The container holding most prose (a block, its children and grandchildren), and how much."""
    score: Counter[HtmlElement] = Counter()
    for element, node in nodes.items():
        if node.prose < UNIT_MIN or _inside(element, excerpts):
            continue
        holder: HtmlElement | None = element
        for _ in range(3):
            if holder is None:
                break
            score[holder] += node.prose
            holder = holder.getparent()
    if not score:
        return 0, None
    container, prose = score.most_common(1)[0]
    return prose, container


def _title_parts(root: HtmlElement) -> set[str]:
    """The `<title>` and each part of it between site-name separators, whitespace-collapsed.

    >>> from lxml.html import document_fromstring as doc
    >>> sorted(_title_parts(doc("<title>جريدة الرافدين - خبر اليوم الكبير</title><p>x</p>")))
    ['جريدة الرافدين', 'جريدة الرافدين - خبر اليوم الكبير', 'خبر اليوم الكبير']
    """
    title = _SPACES.sub(" ", " ".join(root.xpath("//head/title//text()"))).strip()
    if not title:
        return set()
    return {title} | {p.strip() for p in _TITLE_SEPARATORS.split(title) if p.strip()}


def _headlines(
    elements: list[HtmlElement], in_link: set[HtmlElement], root: HtmlElement
) -> list[HtmlElement]:
    """Short elements outside links that say what the `<title>` says (headlines without h1)."""
    parts = {p for p in _title_parts(root) if len(p.split()) >= HEADLINE_WORDS}
    found = []
    for element in elements if parts else []:
        if element in in_link or element.tag in SKIP_TAGS or len(element) > 3:
            continue
        text = element.text_content()
        if len(text) <= HEADLINE_MAX_CHARS and _SPACES.sub(" ", text).strip() in parts:
            found.append(element)
    return found


def _near(container: HtmlElement | None, headlines: list[HtmlElement]) -> bool:
    """Whether a headline sits next to the prose: under the container's parent or grandparent
    (a footer blurb that merely shares the page's `<body>` with a title-like `<h1>` does not)."""
    above: set[HtmlElement] = set()
    holder = container
    for _ in range(HEADLINE_REACH):
        if holder is None or holder.tag in ("body", "html"):
            break
        above.add(holder)
        holder = holder.getparent()
    return any(not above.isdisjoint(h.iterancestors()) for h in headlines)


def read_layout(root: HtmlElement) -> Layout:
    """Measure a parsed page (see `Layout`).

    >>> from lxml.html import document_fromstring as doc
    >>> para = "<p>" + "جملة من نص الخبر الطويل " * 6 + "</p>"
    >>> read_layout(doc(f"<div>{para * 4}</div>")).body > 400
    True
    >>> item = '<article><h2><a href="/n/{0}">عنوان الخبر رقم {0} هنا</a></h2>{1}</article>'
    >>> page = read_layout(doc("".join(item.format(i, para) for i in range(5))))
    >>> page.body, page.teasers, page.excerpts
    (0, 5, 5)
    """
    elements = _elements(root)
    nodes, in_link = _own_prose(elements)
    _aggregate(elements, nodes)
    items, excerpt_blocks = _teaser_items(elements, nodes)
    teasers, excerpts = _runs(items)
    body, container = _densest(nodes, excerpt_blocks)
    headline = _near(container, _headlines(elements, in_link, root))
    return Layout(body, teasers, excerpts, headline)
