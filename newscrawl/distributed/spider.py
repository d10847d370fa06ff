"""The `news` spider of a distributed crawl: the same navigation, its facts and leases shared.

Spider arguments, besides `targets` and `since` (which a joining worker takes from the crawl
record): `crawl` (the crawl id), `worker` (this worker's id) and `join` ("1": do not seed, the
crawl's start requests are queued already).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable
from typing import Any

from scrapy import Request
from scrapy.http import Response
from twisted.python.failure import Failure

from newscrawl.distributed import crawlrun
from newscrawl.distributed.sitefacts import RedisSiteFacts
from newscrawl.distributed.worker import worker_of
from newscrawl.failures import failed_fetches
from newscrawl.spiders.news import NewsSpider
from newscrawl.spiders.sitecrawl import SiteCrawl
from newscrawl.state.base import StateStore
from newscrawl.state.extension import new_run_id
from newscrawl.targets import Target


class DistributedNewsSpider(NewsSpider):
    offloads = False  # each worker of a distributed crawl is a process already

    def __init__(
        self,
        targets: str = "",
        since: str | None = None,
        crawl: str = "",
        worker: str = "",
        join: str = "0",
        **kwargs: Any,
    ) -> None:
        super().__init__(targets=targets, since=since, **kwargs)
        if not crawl:
            raise ValueError("a distributed crawl needs -a crawl=ID")
        self.crawl_id = crawl
        self.worker_id = worker or new_run_id()
        self.joining = join == "1"

    def open_state_store(self, owner: str) -> StateStore:
        """The crawl's shared state (called by `StateExtension`)."""
        return worker_of(self.crawler).open_store(owner)

    def new_site(self, target: Target) -> SiteCrawl:
        worker = worker_of(self.crawler)
        facts = RedisSiteFacts(worker.client, worker.keys, target.site)
        return SiteCrawl.for_target(target, self.limits, facts)

    async def start(self) -> AsyncIterator[Request]:
        if self.joining:
            for target in self.targets:
                self.sites.setdefault(target.site, self.new_site(target))
            return
        async for request in super().start():
            yield request
        # reached only once the engine asked for more after the last start request: all queued
        worker = worker_of(self.crawler)
        crawlrun.mark_seeded(worker.client, worker.keys)

    def parse(self, response: Response, **kwargs: Any) -> Iterable[Any]:
        output: list[Any] = []
        try:
            output = list(super().parse(response, **kwargs))
        finally:
            worker_of(self.crawler).returned(response.request, output)
        return output

    def on_error(self, failure: Failure) -> Iterable[Request]:
        request: Request = failure.request  # type: ignore[attr-defined]
        stats = self.crawler.stats
        failed_before = failed_fetches(stats.get_stats(), "article") if stats else 0
        output: list[Request] = []
        worker = worker_of(self.crawler)
        try:
            output = list(super().on_error(failure))
        finally:
            failed = (failed_fetches(stats.get_stats(), "article") if stats else 0) - failed_before
            if failed > 0:  # the crawl is no longer clean: no validators may be kept (crawlrun)
                worker.client.incr(worker.keys.frontier("failures"), failed)
            worker.returned(request, list(output))
        return output
