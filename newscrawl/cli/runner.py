"""Run one crawl in this process with the real Scrapy engine and report what happened."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from scrapy.crawler import Crawler, CrawlerProcess
from scrapy.settings import Settings
from scrapy.spiders import Spider

from newscrawl.cli.interrupts import InterruptRecorder
from newscrawl.cli.tracebacks import quiet_tracebacks
from newscrawl.downloader.handler import STOP_DOWNLOADS

NORMAL_FINISH = {"finished", "closespider_itemcount", "max_articles", "closespider_pagecount"}


@dataclass
class CrawlResult:
    """The outcome of a crawl: its final stats and whether it succeeded."""

    stats: dict[str, Any] = field(default_factory=dict)
    # "SIGINT" or "SIGTERM" when a signal stopped the crawl, with the exit status it implies
    interrupted: str | None = None
    status: int = 0

    @property
    def finish_reason(self) -> str:
        return str(self.stats.get("finish_reason", "unknown"))

    @property
    def fatal(self) -> str | None:
        """Why the crawl failed, or None when it did not."""
        reason = self.stats.get("newscrawl/fatal")
        if reason:
            return str(reason)
        if self.unreachable and not self.pages:
            return "nothing could be fetched: every site is unreachable"
        if self.finish_reason not in NORMAL_FINISH:
            return f"crawl stopped: {self.finish_reason}"
        return None

    @property
    def unreachable(self) -> dict[str, str]:
        """Origins given up as unreachable, with the reason."""
        prefix = "newscrawl/unreachable/"
        return {k[len(prefix) :]: str(v) for k, v in self.stats.items() if k.startswith(prefix)}

    @property
    def articles(self) -> int:
        return int(self.stats.get("newscrawl/writer/written", 0))

    @property
    def pages(self) -> int:
        return int(self.stats.get("response_received_count", 0))

    @property
    def errors(self) -> int:
        return error_count(self.stats)


def error_count(stats: dict[str, Any]) -> int:
    """Failed URLs (each once, after its retries) plus other logged errors.

    Download exceptions are counted per attempt by Scrapy, and its retry middleware logs an
    error for each URL it gives up on; the spider counts each failed fetch once.

    >>> error_count({"newscrawl/failed/article/timeout": 3, "newscrawl/failed/robots/dns": 1,
    ...              "downloader/exception_count": 16, "log_count/ERROR": 5,
    ...              "retry/max_reached": 4, "newscrawl/failed/parse/article": 1})
    5
    """
    failed = sum(
        int(v) for k, v in stats.items()
        if k.startswith("newscrawl/failed/") and not k.startswith("newscrawl/failed/parse/")
    )  # fmt: skip
    # parse failures are logged (log_count/ERROR); give-ups are the failed URLs counted above
    logged = int(stats.get("log_count/ERROR", 0)) - int(stats.get("retry/max_reached", 0))
    return failed + max(0, logged)


def stop_downloads(crawler: Crawler) -> None:
    """Cancel the crawl's downloads in flight, so a graceful stop takes seconds, not minutes."""
    crawler.signals.send_catch_log(signal=STOP_DOWNLOADS)


def crawl_settings(
    *,
    output: str | None,
    state_dir: str | None,
    max_articles: int,
    overrides: dict[str, str],
    progress: bool,
) -> Settings:
    """Project settings, then the CLI's own options, then `-s NAME=VALUE` overrides."""
    settings = Settings()
    settings.setmodule("newscrawl.settings", priority="project")
    settings.set("LOG_LEVEL", "WARNING", priority="cmdline")
    settings.set("NEWSCRAWL_OUTPUT", output, priority="cmdline")
    settings.set("NEWSCRAWL_STATE_DIR", state_dir, priority="cmdline")
    settings.set("NEWSCRAWL_MAX_ARTICLES", max_articles, priority="cmdline")
    if progress:
        extensions = settings.getdict("EXTENSIONS")
        extensions["newscrawl.cli.progress.ProgressReporter"] = 900
        settings.set("EXTENSIONS", extensions, priority="cmdline")
    for name, value in overrides.items():
        settings.set(name, value, priority="cmdline")
    return settings


def run_crawl(
    targets: list[str],
    settings: Settings,
    *,
    since: str | None = None,
    spider: str | type[Spider] = "news",
    spider_args: dict[str, str] | None = None,
) -> CrawlResult:
    """Crawl `targets` (validated specs) to the end; blocks until the crawl stops."""
    process = CrawlerProcess(settings)
    crawler = process.create_crawler(spider)
    kwargs = {"targets": ",".join(targets), **(spider_args or {})}
    if since:
        kwargs["since"] = since
    process.crawl(crawler, **kwargs)  # installs the reactor and Scrapy's root log handler
    quiet_tracebacks(settings)
    interrupts = InterruptRecorder(on_first=lambda: stop_downloads(crawler))
    interrupts.install()
    process.start()
    stats = crawler.stats.get_stats() if crawler.stats else {}
    return CrawlResult(
        stats=dict(stats), interrupted=interrupts.name, status=interrupts.exit_status
    )
