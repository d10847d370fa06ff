"""Spider middleware: remember which fetched URLs led to each article.

An article fetched as `/news/123` and redirected to `/news/123-slug` is emitted under its
canonical URL; the fetched forms are recorded as aliases (committed with the article's done mark),
so the known-URL check skips them in later crawls too. The sitemap/feed lastmod hint of the
request is kept as well, for lastmod revisits.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable
from typing import Any

from itemadapter import ItemAdapter, is_item
from scrapy.crawler import Crawler
from scrapy.http import Response

from newscrawl.middlewares.known_urls import hinted_lastmod
from newscrawl.state.extension import StateExtension, state_of
from newscrawl.urls import canonicalize_url, stored_url


def fetched_urls(response: Response) -> set[str]:
    """Canonical forms of the URL fetched, the URL answered and any redirect hops between."""
    raw = [response.url, response.request.url if response.request else None]
    raw += response.meta.get("redirect_urls", []) if response.request else []
    return {c for u in raw if u and (c := canonicalize_url(u))}


class UrlMemoryMiddleware:
    """Notes aliases and lastmod hints of scraped articles on the `StateExtension`."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> UrlMemoryMiddleware:
        return cls(crawler)

    @property
    def state(self) -> StateExtension:
        return state_of(self.crawler)

    def _remember(self, response: Response, item: Any) -> None:
        url = ItemAdapter(item).get("url")
        if not isinstance(url, str):
            return
        extras = self.state.extras(stored_url(url))
        extras.aliases |= fetched_urls(response)
        meta = response.meta.get("newscrawl") if response.request else None
        if isinstance(meta, dict):
            extras.lastmod = hinted_lastmod(meta.get("hints")) or extras.lastmod

    def process_spider_output(self, response: Response, result: Iterable[Any]) -> Iterable[Any]:
        for element in result:
            if is_item(element):
                self._remember(response, element)
            yield element

    async def process_spider_output_async(
        self, response: Response, result: AsyncIterator[Any]
    ) -> AsyncIterator[Any]:
        async for element in result:
            if is_item(element):
                self._remember(response, element)
            yield element
