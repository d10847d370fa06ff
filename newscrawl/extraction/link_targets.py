"""Where a link points, as far as related links care: an article, a listing, or this page.

Shared by the read-also blocks of the HTML (`related.py`, `cards.py`) and of page data
(`island_related.py`).
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, unquote, urlsplit

# tag, topic, section and author pages are listings, not articles (a card may link its section)
LISTING_PATH_RE = re.compile(
    r"/(?:tags?|topics?|category|categories|section|sections|author|authors|writers?|keywords?)/",
    re.I,
)


def target_key(href: str | None) -> str | None:
    """Where a link points, as path and query, or None for no article (anchor, listing, JS).

    Host and scheme are dropped: a card's thumbnail and headline may write the same URL
    absolute and relative.

    >>> target_key("https://s.example/news/12/?utm_source=x#c"), target_key("/news/12")
    ('/news/12?utm_source=x', '/news/12')
    >>> target_key("#"), target_key("/category/sport/"), target_key("javascript:void(0)")
    (None, None, None)
    """
    href = (href or "").strip()
    if not href or href.startswith("#") or re.match(r"(?:javascript|mailto|tel):", href, re.I):
        return None
    parts = urlsplit(href)
    path = unquote(parts.path).rstrip("/")
    if LISTING_PATH_RE.search(path + "/"):
        return None
    return path + (f"?{parts.query}" if parts.query else "")


def words(text: str) -> int:
    """Number of words with letters in `text` (numbers and marks alone do not make a title).

    >>> words("خبر عاجل 12 :")
    2
    """
    return sum(1 for w in text.split() if any(c.isalpha() for c in w))


def _numeric_params(query: str) -> set[tuple[str, str]]:
    return {(k.lower(), v) for k, v in parse_qsl(query) if v.isdigit()}


def is_page_variant(url: str, page_url: str) -> bool:
    """A print, send-to-a-friend, AMP or comments view of the page itself, not another article.

    Its path continues the page's path, or its numeric parameters all repeat the page's own
    (`print.php?id=7` on `article.php?id=7`).

    >>> page = "https://s.example/article.php?id=1203&cat=4"
    >>> is_page_variant("https://s.example/send.php?id=1203", page)
    True
    >>> is_page_variant("https://s.example/article.php?id=1204&cat=4", page)
    False
    >>> is_page_variant("https://s.example/news/5-x/print/", "https://s.example/news/5-x/")
    True
    """
    link, page = urlsplit(url), urlsplit(page_url)
    if link.hostname != page.hostname:
        return False
    page_path = page.path.rstrip("/")
    if page_path and link.path.startswith(page_path + "/"):
        return True
    numeric = _numeric_params(link.query)
    return bool(numeric) and numeric <= _numeric_params(page.query)


def is_other_article(url: str, page_url: str) -> bool:
    """A link that may be a related article: not this page, a view of it, or a listing.

    >>> is_other_article("https://s.example/tag/x/", "https://s.example/a/1")
    False
    """
    if url == page_url or is_page_variant(url, page_url):
        return False
    return not LISTING_PATH_RE.search(urlsplit(url).path)
