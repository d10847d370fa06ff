"""`StateExtension`: opens the crawl's state store and carries per-item state between components.

The store is opened on first use (pipelines open before the `spider_opened` signal) and, on
opening, reconciled with the output files, so every component sees the same, consistent state.
"""

from __future__ import annotations

import logging
import os
import secrets
import sqlite3
from dataclasses import dataclass, field
from datetime import UTC, datetime

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import CloseSpider
from scrapy.statscollectors import StatsCollector

from newscrawl.config import newscrawl_settings
from newscrawl.failures import failed_fetches
from newscrawl.state.base import StateStore, Validators
from newscrawl.state.reconcile import reconcile_outputs
from newscrawl.state.sqlite import SqliteStateStore, StateLockedError

logger = logging.getLogger(__name__)

NORMAL_FINISH = "finished"
STATE_ERROR = "state_error"


@dataclass
class ItemExtras:
    """What middlewares and pipelines learn about an item before the writer marks it done."""

    aliases: set[str] = field(default_factory=set)
    lastmod: str | None = None
    signature: bytes | None = None


def new_run_id() -> str:
    """A sortable, unique run id: UTC time plus a random suffix.

    >>> len(new_run_id()) == len("20260101T000000Z-0a1b2c")
    True
    """
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ-") + secrets.token_hex(3)


class StateExtension:
    """Owns the `StateStore` of one crawl; `crawler.get_extension(StateExtension).store`."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.run_id = new_run_id()
        self._store: StateStore | None = None
        self._extras: dict[str, ItemExtras] = {}
        self._staged_validators: dict[str, Validators] = {}
        crawler.signals.connect(self._spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StateExtension:
        return cls(crawler)

    @property
    def stats(self) -> StatsCollector:
        assert self.crawler.stats is not None
        return self.crawler.stats

    @property
    def store(self) -> StateStore:
        if self._store is None:
            self._store = self._open()
        return self._store

    def _open(self) -> StateStore:
        state_dir = newscrawl_settings(self.crawler).state_dir
        store: StateStore | None = None
        try:
            store = self._new_store(state_dir)
            self._adopt_output_file(store)
            report = reconcile_outputs(store)
            store.start_run(self.run_id)
        except (StateLockedError, OSError, sqlite3.Error) as exc:
            if store is not None:
                store.close()
            self.stats.set_value("newscrawl/fatal", f"state error: {exc}")
            logger.error("cannot open the state store %s: %s", state_dir or ":memory:", exc)
            # Raised while the pipelines open, this stops the crawl before any request.
            raise CloseSpider(STATE_ERROR) from exc
        self.stats.inc_value("newscrawl/writer/torn_lines_repaired", report.torn_lines)
        self.stats.inc_value("newscrawl/state/reconciled_items", report.recovered)
        self.stats.inc_value("newscrawl/state/unreadable_lines", report.unreadable)
        self.stats.inc_value("newscrawl/state/missing_outputs", len(report.missing))
        self.stats.inc_value("newscrawl/state/shortened_outputs", len(report.shortened))
        self.stats.inc_value("newscrawl/state/lost_articles", report.lost)
        for name in report.shortened:
            logger.warning(
                "output file %s is shorter than what was written to it; %d lost articles will "
                "be fetched again", name, report.lost,
            )  # fmt: skip
        for name in report.missing:
            # never silent: these articles count as done although their lines are gone
            logger.warning("output file %s is gone; its articles stay done in the state", name)
        logger.info("state store %s opened (run %s)", state_dir or ":memory:", self.run_id)
        return store

    def _new_store(self, state_dir: str | None) -> StateStore:
        # A spider may bring its own store (a distributed crawl's is in Redis, shared by its
        # workers); each run owns the output files it writes, by its run id.
        opener = getattr(self.crawler.spider, "open_state_store", None)
        if opener is not None:
            store: StateStore = opener(self.run_id)
            return store
        return SqliteStateStore(state_dir)

    def _adopt_output_file(self, store: StateStore) -> None:
        """Treat the lines of an existing NEWSCRAWL_OUTPUT file the store does not know as done.

        The output file is the record of what was emitted: appending to a file written without
        this state (or without any state dir) must not write its articles a second time.
        """
        output = newscrawl_settings(self.crawler).output
        if not output:
            return
        path = os.path.abspath(output)
        if path not in store.output_offsets() and os.path.isfile(path):
            store.register_output(path, 0)
            logger.info("reading the existing output %s: its articles count as done", path)

    def extras(self, url: str) -> ItemExtras:
        """The extras collected so far for the item with canonical `url` (created if new)."""
        return self._extras.setdefault(url, ItemExtras())

    def take_extras(self, url: str) -> ItemExtras:
        """Remove and return the extras of `url` (when it is written or dropped)."""
        return self._extras.pop(url, None) or ItemExtras()

    def stage_validators(self, url: str, validators: Validators) -> None:
        """Keep validators until the crawl finishes normally with no failed article fetch.

        Saving them earlier would let a crawl that was killed half-way (or lost articles to
        errors) get 304s on its next run and never see the articles it had not fetched.
        """
        self._staged_validators[url] = validators

    def _article_failures(self) -> int:
        """Article fetches that failed this run: a 304 next time would hide them for good."""
        return failed_fetches(self.stats.get_stats(), "article")

    def _spider_closed(self, reason: str) -> None:
        if reason == NORMAL_FINISH and self.stats.get_value("newscrawl/fatal"):
            # The writer failed while the engine was already finishing: never report "finished".
            self.stats.set_value("finish_reason", "write_error")
            reason = "write_error"
        if self._store is None:
            return
        store, self._store = self._store, None
        try:
            staged = self._staged_validators
            if reason == NORMAL_FINISH and staged and not self._article_failures():
                store.save_validators(staged)
                self.stats.set_value("newscrawl/state/validators_saved", len(staged))
            store.finish_run(self.run_id, reason)
        finally:
            store.close()


def state_of(crawler: Crawler) -> StateExtension:
    """The crawl's `StateExtension`; a clear error when EXTENSIONS does not enable it."""
    extension = crawler.get_extension(StateExtension)
    if extension is None:
        raise RuntimeError("newscrawl.state.extension.StateExtension is not in EXTENSIONS")
    return extension
