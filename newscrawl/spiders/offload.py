"""Extraction in worker processes (`newscrawl crawl --processes N`): the second core.

The crawler process downloads, navigates, classifies and runs the pipelines; N-1 worker processes
run the extractor, which is most of a page's CPU. Why a pool rather than one crawler per share of
the sites: a single-site crawl (the costliest case) would keep one core, and several crawlers
would need one state store and one near-duplicate index between them (figures: BENCHMARKS.md).

An article request's callback sends the page to a worker as soon as it arrives, then classifies
it and awaits the article: the crawler reads other pages meanwhile. Each worker keeps its own
site learners (title affixes, recurring blocks, body container), started from the facts earlier
runs saved; the facts they learn come back with each result and the crawler saves them. With one
worker (2 cores) the worker sees every page in the order the crawler got them, as in-process
extraction does. A broken pool (a worker killed) is counted and extraction goes on in-process.
"""

from __future__ import annotations

import logging
import os
import signal
import threading
import time
import traceback
from collections.abc import Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from multiprocessing import get_context
from typing import Any

from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.misc import load_object
from twisted.internet.defer import Deferred

from newscrawl.extraction.encoding import UndecodablePage
from newscrawl.extraction.page import parse_page
from newscrawl.extraction.site_blocks import FACT_NAME as BLOCKS_FACT
from newscrawl.extraction.site_learning import FACT_NAME as TITLES_FACT
from newscrawl.items import Article
from newscrawl.profiles import SiteProfile
from newscrawl.spiders.titlelearning import FactStore, TitleLearners

logger = logging.getLogger(__name__)
FACTS = (TITLES_FACT, BLOCKS_FACT)
Fact = tuple[str, str, str]  # (site, key, value)


def worker_count(processes: int) -> int:
    """Extraction workers for `--processes`: the crawler is one process; 0 means one per CPU.

    >>> worker_count(1), worker_count(2), worker_count(4)
    (0, 1, 3)
    >>> worker_count(0) == (os.cpu_count() or 1) - 1
    True
    """
    total = processes if processes > 0 else (os.cpu_count() or 1)
    return max(total - 1, 0)


@dataclass(frozen=True)
class ExtractionTask:
    """What the extractor needs of one page, sent to a worker."""

    site: str
    body: bytes
    url: str
    content_type: str | None
    profile: SiteProfile
    hints: dict[str, Any]
    fetched_at: str
    timezone: str | None


@dataclass(frozen=True)
class Extracted:
    """A worker's answer: the article (or None), or why there is none."""

    article: Article | None
    undecodable: bool = False
    failure: str | None = None
    """The extractor's traceback when it raised (the crawler logs and counts it)."""
    timezone: str | None = None
    hints: dict[str, Any] = field(default_factory=dict)
    facts: tuple[Fact, ...] = ()
    """Site facts the worker's learners changed while reading this page."""

    def fits(self, timezone: str | None, hints: dict[str, Any]) -> bool:
        """Whether it was read with what the crawler knows now (the site's clock may have
        learnt its zone from this very page since)."""
        return self.timezone == timezone and self.hints == hints


class ExtractionFailed(RuntimeError):
    """The extractor raised in a worker; the message is its traceback."""


class _FactMemo:
    """A worker's `FactStore`: the facts it started with, and the changes to send back."""

    def __init__(self, facts: dict[tuple[str, str], str]) -> None:
        self.facts = facts
        self.changed: dict[tuple[str, str], str] = {}

    def site_fact(self, site: str, key: str) -> str | None:
        return self.facts.get((site, key))

    def save_site_fact(self, site: str, key: str, value: str) -> None:
        self.facts[(site, key)] = self.changed[(site, key)] = value

    def take_changes(self) -> tuple[Fact, ...]:
        changes = tuple((site, key, value) for (site, key), value in self.changed.items())
        self.changed.clear()
        return changes


@dataclass
class _Worker:
    extractor: Any
    titles: TitleLearners
    memo: _FactMemo


_WORKER: _Worker | None = None


def _start_worker(
    extractor: str, facts: dict[tuple[str, str], str], flags: tuple[bool, bool, bool], parent: int
) -> None:
    global _WORKER
    # Ctrl-C reaches the whole process group: the crawler stops gracefully and shuts its
    # workers down after their current page; a worker dying of it would only lose that page
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    memo = _FactMemo(facts)
    blocks, containers, titles = flags
    learners = TitleLearners(
        memo, learn_blocks=blocks, learn_containers=containers, learn_titles=titles
    )
    _WORKER = _Worker(load_object(extractor), learners, memo)
    threading.Thread(target=_exit_with, args=(parent,), daemon=True).start()


