"""Two classes the fresh zoo families showed on their first, untuned measurement (issue 9):

- a Google News sitemap lists the last two days only: it is no archive, so the home and section
  pages are still crawled for the rest (recall was 0.30 on a site whose only sitemaps were such);
- a video page (og:type `video.other`, JSON-LD `VideoObject`) shows a headline and a one-line
  caption: it is no article, however much it looks like a short brief.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from newscrawl.demo.server import Reply, serving
from tests.crawl_harness import article_html, listing_html, run_crawl, site_router, urlset

XML = "application/xml"
REAL = {"NEWSCRAWL_EXTRACTOR": "newscrawl.extraction.extract_page"}
OLD = [f"/akhbar/2024/03/{10 + i}/old-story-{i}" for i in range(6)]
NEW = [f"/akhbar/2026/12/0{1 + i}/new-story-{i}" for i in range(2)]


def _story(path: str, base: str) -> Reply:
    own = f"<p>وأكد المتحدث أن الملف رقم {path} سيعرض على المجلس في دورته المقبلة للمصادقة.</p>"
    return Reply(body=article_html(f"خبر عن الطرق والمياه {path}", canonical=base + path,
                                   extra=own))  # fmt: skip


def _news_window_site(base: str) -> dict[str, Reply]:
    now = datetime.now(UTC)
    news = {
        base + path: {"date": (now - timedelta(hours=5 + i)).isoformat(), "title": f"خبر {i}"}
        for i, path in enumerate(NEW)
    }
    replies = {
        "/robots.txt": Reply(body=f"Sitemap: {base}/sitemap-news.xml\n".encode()),
        "/sitemap-news.xml": Reply(
            body=urlset([base + p for p in NEW], news=news), content_type=XML
        ),
        "/": Reply(body=listing_html("الرئيسية", [("/section/a/", "محليات")])),
        "/section/a/": Reply(body=listing_html("محليات", [(p, "خبر") for p in NEW + OLD])),
    }
    for path in NEW + OLD:
        replies[path] = _story(path, base)
    return replies


def test_a_news_sitemap_of_the_last_days_does_not_hide_the_sections() -> None:
    with serving(site_router(_news_window_site)) as server:
        result = run_crawl(server.base_url, settings=REAL)
    found = sorted(item["url"].split("127.0.0.1", 1)[1].split("/", 1)[1] for item in result.items)
    assert found == sorted(p.lstrip("/") for p in NEW + OLD)


VIDEOS = [f"/video/{500 + i}-clip-of-the-council-meeting" for i in range(3)]


def _video_page(path: str) -> bytes:
    meta = (
        '<meta property="og:type" content="video.other"><script type="application/ld+json">'
        '{"@context": "https://schema.org", "@type": "VideoObject", "name": "المجلس البلدي",'
        ' "uploadDate": "2026-12-02T13:33:00+04:00"}</script>'
    )
    return (
        f'<!doctype html><html lang="ar"><head><meta charset="utf-8">{meta}'
        "<title>بالفيديو.. المجلس البلدي يناقش خطة الطرق - قناة</title></head><body>"
        "<h1>بالفيديو.. المجلس البلدي يناقش خطة الطرق</h1><time>٢ ديسمبر ٢٠٢٦</time>"
        f'<div class="player" data-id="{path}"></div><p>ناقش المجلس البلدي في جلسته الأسبوعية '
        "خطة صيانة الطرق الرئيسية في المدينة قبل حلول فصل الشتاء المقبل.</p></body></html>"
    ).encode()


def _video_site(base: str) -> dict[str, Reply]:
    replies = {
        "/robots.txt": Reply(body=f"Sitemap: {base}/sitemap.xml\n".encode()),
        "/sitemap.xml": Reply(body=urlset([base + p for p in OLD + VIDEOS]), content_type=XML),
    }
    for path in OLD:
        replies[path] = _story(path, base)
    for path in VIDEOS:
        replies[path] = Reply(body=_video_page(path))
    return replies


def test_a_page_that_declares_itself_a_video_is_no_article() -> None:
    with serving(site_router(_video_site)) as server:
        result = run_crawl(server.base_url, settings=REAL)
    written = [item["url"] for item in result.items]
    assert len(written) == len(OLD)
    assert not [url for url in written if "/video/" in url]
