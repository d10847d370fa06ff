"""URL shapes learnt per site (issue 9, per-site learning): a shape whose pages were never
articles is not fetched again, in this crawl once the evidence is in, and in the next run from
the start; a shape the URL rules took for listings that kept being articles is crawled as
articles.

The site lists its articles and its video pages (`/video/<id>-<slug>`, which look like articles
by their URL and hold a player and a caption) in one sitemap, as many real sitemaps do.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from newscrawl.demo.server import Reply, serving
from newscrawl.discovery.shape_learning import ShapeLearner, url_pattern
from tests.crawl_harness import article_html, site_router, urlset
from tests.state_site import crawl_command, read_output

XML = "application/xml"


def _video(path: str) -> bytes:
    return (
        '<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8">'
        f"<title>فيديو {path}</title></head><body><h1>فيديو</h1>"
        f'<video src="{path}.mp4"></video><p>مقطع مصور</p></body></html>'
    ).encode()


class VideoSite:
    """Articles and video pages in one sitemap; `grow()` publishes more of both."""

    def __init__(self) -> None:
        self.articles = [f"/news/2026/12/{10 + i}/story-number-{i}-of-the-day" for i in range(6)]
        self.videos = [f"/video/{500 + i}-clip-of-the-day-{i}" for i in range(8)]

    def grow(self) -> None:
        self.articles += [f"/news/2026/12/2{i}/late-story-number-{i}" for i in range(2)]
        self.videos += [f"/video/{600 + i}-late-clip-of-the-day" for i in range(4)]

    def build(self, base: str) -> dict[str, Reply]:
        replies = {
            "/robots.txt": Reply(body=f"Sitemap: {base}/sitemap.xml\n".encode()),
            "/sitemap.xml": Reply(
                body=urlset([base + p for p in self.articles + self.videos]), content_type=XML
            ),
        }
        for number, path in enumerate(self.articles):
            own = f"<p>وقال المتحدث إن الملف رقم {number} سيعرض على المجلس في دورته المقبلة.</p>"
            title = f"خبر رقم {number} عن مشروع الطرق في المدينة"
            replies[path] = Reply(body=article_html(title, canonical=base + path, extra=own))
        for path in self.videos:
            replies[path] = Reply(body=_video(path))
        return replies


def test_pattern_keeps_sections_apart_and_counts_both_ways() -> None:
    assert url_pattern("https://x.com/video/12-a-b-c") != url_pattern("https://x.com/news/12-a-b-c")
    learner = ShapeLearner()
    for n in range(4):
        learner.observe(f"https://x.com/video/{n}1-a-b-c", article=False)
    learner.observe("https://x.com/video/99-a-b-c", article=True)
    for n in range(6):
        learner.observe(f"https://x.com/video/{n}2-a-b-c", article=False)
    assert learner.verdict("https://x.com/video/77-a-b-c") is None  # one was an article


def test_a_shape_that_never_held_an_article_is_not_fetched_next_run(tmp_path: Path) -> None:
    site = VideoSite()
    state, first, second = tmp_path / "state", tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    with serving(site_router(site.build)) as server:
        subprocess.run(crawl_command(server.base_url, str(first), str(state)), check=True)
        videos_first = [r.path for r in server.log if r.path.startswith("/video/")]
        site.grow()
        before = len(server.log)
        subprocess.run(crawl_command(server.base_url, str(second), str(state)), check=True)
        videos_second = [r.path for r in server.log[before:] if r.path.startswith("/video/")]
    records_first, _, _ = read_output(first)
    records_second, _, _ = read_output(second)
    assert len(records_first) == 6 and len(records_second) == 2  # every article, once
    assert len(videos_first) >= 5  # the evidence: five candidates of the shape, no article
    assert videos_second == []  # the next run knows the shape: none of the 4 new is fetched


def _short_id_site(base: str) -> dict[str, Reply]:
    """Articles at `/n/<short id>`, which the URL rules take for listings; no sitemap or feed.
    The home page links the first three; each article links the next two."""
    count = 8
    replies = {
        "/": Reply(body=b"<html><body>" + b"".join(
            f'<a href="/n/{i}">خبر قصير رقم {i} عن مشروع الطرق في المدينة</a>'.encode()
            for i in range(1, 4)
        ) + b"</body></html>"),
    }  # fmt: skip
    for i in range(1, count + 1):
        links = "".join(f'<a href="/n/{j}">التالي {j}</a>' for j in (i + 1, i + 2) if j <= count)
        own = f"<p>وقال المتحدث إن الملف رقم {i} سيعرض على المجلس في دورته المقبلة.</p>{links}"
        title = f"خبر رقم {i} عن مشروع الطرق في المدينة"
        replies[f"/n/{i}"] = Reply(body=article_html(title, canonical=f"{base}/n/{i}", extra=own))
    return replies


def test_a_shape_the_rules_took_for_listings_is_crawled_once_it_kept_being_articles(
    tmp_path: Path,
) -> None:
    output = tmp_path / "out.jsonl"
    with serving(site_router(_short_id_site)) as server:
        command = crawl_command(server.base_url, str(output), str(tmp_path / "state"))
        subprocess.run(command, check=True)
    records, _, _ = read_output(output)
    # the home page's three, then every article their links lead to once three were articles
    assert sorted(int(r["url"].rsplit("/", 1)[1]) for r in records) == list(range(1, 9))


def test_switched_off_nothing_is_learnt_or_read_back() -> None:
    from newscrawl.spiders.shapememory import ShapeMemory

    class Store(dict):  # type: ignore[type-arg]
        def site_fact(self, site: str, key: str) -> str | None:
            return self.get((site, key))

        def save_site_fact(self, site: str, key: str, value: str) -> None:
            self[(site, key)] = value

    store = Store()
    learning = ShapeMemory(store)
    for n in range(5):
        learning.observe("s", f"https://x.com/video/{n}1-clip-title", article=False)
    off = ShapeMemory(store, enabled=False)
    assert off.for_site("s").verdict("https://x.com/video/77-clip-title") is None
    off.observe("t", "https://x.com/video/1-clip-title", article=False)
    assert ("t", "url_shapes") not in store
