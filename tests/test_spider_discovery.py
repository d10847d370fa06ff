"""Each discovery source, crawled for real by the `news` spider against loopback fixture sites."""

from __future__ import annotations

import gzip

from newscrawl.demo.server import Reply, serving
from tests.crawl_harness import (
    PARAGRAPHS,
    article_html,
    listing_html,
    paths_of,
    run_crawl,
    site_router,
    sitemap_index,
    urlset,
)

XML = "application/xml"


def _articles(base: str, paths: list[str]) -> dict[str, Reply]:
    return {p: Reply(body=article_html(f"خبر عن الزراعة رقم {i}")) for i, p in enumerate(paths)}


def test_robots_sitemap_index_with_gzip_news_sitemap_and_hints() -> None:
    news_paths = ["/news/2024/05/01/wheat-harvest", "/news/2024/05/02/rain-season"]
    plain_paths = ["/news/2024/04/20/irrigation-plan"]

    def build(base: str) -> dict[str, Reply]:
        news = {
            base + news_paths[0]: {
                "date": "2024-05-01T09:00:00+03:00",
                "title": "حصاد القمح",
                "keywords": "زراعة, قمح",
            },
            base + news_paths[1]: {"date": "2024-05-02T10:00:00+03:00", "title": "موسم الأمطار"},
        }
        news_gz = gzip.compress(urlset([base + p for p in news_paths], news=news))
        return {
            "/robots.txt": Reply(body=f"User-agent: *\nSitemap: {base}/index.xml\n".encode()),
            "/index.xml": Reply(
                body=sitemap_index([base + "/news.xml.gz", base + "/plain.xml"]), content_type=XML
            ),
            "/news.xml.gz": Reply(body=news_gz, content_type="application/x-gzip"),
            "/plain.xml": Reply(body=urlset([base + p for p in plain_paths]), content_type=XML),
            **_articles(base, news_paths + plain_paths),
        }

    with serving(site_router(build)) as server:
        result = run_crawl(server.base_url)
        requested = server.paths()
    assert sorted(item["url"].split(str(server.port))[1] for item in result.items) == sorted(
        news_paths + plain_paths
    )
    harvest = next(i for i in result.items if i["url"].endswith("wheat-harvest"))
    assert harvest["tags"] == ["زراعة", "قمح"]
    assert harvest["published_at"] == "2024-05-01T09:00:00+03:00"
    assert result.stat("discovery/robots_sitemap") == 1
    assert result.stat("discovery/sitemap_index_child") == 2
    # sitemaps listed every article: no home page, no probing of usual locations
    assert "/" not in requested and "/sitemap.xml" not in requested
    assert requested.count("/robots.txt") == 1


def test_usual_sitemap_locations_stop_at_the_first_that_works() -> None:
    paths = ["/a/2024/05/03/olive-oil-prices", "/a/2024/05/04/date-palm-exports"]

    def build(base: str) -> dict[str, Reply]:
        return {
            "/robots.txt": Reply(body=b"User-agent: *\nDisallow:\n"),
            "/sitemap_index.xml": Reply(body=urlset([base + p for p in paths]), content_type=XML),
            **_articles(base, paths),
        }

    with serving(site_router(build)) as server:
        result = run_crawl(server.base_url)
        requested = server.paths()
    assert len(result.items) == 2
    assert requested[:3] == ["/robots.txt", "/sitemap.xml", "/sitemap_index.xml"]
    assert "/news-sitemap.xml" not in requested and "/sitemap-news.xml" not in requested


def test_rss_linked_from_the_home_page() -> None:
    paths = ["/story/1001-water-dam-opens", "/story/1002-new-school-year"]

    def build(base: str) -> dict[str, Reply]:
        items = "".join(
            f"<item><title>خبر {i}</title><link>{base}{p}</link>"
            f"<pubDate>Fri, 03 May 2024 10:00:00 +0300</pubDate><category>تعليم</category></item>"
            for i, p in enumerate(paths)
        )
        rss = f'<?xml version="1.0"?><rss version="2.0"><channel>{items}</channel></rss>'
        head = '<link rel="alternate" type="application/rss+xml" href="/feeds/all.rss">'
        return {
            "/": Reply(body=listing_html("الرئيسية", [], head=head)),
            "/feeds/all.rss": Reply(body=rss.encode(), content_type="application/rss+xml"),
            **_articles(base, paths),
        }

    with serving(site_router(build)) as server:
        result = run_crawl(server.base_url)
        requested = server.paths()
    assert len(result.items) == 2
    assert all(item["tags"] == ["تعليم"] for item in result.items)
    assert result.stat("discovery/linked_feed") == 1
    assert not any(p in requested for p in ("/feed/", "/rss", "/rss.xml"))


