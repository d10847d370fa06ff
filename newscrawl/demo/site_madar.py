"""المدار as a site: home, section and tag listings paged with `?page=N`, robots and sitemaps.

robots.txt names a sitemap index that points to a Google News sitemap (latest articles) and a
plain sitemap of every article.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime
from urllib.parse import parse_qs

from newscrawl.demo.listings import find_listing
from newscrawl.demo.render import (
    ArticleData,
    SiteData,
    content_reply,
    esc,
    html_reply,
    image_paths,
    image_reply,
    newest_first,
    request_base,
    split_target,
    text_reply,
)
from newscrawl.demo.server import Reply, ServedRequest, not_found
from newscrawl.demo.templates_madar import LISTINGS, LOGO_PATH, article_page, listing_page

NEWS_SITEMAP_SIZE = 10
_LISTING = re.compile(r"^(?:/|/section/[a-z-]+|/tags/[^/]+)$")
_XML = "application/xml; charset=utf-8"
_XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'
_SITEMAP_NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
_NEWS_NS = 'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"'


def _lastmod(article: ArticleData) -> str:
    return article["modified_at"] or article["published_at"]


def sitemap_index(articles: Sequence[ArticleData], base: str) -> str:
    latest = max((_lastmod(a) for a in articles), key=datetime.fromisoformat)
    entries = "".join(
        f"<sitemap><loc>{base}/{name}</loc><lastmod>{latest}</lastmod></sitemap>"
        for name in ("sitemap-news.xml", "sitemap-articles.xml")
    )
    return f"{_XML_DECLARATION}<sitemapindex {_SITEMAP_NS}>{entries}</sitemapindex>\n"


def news_sitemap(site: SiteData, articles: Sequence[ArticleData], base: str) -> str:
    urls = []
    for a in newest_first(articles)[:NEWS_SITEMAP_SIZE]:
        keywords = (
            f"<news:keywords>{esc(', '.join(a['tags']))}</news:keywords>" if a["tags"] else ""
        )
        urls.append(
            f"<url><loc>{base}{a['path']}</loc><news:news><news:publication>"
            f"<news:name>{esc(site['name'])}</news:name><news:language>ar</news:language>"
            f"</news:publication><news:publication_date>{a['published_at']}"
            f"</news:publication_date><news:title>{esc(a['title'])}</news:title>{keywords}"
            "</news:news></url>"
        )
    body = "\n".join(urls)
    return f"{_XML_DECLARATION}<urlset {_SITEMAP_NS} {_NEWS_NS}>\n{body}\n</urlset>\n"


def articles_sitemap(articles: Sequence[ArticleData], base: str) -> str:
    body = "\n".join(
        f"<url><loc>{base}{a['path']}</loc><lastmod>{_lastmod(a)}</lastmod></url>"
        for a in newest_first(articles)
    )
    return f"{_XML_DECLARATION}<urlset {_SITEMAP_NS}>\n{body}\n</urlset>\n"


def robots(base: str) -> str:
    return f"User-agent: *\nDisallow: /search\nDisallow: /api/\n\nSitemap: {base}/sitemap.xml\n"


def _page_number(query: str) -> int:
    """
    >>> _page_number("page=3"), _page_number(""), _page_number("page=x")
    (3, 1, 0)
    """
    value = parse_qs(query).get("page", ["1"])[0]
    return int(value) if value.isdigit() else 0


def route(site: SiteData, articles: Sequence[ArticleData], request: ServedRequest) -> Reply:
    path, query = split_target(request.path)
    base = request_base(request)
    content = content_reply(site, articles, path, base, article_page)
    if content is not None:
        return content
    feeds = {
        "/robots.txt": lambda: text_reply(robots(base), "text/plain; charset=utf-8"),
        "/sitemap.xml": lambda: text_reply(sitemap_index(articles, base), _XML),
        "/sitemap-news.xml": lambda: text_reply(news_sitemap(site, articles, base), _XML),
        "/sitemap-articles.xml": lambda: text_reply(articles_sitemap(articles, base), _XML),
    }
    if path in feeds:
        return feeds[path]()
    if path.startswith(("/media/", "/static/img/")):
        return image_reply(request, image_paths(articles) | {LOGO_PATH})
    if _LISTING.match(path):
        page = _page_number(query)
        listing = find_listing(LISTINGS, site, articles, path, page) if page else None
        if listing is not None:
            return html_reply(listing_page(site, articles, listing, base))
    return not_found(request)
