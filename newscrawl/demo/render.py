"""Shared pieces of the demo sites: replies, escaping, ordering, body layout and lead images.

The article data (`sites/<site>/articles.json`) is the expected crawl output; the page templates of
each site (`templates_waha.py`, `templates_madar.py`) only dress it up in site-specific markup.
"""

from __future__ import annotations

import html
import struct
import zlib
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any
from urllib.parse import unquote, urlsplit

from newscrawl.demo.server import Reply, ServedRequest, not_found

ArticleData = dict[str, Any]
"""One entry of `articles.json`: path, title, paragraphs, dates, authors, section, tags, ..."""

SiteData = dict[str, Any]
"""The contents of `site.json`: name, sections, comment pool."""

ArticlePage = Callable[[SiteData, Sequence[ArticleData], int, str], str]
"""A site's article template: (site, articles, index of the article, base URL) -> HTML."""


def esc(text: str) -> str:
    """Escape text for HTML content and double-quoted attributes.

    >>> esc('"أ" & <ب>')
    '&quot;أ&quot; &amp; &lt;ب&gt;'
    """
    return html.escape(text, quote=True)


def request_base(request: ServedRequest) -> str:
    """Scheme and authority the client used, so absolute links work on any port.

    >>> request_base(ServedRequest("GET", "/", {"Host": "127.0.0.1:8123"}, 0.0))
    'http://127.0.0.1:8123'
    """
    host = next((v for k, v in request.headers.items() if k.lower() == "host"), "127.0.0.1")
    return f"http://{host}"


def split_target(target: str) -> tuple[str, str]:
    """Split a request target into its decoded path and its raw query string.

    >>> split_target("/tag/%D8%B3%D9%8A%D8%A7%D8%B3%D8%A9/?page=2")
    ('/tag/سياسة/', 'page=2')
    """
    parts = urlsplit(target)
    return unquote(parts.path), parts.query


def html_reply(page: str) -> Reply:
    return Reply(200, page.encode("utf-8"))


def redirect(location: str) -> Reply:
    return Reply(301, b"", headers={"Location": location})


def text_reply(text: str, content_type: str) -> Reply:
    return Reply(200, text.encode("utf-8"), content_type=content_type)


def newest_first(articles: Sequence[ArticleData]) -> list[ArticleData]:
    """Articles by publication instant, newest first (ISO strings with offsets compare wrongly)."""
    return sorted(articles, key=lambda a: datetime.fromisoformat(a["published_at"]), reverse=True)


def most_read(articles: Sequence[ArticleData], current: str | None, count: int = 5) -> list:
    """A stable "most read" sidebar pick: a rotation of the list that skips the page itself."""
    paths = [a["path"] for a in articles]
    start = (paths.index(current) + 3) if current in paths else 0
    rotated = [articles[(start + i) % len(articles)] for i in range(len(articles))]
    return [a for a in rotated if a["path"] != current][:count]


def section_slug(site: SiteData, name: str) -> str:
    """The slug of the section called `name`."""
    return next(s["slug"] for s in site["sections"] if s["name"] == name)


def end_related(article: ArticleData) -> list[dict[str, Any]]:
    """The related links listed after the body, in file order."""
    return [r for r in article["related"] if r["position"] == "end"]


def article_body(
    article: ArticleData,
    paragraph: Callable[[int, str], str],
    read_also: Callable[[dict[str, Any]], str],
    ad: tuple[int, str] | None,
) -> str:
    """The body's paragraphs, each inline related link after its paragraph, and an ad slot.

    `ad` is the paragraph number to put the ad after, and its markup (None: no ad).

    >>> article = {"paragraphs": ["أ", "ب"], "related": [
    ...     {"position": "inline", "after_paragraph": 1, "title": "ج"}]}
    >>> print(article_body(article, lambda n, p: f"{n}{p}", lambda r: r["title"], (2, "AD")))
    1أ
    ج
    2ب
    AD
    """
    inline = {r["after_paragraph"]: r for r in article["related"] if r["position"] == "inline"}
    parts = []
    for number, text in enumerate(article["paragraphs"], start=1):
        parts.append(paragraph(number, text))
        if number in inline:
            parts.append(read_also(inline[number]))
        if ad is not None and number == ad[0]:
            parts.append(ad[1])
    return "\n".join(parts)


def comments_for(site: SiteData, article_index: int) -> list[dict[str, str]]:
    """One to three reader comments from the site's pool, chosen by the article's position."""
    pool = site["comments"]
    count = 1 + article_index % 3
    return [pool[(article_index * 2 + i) % len(pool)] for i in range(count)]


def excerpt(paragraph: str, words: int = 22) -> str:
    """
    >>> excerpt("واحد اثنان ثلاثة", 2)
    'واحد اثنان…'
    """
    parts = paragraph.split()
    return paragraph if len(parts) <= words else " ".join(parts[:words]) + "…"


def image_paths(articles: Sequence[ArticleData]) -> set[str]:
    return {a["image"]["path"] for a in articles if a.get("image")}


def tiny_png() -> bytes:
    """A valid 1×1 grey PNG, served for every lead image.

    >>> tiny_png()[:8] == b"\\x89PNG\\r\\n\\x1a\\n"
    True
    """

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    pixels = zlib.compress(b"\x00\x80")
    signature = b"\x89PNG\r\n\x1a\n"
    return signature + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def image_reply(request: ServedRequest, known: set[str]) -> Reply:
    path, _ = split_target(request.path)
    if path in known:
        return Reply(200, tiny_png(), content_type="image/png")
    return not_found(request)


def content_reply(
    site: SiteData, articles: Sequence[ArticleData], path: str, base: str, article_page: ArticlePage
) -> Reply | None:
    """The article or information page at decoded `path`, served alike on every site; else None."""
    by_path = {a["path"]: i for i, a in enumerate(articles)}
    if path in by_path:
        return html_reply(article_page(site, articles, by_path[path], base))
    pages = {p["path"]: p for p in site["pages"]}
    if path in pages:
        return html_reply(static_page(site["name"], pages[path]["title"], pages[path]["text"]))
    return None


def static_page(site_name: str, title: str, text: str) -> str:
    """A plain information page (about, contact, privacy): not an article, no date, no byline."""
    return (
        f'<!DOCTYPE html>\n<html lang="ar" dir="rtl"><head><meta charset="utf-8">'
        f"<title>{esc(title)} - {esc(site_name)}</title></head><body>"
        f'<header><a href="/">{esc(site_name)}</a></header>'
        f'<main class="page"><h1>{esc(title)}</h1><p>{esc(text)}</p></main>'
        f"<footer><p>جميع الحقوق محفوظة © 2024 {esc(site_name)}</p></footer></body></html>"
    )
