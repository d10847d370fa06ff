"""المدار as a site: home, section and tag listings paged with `?page=N`, robots and sitemaps.

robots.txt names a sitemap index that points to a Google News sitemap (latest articles) and a
plain sitemap of every article.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime
from urllib.parse import parse_qs, quote

from newscrawl.demo.render import (
    ArticleData,
    SiteData,
    esc,
    excerpt,
    html_reply,
    image_paths,
    image_reply,
    newest_first,
    page_count,
    page_slice,
    request_base,
    split_target,
    static_page,
    text_reply,
)
from newscrawl.demo.server import Reply, ServedRequest, not_found
from newscrawl.demo.templates_madar import LOGO_PATH, article_page, footer, head, header, sidebar

PAGE_SIZE = 4
HOME_SIZE = 10
NEWS_SITEMAP_SIZE = 10
_LISTING = re.compile(r"^(?:/|/section/[a-z-]+|/tags/[^/]+)$")
_XML = "application/xml; charset=utf-8"
_XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'
_SITEMAP_NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
_NEWS_NS = 'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"'


def _members(site: SiteData, articles: Sequence[ArticleData], path: str) -> list[ArticleData]:
    if path == "/":
        return list(articles)
    kind, key = path.strip("/").split("/")
    if kind == "tags":
        return [a for a in articles if key in a["tags"]]
    name = next((s["name"] for s in site["sections"] if s["slug"] == key), None)
    return [a for a in articles if a["section"] == name]


def _title(site: SiteData, path: str) -> str:
    if path == "/":
        return "آخر الأخبار"
    kind, key = path.strip("/").split("/")
    if kind == "tags":
        return f"موضوع: {key}"
    return next(s["name"] for s in site["sections"] if s["slug"] == key)


def listing_page(
    site: SiteData, articles: Sequence[ArticleData], path: str, page: int, base: str
) -> str | None:
    """Home, section or tag listing `page` (1-based), newest first; None when it does not exist."""
    members = newest_first(_members(site, articles, path))
    size = HOME_SIZE if path == "/" else PAGE_SIZE
    chunk = page_slice(members, page, size) if members else None
    if chunk is None:
        return None
    pages = page_count(len(members), size)
    link = quote(path)
    cards = "".join(
        f'<article class="card" data-article-id="{a["path"].rsplit("/", 1)[1].split("-")[0]}">'
        f'<h2 class="card-title"><a href="{base}{a["path"]}">{esc(a["title"])}</a></h2>'
        f'<time datetime="{a["published_at"]}">{esc(a["display_date"])}</time>'
        f'<p class="card-summary">{esc(excerpt(a["paragraphs"][0]))}</p></article>\n'
        for a in chunk
    )
    nav, rel = [], ""
    if page > 1:
        prev = link if page == 2 else f"{link}?page={page - 1}"
        nav.append(f'<a class="prev" href="{prev}" rel="prev">الصفحة السابقة</a>')
    if page < pages:
        nav.append(f'<a class="next" href="{link}?page={page + 1}" rel="next">الصفحة التالية</a>')
        rel = f'<link rel="next" href="{base}{link}?page={page + 1}">\n'
    here = link if page == 1 else f"{link}?page={page}"
    title = _title(site, path)
    return (
        head(site, base, title, here, rel)
        + f'<body class="page-listing" data-page-type="listing">\n{header(site)}'
        + f'<main class="layout"><section class="listing"><h1>{esc(title)}</h1>\n{cards}'
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
