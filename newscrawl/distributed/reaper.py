"""The reaper: a dead worker's leased requests go back to the queue, after its files are read.

Every worker runs it with its heartbeat. A registered worker whose heartbeat expired is dead,
unless it runs on this machine and its process is still alive (merely slow: its work is not
taken from it). Just after a Redis outage every heartbeat may have expired, so a worker reaps
only once its own connection has been quiet for a full lease period.

A dead worker may have fsynced lines without committing their done marks (its `P:intent`). Those
lines are read back first (`newscrawl.state.reconcile`, on that worker's files only), so the
articles it wrote count as done and the requests it leased, fetched again, are skips: nothing is
written twice. Files on another machine cannot be read here: its leases then wait for a worker
that can read them, NEWSCRAWL_REDIS_ORPHAN_WAIT seconds at most, after which they are returned
anyway (and said so: those few articles may be written twice).
"""

from __future__ import annotations

import json
import logging
import os
import socket
import time
from pathlib import Path
from typing import Any

import redis
from scrapy.statscollectors import StatsCollector

from newscrawl.config import NewscrawlSettings
from newscrawl.distributed.frontier import Frontier
from newscrawl.pipelines.output_files import OutputInUseError, check_output_free
from newscrawl.state.reconcile import reconcile_outputs
from newscrawl.state.redis_link import RedisHealth, as_text
from newscrawl.state.redis_store import RedisStateStore

logger = logging.getLogger(__name__)


def process_alive(pid: int) -> bool:
    """Whether process `pid` exists on this machine.

    >>> process_alive(os.getpid())
    True
    """
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def boot_id() -> str:
    """This machine's boot id (pids are comparable only within one boot of one machine)."""
    try:
        return Path("/proc/sys/kernel/random/boot_id").read_text().strip()
    except OSError:
        return ""


class Reaper:
    """Reaps the dead workers of `frontier`'s crawl, on behalf of worker `frontier.worker`."""

    def __init__(
        self,
        client: redis.Redis,
        frontier: Frontier,
        health: RedisHealth,
        config: NewscrawlSettings,
        stats: StatsCollector | None,
    ) -> None:
        self.client = client
        self.frontier = frontier
        self.keys = frontier.keys
        self.health = health
        self.config = config
        self.stats = stats

    def run(self) -> None:
        if self.health.quiet_for() < self.config.redis_lease_seconds:
            return
        for name in self.client.smembers(self.keys.frontier("workers")):
            other = as_text(name)
            if other != self.frontier.worker and not self.client.exists(self.keys.alive(other)):
                self._reap(other)

    def _info(self, worker: str) -> dict[str, Any]:
        raw = self.client.hget(self.keys.frontier("winfo"), worker)
        info: dict[str, Any] = json.loads(raw) if raw else {}
        return info

    def _local(self, info: dict[str, Any]) -> bool:
        return info.get("host") == socket.gethostname() and info.get("boot") == boot_id()

    def _reap(self, worker: str) -> None:
        info = self._info(worker)
        if self._local(info) and process_alive(int(info.get("pid", 0))):
            return  # slow, not dead (its heartbeat will be back)
        lock = self.keys.frontier(f"reaping:{worker}")
        if not self.client.set(lock, self.frontier.worker, nx=True, px=60_000):
            return  # another worker is reaping it
        try:
            if not self._read_back(worker):
                return
            returned = self.frontier.release(worker=worker)
            self.client.incr(self.keys.frontier("reaped"))
            self.client.hdel(self.keys.frontier("winfo"), worker)
            logger.warning("worker %s is gone: %d requests back in the queue", worker, returned)
            if self.stats is not None:
                self.stats.inc_value("newscrawl/distributed/reaped_workers")
                self.stats.inc_value("newscrawl/distributed/reaped_requests", returned)
        finally:
            self.client.delete(lock)

    def _read_back(self, worker: str) -> bool:
        """Reconcile the dead worker's uncommitted lines; False to come back later."""
        intent = self.client.hget(f"{self.keys.prefix}:intent", worker)
        if intent is None:
            return True
        paths = [Path(p) for p in json.loads(intent)]
        if all(p.is_file() for p in paths) and self._free(paths):
            threshold = self.config.near_duplicate_threshold
            store = RedisStateStore(
                self.client, self.keys.prefix, owner=worker, threshold=threshold
            )
            report = reconcile_outputs(store)
            self.client.hdel(f"{self.keys.prefix}:intent", worker)
            logger.info("read back %d lines of worker %s", report.recovered, worker)
            return True
        first = self._first_seen_dead(worker)
        if time.time() - first < self.config.redis_orphan_wait:
            return False
        logger.warning(
            "worker %s died while writing to files this machine cannot read (%s); its work is "
            "handed over: a few of its last articles may be written twice", worker, paths,
        )  # fmt: skip
        self.client.hdel(f"{self.keys.prefix}:intent", worker)
        return True

    def _first_seen_dead(self, worker: str) -> float:
        key = self.keys.frontier("dead_since")
        self.client.hsetnx(key, worker, time.time())
        return float(self.client.hget(key, worker) or time.time())

    @staticmethod
    def _free(paths: list[Path]) -> bool:
        try:
            for path in paths:
                check_output_free(path)
        except OutputInUseError:
            return False
        return True
