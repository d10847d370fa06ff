"""الواحة بريس as a site: home, category and tag listings with WordPress paging, RSS feed, robots.

Listings are newest first. Like WordPress, `…/page/1/` and article paths without their trailing
slash answer with a 301 to the proper address.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, datetime
from email.utils import format_datetime
from urllib.parse import quote, unquote

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
    redirect,
    request_base,
    split_target,
    static_page,
    text_reply,
)
from newscrawl.demo.server import Reply, ServedRequest, not_found
from newscrawl.demo.templates_waha import article_page, footer, head, header, sidebar

PAGE_SIZE = 3
HOME_SIZE = 8
FEED_SIZE = 10
_LISTING = re.compile(r"^(?P<root>/|/category/[a-z-]+/|/tag/[^/]+/)(?:page/(?P<page>\d+)/)?$")
_ROBOTS = "User-agent: *\nDisallow: /wp-admin/\nAllow: /wp-admin/admin-ajax.php\n"


def listing_page(
    site: SiteData, articles: Sequence[ArticleData], root: str, page: int, base: str
) -> str | None:
    """Home, category or tag listing page `page` (1-based), newest first; None past the end."""
    members = newest_first(_listing_members(site, articles, root))
    size = HOME_SIZE if root == "/" else PAGE_SIZE
    chunk = page_slice(members, page, size) if members else None
    if chunk is None:
        return None
    pages = page_count(len(members), size)
    root = quote(root)
    here = root if page == 1 else f"{root}page/{page}/"
    blocks = "".join(
        '<div class="td_module_10 td_module_wrap td-animation-stack">'
        f'<h3 class="entry-title td-module-title"><a href="{a["path"]}" rel="bookmark">'
        f'{esc(a["title"])}</a></h3><span class="td-post-date">{esc(a["display_date"])}</span>'
        f'<div class="td-excerpt">{esc(excerpt(a["paragraphs"][0]))}</div></div>\n'
        for a in chunk
    )
    nav, rel = [], ""
    if page > 1:
        prev = root if page == 2 else f"{root}page/{page - 1}/"
        nav.append(f'<a href="{prev}" rel="prev">الصفحة السابقة</a>')
        rel += f'<link rel="prev" href="{base}{prev}">\n'
    if page < pages:
        nav.append(f'<a href="{root}page/{page + 1}/" rel="next">الصفحة التالية</a>')
        rel += f'<link rel="next" href="{base}{root}page/{page + 1}/">\n'
    title = _listing_title(site, unquote(root))
    return (
        head(site, base, f"{title} - {site['name']}", here, rel)
        + '<body class="archive category">\n'
        + header(site)
        + '<div class="td-container"><main id="main" class="site-main td-category-grid">'
        + f'<h1 class="entry-title td-page-title">{esc(title)}</h1>\n{blocks}'
        + f'<div class="page-nav td-pb-padding-side">{" ".join(nav)}'
        + f'<span class="pages">الصفحة {page} من {pages}</span></div></main>\n'
        + sidebar(site, articles, None)
        + "</div>\n"
        + footer(site)
    )


def _listing_members(
    site: SiteData, articles: Sequence[ArticleData], root: str
) -> list[ArticleData]:
    if root == "/":
        return list(articles)
    kind, key = root.strip("/").split("/")
    if kind == "tag":
        return [a for a in articles if key in a["tags"]]
    name = next((s["name"] for s in site["sections"] if s["slug"] == key), None)
    return [a for a in articles if a["section"] == name]


def _listing_title(site: SiteData, root: str) -> str:
    if root == "/":
        return "آخر الأخبار"
    kind, key = root.strip("/").split("/")
    if kind == "tag":
        return f"الوسم: {key}"
    return next(s["name"] for s in site["sections"] if s["slug"] == key)


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
