"""Sitemaps: url sets, sitemap indexes and Google News sitemaps, parsed safely.

Scrapy's own sitemap parser drops the `news:` fields; here they become the article's `hints`
(`published_at`, `title`, `tags`), which also let `since` skip old articles without a fetch.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from newscrawl.discovery.safexml import XmlRejected, local_name, parse_xml

# Usual locations, probed in order only while none has worked (no spraying of guesses).
USUAL_SITEMAP_PATHS = (
    "/sitemap.xml",
    "/sitemap_index.xml",
    "/news-sitemap.xml",
    "/sitemap-news.xml",
)
MAX_ENTRIES = 50_000  # the sitemap protocol's own limit per file


@dataclass(frozen=True)
class SitemapEntry:
    """One `<url>` (or `<sitemap>` of an index) with its dates and news hints."""

    loc: str
    lastmod: str | None = None
    hints: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Sitemap:
    """A parsed sitemap: `kind` is "urlset" or "sitemapindex"."""

    kind: str
    entries: list[SitemapEntry]


def _child_text(element: etree._Element, name: str) -> str | None:
    for child in element:
        if local_name(child) == name:
            text = "".join(child.itertext()).strip()
            return text or None
    return None


def _news_hints(url_element: etree._Element) -> dict[str, Any]:
    for child in url_element:
        if local_name(child) != "news":
            continue
        hints: dict[str, Any] = {}
        published = _child_text(child, "publication_date")
        title = _child_text(child, "title")
        keywords = _child_text(child, "keywords")
        if published:
            hints["published_at"] = published
        if title:
            hints["title"] = title
        if keywords:
            hints["tags"] = [k.strip() for k in keywords.split(",") if k.strip()]
        return hints
    return {}


def parse_sitemap(body: bytes) -> Sitemap:
    """Parse a (decompressed) sitemap; `XmlRejected` when it is not one.

    >>> doc = '''<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
    ...   xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
    ...   <url><loc> https://x.com/a/1 </loc><lastmod>2024-05-01</lastmod>
    ...   <news:news><news:publication_date>2024-05-01T08:00:00+03:00</news:publication_date>
    ...   <news:title>عنوان الخبر</news:title><news:keywords>اقتصاد, نفط</news:keywords>
    ...   </news:news></url><url><loc></loc></url></urlset>'''.encode()
    >>> site = parse_sitemap(doc)
    >>> site.kind, site.entries[0].loc, site.entries[0].lastmod
    ('urlset', 'https://x.com/a/1', '2024-05-01')
    >>> site.entries[0].hints["tags"], len(site.entries)
    (['اقتصاد', 'نفط'], 1)
    >>> parse_sitemap(b"<html><body>no</body></html>")
    Traceback (most recent call last):
    ...
    newscrawl.discovery.safexml.XmlRejected: not_sitemap
    """
    root = parse_xml(body)
    kind = local_name(root)
    if kind not in ("urlset", "sitemapindex"):
        raise XmlRejected("not_sitemap")
    child_name = "url" if kind == "urlset" else "sitemap"
    entries: list[SitemapEntry] = []
    for element in root:
        if local_name(element) != child_name:
            continue
        loc = _child_text(element, "loc")
        if not loc:
            continue
        hints = _news_hints(element) if kind == "urlset" else {}
        entries.append(SitemapEntry(loc, _child_text(element, "lastmod"), hints))
        if len(entries) >= MAX_ENTRIES:
            break
    return Sitemap(kind, entries)
