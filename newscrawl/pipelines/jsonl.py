"""The last pipeline: a crash-safe, append-only JSON Lines writer that marks articles done.

Lines queue in memory and reach the disk in small batches (every NEWSCRAWL_FSYNC_ITEMS items or
NEWSCRAWL_FSYNC_SECONDS seconds, and at close): write, fsync, and only then commit the batch's
done marks together with the new durable file lengths. A kill therefore loses at most one
unfsynced batch, whose articles are fetched again next run; lines that did reach the disk after
the last commit are read back at the next start (`newscrawl.state.reconcile`).

A write error (ENOSPC, EIO, EFBIG, permissions) stops the crawl with reason "write_error" and the
stat `newscrawl/fatal`; the failed batch is cut off the file and none of it is marked done.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import time
from collections import Counter
from pathlib import Path
from typing import Any

from itemadapter import ItemAdapter
from scrapy.crawler import Crawler
from scrapy.exceptions import CloseSpider, DropItem
from scrapy.utils.defer import deferred_from_coro
from twisted.internet import task
from twisted.internet.defer import Deferred
from twisted.python.failure import Failure

from newscrawl.config import newscrawl_settings
from newscrawl.outcomes import WRITTEN, site_key
from newscrawl.pipelines.output_files import LineEncoder, OutputFile, partition_path
from newscrawl.state.base import DoneMark
from newscrawl.state.extension import StateExtension, state_of

logger = logging.getLogger(__name__)

WRITE_ERROR = "write_error"
# Signals for a distributed crawl (newscrawl.distributed.worker): lines are about to be fsynced to
# `paths` without done marks yet (a dead worker's files must then be read back before its work is
# handed to another); the articles `urls` are now durable and marked done.
lines_flushing = object()
items_committed = object()


class NotWritten(DropItem):
    """The writer could not write the item now (the crawl is stopping, or a write failed): unlike
    a duplicate, it is not done, and a distributed crawl fetches it again."""


ITEM_LIMIT_REACHED = "closespider_itemcount"


class JsonLinesWriterPipeline:
    """Writes articles to NEWSCRAWL_OUTPUT (appended) or the partitioned layout."""

    def __init__(self, crawler: Crawler) -> None:
        config = newscrawl_settings(crawler)
        assert crawler.stats is not None
        self.crawler = crawler
        self.stats = crawler.stats
        self.output = Path(os.path.abspath(config.output)) if config.output else None
        self.data_dir = Path(os.path.abspath(config.data_dir))
        self.batch_items = max(1, config.fsync_items)
        self.batch_seconds = config.fsync_seconds
        self.max_articles = config.max_articles
        self._encoder = LineEncoder()
        self._files: dict[Path, OutputFile] = {}
        self._marks: list[DoneMark] = []
        self._written = 0
        self._stopped_by: str | None = None
        self._last_flush = time.monotonic()
        self._timer = task.LoopingCall(self._flush_if_due)
        self._closing: Deferred[None] | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> JsonLinesWriterPipeline:
        return cls(crawler)

    @property
    def state(self) -> StateExtension:
        return state_of(self.crawler)

    def open_spider(self) -> None:
        _ = self.state.store  # opened and reconciled before the first request, or CloseSpider
        if self.output is not None:
            try:
                self._file(self.output)
            except (OSError, sqlite3.Error) as exc:
                self._record_failure(exc)
                raise CloseSpider(WRITE_ERROR) from exc
        if self.batch_seconds > 0:
            self._timer.start(self.batch_seconds, now=False)

    def close_spider(self) -> None:
        if self._timer.running:
            self._timer.stop()
        self._flush()
        for output_file in self._files.values():
            output_file.close()
        self._files.clear()

    def process_item(self, item: Any) -> Any:
        if self._stopped_by is not None:
            self.stats.inc_value(f"newscrawl/dropped/after_{self._stopped_by}")
            raise NotWritten(f"not written: crawl stopping ({self._stopped_by})", log_level="DEBUG")
        adapter = ItemAdapter(item)
        try:
            output_file = self._file(self._path_for(adapter))
        except (OSError, sqlite3.Error) as exc:
            self._fail(exc)
            raise NotWritten(f"not written: {exc}") from exc
        output_file.append(self._encoder.encode(item))
        self._marks.append(self._mark(adapter, output_file.path))
        self._written += 1
        limit_reached = bool(self.max_articles) and self._written >= self.max_articles
        if limit_reached or len(self._marks) >= self.batch_items:
            self._flush()
        if self._stopped_by == WRITE_ERROR:  # counted with its batch in _fail
            raise NotWritten("not written: write error", log_level="DEBUG")
        if limit_reached:
            self._stop(ITEM_LIMIT_REACHED)
        return item

    def _mark(self, adapter: ItemAdapter, path: Path) -> DoneMark:
        url = adapter["url"]
        extras = self.state.take_extras(url)
        return DoneMark(
            url=url,
            site=adapter["site"],
            content_hash=adapter.get("content_hash"),
            modified_at=adapter.get("modified_at"),
            lastmod=extras.lastmod,
            signature=extras.signature,
            aliases=tuple(sorted(extras.aliases - {url})),
            output=str(path),
        )

    def _path_for(self, adapter: ItemAdapter) -> Path:
        if self.output is not None:
            return self.output
        fetched_at = adapter.get("fetched_at")
        return partition_path(self.data_dir, adapter["site"], fetched_at, self.state.run_id)

    def _file(self, path: Path) -> OutputFile:
        output_file = self._files.get(path)
        if output_file is None:
            # The state store opened reconciled every known output file, NEWSCRAWL_OUTPUT
            # included; a new partition file starts empty.
            store = self.state.store
            known = str(path) in store.output_offsets()
            output_file = self._files[path] = OutputFile(path)
            if not known:
                store.register_output(str(path), output_file.durable)
        return output_file

    def _flush_if_due(self) -> None:
        if time.monotonic() - self._last_flush >= self.batch_seconds:
            self._flush()

    def _flush(self) -> None:
        self._last_flush = time.monotonic()
        if self._stopped_by == WRITE_ERROR or not self._marks:
            return
        try:
            pending = [str(f.path) for f in self._files.values() if f.has_pending]
            self.crawler.signals.send_catch_log(lines_flushing, paths=pending)
            offsets = {str(f.path): f.flush() for f in self._files.values() if f.has_pending}
            self.state.store.commit_done(self._marks, offsets)
        except (OSError, sqlite3.Error) as exc:
            self._fail(exc)
            return
        self.crawler.signals.send_catch_log(items_committed, urls=[m.url for m in self._marks])
        self.stats.inc_value("newscrawl/writer/written", len(self._marks))
        for site, written in Counter(mark.site for mark in self._marks).items():
            self.stats.inc_value(f"newscrawl/{site_key(site, WRITTEN)}", written)
        self.stats.inc_value("newscrawl/writer/fsyncs")
        self._marks = []

    def _record_failure(self, exc: BaseException) -> None:
        where = "state store: " if isinstance(exc, sqlite3.Error) else ""
        reason = f"write error: {where}{exc}"
        self.stats.set_value("newscrawl/fatal", reason)
        logger.error("%s; stopping the crawl, unwritten articles stay undone", reason)

    def _fail(self, exc: BaseException) -> None:
        self._record_failure(exc)
        self.stats.inc_value("newscrawl/dropped/write_error", len(self._marks))
        self._marks = []
        for output_file in self._files.values():
            # If even the truncation fails, the torn tail is repaired at the next start.
            with contextlib.suppress(OSError):
                output_file.rollback()
        self._stop(WRITE_ERROR)

    def _stop(self, reason: str) -> None:
        self._stopped_by = reason
        try:
            engine = self.crawler.engine
        except RuntimeError:
            return  # not crawling: the pipeline is driven directly (tests, tools)
        if engine is None or engine.spider is None or self._closing is not None:
            return
        self._closing = deferred_from_coro(engine.close_spider_async(reason=reason))
        self._closing.addErrback(self._log_close_failure)

    @staticmethod
    def _log_close_failure(failure: Failure) -> None:
        logger.error("could not stop the crawl: %s", failure.getErrorMessage())
