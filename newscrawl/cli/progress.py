"""A one-line progress display on the terminal while a crawl runs."""

from __future__ import annotations

import sys
import time
from typing import TextIO

from scrapy import signals
from scrapy.crawler import Crawler
from twisted.internet import task

from newscrawl.cli.runner import error_count


def progress_line(pages: int, articles: int, errors: int, elapsed: float) -> str:
    """The status line shown during a crawl.

    >>> progress_line(120, 40, 1, 20.0)
    'pages 120 | articles 40 | errors 1 | 6.0 pages/s | 2.0 articles/s'
    """
    elapsed = max(elapsed, 1e-9)
    return (
        f"pages {pages} | articles {articles} | errors {errors} | "
        f"{pages / elapsed:.1f} pages/s | {articles / elapsed:.1f} articles/s"
    )


class ProgressReporter:
    """Redraws the progress line every second on stderr (only when stderr is a terminal)."""

    def __init__(self, crawler: Crawler, stream: TextIO = sys.stderr) -> None:
        self.crawler = crawler
        self.stream = stream
        self.started = time.monotonic()
        self.loop = task.LoopingCall(self.draw)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ProgressReporter:
        reporter = cls(crawler)
        crawler.signals.connect(reporter.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(reporter.spider_closed, signal=signals.spider_closed)
        return reporter

    def spider_opened(self) -> None:
        if self.stream.isatty():
            self.started = time.monotonic()
            self.loop.start(1.0, now=False)

    def spider_closed(self) -> None:
        if self.loop.running:
            self.loop.stop()
            self.stream.write("\r\033[K")
            self.stream.flush()

    def draw(self) -> None:
        stats = self.crawler.stats
        if stats is None:
            return
        line = progress_line(
            int(stats.get_value("response_received_count", 0)),
            int(stats.get_value("newscrawl/writer/written", 0)),
            error_count(stats.get_stats()),
            time.monotonic() - self.started,
        )
        self.stream.write("\r\033[K" + line)
        self.stream.flush()
