"""The lead picture as the page shows it: a figure, or the picture between headline and text.

Metadata (JSON-LD, og:image) names the lead image on most pages; this is what is read when it
does not, and where the caption comes from when metadata gives none. Captions are whatever a
theme marks as one next to the picture: `<figcaption>`, WordPress's `wp-caption-text`, Drupal's
`field--name-field-caption`, a `caption`/`legend` class or id.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml.html import HtmlElement

from newscrawl.arabic import normalize_for_matching, normalize_text
from newscrawl.extraction.attribute_words import named

_PICTURES = ("img", "amp-img")
_FIGURES_XPATH = f"//figure | //*[{named('wp-caption', attributes=('class',))}]"
_CAPTION_XPATH = f".//figcaption | .//*[{named('caption', 'legend')}]"
_TITLE_XPATH = (
    "//h1 | //h2 | //h3 | //td/b | //td/font | //td/strong"
    f" | //*[@itemprop='headline' or {named('title', 'headline')}]"
)
# pictures that are no article's: the site's logo, icons, avatars, ads, tracking pixels
_NOT_LEAD_RE = re.compile(
    r"logo|icon|avatar|sprite|banner|(?<![a-z])ads?[/_.-]|pixel|\.svg|\.gif", re.I
)
_OUT_OF_ARTICLE = frozenset({"a", "nav", "header", "footer", "aside", "button", "noscript"})
_MAX_CAPTION_CHARS = 300
_LONG_PARAGRAPH_CHARS = 120  # the text has begun: a picture further down is no lead picture
_MAX_ELEMENTS_AFTER_HEADLINE = 80


def _source(picture: HtmlElement) -> str | None:
    for attribute in ("src", "data-src", "data-lazy-src"):
        value = (picture.get(attribute) or "").strip()
        if value and not value.startswith("data:"):
            return value
    return None


def _caption_in(box: HtmlElement) -> str | None:
    for node in box.xpath(_CAPTION_XPATH):
        text = normalize_text(node.text_content())
        if 0 < len(text) <= _MAX_CAPTION_CHARS:
            return text
    return None


def _figure(root: HtmlElement) -> tuple[str | None, str | None]:
    for box in root.xpath(_FIGURES_XPATH):
        picture = next(box.iter(*_PICTURES), None)
        source = _source(picture) if picture is not None else None
        if source:
            return source, _caption_in(box)
    return None, None


def _headline(root: HtmlElement, title: str) -> HtmlElement | None:
    """The element showing the headline: the first heading (or title-classed element) that
    says it, else the first h1."""
    folded = normalize_for_matching(title)
    for element in root.xpath(_TITLE_XPATH) if folded else ():
        if normalize_for_matching(element.text_content()) == folded:
            return element
    return next((h for h in root.iter("h1") if normalize_text(h.text_content())), None)


def _in_article(picture: HtmlElement) -> bool:
    return not any(a.tag in _OUT_OF_ARTICLE for a in picture.iterancestors())


def _caption_beside(picture: HtmlElement) -> str | None:
    """A caption among the picture's siblings, or its wrapper's."""
    box = picture.getparent()
    for _ in range(2):
        if box is None:
            return None
        caption = _caption_in(box)
        if caption:
            return caption
        box = box.getparent()
    return None


def _after_headline(root: HtmlElement, title: str) -> tuple[str | None, str | None]:
    """The first picture after the headline and before the text begins.

    >>> from lxml.html import document_fromstring
    >>> page = document_fromstring('<body><img src="/logo.png"><span class="NewsTitle">خبر</span>'
    ...     '<div><img src="/up/1.jpg"><div class="img-caption">الوزير</div></div><p>نص</p></body>')
    >>> _after_headline(page, "خبر")
    ('/up/1.jpg', 'الوزير')
    >>> _NOT_LEAD_RE.search("/uploads/1.jpg"), bool(_NOT_LEAD_RE.search("/ads/1.jpg"))
    (None, True)
    """
    headline = _headline(root, title)
    if headline is None:
        return None, None
    seen = 0
    for element in _following(headline):
        seen += 1
        if seen > _MAX_ELEMENTS_AFTER_HEADLINE:
            break
        if element.tag == "p" and len(element.text_content().strip()) >= _LONG_PARAGRAPH_CHARS:
            break
        if element.tag not in _PICTURES or not _in_article(element):
            continue
        source = _source(element)
        if source and not _NOT_LEAD_RE.search(source):
            return source, _caption_beside(element)
    return None, None


def _following(element: HtmlElement) -> Iterator[HtmlElement]:
    """Elements after `element` in document order, its own descendants first."""
    yield from element.iterdescendants()
    for ancestor_or_self in (element, *element.iterancestors()):
        for sibling in ancestor_or_self.itersiblings():
            yield sibling
            yield from sibling.iterdescendants()


def visible_image(root: HtmlElement, title: str = "") -> tuple[str | None, str | None]:
    """Source and caption of the page's lead picture: its first figure (or WordPress caption
    box), else the first picture between the headline and the text."""
    source, caption = _figure(root)
    if source:
        return source, caption
    return _after_headline(root, title)
