"""Downloader middleware: conditional GET for feeds and sitemaps, with validators from the store.

Requests for feeds and sitemaps carry If-None-Match / If-Modified-Since when a previous, normally
finished crawl saved validators for the URL; a 304 answer ends the request with a typed
`NotModified` skip (counted `newscrawl/skipped/not_modified`). Validators of 200 answers are
staged on the `StateExtension`, which saves them only if this crawl finishes normally (see
`StateExtension.stage_validators`).
"""

from __future__ import annotations

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.http import Response

from newscrawl.failures import NotModified
from newscrawl.state.base import Validators
from newscrawl.state.extension import StateExtension, state_of

CONDITIONAL_KINDS = frozenset({"feed", "sitemap"})


def _kind(request: Request) -> str | None:
    meta = request.meta.get("newscrawl")
    return meta.get("kind") if isinstance(meta, dict) else None


def _header(response: Response, name: str) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1").strip() or None if value else None


class ConditionalGetMiddleware:
    """Adds validators to feed/sitemap requests and turns 304s into counted skips."""

    def __init__(self, crawler: Crawler) -> None:
        assert crawler.stats is not None
        self.crawler = crawler
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ConditionalGetMiddleware:
        return cls(crawler)

    @property
    def state(self) -> StateExtension:
        return state_of(self.crawler)

    def process_request(self, request: Request) -> None:
        if _kind(request) not in CONDITIONAL_KINDS:
            return
        validators = self.state.store.validators(request.url)
        if validators is None:
            return
        if validators.etag:
            request.headers.setdefault("If-None-Match", validators.etag)
        if validators.last_modified:
            request.headers.setdefault("If-Modified-Since", validators.last_modified)
        self.stats.inc_value("newscrawl/conditional/requests")

    def process_response(self, request: Request, response: Response) -> Response:
        if _kind(request) not in CONDITIONAL_KINDS:
            return response
        if response.status == 304:
            self.stats.inc_value("newscrawl/skipped/not_modified")
            raise NotModified(f"not modified since the last crawl: {request.url}")
        if response.status == 200:
            validators = Validators(_header(response, "ETag"), _header(response, "Last-Modified"))
            if validators.etag or validators.last_modified:
                self.state.stage_validators(request.url, validators)
        return response
