"""How the news spider reads listing pages: linked feeds, section links, pagination, harvest.

A mixin of `NewsSpider`, kept apart so the spider module stays about dispatch and discovery
documents; it uses the spider's `_request`, `_probe`, `count`, `limits` and
`navigate_with_sitemaps`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from scrapy import Request
from scrapy.http import Response

from newscrawl.discovery.feeds import feed_links
from newscrawl.discovery.listing import next_page_links, page_links
from newscrawl.discovery.requests import RequestKind
from newscrawl.discovery.urlshapes import is_view_of
from newscrawl.spiders.sitecrawl import CrawlLimits, SiteCrawl


class ListingNavigation:
    """Listing-page navigation for `NewsSpider`."""

    limits: CrawlLimits
    navigate_with_sitemaps: bool

    if TYPE_CHECKING:  # provided by NewsSpider

        def count(self, key: str, amount: int = 1) -> None: ...

        def _probe(self, site: SiteCrawl, kind: str) -> Iterable[Request]: ...

        def _request(
            self, site: SiteCrawl, url: str, kind: RequestKind, depth: int, **extra: Any
        ) -> Request: ...

    def _linked_feeds(self, site: SiteCrawl, response: Response) -> Iterable[Request]:
        declared = feed_links(response)  # type: ignore[arg-type]
        for href in declared[:3]:
            url = site.admit_discovery(href, response.url, self.count)
            if url:
                self.count("discovery/linked_feed")
                yield self._request(site, url, "feed", 0)
        if not declared and not site.sitemaps_cover:
            yield from self._probe(site, "feed")

    def _mine_listing(
        self, site: SiteCrawl, kind: str, response: Response, depth: int
    ) -> Iterable[Request]:
        navigate = not site.sitemaps_cover or self.navigate_with_sitemaps
        links = page_links(response)  # type: ignore[arg-type]
        if navigate and kind == "home" and site.feeds_cover_home(links, response.url):
            self.count("discovery/sections_skipped_feeds_cover")
            navigate = False
        pages = next_page_links(response) if navigate else []  # type: ignore[arg-type]
        # a "next" that points at an article is a "read on" link, not pagination
        pagination = [h for h in pages if site.guess(response.urljoin(h)) != "article"]
        new_articles = 0
        for href, _text in links:
            guess = site.guess(response.urljoin(href), self.count)
            # sections are taken from the home page only; deeper listings give pages and articles
            if href in pagination or not (
                guess == "article" or (guess == "listing" and navigate and kind == "home")
            ):
                continue
            url = site.admit(href, response.url, depth + 1, self.count)
            if url:
                new_articles += guess == "article"
                self.count(f"discovery/{kind}_{guess}")
                yield self._request(site, url, guess, depth + 1)
        if pagination and not new_articles:
            self.count("discovery/pagination_exhausted")  # nothing new here: stop paging
            return
        for href in pagination:
            # the next page of a listing is the same navigation level as this one
            url = site.admit(href, response.url, depth, self.count)
            if url:
                self.count("discovery/pagination")
                yield self._request(site, url, "listing", depth)

    def _harvest(self, site: SiteCrawl, response: Response, depth: int) -> Iterable[Request]:
        taken = 0
        for href, _text in page_links(response):  # type: ignore[arg-type]
            if taken >= self.limits.article_harvest:
                return
            absolute = response.urljoin(href)
            if site.guess(absolute, self.count) != "article":
                continue
            if is_view_of(absolute, response.url):  # its print or comment-reply view
                self.count("skipped/page_view")
                continue
            url = site.admit(href, response.url, depth + 1, self.count)
            if url:
                taken += 1
                self.count("discovery/article_harvest")
                yield self._request(site, url, "article", depth + 1)
