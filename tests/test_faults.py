"""Faults and hostile sites, judged from what the loopback servers really saw."""

from __future__ import annotations

import asyncio
import gzip
import itertools
import time
from collections.abc import Iterator
from types import SimpleNamespace

import pytest
from scrapy import Request
from scrapy.exceptions import IgnoreRequest
from scrapy.settings import Settings
from scrapy.signalmanager import SignalManager
from scrapy.statscollectors import MemoryStatsCollector

from newscrawl.demo.server import Reply, ServedRequest, not_found, serving
from newscrawl.discovery.scope import SiteScope
from newscrawl.middlewares.scope import ScopeMiddleware
from tests.crawl_harness import (
    article_html,
    listing_html,
    paths_of,
    run_crawl,
    site_router,
    urlset,
)

XML = "application/xml"


def _sitemap_site(paths: list[str], robots: str = "") -> object:
    def build(base: str) -> dict[str, Reply]:
        replies = {
            "/robots.txt": Reply(body=f"User-agent: *\n{robots}\nSitemap: {base}/s.xml\n".encode()),
            "/s.xml": Reply(body=urlset([base + p for p in paths]), content_type=XML),
        }
        for i, path in enumerate(paths):
            replies[path] = Reply(body=article_html(f"خبر اختبار {i}"))
        return replies

    return build


def test_server_errors_are_retried_until_the_page_comes() -> None:
    statuses = iter([500, 500])
    build = _sitemap_site(["/n/2024/05/01/flaky-page"])

    def route(request: ServedRequest) -> Reply:
        if request.path == "/n/2024/05/01/flaky-page":
            status = next(statuses, 200)
            if status != 200:
                return Reply(status, b"<html><body>busy</body></html>")
        return site_router(build)(request)

    with serving(route) as server:
        result = run_crawl(server.base_url)
        fetches = paths_of(server, "/n/")
    assert len(result.items) == 1
    assert len(fetches) == 3
    assert result.stat("fault/http_500") == 2


def test_retry_after_holds_the_next_request_to_that_host() -> None:
    paths = [f"/n/2024/05/0{i}/story-{i}" for i in range(1, 6)]
    build = _sitemap_site(paths)
    refused_path: list[str] = []

    def route(request: ServedRequest) -> Reply:
        if request.path.startswith("/n/") and not refused_path:  # the first article fetch
            refused_path.append(request.path)
            return Reply(429, b"slow down", headers={"Retry-After": "2"})
        return site_router(build)(request)

    # A small download delay makes the slot send one request at a time (with a zero delay
    # Scrapy 2.19 dispatches a slot's whole queue at once), so the other four articles are
    # still queued when the 429 arrives: every one of them must wait too.
    settings = {"DOWNLOAD_DELAY": 0.2, "DOWNLOAD_DELAY_JITTER": 0}
    with serving(route) as server:
        result = run_crawl(server.base_url, settings=settings)
        log = server.log
    assert len(result.items) == 5
    refused = next(r for r in log if r.path == refused_path[0])
    later = [r for r in log if r.time > refused.time]
    assert len(later) == 5  # the retry and the four queued articles
    assert min(r.time for r in later) - refused.time >= 2.0
    assert result.stat("fault/retry_after") == 1


def test_redirect_loop_is_cut() -> None:
    def build(base: str) -> dict[str, Reply]:
        return {
            "/": Reply(body=listing_html("الرئيسية", [("/loop/2024/05/01/a-b-c-d", "حلقة")])),
            "/loop/2024/05/01/a-b-c-d": Reply(302, headers={"Location": "/loop/b"}),
            "/loop/b": Reply(302, headers={"Location": "/loop/2024/05/01/a-b-c-d"}),
        }

    with serving(site_router(build)) as server:
        result = run_crawl(server.base_url)
        loop_fetches = paths_of(server, "/loop/")
    assert result.items == []
    assert len(loop_fetches) == 2
    assert result.stat("fault/redirect_loop") == 1