def _exit_with(parent: int) -> None:
    # a crawler killed with -9 cannot shut its pool down: a worker must not outlive it
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(0)


def _extract(task: ExtractionTask) -> Extracted:
    assert _WORKER is not None, "worker not started"
    learned = _WORKER.titles.for_site(task.site)
    read_with = {"timezone": task.timezone, "hints": task.hints}
    try:
        article = _WORKER.extractor(
            task.body, task.url, content_type=task.content_type, profile=task.profile,
            fetched_at=task.fetched_at, learned=learned, **read_with,
        )  # fmt: skip
    except UndecodablePage:
        return Extracted(None, True, None, task.timezone, task.hints)
    except Exception:
        return Extracted(None, False, traceback.format_exc(), task.timezone, task.hints)
    _WORKER.titles.remember(task.site)
    facts = _WORKER.memo.take_changes()
    return Extracted(article, False, None, task.timezone, task.hints, facts)


def _observe_listing(
    site: str, url: str, body: bytes, content_type: str | None
) -> tuple[Fact, ...]:
    assert _WORKER is not None, "worker not started"
    try:
        page = parse_page(body, url, content_type)
    except UndecodablePage:
        return ()
    if page is None:
        return ()
    _WORKER.titles.observe_listing(site, url, page.root)
    _WORKER.titles.remember(site)
    return _WORKER.memo.take_changes()


def _settled(future: Future[Any]) -> Deferred[Any]:
    """`future` (finished in a pool thread) as a Deferred fired in the reactor thread."""
    from twisted.internet import reactor

    deferred: Deferred[Any] = Deferred()

    def fire(done: Future[Any]) -> None:
        error = done.exception()
        if error is not None:
            deferred.errback(error)
        else:
            deferred.callback(done.result())

    future.add_done_callback(lambda done: reactor.callFromThread(fire, done))
    return deferred


class ExtractionPool:
    """The crawl's extraction workers; `extract` falls back to None (extract in-process) once
    the pool is broken."""

    def __init__(
        self, workers: int, extractor: str, titles: TitleLearners, sites: Iterable[str], count: Any
    ) -> None:
        self.count = count
        self.store: FactStore | None = titles.store
        facts = self._saved_facts(sites)
        flags = (titles.learn_blocks, titles.learn_containers, titles.learn_titles)
        self.broken = False
        self._executor = ProcessPoolExecutor(
            workers, mp_context=get_context("spawn"), initializer=_start_worker,
            initargs=(extractor, facts, flags, os.getpid()),
        )  # fmt: skip

    def _saved_facts(self, sites: Iterable[str]) -> dict[tuple[str, str], str]:
        if self.store is None:
            return {}
        found = ((site, key, self.store.site_fact(site, key)) for site in sites for key in FACTS)
        return {(site, key): value for site, key, value in found if value is not None}

    async def extract(self, task: ExtractionTask) -> Extracted | None:
        """The worker's answer for `task`, or None when the pool is broken."""
        if self.broken:
            return None
        try:
            extracted: Extracted = await maybe_deferred_to_future(
                _settled(self._executor.submit(_extract, task))
            )
        except (BrokenProcessPool, RuntimeError) as exc:  # RuntimeError: shut down meanwhile
            self._break(exc)
            return None
        self._save(extracted.facts)
        self.count("offload/extracted")
        return extracted

    def observe_listing(self, site: str, url: str, body: bytes, content_type: str | None) -> None:
        """Show the workers' learners a page that is no article (answered in the background)."""
        if self.broken:
            return
        try:
            future = self._executor.submit(_observe_listing, site, url, body, content_type)
        except (BrokenProcessPool, RuntimeError) as exc:
            self._break(exc)
            return
        _settled(future).addCallbacks(self._save, self._observe_failed)

    def _observe_failed(self, failure: Any) -> None:
        logger.warning("a worker could not learn from a listing page: %s", failure.value)
        self.count("offload/observe_failed")

    def _save(self, facts: tuple[Fact, ...]) -> None:
        for site, key, value in facts:
            if self.store is not None:
                self.store.save_site_fact(site, key, value)

    def _break(self, error: BaseException) -> None:
        if not self.broken:
            logger.error("extraction workers are gone (%s); extracting in-process", error)
            self.count("offload/broken")
        self.broken = True

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)
