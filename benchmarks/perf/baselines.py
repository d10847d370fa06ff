"""The two plain-Scrapy pipelines newscrawl is compared with, each run as its own process.

    python -m benchmarks.perf.baselines links ORIGIN OUT.jsonl [--timeout S]
    python -m benchmarks.perf.baselines trafilatura ORIGIN OUT.jsonl [--timeout S]

(a) `links`: a minimal SitemapSpider (robots.txt → sitemap index → children) that fetches every
listed article and writes one `{"url", "bytes"}` line per page: the cost of Scrapy itself,
one process' ceiling. (b) `trafilatura`: the same spider, each page through
`trafilatura.extract(..., output_format="json", with_metadata=True)` (body, title, date,
author: what a user would pick instead of newscrawl) into JSON Lines via Scrapy's feed export.
Politeness is off exactly as for newscrawl in the comparison: no delay, no AutoThrottle,
8 requests at a time per domain. Project settings (scrapy.cfg) are deliberately not loaded.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from typing import Any

import trafilatura
from scrapy.crawler import CrawlerProcess
from scrapy.http import Response
from scrapy.spiders import SitemapSpider

POLITENESS_OFF = {"DOWNLOAD_DELAY": 0, "AUTOTHROTTLE_ENABLED": False,
                  "CONCURRENT_REQUESTS_PER_DOMAIN": 8}  # fmt: skip


class LinksSpider(SitemapSpider):
    """(a): fetch every article the sitemaps list; no extraction."""

    name = "links"

    def __init__(self, origin: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.sitemap_urls = [origin.rstrip("/") + "/robots.txt"]

    def parse(self, response: Response, **kwargs: Any) -> Iterator[dict[str, Any]]:
        yield {"url": response.url, "bytes": len(response.body)}


class TrafilaturaSpider(LinksSpider):
    """(b): the same crawl, each page extracted by trafilatura with its metadata."""

    name = "trafilatura"

    def parse(self, response: Response, **kwargs: Any) -> Iterator[dict[str, Any]]:
        text = getattr(response, "text", None)
        if text is None:
            return
        document = trafilatura.extract(
            text, url=response.url, output_format="json", with_metadata=True
        )
        if document:
            yield json.loads(document)


SPIDERS = {"links": LinksSpider, "trafilatura": TrafilaturaSpider}


def settings(output: str, timeout: float) -> dict[str, Any]:
    return {
        **POLITENESS_OFF, "CONCURRENT_REQUESTS": 16, "ROBOTSTXT_OBEY": True,
        "TELNETCONSOLE_ENABLED": False, "LOG_LEVEL": "INFO",
        "FEEDS": {output: {"format": "jsonlines", "encoding": "utf-8", "overwrite": True}},
        "CLOSESPIDER_TIMEOUT": timeout,  # the harness kills us later anyway; this ends cleanly
    }  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("pipeline", choices=sorted(SPIDERS))
    options.add_argument("origin", help="http://127.0.0.1:PORT")
    options.add_argument("output", help="JSON Lines file to write")
    options.add_argument("--timeout", type=float, default=3600.0)
    args = options.parse_args(argv)
    process = CrawlerProcess(settings(args.output, args.timeout), install_root_handler=True)
    process.crawl(SPIDERS[args.pipeline], origin=args.origin)
    process.start()
    return 0


if __name__ == "__main__":
    sys.exit(main())