def test_huge_body_is_cut_at_the_size_cap() -> None:
    sent = itertools.count()
    chunk = b"<p>" + b"x" * (64 * 1024 - 3)

    def endless() -> Iterator[bytes]:
        for _ in range(800):  # 50 MiB if nobody stops reading
            next(sent)
            yield chunk

    build = _sitemap_site(["/n/2024/05/01/huge-page"])

    def route(request: ServedRequest) -> Reply:
        if request.path == "/n/2024/05/01/huge-page":
            return Reply(body=endless())
        return site_router(build)(request)

    with serving(route) as server:
        result = run_crawl(server.base_url, settings={"DOWNLOAD_MAXSIZE": 2 * 1024 * 1024})
    assert result.items == []
    assert result.stat("failed/article/too_large") == 1
    assert next(sent) * 64 * 1024 < 12 * 1024 * 1024  # far from the 50 MiB on offer


def test_truncated_gzip_sitemap_keeps_what_arrived() -> None:
    def build(base: str) -> dict[str, Reply]:
        paths = [f"/n/2024/05/01/item-number-{i}" for i in range(200)]
        whole = gzip.compress(urlset([base + p for p in paths]), mtime=0)
        replies = {
            "/robots.txt": Reply(body=f"Sitemap: {base}/s.xml.gz\n".encode()),
            "/s.xml.gz": Reply(body=whole[: len(whole) // 2], content_type="application/x-gzip"),
        }
        replies.update({p: Reply(body=article_html("خبر مقطوع")) for p in paths})
        return replies

    with serving(site_router(build)) as server:
        result = run_crawl(server.base_url)
    assert result.stat("sitemap/truncated") == 1
    assert 0 < len(result.items) < 200


def test_entity_bombs_and_external_dtds_are_refused_without_fetching() -> None:
    with serving(lambda request: not_found(request)) as dtd_host:
        evil = f"http://127.0.0.1:{dtd_host.port}/evil.dtd"
        laughs = (
            '<?xml version="1.0"?><!DOCTYPE u [<!ENTITY a "aaaaaaaaaa">'
            '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]>'
            "<urlset><url><loc>&c;</loc></url></urlset>"
        )
        external = (
            f'<?xml version="1.0"?><!DOCTYPE u SYSTEM "{evil}">'
            f'<urlset><url><loc>&e;</loc></url><url><loc xmlns:x="{evil}">&x;</loc></url></urlset>'
        )

        def build(base: str) -> dict[str, Reply]:
            return {
                "/robots.txt": Reply(
                    body=f"Sitemap: {base}/a.xml\nSitemap: {base}/b.xml\n".encode()
                ),
                "/a.xml": Reply(body=laughs.encode(), content_type=XML),
                "/b.xml": Reply(body=external.encode(), content_type=XML),
            }

        with serving(site_router(build)) as server:
            result = run_crawl(server.base_url)
            fetched = server.paths()
        assert dtd_host.log == []
    assert result.items == []
    assert result.stat("sitemap/rejected_dtd") == 2
    assert not any(p.startswith("/n") for p in fetched)


def test_gzip_bomb_sitemap_is_cut_at_the_cap() -> None:
    bomb = gzip.compress(b"<urlset>" + b" " * (64 * 1024 * 1024), compresslevel=9)

    def build(base: str) -> dict[str, Reply]:
        return {
            "/robots.txt": Reply(
                body=f"Sitemap: {base}/bomb.xml.gz\nSitemap: {base}/e.xml".encode()
            ),
            "/bomb.xml.gz": Reply(body=bomb, content_type="application/x-gzip"),
            # the same bomb as a transfer encoding: Scrapy decompresses it, under the same cap
            "/e.xml": Reply(body=bomb, content_type=XML, headers={"Content-Encoding": "gzip"}),
        }

    with serving(site_router(build)) as server:
        result = run_crawl(server.base_url, settings={"NEWSCRAWL_MAX_SITEMAP_BYTES": 1024 * 1024})
    assert result.stat("sitemap/too_large") == 1
    assert result.stat("failed/sitemap/too_large") == 1
    assert result.items == []


def test_infinite_calendar_ends_within_the_budget() -> None:
    def route(request: ServedRequest) -> Reply:
        if request.path == "/":
            links = [("/events/calendar?month=1", "التقويم"), ("/agenda/?page=1", "الأرشيف")]
            return Reply(body=listing_html("الرئيسية", links))
        if request.path.startswith("/events/"):  # month after month, forever
            month = int(request.path.rsplit("=", 1)[-1])
            links = [(f"/events/calendar?month={month + 1}&year=2031", "الشهر التالي")]
            return Reply(body=listing_html("تقويم", links))
        if request.path.startswith("/agenda/?page="):  # an archive that never ends
            n = int(request.path.rsplit("=", 1)[-1])
            links = [
                (f"/agenda/item-{n}-report-of-the-day", "خبر"),
                (f"/agenda/?page={n + 1}", "التالي"),
            ]
            return Reply(body=listing_html("أرشيف", links))
        if request.path.startswith("/agenda/item-"):
            return Reply(body=article_html("خبر من الأرشيف"))
        return not_found(request)

    budget = 25
    with serving(route) as server:
        result = run_crawl(server.base_url, settings={"NEWSCRAWL_MAX_PAGES_PER_SITE": budget})
        trap_fetches = [p for p in server.paths() if p.startswith(("/events", "/agenda"))]
    assert len(trap_fetches) <= budget
    assert not any(p.startswith("/events") for p in trap_fetches)
    assert result.stat("trap/calendar") == 1
    assert result.stat("trap/page_budget") >= 1
    assert 5 <= len(result.items) < budget


def test_robots_disallow_is_obeyed() -> None:
    paths = ["/private/2024/05/01/secret-memo", "/n/2024/05/01/public-story"]
    with serving(site_router(_sitemap_site(paths, robots="Disallow: /private/"))) as server:
        result = run_crawl(server.base_url)
        private = paths_of(server, "/private/")
    assert private == []
    assert len(result.items) == 1
    assert result.stat("blocked/robots") == 1


def test_links_and_redirects_to_another_loopback_port_are_never_fetched() -> None:
    with serving(lambda request: Reply(body=article_html("موقع آخر"))) as other:
        elsewhere = f"http://127.0.0.1:{other.port}/n/2024/05/01/other-site-story"

        def build(base: str) -> dict[str, Reply]:
            links = [(elsewhere, "خارجي"), ("/n/2024/05/01/jump-away", "تحويل")]
            return {
                "/": Reply(body=listing_html("الرئيسية", links)),
                "/n/2024/05/01/jump-away": Reply(302, headers={"Location": elsewhere}),
            }

        with serving(site_router(build)) as server:
            result = run_crawl(server.base_url)
        assert other.log == []
    assert result.stat("blocked/offsite") == 1  # the redirect
    assert result.stat("skipped/offsite") >= 1  # the link


def test_non_html_responses_never_reach_the_extractor() -> None:
    paths = ["/n/2024/05/01/annual-report", "/n/2024/05/01/photo-of-the-day", "/n/2024/05/01/text"]

    def build(base: str) -> dict[str, Reply]:
        replies = _sitemap_site(paths)(base)
        replies[paths[0]] = Reply(body=b"%PDF-1.7\n" + b"\0" * 500, content_type="application/pdf")
        replies[paths[1]] = Reply(body=b"\x89PNG\r\n\x1a\n" + b"\0" * 500, content_type="image/png")
        return replies

    with serving(site_router(build)) as server:
        result = run_crawl(server.base_url)
    assert [url.rsplit("/", 1)[1] for url in result.extracted] == ["text"]
    assert result.stat("skipped/non_html") == 2


def test_ssrf_host_resolving_to_a_private_address_is_blocked() -> None:
    stats = MemoryStatsCollector(SimpleNamespace(settings=Settings()))  # type: ignore[arg-type]
    site = SimpleNamespace(
        name="example.com",
        scope=SiteScope.for_site(["https://www.example.com/"]),
        own_hosts=frozenset({"www.example.com:443"}),
    )
    spider = SimpleNamespace(sites={"example.com": site})
    crawler = SimpleNamespace(stats=stats, spider=spider, signals=SignalManager())
    middleware = ScopeMiddleware(crawler)  # type: ignore[arg-type]
    # seed the per-crawl DNS cache: no network in tests
    middleware._addresses[("intranet.example.com", 443)] = ["10.0.0.7"]
    middleware._addresses[("cdn.example.com", 443)] = ["93.184.216.34"]
    meta = {"newscrawl": {"site": "example.com", "kind": "article", "depth": 1, "hints": {}}}

    def check(url: str) -> None:
        asyncio.run(middleware.process_request(Request(url, meta=meta)))

    with pytest.raises(IgnoreRequest):
        check("https://intranet.example.com/x")
    check("https://cdn.example.com/x")
    with pytest.raises(IgnoreRequest):
        check("https://evil.net/x")
    with pytest.raises(IgnoreRequest):
        check("file:///etc/passwd")
    assert stats.get_value("newscrawl/blocked/scheme") == 1
    assert stats.get_value("newscrawl/blocked/ssrf") == 1
    assert stats.get_value("newscrawl/blocked/offsite") == 1


def test_crawl_delay_spaces_requests() -> None:
    paths = ["/n/2024/05/01/first-story", "/n/2024/05/01/second-story"]
    with serving(site_router(_sitemap_site(paths, robots="Crawl-delay: 1"))) as server:
        result = run_crawl(server.base_url)
        times = [r.time for r in server.log if r.path != "/robots.txt"]
    assert len(result.items) == 2
    gaps = [b - a for a, b in itertools.pairwise(sorted(times))]
    assert len(gaps) == 2 and min(gaps) >= 0.9  # without Crawl-delay: milliseconds


def test_redirects_to_other_schemes_are_refused() -> None:
    def build(base: str) -> dict[str, Reply]:
        links = [("/n/2024/05/01/to-a-file", "ملف"), ("/n/2024/05/01/to-data-url", "بيانات")]
        return {
            "/": Reply(body=listing_html("الرئيسية", links)),
            "/n/2024/05/01/to-a-file": Reply(302, headers={"Location": "file:///etc/passwd"}),
            "/n/2024/05/01/to-data-url": Reply(
                302, headers={"Location": "data:text/html,<h1>x</h1><p>y</p>"}
            ),
        }

    with serving(site_router(build)) as server:
        result = run_crawl(server.base_url)
    assert result.items == []
    assert result.extracted == []
    # Scrapy's redirect middleware already declines non-http targets (the 302 stays a failure);
    # the scope middleware would refuse them otherwise
    assert result.stat("failed/article/http_302") + result.stat("blocked/scheme") == 2


def test_not_modified_sitemap_gives_nothing_new_and_no_failure() -> None:
    def build(base: str) -> dict[str, Reply]:
        return {
            "/robots.txt": Reply(body=f"Sitemap: {base}/s.xml\n".encode()),
            "/s.xml": Reply(304, b""),
            "/": Reply(body=listing_html("الرئيسية", [])),
        }

    with serving(site_router(build)) as server:
        result = run_crawl(server.base_url)
    assert result.items == []
    assert result.stat("discovery/not_modified") == 1
    assert not any(key.startswith("newscrawl/failed/sitemap") for key in result.stats)


def test_depth_limit_cuts_an_endless_chain_of_articles() -> None:
    def route(request: ServedRequest) -> Reply:
        if request.path == "/":
            return Reply(body=listing_html("الرئيسية", [("/chain/story-1-of-many", "خبر")]))
        if request.path.startswith("/chain/story-"):
            n = int(request.path.split("-")[1])
            link = f'<a href="/chain/story-{n + 1}-of-many">الخبر التالي</a>'
            return Reply(body=article_html(f"خبر رقم {n}", extra=link))
        return not_found(request)

    with serving(route) as server:
        result = run_crawl(server.base_url, settings={"NEWSCRAWL_MAX_DEPTH": 3})
        chain = paths_of(server, "/chain/")
    assert chain == ["/chain/story-1-of-many", "/chain/story-2-of-many", "/chain/story-3-of-many"]
    assert len(result.items) == 3
    assert result.stat("trap/depth") == 1


def test_timeouts_are_retried_up_to_the_cap_and_counted() -> None:
    build = _sitemap_site(["/n/2024/05/01/slow-page"])

    def route(request: ServedRequest) -> Reply:
        if request.path == "/n/2024/05/01/slow-page":
            time.sleep(1.5)  # longer than the download timeout below
        return site_router(build)(request)

    settings = {"DOWNLOAD_TIMEOUT": 0.5, "RETRY_TIMES": 1}
    with serving(route) as server:
        result = run_crawl(server.base_url, settings=settings)
        attempts = paths_of(server, "/n/")
    assert result.items == []
    assert len(attempts) == 2  # the first try and one retry, then it gives up
    assert result.stat("fault/timeout") == 2
    assert result.stat("failed/article/timeout") == 1
