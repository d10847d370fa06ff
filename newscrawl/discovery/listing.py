"""Section and listing pages: the links they offer and where their next page is."""

from __future__ import annotations

import re

from parsel import Selector

NEXT_TEXTS = frozenset(
    {"التالي", "الصفحة التالية", "التالية", "»", "›", "next", "next page", "older posts"}
)
_PAGE_NUMBER = re.compile(r"^[0-9٠-٩]{1,4}$")
_PAGE_IN_URL = re.compile(r"([?&](page|p|pg|paged|start|offset)=\d+)|(/page/\d+)", re.IGNORECASE)
_SPACES = re.compile(r"\s+")


def _norm_text(text: str) -> str:
    return _SPACES.sub(" ", text).strip().strip("«").strip().lower()


def page_links(selector: Selector) -> list[tuple[str, str]]:
    """All `<a href>` links of a page as (href, visible text), in document order.

    >>> page_links(Selector(text='<a href="/a"> أ  ب </a><a>x</a><a href="#top">top</a>'))
    [('/a', 'أ ب')]
    """
    links = []
    for anchor in selector.xpath("//a[@href]"):
        href = anchor.attrib["href"].strip()
        if not href or href.startswith("#"):
            continue
        links.append((href, _SPACES.sub(" ", " ".join(anchor.xpath(".//text()").getall())).strip()))
    return links


def next_page_links(selector: Selector) -> list[str]:
    """Pagination links of a listing page: `rel=next`, "التالي"-like anchors, numbered pages.

    >>> page = Selector(text='''<link rel="next" href="/s?page=2">
    ...   <a href="/s?page=3">التالي</a><a href="/s?page=4">٤</a><a href="/news/5">5 أخبار</a>
    ...   <a href="/s/page/7">7</a>''')
    >>> next_page_links(page)
    ['/s?page=2', '/s?page=3', '/s?page=4', '/s/page/7']
    """
    found: list[str] = []
    for element in selector.xpath("//link[@href] | //a[@href]"):
        href = element.attrib["href"].strip()
        rel = (element.attrib.get("rel") or "").lower().split()
        text = _norm_text(" ".join(element.xpath(".//text()").getall()))
        is_next = "next" in rel or text in NEXT_TEXTS
        is_numbered = bool(_PAGE_NUMBER.match(text)) and bool(_PAGE_IN_URL.search(href))
        if (is_next or is_numbered) and href not in found:
            found.append(href)
    return found
