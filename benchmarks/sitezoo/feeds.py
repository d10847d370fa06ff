"""RSS, Atom, sitemaps and robots.txt as the families serve them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from html import escape
from urllib.parse import quote

from benchmarks.sitezoo import clock
from benchmarks.sitezoo.model import Page

SITEMAP_NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
NEWS_NS = 'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"'
XHTML_NS = 'xmlns:xhtml="http://www.w3.org/1999/xhtml"'


@dataclass(frozen=True)
class FeedItem:
    title: str
    link: str
    published: datetime
    guid: str = ""
    guid_is_permalink: bool = True
    description: str = ""
    category: str = ""
    image: str = ""


def rss(title: str, base: str, items: Sequence[FeedItem], *, utc: bool = False,
        encoding: str = "utf-8") -> Page:  # fmt: skip
    """An RSS 2.0 channel; `utc` prints pubDate in +0000 as WordPress does."""
    entries = []
    for item in items:
        guid = item.guid or item.link
        permalink = "true" if item.guid_is_permalink else "false"
        enclosure = f'<enclosure url="{item.image}" type="image/jpeg"/>' if item.image else ""
        entries.append(
            f"<item><title>{escape(item.title)}</title><link>{escape(item.link)}</link>"
            f'<guid isPermaLink="{permalink}">{escape(guid)}</guid>'
            f"<pubDate>{clock.rfc822(item.published, utc=utc)}</pubDate>"
            f"<category>{escape(item.category)}</category>"
            f"<description>{escape(item.description)}</description>{enclosure}</item>"
        )
    body = (
        f'<?xml version="1.0" encoding="{encoding}"?><rss version="2.0"><channel>'
        f"<title>{escape(title)}</title><link>{base}/</link><language>ar</language>"
        f"{''.join(entries)}</channel></rss>"
    )
    return Page(body.encode(encoding, errors="xmlcharrefreplace"), "feed",
                f"application/rss+xml; charset={encoding}")  # fmt: skip


def atom(title: str, base: str, items: Sequence[FeedItem], author: str) -> Page:
    """An Atom feed the way Blogger writes it (published/updated with the blog's offset)."""
    entries = "".join(
        f"<entry><id>{escape(i.guid or i.link)}</id><published>{clock.iso(i.published)}"
        f"</published><updated>{clock.iso(i.published)}</updated>"
        f'<category scheme="http://www.blogger.com/atom/ns#" term="{escape(i.category)}"/>'
        f"<title type='text'>{escape(i.title)}</title>"
        f"<summary type='text'>{escape(i.description)}</summary>"
        f"<link rel='alternate' type='text/html' href='{escape(i.link)}' "
        f"title='{escape(i.title)}'/>"
        f"<author><name>{escape(author)}</name></author></entry>"
        for i in items
    )
    body = (
        "<?xml version='1.0' encoding='UTF-8'?><feed xmlns='http://www.w3.org/2005/Atom'>"
        f"<title type='text'>{escape(title)}</title>"
        f"<link rel='alternate' type='text/html' href='{base}/'/>{entries}</feed>"
    )
    return Page(body.encode(), "feed", "application/atom+xml; charset=UTF-8")


def urlset(entries: Sequence[tuple[str, datetime | None]], *, utc: bool = False) -> Page:
    """A plain sitemap; `lastmod` in the site's offset (or converted to UTC)."""
    rows = []
    for loc, lastmod in entries:
        when = ""
        if lastmod is not None:
            when = f"<lastmod>{clock.iso_utc(lastmod) if utc else clock.iso(lastmod)}</lastmod>"
        rows.append(f"<url><loc>{escape(loc)}</loc>{when}</url>")
    body = f'<?xml version="1.0" encoding="UTF-8"?><urlset {SITEMAP_NS}>{"".join(rows)}</urlset>'
    return Page(body.encode(), "sitemap", "application/xml")


def hreflang_urlset(entries: Sequence[tuple[str, datetime, dict[str, str]]]) -> Page:
    """A sitemap whose entries name their other-language versions."""
    rows = "".join(
        f"<url><loc>{escape(loc)}</loc><lastmod>{clock.iso(lastmod)}</lastmod>"
        + "".join(
            f'<xhtml:link rel="alternate" hreflang="{lang}" href="{escape(href)}"/>'
            for lang, href in alternates.items()
        )
        + "</url>"
        for loc, lastmod, alternates in entries
    )
    body = f'<?xml version="1.0" encoding="UTF-8"?><urlset {SITEMAP_NS} {XHTML_NS}>{rows}</urlset>'
    return Page(body.encode(), "sitemap", "application/xml")


def news_urlset(entries: Sequence[tuple[str, str, datetime, Sequence[str]]], name: str,
                language: str = "ar") -> Page:  # fmt: skip
    """A Google News sitemap: (loc, title, publication date, keywords)."""
    rows = "".join(
        f"<url><loc>{escape(loc)}</loc><news:news><news:publication><news:name>{escape(name)}"
        f"</news:name><news:language>{language}</news:language></news:publication>"
        f"<news:publication_date>{clock.iso(when)}</news:publication_date>"
        f"<news:title>{escape(title)}</news:title>"
        f"<news:keywords>{escape(', '.join(keywords))}</news:keywords></news:news></url>"
        for loc, title, when, keywords in entries
    )
    body = f'<?xml version="1.0" encoding="UTF-8"?><urlset {SITEMAP_NS} {NEWS_NS}>{rows}</urlset>'
    return Page(body.encode(), "sitemap", "application/xml")


def sitemap_index(locs: Sequence[str], lastmods: Sequence[datetime] = ()) -> Page:
    """An index; Yoast and most plugins give each child a lastmod, WordPress core does not."""
    stamps = [f"<lastmod>{clock.iso(m)}</lastmod>" for m in lastmods] or [""] * len(locs)
    rows = "".join(
        f"<sitemap><loc>{escape(loc)}</loc>{stamp}</sitemap>"
        for loc, stamp in zip(locs, stamps, strict=True)
    )
    body = f'<?xml version="1.0" encoding="UTF-8"?><sitemapindex {SITEMAP_NS}>{rows}</sitemapindex>'
    return Page(body.encode(), "sitemap", "application/xml")


def robots(base: str, sitemaps: Sequence[str] = (), disallow: Sequence[str] = ()) -> Page:
    lines = ["User-agent: *", *(f"Disallow: {d}" for d in disallow), "Allow: /"]
    lines += [f"Sitemap: {base}{s}" for s in sitemaps]
    return Page(("\n".join(lines) + "\n").encode(), "robots", "text/plain")


def redirect(location: str) -> Page:
    """A 301 to `location`, percent-encoded as servers send it (a header is Latin-1 only)."""
    encoded = quote(location, safe=":/?#[]@!$&'()*+,;=%")
    return Page(b"", "redirect", status=301, headers={"Location": encoded})


def not_found() -> Page:
    body = b"<html><body><h1>404</h1><p>Not found</p></body></html>"
    return Page(body, "other", status=404)
