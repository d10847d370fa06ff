"""Reading fetched sitemaps and feeds into URLs to follow, with every problem counted."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from scrapy.http import Response

from newscrawl.dates import parse_date
from newscrawl.discovery.feeds import parse_feed
from newscrawl.discovery.safexml import XmlRejected, gunzip_capped
from newscrawl.discovery.sitemaps import SitemapEntry, lists_archives, parse_sitemap
from newscrawl.discovery.window import is_before
from newscrawl.spiders.sitecrawl import CrawlLimits

Count = Callable[[str], None]
LATEST_WINDOW = timedelta(days=3)  # Google News sitemaps hold two days; a day's margin


@dataclass
class DocumentResult:
    """What a sitemap or feed points to: child sitemaps, and articles with their hints."""

    sitemaps: list[str] = field(default_factory=list)
    articles: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    undated_children: bool = False
    """A sitemap index whose children carry no lastmod: the index stays the same when a child
    changes, so a 304 on it says nothing about them."""
    latest_only: bool = False
    """A Google News sitemap of the last days only (as Google asks: two days), not the site's
    archive: it does not make home and section pages unnecessary."""


def is_latest_window(entries: list[SitemapEntry], now: datetime) -> bool:
    """Whether a url set is a Google News sitemap whose every entry is from the last
    `LATEST_WINDOW`: the site's latest articles, not its archive.

    >>> from newscrawl.discovery.sitemaps import SitemapEntry as E
    >>> now = datetime(2026, 12, 3, 12, tzinfo=UTC)
    >>> news = lambda when: E("https://x.com/a", hints={"published_at": when})
    >>> is_latest_window([news("2026-12-03T10:00Z"), news("2026-12-01T09:00+01:00")], now)
    True
    >>> is_latest_window([news("2026-12-03T10:00Z"), news("2026-11-25T10:00Z")], now)
    False
    >>> is_latest_window([E("https://x.com/a", lastmod="2026-12-03")], now)
    False
    """
    if not entries:
        return False
    oldest = now
    for entry in entries:
        stamp = entry.hints.get("published_at")
        when = parse_date(stamp) if isinstance(stamp, str) else None
        if when is None:
            return False  # not a news entry, or no date to tell
        oldest = min(oldest, when if when.tzinfo else when.replace(tzinfo=UTC))
    return now - oldest <= LATEST_WINDOW


@dataclass
class DocumentReader:
    """Turns sitemap/feed responses into `DocumentResult`s; None when unusable (counted)."""

    count: Count
    since: date | None
    limits: CrawlLimits

    def _body(self, response: Response, kind: str) -> bytes | None:
        body, problem = gunzip_capped(response.body, self.limits.max_sitemap_bytes)
        if problem:
            self.count(f"{kind}/{problem}")
            if problem == "too_large":
                return None  # a cut-off bomb is not worth parsing
        return body

    def _keep(self, hints: dict[str, Any], lastmod: str | None, kind: str) -> bool:
        if is_before(hints.get("published_at") or lastmod, self.since):
            self.count(f"skipped/before_since/{kind}")
            return False
        return True

    def _wanted_child(self, entry: SitemapEntry) -> bool:
        if lists_archives(entry.loc):  # taxonomy, user and static-page sitemaps list no article
            self.count("skipped/archive_sitemap")
            return False
        return self._keep({}, entry.lastmod, "sitemap")

    def read_sitemap(self, response: Response, depth: int) -> DocumentResult | None:
        body = self._body(response, "sitemap")
        if body is None:
            return None
        try:
            sitemap = parse_sitemap(body)
        except XmlRejected as rejected:
            self.count(f"sitemap/rejected_{rejected.reason}")
            return None
        result = DocumentResult()
        if sitemap.kind == "sitemapindex":
            if depth + 1 > self.limits.max_sitemap_depth:
                self.count("trap/sitemap_depth")
                return result
            result.sitemaps = [e.loc for e in sitemap.entries if self._wanted_child(e)]
            result.undated_children = any(e.lastmod is None for e in sitemap.entries)
            return result
        result.latest_only = is_latest_window(sitemap.entries, datetime.now(UTC))
        for entry in sitemap.entries:
            if self._keep(entry.hints, entry.lastmod, "sitemap"):
                # lastmod lets the state store revisit a known article that changed
                hints = {**entry.hints, "lastmod": entry.lastmod} if entry.lastmod else entry.hints
                result.articles.append((entry.loc, hints))
        self.count("sitemap/parsed")
        return result

    def read_feed(self, response: Response, depth: int) -> DocumentResult | None:
        body = self._body(response, "feed")
        if body is None:
            return None
        try:
            entries = parse_feed(body)
        except XmlRejected as rejected:
            self.count(f"feed/rejected_{rejected.reason}")
            return None
        self.count("feed/parsed")
        result = DocumentResult()
        for entry in entries:
            if self._keep(entry.hints, None, "feed"):
                result.articles.append((entry.link, entry.hints))
        return result
