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

from newscrawl.demo.listings import find_listing
from newscrawl.demo.render import (
    ArticleData,
    SiteData,
    content_reply,
    esc,
    excerpt,
    html_reply,
    image_paths,
    image_reply,
    newest_first,
    redirect,
    request_base,
    split_target,
    text_reply,
)
from newscrawl.demo.server import Reply, ServedRequest, not_found
from newscrawl.demo.templates_waha import LISTINGS, article_page, listing_page

FEED_SIZE = 10
_LISTING = re.compile(r"^(?P<root>/|/category/[a-z-]+/|/tag/[^/]+/)(?:page/(?P<page>\d+)/)?$")
_ROBOTS = "User-agent: *\nDisallow: /wp-admin/\nAllow: /wp-admin/admin-ajax.php\n"


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
    content = content_reply(site, articles, path, base, article_page)
    if content is not None:
        return content
    if any(a["path"] == path + "/" for a in articles):  # WordPress adds the missing trailing slash
        return redirect(base + quote(path) + "/")
    if path == "/feed/":
        return text_reply(feed(site, articles, base), "application/rss+xml; charset=UTF-8")
    if path == "/robots.txt":
        return text_reply(_ROBOTS, "text/plain; charset=utf-8")
    if path.startswith("/wp-content/uploads/"):
        return image_reply(request, image_paths(articles))
    match = _LISTING.match(path)
    if match:
        page = int(match["page"] or 1)
        if match["page"] and page == 1:
            return redirect(base + quote(match["root"]))
        listing = find_listing(LISTINGS, site, articles, match["root"], page) if page else None
        if listing is not None:
            return html_reply(listing_page(site, articles, listing, base))
    return not_found(request)
