"""The article's tags as the page lists them, when no metadata names them.

A tag list is a short row of links either labelled ("الوسوم:", "كلمات مفتاحية") or marked by its
class (`tags-links`, `post-tags`, Drupal's `field--name-field-tags`). The site-wide tag cloud
looks alike: it is told apart by its class ("cloud"), its place (a sidebar, the footer) and its
length.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from newscrawl.arabic import normalize_text
from newscrawl.extraction.attribute_words import named
from newscrawl.lexicon import TAG_LABELS, opener, opening

_LABELS = opener(TAG_LABELS, label=True)
_CLASSED_XPATH = f"//*[{named('tags', 'keywords')}]"
_NOT_OWN_RE = re.compile(r"cloud|widget|sidebar|popular|trend|menu|nav", re.I)
_OUT_OF_ARTICLE = frozenset({"nav", "header", "footer", "aside"})
_MAX_TAGS = 15  # more links than this is a cloud, not one article's tags
_MAX_TAG_CHARS = 40
_MAX_LABEL_CHARS = 30


def _hint(element: HtmlElement) -> str:
    return f"{element.get('class') or ''} {element.get('id') or ''}"


def _own_list(block: HtmlElement) -> bool:
    if _NOT_OWN_RE.search(_hint(block)) or block.tag in _OUT_OF_ARTICLE:
        return False
    return not any(
        a.tag in _OUT_OF_ARTICLE or _NOT_OWN_RE.search(_hint(a)) for a in block.iterancestors()
    )


def _tags_in(block: HtmlElement) -> list[str]:
    links = [normalize_text(a.text_content()) for a in block.iter("a")]
    tags = [t.lstrip("#") for t in links if 0 < len(t) <= _MAX_TAG_CHARS]
    tags = [t for t in tags if t and not opening(_LABELS, t)]
    return list(dict.fromkeys(tags)) if 0 < len(links) <= _MAX_TAGS else []


def _labelled_blocks(root: HtmlElement) -> list[HtmlElement]:
    """The parents of short elements that say nothing but a tag label."""
    blocks = []
    for element in root.iter("span", "div", "strong", "b", "h3", "h4", "h5", "dt", "label"):
        if len(element) > 1 or not (element.text or len(element)):
            continue  # a label is a word or two, perhaps in one <b>: never a box of elements
        text = normalize_text(element.text_content())
        if len(text) <= _MAX_LABEL_CHARS and opening(_LABELS, text):
            rest = text[opening(_LABELS, text).end() :].strip(" :")  # type: ignore[union-attr]
            parent = element.getparent()
            if not rest and parent is not None:
                blocks.append(parent)
    return blocks


def visible_tags(root: HtmlElement) -> list[str]:
    """The links of the first labelled or tag-classed list that is the article's own.

    >>> from lxml.html import document_fromstring
    >>> page = document_fromstring('<body><article><p>نص</p><div class="field--name-field-tags">'
    ...     '<div class="field__label">الوسوم</div><a href="/t/1">النفط</a><a href="/t/2">الغاز</a>'
    ...     '</div></article><div class="block-tags-cloud"><h3>وسوم</h3><a href="/t/3">المياه</a>'
    ...     '</div></body>')
    >>> visible_tags(page)
    ['النفط', 'الغاز']
    >>> cloud = '<body><aside><div class="tags"><a href="/t/3">المياه</a></div></aside></body>'
    >>> visible_tags(document_fromstring(cloud))
    []
    """
    for block in [*_labelled_blocks(root), *root.xpath(_CLASSED_XPATH)]:
        if _own_list(block):
            tags = _tags_in(block)
            if tags:
                return tags
    return []
