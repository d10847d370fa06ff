"""scrapy-redis's scheduler, made reliable: leased pops and atomic, acknowledging pushes.

Configured as scrapy-redis is (its Scheduler, its priority queue's scoring, its serializer
interface), with the three fixes the distributed crawl needs (scrapy-redis#177): requests are
leased, not deleted, when popped; the queue persists on close (a stopping worker puts its leases
back instead); the duplicate filter is written in the same step as the queue.
"""

from __future__ import annotations

import logging
from typing import Any

from scrapy import Request, Spider
from scrapy.crawler import Crawler
from scrapy.utils.request import request_from_dict
from scrapy_redis.scheduler import Scheduler

from newscrawl.distributed import serializer
from newscrawl.distributed.leases import META_KEY, lease_of
from newscrawl.distributed.worker import WAKE_UP, WorkerExtension, worker_of

logger = logging.getLogger(__name__)


class LeasedScheduler(Scheduler):
    """A scrapy-redis `Scheduler` on the shared `Frontier` of this worker's crawl."""

    def __init__(self, crawler: Crawler, worker: WorkerExtension) -> None:
        super().__init__(server=worker.client, persist=True, serializer=serializer)
        self.crawler = crawler
        self.worker = worker
        self.stats = crawler.stats
        self._fingerprinter = crawler.request_fingerprinter

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> LeasedScheduler:
        return cls(crawler, worker_of(crawler))

    def open(self, spider: Spider) -> None:
        self.spider = spider
        queued = self.worker.frontier.queued()
        if queued:
            logger.info("joining the crawl: %d requests queued", queued)

    def close(self, reason: str) -> None:
        """Never flush: the queue is the crawl's, not this worker's (the worker releases its
        own leases when it stops, `WorkerExtension`)."""

    def __len__(self) -> int:
        return self.worker.frontier.queued()

    def has_pending_requests(self) -> bool:
        return len(self) > 0

    def enqueue_request(self, request: Request) -> bool:
        if request.meta.get(WAKE_UP):
            return False  # only there to make an idle engine look at the queue
        parent = lease_of(request)  # a redirect or a retry replacing a leased request
        if parent is not None:
            request.meta.pop(META_KEY, None)
        fingerprint = None
        if not request.dont_filter:
            fingerprint = self._fingerprinter.fingerprint(request).hex()
        data = serializer.dumps(request.to_dict(spider=self.spider))
        queued = self.worker.frontier.push(data, -request.priority, fingerprint, parent)
        if parent is not None:
            self.worker.leases.forget(parent)
        self.worker.arrived(request)
        if self.stats is not None:
            self.stats.inc_value("scheduler/enqueued/redis" if queued else "dupefilter/filtered")
        return queued

    def next_request(self) -> Request | None:
        popped = self.worker.frontier.pop()
        if popped is None:
            return None
        lease, data = popped
        request = self._decode(data)
        if request is None:
            self.worker.frontier.ack(lease)  # unreadable: nothing any worker could do with it
            return None
        request.meta[META_KEY] = lease
        self.worker.leases.open(lease)
        if self.stats is not None:
            self.stats.inc_value("scheduler/dequeued/redis")
        return request

    def _decode(self, data: bytes) -> Request | None:
        try:
            fields: dict[str, Any] = serializer.loads(data)
            return request_from_dict(fields, spider=self.spider)
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            logger.error("dropping an unreadable queued request (%s): %.200r", exc, data)
            if self.stats is not None:
                self.stats.inc_value("newscrawl/distributed/unreadable_requests")
            return None
