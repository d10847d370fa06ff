"""RSS 2.0 and Atom feeds: where to find them and what they list.

Each entry keeps its title, date and categories as `hints` for the article it points to.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from lxml import etree
from parsel import Selector

from newscrawl.discovery.safexml import XmlRejected, local_name, parse_xml

COMMON_FEED_PATHS = ("/feed/", "/rss", "/rss.xml")
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/feed+xml")
MAX_ENTRIES = 5_000


@dataclass(frozen=True)
class FeedEntry:
    """One feed item: the article link and its hints."""

    link: str
    hints: dict[str, Any] = field(default_factory=dict)


def feed_links(selector: Selector) -> list[str]:
    """`<link rel="alternate">` feed URLs declared by an HTML page (unresolved hrefs).

    >>> page = Selector(text='<head><link rel="alternate" type="application/rss+xml" '
    ...     'href="/rss.xml"><link rel="alternate" hreflang="en" href="/en/"></head>')
    >>> feed_links(page)
    ['/rss.xml']
    """
    links = []
    for link in selector.xpath("//link[@href]"):
        rel = (link.attrib.get("rel") or "").lower().split()
        kind = (link.attrib.get("type") or "").lower().split(";")[0].strip()
        if "alternate" in rel and kind in FEED_TYPES:
            links.append(link.attrib["href"].strip())
    return links


def _text(element: etree._Element, name: str) -> str | None:
    for child in element:
        if local_name(child) == name:
            text = "".join(child.itertext()).strip()
            return text or None
    return None


def _atom_link(entry: etree._Element) -> str | None:
    fallback = None
    for child in entry:
        if local_name(child) != "link" or not child.get("href"):
            continue
        rel = child.get("rel", "alternate")
        if rel == "alternate":
            return str(child.get("href")).strip()
        fallback = fallback or str(child.get("href")).strip()
    return fallback


def _hints(title: str | None, published: str | None, tags: list[str]) -> dict[str, Any]:
    hints: dict[str, Any] = {}
    if published:
        hints["published_at"] = published
    if title:
        hints["title"] = title
    if tags:
        hints["tags"] = tags
    return hints


def _rss_entry(item: etree._Element) -> FeedEntry | None:
    link = _text(item, "link")
    if not link:
        guid = _text(item, "guid")
        link = guid if guid and guid.startswith(("http://", "https://")) else None
    if not link:
        return None
    tags = ["".join(c.itertext()).strip() for c in item if local_name(c) == "category"]
    return FeedEntry(
        link, _hints(_text(item, "title"), _text(item, "pubDate"), [t for t in tags if t])
    )


def _atom_entry(entry: etree._Element) -> FeedEntry | None:
    link = _atom_link(entry)
    if not link:
        return None
    tags = [c.get("term", "").strip() for c in entry if local_name(c) == "category"]
    published = _text(entry, "published") or _text(entry, "updated")
    return FeedEntry(link, _hints(_text(entry, "title"), published, [t for t in tags if t]))


def parse_feed(body: bytes) -> list[FeedEntry]:
    """Entries of an RSS 2.0 or Atom feed; `XmlRejected` when it is neither.

    >>> rss = '''<rss version="2.0"><channel><title>موقع</title>
    ... <item><title>خبر أول</title><link>https://x.com/n/1</link>
    ... <pubDate>Wed, 01 May 2024 08:00:00 +0300</pubDate><category>سياسة</category></item>
    ... <item><title>بلا رابط</title></item></channel></rss>'''.encode()
    >>> [(e.link, e.hints["tags"]) for e in parse_feed(rss)]
    [('https://x.com/n/1', ['سياسة'])]
    >>> atom = b'''<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>t</title>
    ... <link rel="alternate" href="https://x.com/n/2"/><updated>2024-05-02T10:00:00Z</updated>
    ... </entry></feed>'''
    >>> [(e.link, e.hints["published_at"]) for e in parse_feed(atom)]
    [('https://x.com/n/2', '2024-05-02T10:00:00Z')]
    """
    root = parse_xml(body)
    kind = local_name(root)
    if kind == "rss" or kind == "RDF":
        items = [e for e in root.iter() if local_name(e) == "item"]
        parsed = [_rss_entry(item) for item in items[:MAX_ENTRIES]]
    elif kind == "feed":
        entries = [e for e in root if local_name(e) == "entry"]
        parsed = [_atom_entry(entry) for entry in entries[:MAX_ENTRIES]]
    else:
        raise XmlRejected("not_feed")
    return [entry for entry in parsed if entry is not None]
