"""Downloader middleware: article URLs already emitted (or known aliases) are not fetched again.

Applies to every request except discovery documents (robots, sitemaps, feeds, home pages).

The check happens before the request is sent, so an incremental crawl of an unchanged site costs
no article fetches. A known article is let through only for a lastmod revisit: the request's hints
(from a sitemap or feed) carry a `modified_at`/`lastmod` newer than the one stored for it.
"""

from __future__ import annotations

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest

from newscrawl.discovery.requests import ENTRY_POINT_KINDS
from newscrawl.state.base import KnownArticle
from newscrawl.state.extension import StateExtension, state_of
from newscrawl.state.revisions import is_newer
from newscrawl.urls import stored_url

HINT_KEYS = ("modified_at", "lastmod")


def hinted_lastmod(hints: object) -> str | None:
    """The modification time a sitemap/feed hint gives for an article, if any.

    >>> hinted_lastmod({"lastmod": "2026-03-01T10:00:00Z", "title": "t"})
    '2026-03-01T10:00:00Z'
    >>> hinted_lastmod({"published_at": "2026-03-01"}) is None, hinted_lastmod(None) is None
    (True, True)
    """
    if not isinstance(hints, dict):
        return None
    for key in HINT_KEYS:
        value = hints.get(key)
        if isinstance(value, str) and value.strip():
            return value
    return None


def wants_revisit(known: KnownArticle, lastmod_hint: str | None) -> bool:
    """Whether a hint says the stored article has changed since it was emitted.

    >>> known = KnownArticle("https://a.example/1", "h", "2026-03-01T10:00:00+00:00", None)
    >>> wants_revisit(known, "2026-03-02T00:00:00Z"), wants_revisit(known, "2026-03-01T10:00:00Z")
    (True, False)
    >>> wants_revisit(known, None)
    False
    """
    return is_newer(lastmod_hint, known.lastmod or known.modified_at)


class KnownUrlsMiddleware:
    """Skips known article requests (`newscrawl/skipped/known_url`)."""

    def __init__(self, crawler: Crawler) -> None:
        assert crawler.stats is not None
        self.crawler = crawler
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> KnownUrlsMiddleware:
        return cls(crawler)

    @property
    def state(self) -> StateExtension:
        return state_of(self.crawler)

    def process_request(self, request: Request) -> None:
        meta = request.meta.get("newscrawl")
        # Entry points are how new articles are found; any other request (an article, or a link
        # followed as a listing) whose URL is a known article would only yield that article again.
        if not isinstance(meta, dict) or meta.get("kind") in ENTRY_POINT_KINDS:
            return
        url = stored_url(request.url)
        known = self.state.store.known_article(url)
        if known is None:
            return
        if wants_revisit(known, hinted_lastmod(meta.get("hints"))):
            self.stats.inc_value("newscrawl/revisits/lastmod")
            return
        self.stats.inc_value("newscrawl/skipped/known_url")
        raise IgnoreRequest(f"already emitted: {known.url}")
