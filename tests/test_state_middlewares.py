"""Known-URL skipping, conditional GET and URL memory, on a real crawler and state store."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.http import HtmlResponse, Response
from scrapy.utils.test import get_crawler

from newscrawl import settings as project_settings
from newscrawl.items import Article
from newscrawl.middlewares.conditional import ConditionalGetMiddleware
from newscrawl.middlewares.known_urls import KnownUrlsMiddleware
from newscrawl.middlewares.url_memory import UrlMemoryMiddleware
from newscrawl.state.base import DoneMark, StateStore, Validators
from newscrawl.state.extension import StateExtension

ARTICLE = "https://s.example/news/1"
SITEMAP = "https://s.example/sitemap.xml"


def make_crawler(tmp_path: Path) -> Crawler:
    crawler = get_crawler(
        settings_dict={
            "EXTENSIONS": project_settings.EXTENSIONS,
            "NEWSCRAWL_STATE_DIR": str(tmp_path / "state"),
        }
    )
    crawler.signals.send_catch_log(signals.spider_opened, spider=None)
    return crawler


def store_of(crawler: Crawler) -> StateStore:
    extension = crawler.get_extension(StateExtension)
    assert extension is not None
    return extension.store


def close(crawler: Crawler, reason: str) -> None:
    crawler.signals.send_catch_log(signals.spider_closed, spider=None, reason=reason)


def request(url: str, kind: str, **hints: Any) -> Request:
    return Request(url, meta={"newscrawl": {"site": "s", "kind": kind, "depth": 1, "hints": hints}})


def stat(crawler: Crawler, key: str) -> Any:
    assert crawler.stats is not None
    return crawler.stats.get_value(key)


def test_known_articles_and_their_aliases_are_skipped_before_the_request(tmp_path: Path) -> None:
    crawler = make_crawler(tmp_path)
    mark = DoneMark(ARTICLE, "s", "h", "2026-03-01T10:00:00+00:00", aliases=(ARTICLE + "?p=7",))
    store_of(crawler).commit_done([mark], {})
    middleware = KnownUrlsMiddleware(crawler)

    for url, kind in [(ARTICLE, "article"), (ARTICLE + "?utm_source=x", "article"),
                      (ARTICLE + "?p=7", "article"), (ARTICLE, "listing")]:  # fmt: skip
        with pytest.raises(IgnoreRequest):
            middleware.process_request(request(url, kind))
    assert stat(crawler, "newscrawl/skipped/known_url") == 4
    assert middleware.process_request(request("https://s.example/news/2", "article")) is None
    assert middleware.process_request(request(ARTICLE, "sitemap")) is None  # discovery: never
    with pytest.raises(IgnoreRequest):  # a lastmod that is not newer
        middleware.process_request(request(ARTICLE, "article", lastmod="2026-03-01T10:00:00Z"))
    newer = request(ARTICLE, "article", lastmod="2026-03-05T08:00:00+00:00")
    assert middleware.process_request(newer) is None
    assert stat(crawler, "newscrawl/revisits/lastmod") == 1
    close(crawler, "finished")


def test_conditional_get_uses_validators_saved_by_a_finished_crawl(tmp_path: Path) -> None:
    crawler = make_crawler(tmp_path)
    middleware = ConditionalGetMiddleware(crawler)
    first = request(SITEMAP, "sitemap")
    assert middleware.process_request(first) is None
    assert b"If-None-Match" not in first.headers
    headers = {"ETag": '"v1"', "Last-Modified": "Sun, 01 Mar 2026 10:00:00 GMT"}
    middleware.process_response(first, Response(SITEMAP, status=200, headers=headers))
    close(crawler, "shutdown")  # interrupted: nothing saved, the next run refetches everything

    crawler = make_crawler(tmp_path)
    assert store_of(crawler).validators(SITEMAP) is None
    middleware = ConditionalGetMiddleware(crawler)
    middleware.process_response(first, Response(SITEMAP, status=200, headers=headers))
    close(crawler, "finished")

    crawler = make_crawler(tmp_path)
    middleware = ConditionalGetMiddleware(crawler)
    again = request(SITEMAP, "sitemap")
    middleware.process_request(again)
    assert again.headers.get("If-None-Match") == b'"v1"'
    assert again.headers.get("If-Modified-Since") == b"Sun, 01 Mar 2026 10:00:00 GMT"
    with pytest.raises(IgnoreRequest):
        middleware.process_response(again, Response(SITEMAP, status=304))
    assert stat(crawler, "newscrawl/skipped/not_modified") == 1
    article = request(ARTICLE, "article")
    middleware.process_request(article)
    assert b"If-None-Match" not in article.headers  # articles are never conditional
    close(crawler, "finished")
    assert Validators('"v1"', "Sun, 01 Mar 2026 10:00:00 GMT") == (make_store_validators(tmp_path))


def make_store_validators(tmp_path: Path) -> Validators | None:
    crawler = make_crawler(tmp_path)
    try:
        return store_of(crawler).validators(SITEMAP)
    finally:
        close(crawler, "finished")


def test_url_memory_records_fetched_urls_and_lastmod_for_the_writer(tmp_path: Path) -> None:
    crawler = make_crawler(tmp_path)
    fetched = request("https://s.example/?p=1", "article", lastmod="2026-03-02T00:00:00Z")
    fetched.meta["redirect_urls"] = ["https://s.example/?p=1"]
    response = HtmlResponse(ARTICLE, body=b"<html></html>", request=fetched)
    item = Article(url=ARTICLE, site="s", title="عنوان", body="نص")
    output = list(UrlMemoryMiddleware(crawler).process_spider_output(response, [item, fetched]))
    assert output == [item, fetched]
    extension = crawler.get_extension(StateExtension)
    assert extension is not None
    extras = extension.take_extras(ARTICLE)
    assert extras.aliases == {ARTICLE, "https://s.example/?p=1"}
    assert extras.lastmod == "2026-03-02T00:00:00Z"
    close(crawler, "finished")


def test_no_validators_are_saved_when_article_fetches_failed(tmp_path: Path) -> None:
    crawler = make_crawler(tmp_path)
    middleware = ConditionalGetMiddleware(crawler)
    sitemap = request(SITEMAP, "sitemap")
    middleware.process_response(sitemap, Response(SITEMAP, status=200, headers={"ETag": '"v1"'}))
    assert crawler.stats is not None
    crawler.stats.inc_value("newscrawl/failed/article/http_500")
    close(crawler, "finished")  # the failed article must be rediscovered from the sitemap
    assert make_store_validators(tmp_path) is None
