"""How the news spider reads discovery documents: robots.txt, sitemaps, feeds, probes.

A mixin of `NewsSpider`, kept apart so the spider module stays about dispatch and pages; it
uses the spider's `_request`, `count`, `crawler` and `documents` (a `DocumentReader`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.http import Response

from newscrawl.discovery.requests import RequestKind
from newscrawl.discovery.robots import RobotsRules
from newscrawl.spiders.documents import DocumentReader
from newscrawl.spiders.frontier import Lead
from newscrawl.spiders.outcomes import fetched_key
from newscrawl.spiders.sitecrawl import SiteCrawl
from newscrawl.state.base import Validators
from newscrawl.state.extension import state_of


class DocumentNavigation:
    """robots.txt, sitemap and feed handling for `NewsSpider`."""

    documents: DocumentReader
    crawler: Crawler

    if TYPE_CHECKING:  # provided by NewsSpider

        def count(self, key: str, amount: int = 1) -> None: ...

        def _request(
            self, site: SiteCrawl, url: str, kind: RequestKind, depth: int, **extra: Any
        ) -> Request: ...

    def _on_robots(self, site: SiteCrawl, response: Response) -> Iterable[Request]:
        found = RobotsRules.parse(response.body, "*").sitemaps if response.status == 200 else []
        for href in found:
            url = site.admit_discovery(href, response.url, self.count)
            if url:
                self.count("discovery/robots_sitemap")
                yield self._request(site, url, "sitemap", 0)
        if not found and not site.target.profile.sitemaps:
            yield from self._probe(site, "sitemap")

    def _probe(self, site: SiteCrawl, kind: str) -> Iterable[Request]:
        url = site.next_probe(kind, self.count)
        request_kind: RequestKind = "sitemap" if kind == "sitemap" else "feed"
        if url:
            yield self._request(site, url, request_kind, 0, probe=True)

    def _on_document(
        self, site: SiteCrawl, kind: str, response: Response, depth: int, *, probe: bool
    ) -> Iterable[Request | Lead]:
        if response.status == 304:
            self._not_modified(site, kind)
            return
        read = self.documents.read_sitemap if kind == "sitemap" else self.documents.read_feed
        result = read(response, depth)
        if result is not None:
            site.clock.observe_entries(result.articles, response.url)
        if result is None:
            if probe:  # not a usable document: try the next usual location
                yield from self._probe(site, kind)
            return
        if probe:
            self.count(f"discovery/probed_{kind}")
        site.stop_probing(kind)  # one location works: no more guessing
        if kind == "feed":
            site.count_feed_entries(len(result.articles))
        if result.undated_children:  # its 304 would hide changed children: refetch it next run
            state_of(self.crawler).stage_validators(response.url, Validators(None, None))
        for href in result.sitemaps:
            url = site.admit_discovery(href, response.url, self.count)
            if url:
                self.count("discovery/sitemap_index_child")
                yield self._request(site, url, "sitemap", depth + 1)
        for href, hints in result.articles:
            if not site.wants_article(site.canonical(href, response.url), self.count, hints):
                continue
            url = site.admit(href, response.url, depth + 1, self.count)
            if url:
                # a news sitemap of the last days is no archive: home and sections still lead
                # to the rest, so it does not make the site covered
                if kind == "sitemap" and not result.latest_only:
                    site.count_sitemap_article()
                self.count(f"discovery/{kind}")
                self.count("requests/article")
                yield Lead(url, depth + 1, hints)  # a request once the site's frontier has room

    def _not_modified(self, site: SiteCrawl, kind: str) -> None:
        self.count("discovery/not_modified")
        self.count(fetched_key(site.name))
        if kind == "sitemap":
            site.count_unchanged_sitemap()
