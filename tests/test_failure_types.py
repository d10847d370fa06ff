"""Failures are told apart by type, and stay so across Scrapy upgrades.

The crawl below goes through the real engine on loopback: a sitemap answers 304 to a conditional
GET (newscrawl's `NotModified`), one article is cut by DOWNLOAD_MAXSIZE while downloading
(Scrapy's `DownloadCancelledError`) and one by HttpCompressionMiddleware while inflating (a plain
IgnoreRequest, recognised by `newscrawl.failures.is_decompression_cap`). If Scrapy changes how
any of these reaches the spider, the stats here stop adding up.
"""

from __future__ import annotations

import gzip
from pathlib import Path

from newscrawl.demo.server import Reply, ServedRequest, serving
from newscrawl.failures import failed_fetch_key
from tests.crawl_harness import CrawlResult, article_html, run_crawl, urlset

XML = "application/xml"
ETAG = '"sitemap-v1"'
CAP = 64 * 1024
FINE = "/n/2024/05/01/fine-story"
HUGE = "/n/2024/05/01/huge-story"
BOMB = "/n/2024/05/01/bomb-story"


class TwoRunSite:
    """Run 1: a clean crawl, so its sitemap validators are saved. Run 2: the sitemap is
    unchanged (304) and a second, unconditional sitemap lists two oversized articles."""

    def __init__(self) -> None:
        self.second_run = False

    def route(self, request: ServedRequest) -> Reply:
        base = "http://" + request.headers.get("Host", "127.0.0.1")
        if request.path == "/robots.txt":
            body = f"User-agent: *\nSitemap: {base}/s.xml\nSitemap: {base}/more.xml\n"
            return Reply(body=body.encode(), content_type="text/plain")
        if request.path == "/s.xml":
            if request.headers.get("If-None-Match") == ETAG:
                return Reply(304, b"", {"ETag": ETAG})
            return Reply(body=urlset([base + FINE]), headers={"ETag": ETAG}, content_type=XML)
        if request.path == "/more.xml":  # no validators: never conditional
            paths = [HUGE, BOMB] if self.second_run else []
            return Reply(body=urlset([base + p for p in paths]), content_type=XML)
        return self._article(request.path)

    def _article(self, path: str) -> Reply:
        if path == FINE:
            return Reply(body=article_html("خبر عادي"))
        if path == HUGE:
            return Reply(body=article_html("خبر طويل", extra="<p>" + "ن" * CAP + "</p>"))
        if path == BOMB:
            bomb = gzip.compress(article_html("خبر مضغوط", extra=" " * (4 * CAP)))
            return Reply(body=bomb, headers={"Content-Encoding": "gzip"})
        return Reply(404, b"<html><body>404</body></html>")


def crawl(base_url: str, state: Path) -> CrawlResult:
    settings = {"NEWSCRAWL_STATE_DIR": str(state), "DOWNLOAD_MAXSIZE": CAP, "RETRY_TIMES": 0}
    return run_crawl(base_url, settings=settings)


def test_not_modified_and_oversize_are_classified_by_type_in_a_real_crawl(tmp_path: Path) -> None:
    site = TwoRunSite()
    with serving(site.route) as server:
        first = crawl(server.base_url, tmp_path)
        assert first.stat("state/validators_saved") == 1
        site.second_run = True
        second = crawl(server.base_url, tmp_path)

    assert second.stat("conditional/requests") == 1
    assert second.stat("skipped/not_modified") == 1  # counted by the middleware that raised it
    assert second.stat("discovery/not_modified") == 1  # and recognised by type in the spider
    assert second.stat("ignored/sitemap") == 0
    assert not any(key.startswith("newscrawl/failed/sitemap/") for key in second.stats)

    assert second.stat(failed_fetch_key("article", "too_large")) == 2
    assert second.stat("ignored/article") == 0
    # Only the download cut reaches process_exception: Scrapy raises the decompression
    # refusal from process_response, which goes straight to the spider's errback.
    assert second.stat("fault/too_large") == 1
    assert second.stat("state/validators_saved") == 0  # failed articles: validators not saved
