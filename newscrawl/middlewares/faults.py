"""Fault accounting and the content guard.

Every error status and download exception is counted (`newscrawl/fault/...`) before Scrapy's
RetryMiddleware decides whether to retry, so "500, 500, 200" shows as two faults and one page.
Pages whose headers announce a non-HTML body (PDF, images, archives) are stopped right after the
headers: the body is never downloaded and the spider counts and skips the truncated response.
"""

from __future__ import annotations

from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import StopDownload
from scrapy.http import Headers, Response
from twisted.python.failure import Failure

from newscrawl.discovery.requests import crawl_meta
from newscrawl.failures import declares_non_html, failure_reason, is_deliberate_skip

PAGE_KINDS = frozenset({"article", "listing", "home"})


class FaultsMiddleware:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        crawler.signals.connect(self._headers_received, signal=signals.headers_received)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> FaultsMiddleware:
        return cls(crawler)

    def _count(self, key: str) -> None:
        assert self.crawler.stats is not None
        self.crawler.stats.inc_value(f"newscrawl/{key}")

    def _headers_received(self, headers: Headers, body_length: int, request: Request) -> None:
        if crawl_meta(request).get("kind") in PAGE_KINDS and declares_non_html(headers):
            self._count("fault/non_html_stopped")
            raise StopDownload(fail=False)

    def process_response(self, request: Request, response: Response) -> Response:
        if response.status >= 400:
            self._count(f"fault/http_{response.status}")
        return response

    def process_exception(self, request: Request, exception: Exception) -> None:
        if is_deliberate_skip(exception):
            return  # counted by whoever raised it
        self._count(f"fault/{failure_reason(Failure(exception))}")
