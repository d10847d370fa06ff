"""Issue 9, classes 1 and 2: sites the code was never tuned on, crawled for real on loopback.

Old table-layout PHP sites (no `<h1>`, `article.php?id=N`, windows-1256, a feed listing every
article) must yield their articles; WordPress archives (category, tag, author: teasers with
excerpts) and the archive sitemaps WordPress core lists must neither be fetched as articles nor
written.
"""

from __future__ import annotations

from urllib.parse import unquote, urlsplit

import pytest
from scrapy.http import HtmlResponse

from newscrawl.demo.server import Reply, serving
from newscrawl.discovery.classify import page_kind
from tests.crawl_harness import run_crawl, site_router, sitemap_index, urlset
from tests.unseen_pages import (
    HOME_SHOWS,
    HTML_1256,
    SENTENCES,
    TITLES,
    archive_page,
    legacy_article,
    legacy_listing,
    legacy_path,
    legacy_site,
    wp_article,
)

REAL = {"NEWSCRAWL_EXTRACTOR": "newscrawl.extraction.extract_page"}
XML = "application/xml"


def _path(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def _kind(body: bytes, url: str = "http://x.com/a", content_type: str = "text/html") -> str:
    response = HtmlResponse(url=url, body=body, headers={"Content-Type": content_type})
    return page_kind(response)


def test_page_kind_weighs_the_page_own_evidence() -> None:
    # a table-layout article: no h1, no metadata, body as <br> text in a <td>, 40+ links
    assert _kind(legacy_article(0), content_type=HTML_1256) == "article"
    assert _kind(legacy_listing(range(HOME_SHOWS)), content_type=HTML_1256) == "listing"
    # archives: one h1 and plenty of text, but every text is a teaser's excerpt
    links = [(f"/2026/03/1{i}/post-{i}/", t) for i, t in enumerate(TITLES)]
    assert _kind(archive_page("مقالات الكاتب", links)) == "listing"
    assert _kind(archive_page("أرشيف محليات", links, loose=True)) == "listing"
    # a post whose related-posts widget has thumbnails and excerpts stays an article
    assert _kind(wp_article(TITLES[0], links[1:5])) == "article"


def test_a_brief_needs_a_headline_next_to_its_prose() -> None:
    # two sentences under a <font> headline that repeats the <title>: a brief, an article
    assert _kind(legacy_article(1, lines=2), content_type=HTML_1256) == "article"
    # an author archive titled like its <h1>, with a long "about us" blurb in the footer
    links = [(f"/2026/03/1{i}/post-{i}/", t) for i, t in enumerate(TITLES)]
    about = " ".join(SENTENCES[:3])
    assert _kind(archive_page("مقالات الكاتب علي حسن", links, about=about)) == "listing"


@pytest.mark.parametrize("feed_size", [len(TITLES), 2])
def test_table_layout_site_yields_every_article(feed_size: int) -> None:
    with serving(site_router(lambda base: legacy_site(base, feed_size))) as server:
        result = run_crawl(server.base_url, settings=REAL)
        requested = server.paths()
    written = sorted(_path(item["url"]) for item in result.items)
    assert written == sorted(legacy_path(i) for i in range(len(TITLES)))
    assert result.stat("classify/article_request_was_listing") == 0
    # print and send-to-a-friend views are copies: never requested
    assert not [p for p in requested if p.startswith(("/print.php", "/send.php"))]
    sections = [p for p in requested if p.startswith("/section.php")]
    if feed_size == len(TITLES):  # the feed lists all the home page shows, and more
        assert sections == [] and result.stat("discovery/sections_skipped_feeds_cover") == 1
        assert len(requested) <= len(TITLES) + 8  # robots, 4 sitemap probes, home twice, feed
    else:  # a feed of the two newest: the sections hold the rest
        assert sections and result.stat("discovery/sections_skipped_feeds_cover") == 0


POSTS = [f"/2026/03/1{i}/{slug}/" for i, slug in enumerate(("roads", "budget", "library"))]


def _wordpress(base: str) -> dict[str, Reply]:
    """WordPress core sitemaps: posts, pages, categories, tags and users, none with lastmod."""
    children = ["posts-post-1", "posts-page-1", "taxonomies-category-1",
                "taxonomies-post_tag-1", "users-1"]  # fmt: skip
    archives = {
        "posts-page-1": ["/about-the-newspaper/"],
        "taxonomies-category-1": ["/category/محليات/", "/category/اقتصاد/"],
        "taxonomies-post_tag-1": ["/tag/الطرق/"],
        "users-1": ["/author/editor/"],
    }
    links = [(p, TITLES[i]) for i, p in enumerate(POSTS)]
    pages = {
        "/robots.txt": Reply(body=f"Sitemap: {base}/wp-sitemap.xml\n".encode()),
        "/wp-sitemap.xml": Reply(
            body=sitemap_index([f"{base}/wp-sitemap-{c}.xml" for c in children]), content_type=XML
        ),
        "/wp-sitemap-posts-post-1.xml": Reply(
            body=urlset([base + p for p in POSTS]), content_type=XML
        ),
    }
    for child, paths in archives.items():
        pages[f"/wp-sitemap-{child}.xml"] = Reply(
            body=urlset([base + p for p in paths]), content_type=XML
        )
        pages.update({p: Reply(body=archive_page("أرشيف", links)) for p in paths})
    for i, path in enumerate(POSTS):
        pages[path] = Reply(body=wp_article(TITLES[i], links[:i] + links[i + 1 :]))
    return pages


def test_wordpress_core_sitemap_archives_are_neither_fetched_nor_written() -> None:
    with serving(site_router(_wordpress)) as server:
        result = run_crawl(server.base_url, settings=REAL)
        requested = [unquote(p) for p in server.paths()]
    assert sorted(_path(item["url"]) for item in result.items) == sorted(POSTS)
    fetched_archives = [p for p in requested if "/category/" in p or "/tag/" in p]
    assert fetched_archives == [] and "/author/editor/" not in requested
    assert [p for p in requested if p.startswith("/wp-sitemap-")] == [
        "/wp-sitemap-posts-post-1.xml"
    ]
    assert result.stat("skipped/archive_sitemap") == 4


def _plain_sitemap(base: str) -> dict[str, Reply]:
    """A hand-made sitemap that lists archives among the posts, one of them with no telling URL."""
    links = [(p, TITLES[i]) for i, p in enumerate(POSTS)]
    weekly = "/2026/03/editors-weekly-choice-of-stories/"
    listed = [*POSTS, "/category/محليات/page/2/", "/author/editor/", weekly]
    pages = {
        "/robots.txt": Reply(body=f"Sitemap: {base}/sitemap.xml\n".encode()),
        "/sitemap.xml": Reply(body=urlset([base + p for p in listed]), content_type=XML),
        weekly: Reply(body=archive_page("اختيارات المحرر", links)),
    }
    for i, path in enumerate(POSTS):
        pages[path] = Reply(body=wp_article(TITLES[i], links[:i] + links[i + 1 :]))
    return pages


def test_archives_a_sitemap_lists_are_skipped_or_recognised() -> None:
    with serving(site_router(_plain_sitemap)) as server:
        result = run_crawl(server.base_url, settings=REAL)
        requested = [unquote(p) for p in server.paths()]
    assert sorted(_path(item["url"]) for item in result.items) == sorted(POSTS)
    assert "/author/editor/" not in requested and "/category/محليات/page/2/" not in requested
    # an archive whose URL tells nothing is fetched, and its teaser layout keeps it out
    assert "/2026/03/editors-weekly-choice-of-stories/" in requested
    assert result.stat("classify/article_request_was_listing") == 1
