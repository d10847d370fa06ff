"""Per-target crawl bookkeeping: scope, budgets, seen URLs and the discovery phase.

A crawl of one site goes: robots.txt → sitemaps (declared, or the first usual location that works)
and profile feeds → home page → feeds it links / section pages only while sitemaps found nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from newscrawl.config import NewscrawlSettings
from newscrawl.discovery.classify import Kind, url_kind
from newscrawl.discovery.feeds import COMMON_FEED_PATHS
from newscrawl.discovery.scope import SiteScope
from newscrawl.discovery.shape_learning import ShapeLearner
from newscrawl.discovery.sitemaps import USUAL_SITEMAP_PATHS
from newscrawl.discovery.traps import trap_reason
from newscrawl.discovery.urlshapes import never_article, url_language
from newscrawl.spiders.clockwork import SiteClock
from newscrawl.spiders.frontier import SiteFrontier
from newscrawl.spiders.sitefacts import NO_OWNER, NOBODY, LocalSiteFacts, SiteFacts
from newscrawl.targets import Target
from newscrawl.urls import article_url, canonicalize_url, endpoint, has_session_id, same_page_key

Count = Callable[[str], None]
PROBE_PATHS = {"sitemap": USUAL_SITEMAP_PATHS, "feed": COMMON_FEED_PATHS}


@dataclass(frozen=True)
class CrawlLimits:
    """The navigation budgets of `NewscrawlSettings` (NEWSCRAWL_MAX_DEPTH, ...)."""

    max_depth: int
    max_pages: int
    max_sitemap_depth: int
    max_sitemaps: int
    max_sitemap_bytes: int
    article_harvest: int

    @classmethod
    def from_config(cls, config: NewscrawlSettings) -> CrawlLimits:
        return cls(
            max_depth=config.max_depth,
            max_pages=config.max_pages_per_site,
            max_sitemap_depth=config.max_sitemap_depth,
            max_sitemaps=config.max_sitemaps_per_site,
            max_sitemap_bytes=config.max_sitemap_bytes,
            article_harvest=config.article_link_harvest,
        )


@dataclass
class SiteCrawl:
    """Everything the spider tracks for one target during one crawl."""

    target: Target
    scope: SiteScope
    limits: CrawlLimits
    # seen URLs, budgets, discovery phase: in memory, or shared by a distributed crawl's workers
    facts: SiteFacts = field(default_factory=LocalSiteFacts)
    _covered: bool = field(default=False, init=False, repr=False)
    _pending: int = field(default=0, init=False, repr=False)  # discovery documents in flight
    clock: SiteClock = field(default_factory=SiteClock, repr=False)
    """The site's clock (dates printed without an offset), learnt as the crawl goes."""
    language: str | None = None
    """The language its articles must be in (ISO 639-1); None keeps every language."""
    shapes: ShapeLearner = field(default_factory=ShapeLearner, repr=False)
    """Which URL shapes of the site turned out to be articles (`discovery.shape_learning`)."""
    frontier: SiteFrontier = field(default_factory=lambda: SiteFrontier(None), repr=False)
    """Its articles not handed to the scheduler yet (`spiders.frontier`); no window here: a
    distributed crawl's frontier is its Redis queue, the local spider sets one."""

    @classmethod
    def for_target(
        cls, target: Target, limits: CrawlLimits, facts: SiteFacts | None = None
    ) -> SiteCrawl:
        scope = SiteScope.for_site(target.start_urls, target.profile.domains)
        return cls(target, scope, limits, facts or LocalSiteFacts())

    @property
    def sitemaps_cover(self) -> bool:
        """Sitemaps list the site's articles: this run's, or the unchanged ones of the last run.

        A sitemap that answers 304 listed its articles last time, and they are all known: home
        and section pages would only lead back to them.
        """
        # counters only grow: once covered, always covered (and no more shared-facts lookups)
        self._covered = self._covered or any(
            self.facts.get(name) > 0 for name in ("sitemap_articles", "unchanged_sitemaps")
        )
        return self._covered

    def count_sitemap_article(self) -> None:
        self.facts.add("sitemap_articles")

    def count_unchanged_sitemap(self) -> None:
        self.facts.add("unchanged_sitemaps")

    def discovery_requested(self, url: str) -> None:
        self.facts.document_requested(url)

    def discovery_done(self, url: str) -> bool:
        """Note a discovery document handled; True when the home page's turn has come."""
        self._pending = self.facts.document_done(url)
        return self._pending <= 0 and self.facts.claim_once("home", url)

    def wait_for_feeds(self) -> None:
        """The home page links feeds not read yet: its own links wait for them."""
        self.facts.add("home_waits")

    def home_again_due(self, url: str) -> bool:
        """True once, when the feeds a waiting home page linked have all been read."""
        waiting = self._pending <= 0 and self.facts.get("home_waits") > 0
        return waiting and self.facts.claim_once("home_again", url)

    def count_feed_entries(self, entries: int) -> None:
        self.facts.add("feed_entries", entries)

    def feeds_cover_home(self, links: list[tuple[str, str]], base: str) -> bool:
        """Whether feeds listed every article the home page `links` to, and more besides.

        Such a feed is the site's archive (old PHP sites list every article in rss.php); its
        sections would only lead back to what it listed. A feed of the latest ten does not cover
        a home page showing thirty, and the sections are crawled.
        """
        urls = (self.canonical(href, base) for href, _text in links)
        shown = [u for u in urls if u and self.scope.contains(u) and self.guess(u) == "article"]
        listed = self.facts.get("feed_entries")
        keys = {same_page_key(url) for url in shown}
        return listed > len(keys) and all(self.is_seen(url) for url in shown)

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

    def guess(self, url: str, count: Count | None = None) -> Kind:
        """What `url` most likely is: the URL rules, overruled by what the site's pages of the
        same shape turned out to be (never where a profile names the article URLs)."""
        kind = url_kind(url, self.target.profile)
        if self.target.profile.article_url_patterns:
            return kind
        learnt = self.shapes.verdict(url)
        if learnt == "other" and kind == "article":
            kind = "other"
        elif learnt == "article" and kind == "listing":
            kind = "article"
        else:
            return kind
        if count is not None:
            count(f"discovery/learnt_{'article' if kind == 'article' else 'not_article'}")
        return kind

    def in_sections(self, url: str) -> bool:
        """Whether `url` is under the profile's path prefixes (all URLs when it has none)."""
        prefixes = self.target.profile.path_prefixes
        return not prefixes or urlsplit(url).path.startswith(prefixes)

    def wants_article(
        self, url: str | None, count: Count, hints: dict[str, Any] | None = None
    ) -> bool:
        """Whether a sitemap/feed entry is worth fetching as an article (profile patterns)."""
        if url and not self.in_sections(url):
            count("skipped/outside_path_prefixes")
            return False
        if url and self.language:
            # another edition of a multilingual site, by hreflang or by its /en/ path
            other = (hints or {}).get("language") or url_language(url)
            if other and other != self.language:
                count(f"skipped/other_edition/{other}")
                return False
        guess = self.guess(url, count) if url else "other"
        if guess == "other" or (guess != "article" and self.target.profile.article_url_patterns):
            count("discovery/skipped_not_article_url")
            return False
        # sitemaps list archives too (WordPress core lists every tag and author page)
        if url and guess != "article" and (reason := never_article(url)):
            count(f"discovery/skipped_{reason}_url")
            return False
        return True

    def next_probe(self, kind: str, count: Count) -> str | None:
        """The next usual sitemap/feed location to try, or None once one worked or all failed."""
        paths = PROBE_PATHS[kind]
        while (index := self.facts.add(f"probes/{kind}") - 1) < len(paths):
            url = self.admit_discovery(self.origins[0] + paths[index], None, count)
            if url:
                return url
        return None

    def stop_probing(self, kind: str) -> None:
        self.facts.add(f"probes/{kind}", len(PROBE_PATHS[kind]))

    def probing_done(self, kind: str) -> bool:
        return self.facts.get(f"probes/{kind}") >= len(PROBE_PATHS[kind])

    def mark_seen(self, *urls: str) -> None:
        self.facts.mark_seen([same_page_key(url) for url in urls])

    def is_seen(self, url: str, owner: str = NOBODY) -> bool:
        """Whether `url` was claimed (by another owner than `owner`, see `sitefacts`)."""
        return self.facts.seen(same_page_key(url), owner)

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
        if self.is_seen(url, base or NO_OWNER):
            return None
        reason = trap_reason(url)
        if reason:
            count(f"trap/{reason}")
            return None
        if depth > self.limits.max_depth:
            count("trap/depth")
            return None
        owner, budget = base or NO_OWNER, self.limits.max_pages
        if not self.facts.claim(same_page_key(url), owner, "pages", budget):
            count("trap/page_budget")
            return None
        return url

    def admit_discovery(self, href: str, base: str | None, count: Count) -> str | None:
        """Like `admit` for robots/sitemap/feed URLs: no depth or trap rules, a file budget."""
        url = canonicalize_url(href, base=base)
        if url is None or not self.scope.contains(url):
            count("skipped/offsite")
            return None
        owner = base or NO_OWNER
        if self.is_seen(url, owner):
            return None
        if not self.facts.claim(same_page_key(url), owner, "documents", self.limits.max_sitemaps):
            count("trap/sitemap_budget")
            return None
        return url
