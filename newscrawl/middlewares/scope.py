"""Scope downloader middleware: every request, redirects included, stays on its target site.

Runs before anything connects: refuses non-http(s) schemes, other sites (a redirect to another
host or loopback port), redirect loops, and hosts that resolve to private, loopback or link-local
addresses unless the target itself lives there (SSRF). Each refusal is counted.
"""

from __future__ import annotations

import socket
from typing import Any

from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.utils.asyncio import run_in_thread
from scrapy.utils.httpobj import urlparse_cached

from newscrawl.discovery.requests import crawl_meta
from newscrawl.discovery.scope import is_public_address
from newscrawl.urls import ALLOWED_SCHEMES, canonicalize_url, endpoint


def _resolve(host: str, port: int) -> list[str]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError:
        return []  # unresolvable: the download itself fails and is counted there
    return [str(info[4][0]) for info in infos]


def _loops_back(request: Request) -> bool:
    previous = request.meta.get("redirect_urls") or []
    here = canonicalize_url(request.url)
    return any(canonicalize_url(url) == here for url in previous)


class ScopeMiddleware:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self._addresses: dict[tuple[str, int], list[str]] = {}
        crawler.signals.connect(self._request_dropped, signal=signals.request_dropped)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ScopeMiddleware:
        return cls(crawler)

    def _refuse(self, key: str, reason: str) -> IgnoreRequest:
        assert self.crawler.stats is not None
        self.crawler.stats.inc_value(f"newscrawl/{key}")
        return IgnoreRequest(reason)

    async def process_request(self, request: Request) -> None:
        parts = urlparse_cached(request)
        if parts.scheme.lower() not in ALLOWED_SCHEMES:
            raise self._refuse("blocked/scheme", f"scheme {parts.scheme!r} is never fetched")
        self._check_redirect_loop(request)
        site = self._site_of(request)
        if site is None:
            return  # not a crawl request of ours (robots.txt fetched for an in-scope request)
        where = endpoint(request.url)
        if where is None or not site.scope.contains(request.url):
            raise self._refuse("blocked/offsite", f"{request.url} is outside {site.name}")
        if where.host_port in site.own_hosts:
            return
        addresses = await self._addresses_of(where.host, where.port)
        if any(not is_public_address(address) for address in addresses):
            raise self._refuse("blocked/ssrf", f"{where.host} resolves to a non-public address")

    def _check_redirect_loop(self, request: Request) -> None:
        if _loops_back(request):
            raise self._refuse("fault/redirect_loop", f"redirect loop back to {request.url}")

    def _request_dropped(self, request: Request) -> None:
        # the duplicate filter usually meets a redirect loop first (the URL was just fetched)
        key = "fault/redirect_loop" if _loops_back(request) else "skipped/duplicate_request"
        assert self.crawler.stats is not None
        self.crawler.stats.inc_value(f"newscrawl/{key}")

    def _site_of(self, request: Request) -> Any:
        name = crawl_meta(request).get("site")
        sites = getattr(self.crawler.spider, "sites", None)
        return sites.get(name) if isinstance(sites, dict) and name else None

    async def _addresses_of(self, host: str, port: int) -> list[str]:
        key = (host, port)
        if key not in self._addresses:
            self._addresses[key] = await run_in_thread(_resolve, host, port)
        return self._addresses[key]
