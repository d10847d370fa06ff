"""الواحة بريس as a site: home, category and tag listings with WordPress paging, RSS feed, robots.

Listings are newest first. Like WordPress, `…/page/1/` and article paths without their trailing
slash answer with a 301 to the proper address.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, datetime
from email.utils import format_datetime
from urllib.parse import quote

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
    redirect,
    request_base,
    split_target,
    static_page,
    text_reply,
)
from newscrawl.demo.server import Reply, ServedRequest, not_found
from newscrawl.demo.templates_waha import LISTINGS, article_page, footer, head, header, sidebar

FEED_SIZE = 10
_LISTING = re.compile(r"^(?P<root>/|/category/[a-z-]+/|/tag/[^/]+/)(?:page/(?P<page>\d+)/)?$")
_ROBOTS = "User-agent: *\nDisallow: /wp-admin/\nAllow: /wp-admin/admin-ajax.php\n"


def listing_page(
    site: SiteData, articles: Sequence[ArticleData], root: str, page: int, base: str
) -> str | None:
    """Home, category or tag listing page `page` (1-based), newest first; None past the end."""
    listing = find_listing(LISTINGS, site, articles, root, page)
    if listing is None:
        return None
    blocks = "".join(
        '<div class="td_module_10 td_module_wrap td-animation-stack">'
        f'<h3 class="entry-title td-module-title"><a href="{a["path"]}" rel="bookmark">'
        f'{esc(a["title"])}</a></h3><span class="td-post-date">{esc(a["display_date"])}</span>'
        f'<div class="td-excerpt">{esc(excerpt(a["paragraphs"][0]))}</div></div>\n'
        for a in listing.articles
    )
    nav, rel = [], ""
    if listing.prev:
        nav.append(f'<a href="{listing.prev}" rel="prev">الصفحة السابقة</a>')
        rel += f'<link rel="prev" href="{base}{listing.prev}">\n'
    if listing.next:
        nav.append(f'<a href="{listing.next}" rel="next">الصفحة التالية</a>')
        rel += f'<link rel="next" href="{base}{listing.next}">\n'
    return (
        head(site, base, f"{listing.title} - {site['name']}", listing.here, rel)
        + '<body class="archive category">\n'
        + header(site)
        + '<div class="td-container"><main id="main" class="site-main td-category-grid">'
        + f'<h1 class="entry-title td-page-title">{esc(listing.title)}</h1>\n{blocks}'
        + f'<div class="page-nav td-pb-padding-side">{" ".join(nav)}'
        + f'<span class="pages">الصفحة {listing.page} من {listing.pages}</span></div></main>\n'
        + sidebar(site, articles, None)
        + "</div>\n"
        + footer(site)
    )


def feed(site: SiteData, articles: Sequence[ArticleData], base: str) -> str:
    """RSS 2.0 of the latest articles; WordPress writes pubDate in UTC."""
    items = []
    for a in newest_first(articles)[:FEED_SIZE]:
        when = format_datetime(datetime.fromisoformat(a["published_at"]).astimezone(UTC))
        creator = "".join(f"<dc:creator><![CDATA[{n}]]></dc:creator>" for n in a["authors"])
        categories = "".join(f"<category><![CDATA[{t}]]></category>" for t in a["tags"])
        items.append(
            f"<item><title>{esc(a['title'])}</title><link>{base}{a['path']}</link>"
            f"<pubDate>{when}</pubDate>{creator}"
            f"<category><![CDATA[{a['section']}]]></category>{categories}"
            f'<guid isPermaLink="false">{base}/?p={1000 + articles.index(a)}</guid>'
            f"<description><![CDATA[{excerpt(a['paragraphs'][0])}]]></description></item>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">'
        f"<channel><title>{esc(site['name'])}</title><link>{base}/</link>"
        f'<atom:link href="{base}/feed/" rel="self" type="application/rss+xml"/>'
        "<description>أخبار المغرب والعالم</description><language>ar</language>"
        + "\n".join(items)
        + "</channel></rss>\n"
    )


def route(site: SiteData, articles: Sequence[ArticleData], request: ServedRequest) -> Reply:
    path, _ = split_target(request.path)
    base = request_base(request)
    by_path = {a["path"]: i for i, a in enumerate(articles)}
    if path in by_path:
        return html_reply(article_page(site, articles, by_path[path], base))
    if path + "/" in by_path:  # WordPress adds the missing trailing slash
        return redirect(base + quote(path) + "/")
    if path == "/feed/":
        return text_reply(feed(site, articles, base), "application/rss+xml; charset=UTF-8")
    if path == "/robots.txt":
        return text_reply(_ROBOTS, "text/plain; charset=utf-8")
    pages = {p["path"]: p for p in site["pages"]}
    if path in pages:
        return html_reply(static_page(site["name"], pages[path]["title"], pages[path]["text"]))
    if path.startswith("/wp-content/uploads/"):
        return image_reply(request, image_paths(articles))
    match = _LISTING.match(path)
    if match:
        page = int(match["page"] or 1)
        if match["page"] and page == 1:
            return redirect(base + quote(match["root"]))
        listing = listing_page(site, articles, match["root"], page, base) if page else None
        if listing is not None:
            return html_reply(listing)
    return not_found(request)
