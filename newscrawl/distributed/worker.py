"""`WorkerExtension`: one worker of a distributed crawl, from joining to leaving.

It holds the worker's Redis connection, registers the worker and keeps its heartbeat, acknowledges
leases as their work becomes durable (`leases`), runs the reaper, and decides when to stop: once
the frontier has been empty with no lease pending anywhere for NEWSCRAWL_REDIS_IDLE_TIMEOUT
seconds. A worker that stops for any other reason puts its leases back in the queue first.

Fail-stop: when Redis stays down past NEWSCRAWL_REDIS_PATIENCE, or the cluster declared this
worker dead (it was silent too long and its work was handed over), the process ends at once with
exit status 1 and one line, as `kill -9` would end it: nothing durable is lost, and nothing is
written that another worker may write too.
"""

from __future__ import annotations

import json
import logging
import os
import socket
import sys
import time
from collections.abc import Iterable
from typing import Any

from itemadapter import ItemAdapter, is_item
from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DontCloseSpider, NotConfigured
from scrapy.utils.defer import deferred_from_coro
from twisted.internet import task

from newscrawl.config import NewscrawlSettings, newscrawl_settings
from newscrawl.distributed import crawlrun
from newscrawl.distributed.frontier import Frontier
from newscrawl.distributed.keys import CrawlKeys
from newscrawl.distributed.leases import LeaseTracker, lease_of
from newscrawl.distributed.reaper import Reaper, boot_id
from newscrawl.downloader.handler import STOP_DOWNLOADS
from newscrawl.pipelines.jsonl import NotWritten, items_committed, lines_flushing
from newscrawl.state.redis_link import RedisHealth, connect
from newscrawl.state.redis_store import RedisStateStore

logger = logging.getLogger(__name__)

EXIT_FAILED = 1
WATCH_SECONDS = 0.5
WAKE_UP = "newscrawl_wake_up"
WAKE_UP_URL = "data:,newscrawl-wake-up"
_HEARTBEAT = """
if redis.call('SISMEMBER', KEYS[1], ARGV[1]) == 0 then return 0 end
redis.call('SET', KEYS[2], '1', 'PX', ARGV[2])
return 1
"""


def fail_stop(message: str) -> None:
    """End this worker now, like `kill -9`, with one line on stderr (see the module doc)."""
    logging.shutdown()
    print(f"newscrawl: {message}", file=sys.stderr, flush=True)
    os._exit(EXIT_FAILED)


