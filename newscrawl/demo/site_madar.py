"""المدار as a site: home, section and tag listings paged with `?page=N`, robots and sitemaps.

robots.txt names a sitemap index that points to a Google News sitemap (latest articles) and a
plain sitemap of every article.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime
from urllib.parse import parse_qs

from newscrawl.demo.listings import listing_page as find_listing
from newscrawl.demo.render import (
    ArticleData,
    SiteData,
    esc,
    excerpt,
    html_reply,
    image_paths,
    image_reply,
    newest_first,
    request_base,
    split_target,
    static_page,
    text_reply,
)
from newscrawl.demo.server import Reply, ServedRequest, not_found
from newscrawl.demo.templates_madar import (
    LISTINGS,
    LOGO_PATH,
    article_page,
    footer,
    head,
    header,
    sidebar,
)

NEWS_SITEMAP_SIZE = 10
_LISTING = re.compile(r"^(?:/|/section/[a-z-]+|/tags/[^/]+)$")
_XML = "application/xml; charset=utf-8"
_XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'
_SITEMAP_NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
_NEWS_NS = 'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"'


def listing_page(
    site: SiteData, articles: Sequence[ArticleData], path: str, page: int, base: str
) -> str | None:
    """Home, section or tag listing `page` (1-based), newest first; None when it does not exist."""
    listing = find_listing(LISTINGS, site, articles, path, page)
    if listing is None:
        return None
    cards = "".join(
        f'<article class="card" data-article-id="{a["path"].rsplit("/", 1)[1].split("-")[0]}">'
        f'<h2 class="card-title"><a href="{base}{a["path"]}">{esc(a["title"])}</a></h2>'
        f'<time datetime="{a["published_at"]}">{esc(a["display_date"])}</time>'
        f'<p class="card-summary">{esc(excerpt(a["paragraphs"][0]))}</p></article>\n'
        for a in listing.articles
    )
    nav, rel = [], ""
    if listing.prev:
        nav.append(f'<a class="prev" href="{listing.prev}" rel="prev">الصفحة السابقة</a>')
    if listing.next:
        nav.append(f'<a class="next" href="{listing.next}" rel="next">الصفحة التالية</a>')
        rel = f'<link rel="next" href="{base}{listing.next}">\n'
    return (
        head(site, base, listing.title, listing.here, rel)
        + f'<body class="page-listing" data-page-type="listing">\n{header(site)}'
        + f'<main class="layout"><section class="listing"><h1>{esc(listing.title)}</h1>\n{cards}'
        + f'<nav class="pagination">{" ".join(nav)}</nav></section>\n'
        + sidebar(articles, None, base)
        + "</main>\n"
        + footer(site)
    )


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
    by_path = {a["path"]: i for i, a in enumerate(articles)}
    if path in by_path:
        return html_reply(article_page(site, articles, by_path[path], base))
    feeds = {
        "/robots.txt": lambda: text_reply(robots(base), "text/plain; charset=utf-8"),
        "/sitemap.xml": lambda: text_reply(sitemap_index(articles, base), _XML),
        "/sitemap-news.xml": lambda: text_reply(news_sitemap(site, articles, base), _XML),
        "/sitemap-articles.xml": lambda: text_reply(articles_sitemap(articles, base), _XML),
    }
    if path in feeds:
        return feeds[path]()
    pages = {p["path"]: p for p in site["pages"]}
    if path in pages:
        return html_reply(static_page(site["name"], pages[path]["title"], pages[path]["text"]))
    if path.startswith(("/media/", "/static/img/")):
        return image_reply(request, image_paths(articles) | {LOGO_PATH})
    if _LISTING.match(path):
        page = _page_number(query)
        listing = listing_page(site, articles, path, page, base) if page else None
        if listing is not None:
            return html_reply(listing)
    return not_found(request)
