"""Politeness downloader middleware: robots.txt (Disallow and Crawl-delay).

Replaces Scrapy's RobotsTxtMiddleware (which ignores Crawl-delay) and fetches robots.txt once per
host: the spider's own robots request (for the `Sitemap:` lines) is answered from that fetch,
or refused when that fetch failed, so an unreachable robots.txt is tried (and counted) once.
Crawl-delay spaces requests (capped by NEWSCRAWL_MAX_CRAWL_DELAY). `Retry-After` holds are kept
by the download handler (`newscrawl.downloader.handler`), which sees every request last.
"""

from __future__ import annotations

import logging
from time import monotonic

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response
from scrapy.http.request import NO_CALLBACK
from scrapy.utils.asyncio import sleep
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.defer import Deferred

from newscrawl.config import newscrawl_settings
from newscrawl.discovery.requests import crawl_meta
from newscrawl.discovery.robots import RobotsRules
from newscrawl.downloader.pacing import HostPacer
from newscrawl.failures import failed_fetch_key

logger = logging.getLogger(__name__)

_OWN_FETCH = "newscrawl_robots_fetch"
RobotsOutcome = tuple[RobotsRules, Response | None]
# robots.txt is the first request to a host: retried once, not RETRY_TIMES, before giving up
ROBOTS_RETRIES = 1


class PolitenessMiddleware:
    def __init__(self, crawler: Crawler) -> None:
        settings = crawler.settings
        self.crawler = crawler
        self.obey = settings.getbool("ROBOTSTXT_OBEY")
        self.user_agent = settings.get("ROBOTSTXT_USER_AGENT") or settings.get("USER_AGENT") or "*"
        self.max_crawl_delay = newscrawl_settings(crawler).max_crawl_delay
        self.pacer = HostPacer()
        # per origin: the outcome, or the requests waiting while the one fetch is in flight
        self._robots: dict[str, RobotsOutcome | list[Deferred[RobotsOutcome]]] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> PolitenessMiddleware:
        return cls(crawler)

    def _count(self, key: str) -> None:
        assert self.crawler.stats is not None
        self.crawler.stats.inc_value(f"newscrawl/{key}")

    async def process_request(self, request: Request) -> Response | None:
        if request.meta.get(_OWN_FETCH):
            return None
        parts = urlparse_cached(request)
        host = parts.hostname or ""
        if self.obey:
            origin = f"{parts.scheme}://{parts.netloc}"
            rules, robots_response = await self._rules(origin)
            if crawl_meta(request).get("kind") == "robots" and parts.path == "/robots.txt":
                if robots_response is None:  # our own fetch failed: once is enough
                    self._count("robots/not_refetched")
                    raise IgnoreRequest("robots.txt unreachable (already tried)")
                return robots_response.replace(url=request.url, request=request)
            elif not rules.allowed(request.url):
                self._count("blocked/robots")
                raise IgnoreRequest("forbidden by robots.txt")
        wait = self.pacer.reserve(host, now=monotonic())
        if wait > 0:
            await sleep(wait)
        return None

    async def _rules(self, origin: str) -> RobotsOutcome:
        known = self._robots.get(origin)
        if isinstance(known, tuple):
            return known
        if known is not None:  # another request is fetching it: wait for that fetch
            waiter: Deferred[RobotsOutcome] = Deferred()
            known.append(waiter)
            return await maybe_deferred_to_future(waiter)
        self._robots[origin] = []
        outcome = await self._fetch_robots(origin)
        waiting = self._robots[origin]
        self._robots[origin] = outcome
        for pending in waiting if isinstance(waiting, list) else []:
            pending.callback(outcome)
        return outcome

    async def _fetch_robots(self, origin: str) -> RobotsOutcome:
        request = Request(
            f"{origin}/robots.txt",
            meta={_OWN_FETCH: True, "dont_obey_robotstxt": True, "max_retry_times": ROBOTS_RETRIES},
            callback=NO_CALLBACK,
            priority=1000,
            dont_filter=True,
        )
        assert self.crawler.engine is not None
        try:
            response = await self.crawler.engine.download_async(request)
        except Exception:  # an unreachable robots.txt means no rules, like Scrapy's own
            self._count(failed_fetch_key("robots", "unreachable"))  # the one count of this URL
            return RobotsRules.allow_all(self.user_agent), None
        self._count(f"robots/status_{response.status}")
        if response.status != 200:
            return RobotsRules.allow_all(self.user_agent), response
        rules = RobotsRules.parse(response.body, self.user_agent)
        if rules.crawl_delay:
            host = urlparse_cached(request).hostname or ""
            self.pacer.set_interval(host, min(rules.crawl_delay, self.max_crawl_delay))
            self._count("robots/crawl_delay")
        return rules, response
