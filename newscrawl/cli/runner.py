"""Run one crawl in this process with the real Scrapy engine and report what happened."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

NORMAL_FINISH = {"finished", "closespider_itemcount", "max_articles", "closespider_pagecount"}


@dataclass
class CrawlResult:
    """The outcome of a crawl: its final stats and whether it succeeded."""

    stats: dict[str, Any] = field(default_factory=dict)

    @property
    def finish_reason(self) -> str:
        return str(self.stats.get("finish_reason", "unknown"))

    @property
    def fatal(self) -> str | None:
        """Why the crawl failed, or None when it did not."""
        reason = self.stats.get("newscrawl/fatal")
        if reason:
            return str(reason)
        if self.finish_reason not in NORMAL_FINISH:
            return f"crawl stopped: {self.finish_reason}"
        return None

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
    """Logged errors plus download failures; deliberate skips (IgnoreRequest) are not errors.

    >>> error_count({"log_count/ERROR": 1, "downloader/exception_count": 5,
    ...              "downloader/exception_type_count/scrapy.exceptions.IgnoreRequest": 4})
    2
    """
    ignored = int(stats.get("downloader/exception_type_count/scrapy.exceptions.IgnoreRequest", 0))
    failed_downloads = int(stats.get("downloader/exception_count", 0)) - ignored
    return int(stats.get("log_count/ERROR", 0)) + failed_downloads


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


def run_crawl(targets: list[str], settings: Settings, *, since: str | None = None) -> CrawlResult:
    """Crawl `targets` (validated specs) to the end; blocks until the crawl stops."""
    process = CrawlerProcess(settings)
    crawler = process.create_crawler("news")
    kwargs = {"targets": ",".join(targets)}
    if since:
        kwargs["since"] = since
    process.crawl(crawler, **kwargs)
    process.start()
    stats = crawler.stats.get_stats() if crawler.stats else {}
    return CrawlResult(stats=dict(stats))
