"""The lead paragraph many Arabic sites set apart (itemprop=description, class "lead").

Generic content detection picks the container with the running text and often leaves the lead,
which sits in its own box between the headline and that container, outside. It is put back
when it sits exactly there and its text is not already in the body.
"""

from __future__ import annotations

from lxml.html import HtmlElement

from newscrawl.arabic import normalize_for_matching, normalize_text

_LEAD_XPATH = (
    '//*[@itemprop="description" or @itemprop="abstract"'
    ' or contains(@class, "lead") or contains(@class, "intro") or contains(@class, "standfirst")'
    ' or contains(@class, "summary") or contains(@class, "excerpt")][not(self::meta)]'
)
_MIN_LEAD_CHARS = 60
_MAX_LEAD_CHARS = 1200
_PREFIX_CHARS = 40


def _first_body_element(root: HtmlElement, first_paragraph: str) -> HtmlElement | None:
    prefix = normalize_for_matching(first_paragraph)[:_PREFIX_CHARS]
    for element in root.iter("p", "div", "span", "section"):
        if not (element.text or "").strip():
            continue
        if normalize_for_matching(element.text_content()).startswith(prefix):
            return element
    return None


def with_lead(root: HtmlElement, paragraphs: list[str]) -> list[str]:
    """`paragraphs` with the page's lead prepended when the generic body missed it.

    >>> from lxml.html import document_fromstring
    >>> lead = "فقرة تمهيدية تلخص الخبر " * 4
    >>> page = document_fromstring(
    ...     f'<html><body><h1>عنوان</h1><div class="article-lead"><p>{lead}</p></div>'
    ...     '<div class="text"><p>الفقرة الأولى من النص</p></div></body></html>')
    >>> with_lead(page, ["الفقرة الأولى من النص"])[0] == lead.strip()
    True
    """
    if not paragraphs:
        return paragraphs
    body_text = normalize_for_matching(" ".join(paragraphs))
    first = _first_body_element(root, paragraphs[0])
    h1 = next(root.iter("h1"), None)
    if first is None or h1 is None:
        return paragraphs
    order = {element: index for index, element in enumerate(root.iter())}
    for candidate in root.xpath(_LEAD_XPATH):
        text = normalize_text(candidate.text_content())
        if not _MIN_LEAD_CHARS <= len(text) <= _MAX_LEAD_CHARS:
            continue
        if not order.get(h1, 0) < order.get(candidate, -1) < order.get(first, -1):
            continue
        if first in candidate.iterdescendants():
            continue
        if normalize_for_matching(text)[: _PREFIX_CHARS * 2] in body_text:
            return paragraphs
        return [text, *paragraphs]
    return paragraphs
