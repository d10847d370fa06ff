"""Layer (a): the values a site profile's selectors point at (CSS, or XPath after "xpath:")."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from lxml.html import HtmlElement
from parsel import Selector, SelectorList

from newscrawl.arabic import normalize_text
from newscrawl.profiles import SiteProfile

logger = logging.getLogger(__name__)

_VALUE_ATTRIBUTES = ("content", "datetime", "title")


def select(selector: Selector, query: str) -> SelectorList[Selector]:
    """Run one profile selector; a broken one matches nothing (and is logged), never raises.

    >>> page = Selector(text='<div class="a"><p>نص</p></div>')
    >>> select(page, "div.a p").getall()
    ['<p>نص</p>']
    >>> select(page, "xpath://div[@class='a']/p/text()").getall()
    ['نص']
    >>> len(select(page, "div[["))
    0
    """
    try:
        if query.startswith("xpath:"):
            return selector.xpath(query.removeprefix("xpath:").strip())
        return selector.css(query)
    except (ValueError, SyntaxError) as exc:
        logger.warning("bad profile selector %r: %s", query, exc)
        return SelectorList([])


def _value_of(match: Selector, attributes: tuple[str, ...]) -> str:
    root = match.root
    if not isinstance(root, HtmlElement):
        return str(root)
    for attribute in attributes:
        if root.get(attribute):
            return str(root.get(attribute))
    return normalize_text(root.text_content())


@dataclass
class ProfileFields:
    """The profile's selectors bound to one page (no profile: every field matches nothing)."""

    profile: SiteProfile | None
    selector: Selector

    def _matches(self, field: str) -> list[Selector]:
        query = getattr(self.profile.selectors, field, None) if self.profile else None
        if not isinstance(query, str) or not query.strip():
            return []
        return list(select(self.selector, query))

    def texts(self, field: str) -> list[str]:
        """Texts of the elements the field's selector matches (meta/time values preferred)."""
        return self.attributes(field, _VALUE_ATTRIBUTES)

    def attributes(self, field: str, attributes: tuple[str, ...]) -> list[str]:
        """Values of the first present attribute of each match, else its text."""
        return [
            value for value in (_value_of(m, attributes) for m in self._matches(field)) if value
        ]

    def remove_noise(self) -> None:
        """Remove the nodes the profile lists under `selectors.remove`."""
        if self.profile is None:
            return
        for query in self.profile.selectors.remove:
            for match in select(self.selector, query):
                if isinstance(match.root, HtmlElement) and match.root.getparent() is not None:
                    match.root.drop_tree()

    def related_elements(self) -> list[HtmlElement]:
        """Elements the profile marks as read-also blocks."""
        return [m.root for m in self._matches("related") if isinstance(m.root, HtmlElement)]

    def body_paragraphs(self, paragraphs_of: Callable[[HtmlElement], list[str]]) -> list[str]:
        """Paragraphs of every body container the profile's selector matches."""
        containers = [m.root for m in self._matches("body")]
        return [p for c in containers if isinstance(c, HtmlElement) for p in paragraphs_of(c)]
