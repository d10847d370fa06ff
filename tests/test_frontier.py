"""The spider's frontier (issue 13, memory at scale): a site's sitemap articles wait as compact
leads and only a window of them is in Scrapy's scheduler at once; nothing waits for good."""

from __future__ import annotations

from typing import Any

import pytest
from scrapy import Request

from newscrawl.demo.server import Reply, serving
from newscrawl.discovery.requests import build_request, crawl_meta
from newscrawl.spiders.clockwork import SiteClock
from newscrawl.spiders.frontier import RELEASED, Lead, SiteFrontier, compact
from tests.crawl_harness import article_html, run_crawl, site_router, urlset

XML = "application/xml"


def _article(path: str, **extra: Any) -> Request:
    return build_request(
        "http://akhbar.example" + path, site="s", kind="article", depth=1,
        callback=print, errback=print, hints={"title": "t"}, **extra,
    )  # fmt: skip


def _build(lead: Lead) -> Request:
    return _article(lead.url.removeprefix("http://akhbar.example"))


def test_window_releases_as_requests_come_back() -> None:
    frontier = SiteFrontier(3)
    assert frontier.sort_out([compact(_article(f"/{n}")) for n in range(10)] + ["item"]) == ["item"]
    first = frontier.release(_build)
    assert [r.url[-2:] for r in first] == ["/0", "/1", "/2"] and len(frontier) == 7
    assert frontier.release(_build) == []  # the window is full
    frontier.answered(_article("/x"))  # not one of ours: no room made
    assert frontier.release(_build) == []
    frontier.answered(first[0])
    assert [r.url[-2:] for r in frontier.release(_build)] == ["/3"]
    frontier.restart()  # idle: nothing is in flight whatever the counts say
    assert len(frontier.release(_build)) == 3 and len(frontier) == 3
    assert all(crawl_meta(r)[RELEASED] for r in first)


def test_only_plain_article_requests_are_compacted() -> None:
    lead = compact(_article("/a"))
    assert lead == Lead("http://akhbar.example/a", 1, {"title": "t"})
    scout_like = _article("/b")
    scout_like.meta["other"] = 1
    for element in (scout_like, _article("/c").replace(dont_filter=True), "item"):
        assert compact(element) is element
    feed = build_request(
        "http://akhbar.example/feed", site="s", kind="feed", depth=0, callback=print,
        errback=print,
    )  # fmt: skip
    assert compact(feed) is feed


def test_the_clock_gate_parks_leads_and_marks_a_lead_scout() -> None:
    clock = SiteClock.start(None, None, None)
    feed = build_request(
        "http://akhbar.example/feed", site="s", kind="feed", depth=0, callback=print,
        errback=print,
    )  # fmt: skip
    leads = [compact(_article(f"/{n}")) for n in range(3)]
    assert clock.passing([feed, *leads]) == [feed] and clock.parked == leads
    out = clock.passing([], answered=feed)
    assert out == [leads[0].as_scout()]  # the scout goes first, still compact


# --- a real crawl: 150 sitemap articles, a window of 4 ---

ARTICLES = 150
WINDOW = 4


def _site(base: str) -> dict[str, Reply]:
    # as many over-long URLs as the window, early: the URL-length spider middleware drops
    # their requests silently, and only the idle restart gives the window its room back
    paths = [f"/akhbar/2024/05/{1 + i % 28:02d}/{1000 + i}-khabar" for i in range(ARTICLES)]
    paths[10:10] = [f"/akhbar/2024/05/01/{n}-" + "tawil-" * 60 for n in range(WINDOW)]
    replies = {
        "/robots.txt": Reply(body=f"User-agent: *\nSitemap: {base}/sitemap.xml\n".encode()),
        "/sitemap.xml": Reply(body=urlset([base + p for p in paths]), content_type=XML),
    }
    for i, path in enumerate(paths):
        title = f"تقرير رقم {i + 1} عن موسم الحصاد"
        replies[path] = Reply(body=article_html(title, canonical=base + path))
    return replies


def _crawl(window: int) -> Any:
    settings = {
        "NEWSCRAWL_FRONTIER_WINDOW": window, "SCHEDULER": "crawl_harness.PeakScheduler",
        "URLLENGTH_LIMIT": 300,
    }  # fmt: skip
    with serving(site_router(_site)) as server:
        return run_crawl(server.base_url, settings=settings), server


def test_scheduler_holds_a_window_of_articles_and_every_article_is_crawled() -> None:
    result, server = _crawl(WINDOW)
    assert result.stats["urllength/request_ignored_count"] == WINDOW
    assert len(result.items) == ARTICLES  # every short URL, though the whole window was lost
    assert int(result.stats["test/scheduler_peak"]) <= WINDOW + 2  # + robots.txt, sitemap
    assert len([p for p in server.paths() if "khabar" in p]) == ARTICLES  # each fetched once


def test_without_a_window_the_scheduler_holds_every_article() -> None:
    result, _ = _crawl(0)
    assert len(result.items) == ARTICLES
    assert int(result.stats["test/scheduler_peak"]) > ARTICLES // 2


def test_a_negative_window_is_refused_on_the_command_line() -> None:
    from newscrawl.cli.errors import UsageError
    from newscrawl.cli.overrides import check_overrides

    with pytest.raises(UsageError, match="must be ≥ 0"):
        check_overrides({"NEWSCRAWL_FRONTIER_WINDOW": "-1"})
