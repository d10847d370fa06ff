"""Per-site body container learning: a fast path past generic main-content detection.

Generic detection (trafilatura, on a copy of the page) is the costliest step of extraction, and
most sites put every article's text in the same container (`div.article-body`, `#content`).
When, on `TRUST_AFTER` article pages of a site in a row, reading the smallest named container
of the detected paragraphs gives exactly those paragraphs (once the texts detection always leaves
out of it, such as an in-text ad label, are left out too), the container is trusted and read
directly on the site's next pages. Every `VERIFY_EVERY`-th page still runs generic detection,
and one disagreement withdraws the trust, so a template change costs at most that many pages.

The learner only ever reproduces what generic detection gave on pages of the same template:
a site whose container holds text detection leaves out differently from page to page is never
trusted and keeps the full detection.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from lxml.html import HtmlElement

from newscrawl.arabic import normalize_text
from newscrawl.extraction.body import container_paragraphs

TRUST_AFTER = 3
"""Agreeing pages in a row before a container is read directly."""
VERIFY_EVERY = 25
"""A trusted container is checked against generic detection on one page in this many."""
_MAX_DROPPED = 100  # recurring left-out texts kept per container; more means it is no template
_TEXT_TAGS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "td")
_MIN_MATCHED_SHARE = 0.8


def container_name(element: HtmlElement) -> str | None:
    """How a container is recognised on the site's other pages: tag and id, or tag and classes.

    >>> from lxml.html import fragment_fromstring
    >>> container_name(fragment_fromstring('<div class="b a" id="main"></div>'))
    'div#main'
    >>> container_name(fragment_fromstring('<div class="post-body  entry"></div>'))
    'div.entry.post-body'
    >>> container_name(fragment_fromstring("<div></div>")) is None
    True
    """
    if element.get("id"):
        return f"{element.tag}#{element.get('id')}"
    classes = sorted((element.get("class") or "").split())
    return f"{element.tag}.{'.'.join(classes)}" if classes else None


def find_container(root: HtmlElement, name: str) -> HtmlElement | None:
    """The page's one element with that name; None when it has none or several.

    >>> from lxml.html import document_fromstring
    >>> page = document_fromstring('<div class="x"><p>أ</p></div><div id="y"></div>')
    >>> find_container(page, "div.x").tag, find_container(page, "div#z")
    ('div', None)
    """
    tag = name.split("#", 1)[0].split(".", 1)[0]
    found = [element for element in root.iter(tag) if container_name(element) == name]
    return found[0] if len(found) == 1 else None


def named_container(root: HtmlElement, paragraphs: list[str]) -> HtmlElement | None:
    """The smallest named element holding the elements `paragraphs` were read from."""
    wanted = set(paragraphs)
    elements = []
    for element in root.iter(*_TEXT_TAGS):
        text = normalize_text(element.text_content())
        if text in wanted:
            wanted.discard(text)
            elements.append(element)
    if not elements or len(elements) < _MIN_MATCHED_SHARE * len(set(paragraphs)):
        return None
    common = _common_ancestor(elements)
    while common is not None and container_name(common) is None:
        common = common.getparent()
    return common


def _common_ancestor(elements: Iterable[HtmlElement]) -> HtmlElement | None:
    paths = [[element, *element.iterancestors()][::-1] for element in elements]
    common = None
    for level in zip(*paths, strict=False):
        if any(node is not level[0] for node in level):
            break
        common = level[0]
    return common


@dataclass
class ContainerLearner:
    """One site's body container: learnt from generic detection, then read directly.

    >>> from lxml.html import document_fromstring
    >>> def page(n):
    ...     return document_fromstring(f'<div class="body"><p>فقرة {n}</p><p>إعلان</p></div>')
    >>> learner = ContainerLearner()
    >>> for n in range(4):
    ...     learner.learn(page(n), [f"فقرة {n}"])
    >>> learner.trusted, learner.fast_paragraphs(page(9))
    ('div.body', ['فقرة 9'])
    """

    trusted: str | None = None
    candidate: str | None = None
    agreements: int = 0
    dropped: set[str] = field(default_factory=set)
    """Texts of the container that generic detection left out on every page it was checked."""
    pages_since_check: int = 0

    def fast_paragraphs(self, root: HtmlElement) -> list[str] | None:
        """The trusted container's paragraphs; None when this page must run generic detection."""
        if self.trusted is None:
            return None
        self.pages_since_check += 1
        if self.pages_since_check >= VERIFY_EVERY:
            return None
        container = find_container(root, self.trusted)
        paragraphs = self._read(container) if container is not None else []
        return paragraphs or None

    def learn(self, root: HtmlElement, generic: list[str]) -> None:
        """Compare a page's generic paragraphs with its container's (`root` as detection saw it)."""
        self.pages_since_check = 0
        container = named_container(root, generic) if generic else None
        name = container_name(container) if container is not None else None
        if container is None or name is None:
            self._distrust()
            return
        if name != self.candidate:
            self._distrust()
            self.candidate = name
        read = container_paragraphs(container)
        if [p for p in read if p not in self.dropped] == generic:
            self.agreements += 1
        else:
            self.agreements = 0
            self.trusted = None
            self.dropped |= set(read) - set(generic)
            if len(self.dropped) > _MAX_DROPPED:
                self._distrust()
        if self.agreements >= TRUST_AFTER:
            self.trusted = name

    def _read(self, container: HtmlElement) -> list[str]:
        return [p for p in container_paragraphs(container) if p not in self.dropped]

    def _distrust(self) -> None:
        self.trusted = self.candidate = None
        self.agreements = 0
        self.dropped = set()