def test_atom_feed_found_at_a_common_path() -> None:
    paths = ["/p/2024/05/05/fishing-port-expansion"]

    def build(base: str) -> dict[str, Reply]:
        entries = "".join(
            f'<entry><title>ميناء</title><link rel="alternate" href="{base}{p}"/>'
            "<updated>2024-05-05T08:00:00Z</updated></entry>"
            for p in paths
        )
        atom = f'<feed xmlns="http://www.w3.org/2005/Atom">{entries}</feed>'
        return {
            "/": Reply(body=listing_html("الرئيسية", [])),
            "/rss": Reply(body=atom.encode(), content_type="application/atom+xml"),
            **_articles(base, paths),
        }

    with serving(site_router(build)) as server:
        result = run_crawl(server.base_url)
        requested = server.paths()
    assert [item["url"].endswith(paths[0]) for item in result.items] == [True]
    assert result.stat("discovery/probed_feed") == 1
    assert "/rss.xml" not in requested  # stopped at the first common path that worked


def test_section_pages_with_pagination() -> None:
    pages = {
        "/section/economy/": ("/section/economy/?page=2", "التالي"),
        "/section/economy/?page=2": ("/section/economy/?page=3", "الصفحة التالية"),
        "/section/economy/?page=3": ("/section/economy/?page=4", "٤"),
        "/section/economy/?page=4": (None, ""),
    }

    def build(base: str) -> dict[str, Reply]:
        replies: dict[str, Reply] = {
            "/": Reply(body=listing_html("الرئيسية", [("/section/economy/", "اقتصاد")])),
        }
        for n, (path, (next_href, next_text)) in enumerate(pages.items()):
            links = [(f"/economy/{n}{k}0001-market-report-{k}", f"تقرير {k}") for k in range(3)]
            if next_href:
                links.append((next_href, next_text))
            replies[path] = Reply(body=listing_html("اقتصاد", links))
            replies.update(_articles(base, [href for href, _ in links[:3]]))
        return replies

    with serving(site_router(build)) as server:
        result = run_crawl(server.base_url)
        requested = server.paths()
    assert len(result.items) == 12
    assert all("/economy/" in item["url"] for item in result.items)  # listings never items
    for path in pages:
        assert requested.count(path) == 1
    assert result.stat("discovery/pagination") >= 3


def test_since_skips_old_sitemap_entries_without_fetching_them() -> None:
    def build(base: str) -> dict[str, Reply]:
        news = {
            base + "/n/2024/04/01/old-story": {"date": "2024-04-01T08:00:00Z", "title": "قديم"},
            base + "/n/2024/05/10/new-story": {"date": "2024-05-10T08:00:00Z", "title": "جديد"},
        }
        return {
            "/robots.txt": Reply(body=f"Sitemap: {base}/news.xml\n".encode()),
            "/news.xml": Reply(body=urlset(list(news), news=news), content_type=XML),
            **_articles(base, ["/n/2024/04/01/old-story", "/n/2024/05/10/new-story"]),
        }

    with serving(site_router(build)) as server:
        result = run_crawl(server.base_url, since="2024-05-01")
        old_fetches = paths_of(server, "/n/2024/04/")
    assert [item["url"].rsplit("/", 1)[1] for item in result.items] == ["new-story"]
    assert old_fetches == []
    assert result.stat("skipped/before_since/sitemap") == 1


def test_a_section_page_with_long_teasers_never_becomes_an_item() -> None:
    teasers = "".join(
        f'<p>{text} <a href="/culture/{7000 + i}-festival-news">المزيد</a></p>'
        for i, text in enumerate(PARAGRAPHS)
    )
    section = f"<html><head><title>ثقافة</title></head><body><h1>ثقافة</h1>{teasers}</body></html>"

    def build(base: str) -> dict[str, Reply]:
        return {
            "/": Reply(body=listing_html("الرئيسية", [("/section/culture/", "ثقافة")])),
            "/section/culture/": Reply(body=section.encode()),
            **_articles(base, [f"/culture/{7000 + i}-festival-news" for i in range(4)]),
        }

    with serving(site_router(build)) as server:
        result = run_crawl(server.base_url)
    assert sorted(item["url"].rsplit("/", 1)[1] for item in result.items) == [
        f"{7000 + i}-festival-news" for i in range(4)
    ]
    assert result.stat("classify/listing_with_article_shape") == 1


def test_a_short_brief_without_metadata_still_reaches_the_extractor() -> None:
    brief = (
        "<html><body><h1>عاجل: افتتاح الجسر الجديد</h1><p>افتتح الجسر صباح اليوم.</p></body></html>"
    )

    def build(base: str) -> dict[str, Reply]:
        return {
            "/robots.txt": Reply(body=f"Sitemap: {base}/s.xml\n".encode()),
            "/s.xml": Reply(body=urlset([base + "/brief/2024/05/07/bridge"]), content_type=XML),
            "/brief/2024/05/07/bridge": Reply(body=brief.encode()),
        }

    with serving(site_router(build)) as server:
        result = run_crawl(server.base_url)
    assert [item["title"] for item in result.items] == ["عاجل: افتتاح الجسر الجديد"]
