"""Related links that exist only in a Next.js page's data (`__NEXT_DATA__`), never in its HTML.

Client-rendered pages ship the "read also" list they will render as an array of items with a
URL and a title. Only arrays under a key that says "related" (relatedArticles, related_posts,
readAlso, seeAlso) are read: most-read, latest and recommendation arrays have other names and
are not the article's related links. Items must link to the page's own site.
"""

from __future__ import annotations

import json
import re
from collections import deque
from typing import Any
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from newscrawl.arabic import normalize_text
from newscrawl.extraction.link_targets import is_other_article, words
from newscrawl.urls import canonicalize_url

_MAX_ISLAND_CHARS = 5_000_000
_MAX_NODES = 50_000
_RELATED_KEY_RE = re.compile(r"related|readalso|alsoread|seealso|moreonthis", re.I)
# related tags, topics, sections, authors or media are not related articles
_NOT_ARTICLES_KEY_RE = re.compile(
    r"tag|topic|categor|section|author|writer|keyword|video|image|photo|gallery|media", re.I
)
_URL_KEYS = ("url", "href", "link", "permalink", "canonicalUrl", "canonical", "path", "uri")
_TITLE_KEYS = ("title", "headline", "name")
_CONTAINER_KEYS = ("items", "articles", "posts", "stories", "nodes", "data", "results")


def _text(value: Any) -> str | None:
    """A string field, or WordPress REST's {"rendered": ...}."""
    if isinstance(value, dict):
        value = value.get("rendered")
    return value if isinstance(value, str) else None


def _item_link(item: Any) -> tuple[str, str] | None:
    """(href, title) of one related item, as written in the data."""
    if not isinstance(item, dict):
        return None
    href = next((v for k in _URL_KEYS if (v := _text(item.get(k)))), None)
    title = next((v for k in _TITLE_KEYS if (v := _text(item.get(k)))), None)
    return (href, normalize_text(title)) if href and title else None


def _related_arrays(data: Any) -> list[list[Any]]:
    """Arrays under related-named keys, shallowest first (the page's own article comes first)."""
    found: list[list[Any]] = []
    queue: deque[Any] = deque([data])
    seen = 0
    while queue and seen < _MAX_NODES:
        node = queue.popleft()
        seen += 1
        if isinstance(node, list):
            queue.extend(node)
        if not isinstance(node, dict):
            continue
        for key, value in node.items():
            key_text = re.sub(r"[^a-z]", "", str(key).lower())
            if _RELATED_KEY_RE.search(key_text) and not _NOT_ARTICLES_KEY_RE.search(key_text):
                found.extend(_arrays_in(value))
            queue.append(value)
    return found


def _arrays_in(value: Any) -> list[list[Any]]:
    if isinstance(value, list):
        return [value]
    if isinstance(value, dict):
        return [v for k in _CONTAINER_KEYS if isinstance(v := value.get(k), list)]
    return []


def _same_site(url: str, base_url: str) -> bool:
    def host(u: str) -> str:
        name = urlsplit(u).hostname or ""
        return name.removeprefix("www.")

    return host(url) == host(base_url)


def _links(array: list[Any], base_url: str) -> list[tuple[str, str]]:
    links = []
    for item in array:
        found = _item_link(item)
        if found is None:
            continue
        url = canonicalize_url(found[0], base=base_url)
        if not url or not _same_site(url, base_url) or not is_other_article(url, base_url):
            continue
        if words(found[1]) >= 2:
            links.append((url, found[1]))
    return links


def next_data(root: HtmlElement) -> Any:
    """The parsed `__NEXT_DATA__` of the page, or None."""
    for script in root.iter("script"):
        if script.get("id") != "__NEXT_DATA__":
            continue
        raw = script.text or ""
        if len(raw) > _MAX_ISLAND_CHARS:
            return None
        try:
            return json.loads(raw)
        except ValueError:
            return None
    return None


def island_related_links(root: HtmlElement, base_url: str) -> list[tuple[str, str]]:
    """(url, title) of the first related-named array in `__NEXT_DATA__` that has any; else [].

    >>> from lxml.html import document_fromstring as doc
    >>> data = {"props": {"pageProps": {
    ...     "mostRead": [{"url": "/news/9", "title": "خبر الأكثر قراءة اليوم"}],
    ...     "article": {"relatedArticles": [{"url": "/news/2/x", "title": "خبر ذو صلة بالموضوع"},
    ...         {"url": "https://other.example/a", "title": "موقع آخر تماما"}],
    ...     "relatedTags": [{"url": "/tags/x", "name": "وسم الخبر"}]}}}}
    >>> page = f'<script id="__NEXT_DATA__" type="application/json">{json.dumps(data)}</script>'
    >>> island_related_links(doc(page), "https://site.example/news/1")
    [('https://site.example/news/2/x', 'خبر ذو صلة بالموضوع')]
    """
    data = next_data(root)
    if data is None:
        return []
    props = data.get("props", data) if isinstance(data, dict) else data
    for array in _related_arrays(props):
        links = _links(array, base_url)
        if links:
            return links
    return []
