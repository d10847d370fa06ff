"""Per-target crawl bookkeeping: scope, budgets, seen URLs and the discovery phase.

A crawl of one site goes: robots.txt → sitemaps (declared, or the first usual location that works)
and profile feeds → home page → feeds it links / section pages only while sitemaps found nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from scrapy.settings import BaseSettings

from newscrawl.discovery.classify import url_kind
from newscrawl.discovery.feeds import COMMON_FEED_PATHS
from newscrawl.discovery.scope import SiteScope
from newscrawl.discovery.sitemaps import USUAL_SITEMAP_PATHS
from newscrawl.discovery.traps import trap_reason
from newscrawl.targets import Target
from newscrawl.urls import article_url, canonicalize_url, endpoint, has_session_id, same_page_key

Count = Callable[[str], None]
PROBE_PATHS = {"sitemap": USUAL_SITEMAP_PATHS, "feed": COMMON_FEED_PATHS}


@dataclass(frozen=True)
class CrawlLimits:
    """Budgets from settings (NEWSCRAWL_MAX_DEPTH, NEWSCRAWL_MAX_PAGES_PER_SITE, ...)."""

    max_depth: int = 5
    max_pages: int = 5000
    max_sitemap_depth: int = 3
    max_sitemaps: int = 200
    max_sitemap_bytes: int = 50 * 1024 * 1024
    article_harvest: int = 5

    @classmethod
    def from_settings(cls, settings: BaseSettings) -> CrawlLimits:
        return cls(
            max_depth=settings.getint("NEWSCRAWL_MAX_DEPTH", 5),
            max_pages=settings.getint("NEWSCRAWL_MAX_PAGES_PER_SITE", 5000),
            max_sitemap_depth=settings.getint("NEWSCRAWL_MAX_SITEMAP_DEPTH", 3),
            max_sitemaps=settings.getint("NEWSCRAWL_MAX_SITEMAPS_PER_SITE", 200),
            max_sitemap_bytes=settings.getint("NEWSCRAWL_MAX_SITEMAP_BYTES", 50 * 1024 * 1024),
            article_harvest=settings.getint("NEWSCRAWL_ARTICLE_LINK_HARVEST", 5),
        )


@dataclass
class SiteCrawl:
    """Everything the spider tracks for one target during one crawl."""

    target: Target
    scope: SiteScope
    limits: CrawlLimits
    pending_discovery: int = 0
    sitemap_articles: int = 0
    unchanged_sitemaps: int = 0
    sitemaps_fetched: int = 0
    probes: dict[str, int] = field(default_factory=lambda: {"sitemap": 0, "feed": 0})
    home_started: bool = False
    pages: int = 0
    seen: set[str] = field(default_factory=set)

    @classmethod
    def for_target(cls, target: Target, limits: CrawlLimits) -> SiteCrawl:
        return cls(target, SiteScope.for_site(target.start_urls, target.profile.domains), limits)

    @property
    def sitemaps_cover(self) -> bool:
        """Sitemaps list the site's articles: this run's, or the unchanged ones of the last run.

        A sitemap that answers 304 listed its articles last time, and they are all known: home
        and section pages would only lead back to them.
        """
        return self.sitemap_articles > 0 or self.unchanged_sitemaps > 0

    @property
    def name(self) -> str:
        return self.target.site

    @property
    def origins(self) -> list[str]:
        """Scheme://host[:port] of each start URL, in order, without repeats."""
        found: list[str] = []
        for url in self.target.start_urls:
            where = endpoint(url)
            if where and where.origin not in found:
                found.append(where.origin)
        return found

    @property
    def own_hosts(self) -> frozenset[str]:
        """host:port of each start URL: the target itself may live on a private address."""
        return frozenset(
            where.host_port for url in self.target.start_urls if (where := endpoint(url))
        )

    def in_sections(self, url: str) -> bool:
        """Whether `url` is under the profile's path prefixes (all URLs when it has none)."""
        prefixes = self.target.profile.path_prefixes
        return not prefixes or urlsplit(url).path.startswith(prefixes)

    def wants_article(self, url: str | None, count: Count) -> bool:
        """Whether a sitemap/feed entry is worth fetching as an article (profile patterns)."""
        if url and not self.in_sections(url):
            count("skipped/outside_path_prefixes")
            return False
        guess = url_kind(url, self.target.profile) if url else "other"
        if guess == "other" or (guess != "article" and self.target.profile.article_url_patterns):
            count("discovery/skipped_not_article_url")
            return False
        return True

    def next_probe(self, kind: str, count: Count) -> str | None:
        """The next usual sitemap/feed location to try, or None once one worked or all failed."""
        paths = PROBE_PATHS[kind]
        while self.probes[kind] < len(paths):
            path = paths[self.probes[kind]]
            self.probes[kind] += 1
            url = self.admit_discovery(self.origins[0] + path, None, count)
            if url:
                return url
        return None

    def stop_probing(self, kind: str) -> None:
        self.probes[kind] = len(PROBE_PATHS[kind])

    def probing_done(self, kind: str) -> bool:
        return self.probes[kind] >= len(PROBE_PATHS[kind])

    def mark_seen(self, *urls: str) -> None:
        self.seen.update(same_page_key(url) for url in urls)

    def is_seen(self, url: str) -> bool:
        return same_page_key(url) in self.seen

    def canonical(self, href: str, base: str | None = None) -> str | None:
        return canonicalize_url(href, base=base, trailing_slash=self.target.profile.trailing_slash)

    def article_url(self, page_url: str, declared: list[str | None]) -> str | None:
        """The URL an article page is known by on this site (`newscrawl.urls.article_url`)."""
        return article_url(
            page_url,
            declared,
            same_site=self.scope.contains,
            trailing_slash=self.target.profile.trailing_slash,
        )

    def admit(self, href: str, base: str | None, depth: int, count: Count) -> str | None:
        """The canonical URL to request for a link, or None (the reason is counted)."""
        url = self.canonical(href, base)
        if url is None:
            count("skipped/not_http")
            return None
        if not self.scope.contains(url):
            count("skipped/offsite")
            return None
        if not self.in_sections(url):
            count("skipped/outside_path_prefixes")
            return None
        if has_session_id(href):
            count("trap/session_id")  # stripped by canonicalisation, the page itself is kept
        if self.is_seen(url):
            return None
        reason = trap_reason(url)
        if reason:
            count(f"trap/{reason}")
            return None
        if depth > self.limits.max_depth:
            count("trap/depth")
            return None
        if self.pages >= self.limits.max_pages:
            count("trap/page_budget")
            return None
        self.mark_seen(url)
        self.pages += 1
        return url

    def admit_discovery(self, href: str, base: str | None, count: Count) -> str | None:
        """Like `admit` for robots/sitemap/feed URLs: no depth or trap rules, a file budget."""
        url = canonicalize_url(href, base=base)
        if url is None or not self.scope.contains(url):
            count("skipped/offsite")
            return None
        if self.is_seen(url):
            return None
        if self.sitemaps_fetched >= self.limits.max_sitemaps:
            count("trap/sitemap_budget")
            return None
        self.mark_seen(url)
        self.sitemaps_fetched += 1
        return url
