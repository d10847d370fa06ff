"""One article, many URLs: the crawl requests each canonical URL once and emits it once."""

from __future__ import annotations

from urllib.parse import quote

from newscrawl.demo.server import Reply, serving
from tests.crawl_harness import article_html, listing_html, run_crawl, site_router

SLUG = "/news/2024/05/06/اتفاق-تجاري-بين-البلدين"
ENCODED = quote(SLUG)
AMP = "/m/mobile-story-of-trade-20240506"


def test_one_article_under_many_url_variants_gives_one_item() -> None:
    variants = [
        SLUG,
        ENCODED,
        ENCODED.lower(),
        SLUG + "?utm_source=newsletter&utm_campaign=may",
        SLUG + "?fbclid=IwAR0xyz#comments",
        SLUG + "/amp/",
        "/amp" + SLUG,
        SLUG + "?amp=1",
        SLUG + ";jsessionid=A1B2C3",
        "/?p=123",
    ]

    def build(base: str) -> dict[str, Reply]:
        page = Reply(body=article_html("اتفاق تجاري جديد", canonical=base + ENCODED))
        links = [(href, f"رابط {i}") for i, href in enumerate(variants)]
        replies = {"/": Reply(body=listing_html("الرئيسية", links)), "/?p=123": page}
        for href in variants[:-1]:
            replies[quote(href.split("#")[0], safe="/%?=&;")] = page
        return replies

    with serving(site_router(build)) as server:
        result = run_crawl(server.base_url)
        article_fetches = [p for p in server.paths() if p not in ("/", "/robots.txt")]
        article_fetches = [p for p in article_fetches if "sitemap" not in p and "rss" not in p]
        article_fetches = [p for p in article_fetches if p != "/feed/"]
    assert len(result.items) == 1
    assert result.items[0]["url"] == server.base_url.rstrip("/") + ENCODED
    assert result.stat("trap/session_id") == 1  # counted, and stripped before fetching
    # the slug once and the ?p= shortlink once: every other spelling folds before fetching
    assert sorted(article_fetches) == sorted([ENCODED, "/?p=123"])


def test_after_a_shortlink_reveals_its_canonical_the_slug_is_never_fetched() -> None:
    def build(base: str) -> dict[str, Reply]:
        # the shortlink page links back to the slug URL ("most read") and to its AMP twin,
        # whose URL follows no AMP naming habit: neither may be fetched
        extra = f'<ul><li><a href="{SLUG}">اتفاق تجاري</a></li><li><a href="{AMP}">.</a></li></ul>'
        head = f'<link rel="amphtml" href="{AMP}">'
        page = article_html("اتفاق تجاري جديد", canonical=base + ENCODED, head=head, extra=extra)
        return {
            "/": Reply(body=listing_html("الرئيسية", [("/?p=123", "خبر")])),
            "/?p=123": Reply(body=page),
            ENCODED: Reply(body=page),
        }

    with serving(site_router(build)) as server:
        result = run_crawl(server.base_url)
        fetched = server.paths()
    assert len(result.items) == 1
    assert "/?p=123" in fetched
    assert ENCODED not in fetched
    assert AMP not in fetched
