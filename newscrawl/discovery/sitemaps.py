"""Sitemaps: url sets, sitemap indexes and Google News sitemaps, parsed safely.

Scrapy's own sitemap parser drops the `news:` fields; here they become the article's `hints`
(`published_at`, `title`, `tags`), which also let `since` skip old articles without a fetch.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote, urlsplit

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
# What an index's child lists, when its file name says nothing else: taxonomy terms, users,
# static pages. WordPress core (wp-sitemap-taxonomies-category-1.xml, wp-sitemap-users-1.xml,
# wp-sitemap-posts-page-1.xml), Yoast / Rank Math (category-sitemap.xml, post_tag-sitemap.xml,
# author-sitemap.xml, page-sitemap.xml), hand-made ones (sitemap-tags.xml). A name with another
# word besides (sitemap-category-sport.xml) may list a section's articles: it is read.
ARCHIVE_SITEMAP_WORDS = frozenset(
    {"taxonomies", "taxonomy", "category", "categories", "cat", "tag", "tags", "author",
     "authors", "user", "users", "label", "labels", "topic", "topics", "term", "terms", "page",
     "pages"}
)  # fmt: skip
_SITEMAP_NAME_FILLERS = frozenset({"wp", "sitemap", "sitemaps", "xml", "gz", "post", "posts"})
_WP_CORE_ARCHIVES = ({"wp", "taxonomies"}, {"wp", "users"})  # any taxonomy, any user
_NAME_WORDS = re.compile(r"[a-z]+")


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


def _entry_language(url_element: etree._Element, loc: str) -> str | None:
    """The language hreflang alternates give `loc`: the one whose href is `loc` itself, else the
    one whose href is the edition root `loc` lies under ("/en/" for "/en/news/3")."""
    best, best_length = None, 0
    for child in url_element:
        if local_name(child) != "link" or (child.get("rel") or "").lower() != "alternate":
            continue
        href, lang = (child.get("href") or "").strip(), (child.get("hreflang") or "").strip()
        code = lang.split("-")[0].lower()
        if not href or not code.isalpha():
            continue
        if href == loc:
            return code
        root = href if href.endswith("/") else href + "/"
        if urlsplit(root).path != "/" and loc.startswith(root) and len(root) > best_length:
            best, best_length = code, len(root)
    return best


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
    >>> editions = b'''<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
    ...   xmlns:xhtml="http://www.w3.org/1999/xhtml"><url><loc>https://x.com/en/news/3</loc>
    ...   <xhtml:link rel="alternate" hreflang="ar" href="https://x.com/ar/"/>
    ...   <xhtml:link rel="alternate" hreflang="en-GB" href="https://x.com/en/"/></url></urlset>'''
    >>> parse_sitemap(editions).entries[0].hints
    {'language': 'en'}
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
        language = _entry_language(element, loc) if kind == "urlset" else None
        if language:
            hints["language"] = language
        entries.append(SitemapEntry(loc, _child_text(element, "lastmod"), hints))
        if len(entries) >= MAX_ENTRIES:
            break
    return Sitemap(kind, entries)


def lists_archives(url: str) -> bool:
    """Whether a child sitemap, by its name, lists archives or static pages rather than articles.

    >>> [lists_archives("https://x.com/" + name) for name in (
    ...     "wp-sitemap-taxonomies-category-1.xml", "wp-sitemap-users-1.xml",
    ...     "wp-sitemap-posts-page-1.xml", "post_tag-sitemap.xml",
    ...     "page-sitemap.xml", "wp-sitemap-posts-post-1.xml", "post-sitemap2.xml",
    ...     "news-sitemap.xml", "sitemap.xml?page=2", "sitemap-2024-05.xml",
    ...     "sitemap-category-sport.xml", "wp-sitemap-taxonomies-product_cat-1.xml")]
    [True, True, True, True, True, False, False, False, False, False, False, True]
    """
    name = unquote(urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1]).lower()
    words = set(_NAME_WORDS.findall(name))
    if any(core <= words for core in _WP_CORE_ARCHIVES):
        return True
    rest = words - _SITEMAP_NAME_FILLERS
    return bool(rest) and rest <= ARCHIVE_SITEMAP_WORDS
