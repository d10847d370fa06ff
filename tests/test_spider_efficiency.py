"""Requests per emitted article when sitemaps list every article (BENCHMARKS.md).

The fixture site also has a home page, sections with pagination and a feed: a crawler that mined
them, or mined article pages for links, would spend requests the sitemaps made unnecessary.
"""

from __future__ import annotations

from newscrawl.demo.server import Reply, serving
from tests.crawl_harness import (
    article_html,
    listing_html,
    run_crawl,
    site_router,
    sitemap_index,
    urlset,
)

ARTICLES = 40
XML = "application/xml"


def _build(base: str) -> dict[str, Reply]:
    paths = [f"/akhbar/2024/05/{1 + i % 28:02d}/{1000 + i}-tagrir" for i in range(ARTICLES)]
    head = '<link rel="alternate" type="application/rss+xml" href="/feed/">'
    related = "".join(f'<a href="{p}">خبر ذو صلة</a>' for p in paths[:8])
    replies = {
        "/robots.txt": Reply(body=f"User-agent: *\nSitemap: {base}/sitemap.xml\n".encode()),
        "/sitemap.xml": Reply(body=urlset([base + p for p in paths]), content_type=XML),
        "/": Reply(body=listing_html("الرئيسية", [("/section/a/", "قسم")], head=head)),
        "/section/a/": Reply(body=listing_html("قسم", [(p, "خبر") for p in paths[:20]])),
        "/sitemap_index.xml": Reply(body=sitemap_index([base + "/sitemap.xml"]), content_type=XML),
    }
    for i, path in enumerate(paths):
        title = f"تقرير اقتصادي رقم {i + 1} عن أسعار الحبوب"
        replies[path] = Reply(body=article_html(title, canonical=base + path, extra=related))
    return replies


def test_requests_per_article_when_sitemaps_cover_the_site() -> None:
    with serving(site_router(_build)) as server:
        result = run_crawl(
            server.base_url, settings={"NEWSCRAWL_EXTRACTOR": "newscrawl.extraction.extract_page"}
        )
        requests = len(server.log)
    ratio = requests / len(result.items)
    print(f"\nrequests={requests} articles={len(result.items)} requests/article={ratio:.3f}")
    assert len(result.items) == ARTICLES
    assert ratio <= 1.3