class WorkerExtension:
    def __init__(self, crawler: Crawler, config: NewscrawlSettings) -> None:
        spider = crawler.spider
        self.crawler = crawler
        self.config = config
        self.worker_id: str = spider.worker_id  # type: ignore[union-attr]
        self.health = RedisHealth(config.redis_url or "", config.redis_patience, fail_stop)
        self.client = connect(self.health)
        self.keys = CrawlKeys(config.redis_name, spider.crawl_id)  # type: ignore[union-attr]
        self.frontier = Frontier(self.client, self.keys, self.worker_id)
        self.leases = LeaseTracker()
        self.reaper = Reaper(self.client, self.frontier, self.health, config, crawler.stats)
        self._drained_since: float | None = None
        self._store: RedisStateStore | None = None
        self._heartbeat_script = self.client.register_script(_HEARTBEAT)
        self._heartbeat = task.LoopingCall(self.heartbeat)
        self._waiting = False
        self.stopping = False
        self._watch = task.LoopingCall(self._wake_up_if_queued)
        for handler, signal in (
            (self._opened, signals.spider_opened), (self._idle, signals.spider_idle),
            (self._closed, signals.spider_closed), (self._item_gone, signals.item_dropped),
            (self._item_gone, signals.item_error), (self._committed, items_committed),
            (self._flushing, lines_flushing), (self._stopping, STOP_DOWNLOADS),
        ):  # fmt: skip
            crawler.signals.connect(handler, signal=signal)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> WorkerExtension:
        config = newscrawl_settings(crawler)
        if not config.redis_url or not hasattr(crawler.spider, "crawl_id"):
            raise NotConfigured("not a distributed crawl")
        return cls(crawler, config)

    # --- the state store, opened by StateExtension through the spider ----------------------
    def open_store(self, owner: str) -> RedisStateStore:
        self._store = RedisStateStore(
            self.client, self.keys.prefix, owner=owner,
            threshold=self.config.near_duplicate_threshold,
            may_save_validators=lambda: crawlrun.crawl_is_clean(self.client, self.keys),
        )  # fmt: skip
        return self._store

    # --- membership ---------------------------------------------------------------------
    def _opened(self) -> None:
        info = {"host": socket.gethostname(), "boot": boot_id(), "pid": os.getpid()}
        pipe = self.client.pipeline(transaction=True)
        pipe.sadd(self.keys.frontier("workers"), self.worker_id)
        pipe.hset(self.keys.frontier("winfo"), self.worker_id, json.dumps(info))
        pipe.execute()
        self.heartbeat()
        self._heartbeat.start(max(0.2, self.config.redis_lease_seconds / 3), now=False)
        self._watch.start(WATCH_SECONDS, now=False)
        logger.info("worker %s joined crawl %s", self.worker_id, self.keys.crawl_id)

    def heartbeat(self) -> None:
        ttl_ms = int(self.config.redis_lease_seconds * 1000)
        keys = [self.keys.frontier("workers"), self.keys.alive(self.worker_id)]
        if self._heartbeat_script(keys=keys, args=[self.worker_id, ttl_ms]):
            self.reaper.run()
            return
        # unregistered: the crawl finished (its frontier is gone), or the cluster reaped us
        record = crawlrun.read_crawl(self.client, self.keys)
        if record is None or record.crawl_id != self.keys.crawl_id or not record.running:
            self._heartbeat.stop()
            self._waiting = False
            engine = self.crawler.engine
            if engine is not None and engine.spider is not None:
                _ = deferred_from_coro(engine.close_spider_async(reason="finished"))
            return
        fail_stop(
            f"worker {self.worker_id} was silent longer than "
            f"{self.config.redis_lease_seconds:.0f}s and its work was handed over; stopping"
        )

    # --- leases ---------------------------------------------------------------------------
    def ack(self, leases: Iterable[str]) -> None:
        self.frontier.ack(*leases)

    def arrived(self, request: Request) -> None:
        self.ack(self.leases.arrived(request))

    def returned(self, request: Request | None, output: list[Any]) -> None:
        """A callback or errback of `request` returned `output` (called by the spider)."""
        lease = lease_of(request)
        if lease is None or self.stopping:
            return  # stopping: downloads are cancelled, and a cancelled fetch is not done
        requests = [r for r in output if isinstance(r, Request)]
        urls = [str(ItemAdapter(i).get("url")) for i in output if is_item(i)]
        self.leases.emitted(lease, requests, urls)
        self.ack(self.leases.returned(lease))

    def _item_gone(self, item: Any, response: Any = None, exception: Any = None) -> None:
        if isinstance(exception, NotWritten):
            self.stopping = True  # the writer stopped: what it did not write stays leased
            return
        request = getattr(response, "request", None)
        self.ack(self.leases.settled(str(ItemAdapter(item).get("url")), lease_of(request)))

    def _committed(self, urls: list[str]) -> None:
        done: list[str] = []
        for url in urls:
            done += self.leases.settled(url)
        self.ack(done)

    def _stopping(self) -> None:
        self.stopping = True

    def _flushing(self, paths: list[str]) -> None:
        if self._store is not None and paths:
            self._store.note_flush(paths)

    # --- stopping -------------------------------------------------------------------------
    def _idle(self) -> None:
        """The engine is idle: settle leases, then stop only when the whole crawl is done."""
        self.ack(self.leases.idle())
        orphans = self.frontier.leases() - self.leases.outstanding()
        if orphans:  # leased by a pop whose reply was lost in an outage: never started here
            self.frontier.release(leases=sorted(orphans))
        self.reaper.run()
        record = crawlrun.read_crawl(self.client, self.keys)
        if record is None or record.crawl_id != self.keys.crawl_id or not record.running:
            return  # finished (or replaced) by another worker: stop now
        self._waiting = True
        if not self.frontier.drained() or not record.seeded:
            self._drained_since = None
            raise DontCloseSpider
        now = time.monotonic()
        self._drained_since = self._drained_since or now
        if now - self._drained_since < self.config.redis_idle_timeout:
            raise DontCloseSpider
        self._waiting = False

    def _wake_up_if_queued(self) -> None:
        """An idle engine looks at its scheduler again only every 5 s: when other workers queue
        requests meanwhile, hand the engine a request to schedule, which makes it look now (the
        scheduler drops this one, `WAKE_UP`)."""
        engine = self.crawler.engine
        if not self._waiting or engine is None or engine.spider is None:
            return
        if self.frontier.queued():
            self._waiting = False
            engine.crawl(Request(WAKE_UP_URL, meta={WAKE_UP: True}, dont_filter=True))

    def _closed(self, reason: str) -> None:
        for loop in (self._heartbeat, self._watch):
            if loop.running:
                loop.stop()
        returned = self.frontier.release()  # leases back in the queue, claims freed, unregistered
        if returned:
            logger.warning("returned %d unfinished requests to the queue (%s)", returned, reason)
        if reason == "finished" and crawlrun.finish_crawl(self.client, self.keys):
            deleted = crawlrun.delete_frontier(self.client, self.keys)
            logger.info("crawl %s finished; %d frontier keys deleted", self.keys.crawl_id, deleted)


def worker_of(crawler: Crawler) -> WorkerExtension:
    """The crawl's `WorkerExtension`; a clear error when the crawl is not distributed."""
    extension = crawler.get_extension(WorkerExtension)
    if extension is None:
        raise RuntimeError("newscrawl.distributed.worker.WorkerExtension is not enabled")
    return extension
