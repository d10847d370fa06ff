"""Each article page is parsed once (issue 13): the spider classifies it on the tree extraction
then reads, through the real engine; a custom extractor keeps the documented bytes call."""

from __future__ import annotations

from typing import Any

from newscrawl.demo.server import Reply, serving
from newscrawl.spiders.articles import ArticleReader
from tests.crawl_harness import article_html, run_crawl, site_router, urlset

ARTICLES = 12
XML = "application/xml"
TREE_EXTRACT = {"NEWSCRAWL_EXTRACTOR": "crawl_harness.tree_extract"}


def _site(base: str) -> dict[str, Reply]:
    paths = [f"/akhbar/2024/05/{1 + i:02d}/{100 + i}-khabar" for i in range(ARTICLES)]
    replies = {
        "/robots.txt": Reply(body=f"User-agent: *\nSitemap: {base}/sitemap.xml\n".encode()),
        "/sitemap.xml": Reply(
            body=urlset([base + p for p in paths]), content_type="application/xml"
        ),
    }
    for i, path in enumerate(paths):
        replies[path] = Reply(body=article_html(f"خبر رقم {i + 1} عن الموسم الزراعي"))
    return replies


def test_the_extractor_gets_the_tree_the_spider_classified_on() -> None:
    with serving(site_router(_site)) as server:
        result = run_crawl(
            server.base_url, settings={"NEWSCRAWL_EXTRACTOR": "crawl_harness.tree_extract"}
        )
    assert len(result.items) == ARTICLES
    assert len(result.extracted) == ARTICLES
    assert all(line.startswith("tree:") for line in result.extracted), result.extracted


def test_a_bytes_only_extractor_is_called_as_documented() -> None:
    def mine(body: bytes, url: str, *, content_type: Any = None, profile: Any = None,
             hints: Any = None, fetched_at: Any = None, timezone: Any = None,
             learned: Any = None) -> None:  # fmt: skip
        return None

    def flexible(body: bytes, url: str, **kwargs: Any) -> None:
        return None

    assert not ArticleReader(mine, print, None).reads_parsed_pages
    assert not ArticleReader(flexible, print, None).reads_parsed_pages
    from newscrawl.extraction import extract_page

    assert ArticleReader(extract_page, print, None).reads_parsed_pages
