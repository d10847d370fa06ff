"""The site's clock in a crawl (issue 9, class 4): the gate that lets evidence arrive before
articles, and a WordPress-like site whose offset is only in its RSS feed, crawled twice."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from scrapy import Request
from scrapy.exceptions import DontCloseSpider

from newscrawl.demo.server import Reply, serving
from newscrawl.discovery.requests import build_request, crawl_meta
from newscrawl.spiders.clockwork import SiteClock
from newscrawl.spiders.frontier import IdleRelease
from tests.crawl_harness import PARAGRAPHS, run_crawl, site_router, urlset


def _request(kind: str, path: str, **hints: Any) -> Request:
    return build_request(
        f"http://akhbar.example{path}", site="s", kind=kind, depth=1,  # type: ignore[arg-type]
        callback=print, errback=print, hints=hints,
    )  # fmt: skip


def _articles(out: list[Any]) -> list[str]:
    return [r.url.rsplit("/", 1)[-1] for r in out if crawl_meta(r).get("kind") == "article"]


def test_articles_wait_for_documents_then_one_scout_goes_first() -> None:
    clock = SiteClock.start(None, None, None)
    feed = _request("feed", "/feed/")
    out = clock.passing([feed, _request("article", "/a"), _request("article", "/b")])
    assert _articles(out) == [] and len(clock.parked) == 2  # the feed may date them
    out = clock.passing([_request("article", "/c")], answered=feed)
    assert _articles(out) == ["a"]  # the scout
    scout = out[0]
    assert clock.parked and clock.is_scout(scout)
    assert _articles(clock.passing([], answered=scout)) == ["b", "c"]  # it said nothing more


def test_scout_waits_for_a_feed_then_is_fetched_again() -> None:
    clock = SiteClock.start(None, None, None)
    out = clock.passing([_request("article", "/a"), _request("article", "/b")])
    scout = out[0]
    clock.hold_scout(scout)  # naive times, no clock: the page's feed is asked for
    feed = _request("feed", "/feed/")
    assert _articles(clock.passing([feed], answered=scout)) == []
    clock.feed_dates["akhbar.example/b"] = "x"
    released = clock.passing([], answered=feed)
    assert _articles(released) == ["a", "b"]
    assert released[0].dont_filter and not clock.is_scout(released[0])


def test_known_clock_opens_the_gate_and_profiles_never_wait() -> None:
    clock = SiteClock.start(None, None, None)
    clock.passing([_request("article", "/a"), _request("article", "/b")])
    clock.observe_entries(
        [("/x", {"published_at": "Wed, 02 Dec 2026 15:11:00 +0100"})], "http://akhbar.example/"
    )
    assert clock.timezone == "+01:00"
    assert _articles(clock.passing([])) == ["b"]
    profiled = SiteClock.start("Asia/Riyadh", None, None)
    assert _articles(profiled.passing([_request("feed", "/f"), _request("article", "/a")])) == ["a"]


def test_feed_date_reaches_an_article_found_elsewhere() -> None:
    clock = SiteClock.start(None, None, None)
    clock.observe_entries(
        [("/a", {"published_at": "Wed, 02 Dec 2026 15:11:00 +0100"})], "http://akhbar.example/"
    )
    hints = clock.with_feed_date("http://akhbar.example/a", {"title": "t"})
    assert hints == {"title": "t", "published_at": "Wed, 02 Dec 2026 15:11:00 +0100"}
    assert clock.with_feed_date("http://akhbar.example/b", {}) == {}


def test_idle_releases_everything_held() -> None:
    clock = SiteClock.start(None, None, None)
    clock.passing([_request("feed", "/feed/"), _request("article", "/a")])
    crawled: list[Request] = []
    engine = SimpleNamespace(crawl=crawled.append)
    release = IdleRelease(SimpleNamespace(engine=engine), clock.release)  # type: ignore[arg-type]
    with pytest.raises(DontCloseSpider):  # the crawl goes on with what was held
        release.on_idle()
    assert [r.url for r in crawled] == ["http://akhbar.example/a"]
    assert clock.gate == "open" and not clock.pending
    release.on_idle()  # nothing held any more: the crawl may close


# --- a WordPress-like site: naive page times, sitemap without dates, +0100 only in the feed ---


def _site(articles: int) -> Any:
    times = [(2, 9 + i, 7 * i % 60) for i in range(articles)]  # (day, hour, minute), local

    def build(base: str) -> dict[str, Reply]:
        paths = [f"/2025/12/0{d}/khabar-{i}/" for i, (d, _, _) in enumerate(times)]
        head = '<link rel="alternate" type="application/rss+xml" href="/feed/">'
        replies = {
            "/robots.txt": Reply(body=f"User-agent: *\nSitemap: {base}/sitemap.xml\n".encode()),
            "/sitemap.xml": Reply(
                body=urlset([base + p for p in paths]), content_type="application/xml"
            ),
            "/feed/": Reply(body=_feed(base, paths, times), content_type="application/rss+xml"),
        }
        for i, (path, (day, hour, minute)) in enumerate(zip(paths, times, strict=True)):
            title = f"خبر اقتصادي رقم {i + 1} عن أسعار الحبوب في الأسواق"
            posted = f"<span class='posted-on'>{day} ديسمبر 2025 - {hour:02d}:{minute:02d}</span>"
            paragraphs = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
            replies[path] = Reply(body=(
                f'<html lang="ar"><head><meta charset="utf-8">{head}<title>{title}</title></head>'
                f"<body><h1>{title}</h1>{posted}<div class='entry'>{paragraphs}</div></body></html>"
            ).encode())  # fmt: skip
        return replies

    return build, times


def _feed(base: str, paths: list[str], times: list[tuple[int, int, int]]) -> bytes:
    items = "".join(  # the two latest only, in UTC+1
        f"<item><title>t</title><link>{base}{path}</link>"
        f"<pubDate>Tue, 0{day} Dec 2025 {hour:02d}:{minute:02d}:00 +0100</pubDate></item>"
        for path, (day, hour, minute) in list(zip(paths, times, strict=True))[-2:]
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel>{items}</channel></rss>'.encode()


def test_offset_only_in_the_feed_dates_every_article(tmp_path: Path) -> None:
    build, times = _site(6)
    settings = {
        "NEWSCRAWL_EXTRACTOR": "newscrawl.extraction.extract_page",
        "NEWSCRAWL_STATE_DIR": str(tmp_path),
    }
    with serving(site_router(build)) as server:
        first = run_crawl(server.base_url, settings=settings)
        feed_fetches = server.paths().count("/feed/")
        second = run_crawl(server.base_url, settings=settings)
        feed_fetches_after = server.paths().count("/feed/")
    expected = {f"2025-12-0{d}T{h:02d}:{m:02d}:00+01:00" for d, h, m in times}
    assert {item["published_at"] for item in first.items} == expected
    assert feed_fetches == 1
    # the clock was kept in the state store: the next run needs no feed to know it
    assert {item["published_at"] for item in second.items} == expected
    assert feed_fetches_after == feed_fetches


def _home_site(base: str) -> dict[str, Reply]:
    """No sitemap: the home page links the articles and the RSS feed that alone dates them."""
    ids = range(1, 7)
    head = '<link rel="alternate" type="application/rss+xml" href="/rss.xml">'
    links = "".join(f'<li><a href="/news.php?id={i}">خبر رقم {i} عن الأسواق</a></li>' for i in ids)
    items = "".join(
        f"<item><title>t</title><link>{base}/news.php?id={i}</link>"
        f"<pubDate>Tue, 02 Dec 2025 0{i}:15:00 +0300</pubDate></item>"
        for i in ids
    )
    rss = f'<?xml version="1.0"?><rss version="2.0"><channel>{items}</channel></rss>'.encode()
    replies = {
        "/": Reply(body=f"<html><head>{head}</head><body><ul>{links}</ul></body></html>".encode()),
        "/rss.xml": Reply(body=rss, content_type="application/rss+xml"),
    }
    paragraphs = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    for i in ids:
        title = f"خبر رقم {i} عن الأسواق والأسعار في العاصمة اليوم"
        replies[f"/news.php?id={i}"] = Reply(
            body=(
                f'<html lang="ar"><head><meta charset="utf-8"><title>{title}</title></head><body>'
                f"<h1>{title}</h1><span class='date'>2 ديسمبر 2025 - 0{i}:15</span>{paragraphs}"
                "</body></html>"
            ).encode()
        )
    return replies


def test_articles_found_on_the_home_page_wait_for_its_feed() -> None:
    settings = {"NEWSCRAWL_EXTRACTOR": "newscrawl.extraction.extract_page"}
    with serving(site_router(_home_site)) as server:
        result = run_crawl(server.base_url, settings=settings)
    assert sorted(item["published_at"] for item in result.items) == [
        f"2025-12-02T0{i}:15:00+03:00" for i in range(1, 7)
    ]
