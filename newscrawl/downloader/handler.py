"""The HTTP(S) download handler: Scrapy's own, made to wait out a host's `Retry-After`.

A 429/503 with `Retry-After` holds its host (capped by NEWSCRAWL_MAX_RETRY_AFTER). The hold must
also stop requests that already passed the downloader middlewares and sit in the downloader's
per-host queue; the download handler is the last component every request goes through, and
replacing it is a documented extension point (`DOWNLOAD_HANDLERS`), so the hold lives here
rather than in the downloader's private queue machinery. A request waiting here keeps its
download slot busy, which is the point: nothing reaches the held host until the hold ends.

On `STOP_DOWNLOADS` (sent by the CLI on the first SIGINT/SIGTERM) every download in flight is
cancelled and later ones are refused: Scrapy's graceful stop otherwise waits for each of them,
up to DOWNLOAD_TIMEOUT and its retries (minutes against a server that sends a byte a second).
Their articles were not written, so the next run fetches them.

A host that has never answered is given up (its later requests refused at once, the reason in
the stat `newscrawl/unreachable/ORIGIN`) after one refused connection or DNS failure, or after
`TIMEOUTS_BEFORE_GIVING_UP` timed-out attempts: a dead or unresponsive site would otherwise cost
every queued request its full timeout and retries.
"""

from __future__ import annotations

import asyncio
import logging
from collections import Counter
from time import monotonic

from scrapy import Request
from scrapy.core.downloader.handlers.http11 import HTTP11DownloadHandler
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response
from scrapy.utils.asyncio import sleep
from scrapy.utils.defer import deferred_from_coro, maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.defer import CancelledError, Deferred

from newscrawl.config import newscrawl_settings
from newscrawl.downloader.pacing import HostPacer, retry_after_seconds
from newscrawl.failures import unreachable_reason

logger = logging.getLogger(__name__)

HOLDING_STATUSES = (429, 503)
TIMEOUTS_BEFORE_GIVING_UP = 3  # robots.txt and its retry, then one more URL
STOP_DOWNLOADS = object()
"""A crawler signal: stop at once every download in flight (the crawl is being stopped)."""


class PacedHttpDownloadHandler(HTTP11DownloadHandler):
    """Scrapy's HTTP/1.1 handler, plus per-host holds from `Retry-After`."""

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self.crawler = crawler
        self.max_retry_after = newscrawl_settings(crawler).max_retry_after
        self.holds = HostPacer()
        self._in_flight: set[Deferred[Response]] = set()
        self._stopping = False
        self._answered: set[str] = set()
        self._timeouts: Counter[str] = Counter()
        self._unreachable: dict[str, str] = {}
        crawler.signals.connect(self._stop_downloads, signal=STOP_DOWNLOADS)

    async def download_request(self, request: Request) -> Response:
        if self._stopping:
            raise IgnoreRequest("crawl stopping: not downloaded")
        parts = urlparse_cached(request)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin in self._unreachable:
            self._count("skipped/unreachable_site")
            raise IgnoreRequest(f"site unreachable: {origin} ({self._unreachable[origin]})")
        download = deferred_from_coro(self._download(request))
        self._in_flight.add(download)
        try:
            response = await maybe_deferred_to_future(download)
        except (CancelledError, asyncio.CancelledError):
            if not self._stopping:
                raise
            raise IgnoreRequest("crawl stopping: download cancelled") from None
        except Exception as exc:
            self._note_failure(origin, exc)
            raise
        finally:
            self._in_flight.discard(download)
        self._answered.add(origin)
        return response

    def _note_failure(self, origin: str, error: Exception) -> None:
        reason = unreachable_reason(error)
        if reason is None or origin in self._answered or origin in self._unreachable:
            return
        if reason == "timeout":
            self._timeouts[origin] += 1
            if self._timeouts[origin] < TIMEOUTS_BEFORE_GIVING_UP:
                return
        self._unreachable[origin] = reason
        if self.crawler.stats is not None:
            self.crawler.stats.set_value(f"newscrawl/unreachable/{origin}", reason)
        logger.info("giving up %s: unreachable (%s)", origin, reason)

    def _count(self, key: str) -> None:
        if self.crawler.stats is not None:
            self.crawler.stats.inc_value(f"newscrawl/{key}")

    def _stop_downloads(self) -> None:
        self._stopping = True
        for download in list(self._in_flight):
            download.cancel()

    async def _download(self, request: Request) -> Response:
        host = urlparse_cached(request).hostname or ""
        wait = self.holds.reserve(host, now=monotonic())
        if wait > 0:
            await sleep(wait)
        response = await super().download_request(request)
        self._hold_if_asked(host, response)
        return response

    def _hold_if_asked(self, host: str, response: Response) -> None:
        if response.status not in HOLDING_STATUSES:
            return
        header = response.headers.get("Retry-After")
        seconds = retry_after_seconds(header.decode("latin-1") if header else None)
        if seconds is None:
            return
        self.holds.hold(host, until=monotonic() + min(seconds, self.max_retry_after))
        self._count("fault/retry_after")
