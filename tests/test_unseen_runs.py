"""Issue 9 on whole runs: a sitemap index without lastmod across two incremental runs, the other
language edition of a multilingual site, and bodies only a page's JSON data island holds."""

from __future__ import annotations

import hashlib
import json
import subprocess
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from newscrawl.demo.server import Reply, ServedRequest, SiteServer, not_found, serving
from newscrawl.extraction import extract_page
from tests.crawl_harness import PARAGRAPHS, article_html, run_crawl, site_router, urlset
from tests.state_site import crawl_command, read_output

XML = "application/xml"
REAL = {"NEWSCRAWL_EXTRACTOR": "newscrawl.extraction.extract_page"}


def _article(path: str) -> bytes:
    """A distinct article per path (same paragraphs plus its own, so no exact duplicates)."""
    own = f"<p>وأكد المتحدث أن الملف رقم {path} سيعرض على المجلس في دورته المقبلة للمصادقة.</p>"
    return article_html(f"خبر محلي عن الطرق والمياه {path}", extra=own)


class UndatedIndexSite:
    """A WordPress-core-like site: `/wp-sitemap.xml` lists two post sitemaps without lastmod, so
    the index stays byte-identical when a post is added; sitemaps answer If-None-Match."""

    def __init__(self) -> None:
        self.posts = [f"/2026/03/1{i}/post-{i}/" for i in range(3)]
        self.news = ["/2026/02/20/wire-1/", "/2026/02/21/wire-2/"]

    def _pages(self, base: str) -> dict[str, bytes]:
        children = ["/wp-sitemap-posts-post-1.xml", "/wp-sitemap-posts-news-1.xml"]
        index = "".join(f"<sitemap><loc>{base}{c}</loc></sitemap>" for c in children)
        pages = {
            "/robots.txt": f"Sitemap: {base}/wp-sitemap.xml\n".encode(),
            "/wp-sitemap.xml": (
                '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/'
                f'sitemap/0.9">{index}</sitemapindex>'
            ).encode(),
            children[0]: urlset([base + p for p in self.posts]),
            children[1]: urlset([base + p for p in self.news]),
        }
        for path in self.posts + self.news:
            pages[path] = _article(path)
        return pages

    def route(self, request: ServedRequest) -> Reply:
        body = self._pages("http://" + request.headers.get("Host", "127.0.0.1")).get(request.path)
        if body is None:
            return not_found(request)
        if not request.path.endswith(".xml"):
            return Reply(body=body)
        etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
        if request.headers.get("If-None-Match") == etag:
            return Reply(304, b"", {"ETag": etag}, XML)
        return Reply(body=body, headers={"ETag": etag}, content_type=XML)


def _crawl(server: SiteServer, output: Path, state: Path) -> list[ServedRequest]:
    before = len(server.log)
    command = crawl_command(server.base_url, str(output), str(state))
    done = subprocess.run(command, capture_output=True, text=True, timeout=90, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return server.log[before:]


def test_an_unchanged_index_without_lastmod_does_not_hide_a_changed_child(tmp_path: Path) -> None:
    site = UndatedIndexSite()
    output, state = tmp_path / "out.jsonl", tmp_path / "state"
    with serving(site.route) as server:
        _crawl(server, output, state)
        site.posts.append("/2026/03/15/post-new/")
        second = _crawl(server, output, state)
    records, _, _ = read_output(output)
    assert [r["url"].split(str(server.port))[1] for r in records[5:]] == ["/2026/03/15/post-new/"]
    by_path = {r.path: r for r in second}
    # the index is read again; its children are revalidated, and only the changed one is sent
    assert "If-None-Match" not in by_path["/wp-sitemap.xml"].headers
    assert "If-None-Match" in by_path["/wp-sitemap-posts-news-1.xml"].headers
    assert "If-None-Match" in by_path["/wp-sitemap-posts-post-1.xml"].headers
    assert [r.path for r in second if not r.path.endswith((".xml", ".txt"))] == [
        "/2026/03/15/post-new/"
    ]


ENGLISH = (
    "<p>The municipality announced on Sunday a new programme to repair the roads of the old "
    "quarters, with works starting next week and lasting at least three months.</p>"
) * 4


def _english(title: str) -> bytes:
    return (
        '<html lang="en"><head><meta charset="utf-8"><meta property="og:type" content="article">'
        f"<title>{title}</title></head><body><h1>{title}</h1>{ENGLISH}</body></html>"
    ).encode()


def _editions(base: str) -> dict[str, Reply]:
    """One sitemap for both editions, with hreflang alternates naming the edition roots; one
    English article sits at a path that tells nothing."""
    arabic, english = ["/ar/news/1", "/ar/news/2"], ["/en/news/3", "/en/news/4"]
    alternates = (
        f'<xhtml:link rel="alternate" hreflang="ar" href="{base}/ar/"/>'
        f'<xhtml:link rel="alternate" hreflang="en" href="{base}/en/"/>'
    )
    entries = "".join(
        f"<url><loc>{base}{p}</loc>{alternates}</url>" for p in [*arabic, *english, "/news/5"]
    )
    sitemap = (
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        f'xmlns:xhtml="http://www.w3.org/1999/xhtml">{entries}</urlset>'
    )
    pages = {
        "/robots.txt": Reply(body=f"Sitemap: {base}/sitemap.xml\n".encode()),
        "/sitemap.xml": Reply(body=sitemap.encode(), content_type=XML),
        "/news/5": Reply(body=_english("Roads of the old town")),
    }
    pages.update({p: Reply(body=_article(p)) for p in arabic})
    pages.update({p: Reply(body=_english(f"Story {p[-1]} about roads")) for p in english})
    return pages


def test_an_ad_hoc_target_keeps_the_arabic_edition_unless_told_otherwise() -> None:
    with serving(site_router(_editions)) as server:
        arabic_only = run_crawl(server.base_url, settings=REAL)
        requested = server.paths()
        every = run_crawl(server.base_url, settings={**REAL, "NEWSCRAWL_LANGUAGE": "any"})
    assert sorted(urlsplit(i["url"]).path for i in arabic_only.items) == [
        "/ar/news/1",
        "/ar/news/2",
    ]
    assert not [p for p in requested if p.startswith("/en/")]  # known by hreflang: not fetched
    assert arabic_only.stat("skipped/other_edition/en") == 2
    assert arabic_only.stat("skipped/language/en") == 1  # /news/5: known only once read
    assert len(every.items) == 5


def _island_page(data: dict[str, Any]) -> bytes:
    script = json.dumps(data, ensure_ascii=False)
    return (
        '<!DOCTYPE html><html lang="ar"><head><meta charset="utf-8"><title>عنوان الخبر</title>'
        '<meta property="og:type" content="article"><script type="application/ld+json">'
        '{"@type": "NewsArticle", "headline": "عنوان الخبر"}</script></head><body>'
        '<div id="__next"><div class="skeleton"></div></div><script id="__NEXT_DATA__" '
        f'type="application/json">{script}</script></body></html>'
    ).encode()


def test_a_body_held_only_in_the_next_data_island_is_extracted() -> None:
    blocks = [{"type": "paragraph", "text": p} for p in PARAGRAPHS]
    data = {"props": {"pageProps": {"article": {"title": "عنوان الخبر", "body": blocks,
            "related": [{"title": "خبر آخر", "slug": "x"}]}}}, "page": "/news/[id]"}  # fmt: skip
    article = extract_page(_island_page(data), "https://x.com/news/1/slug")
    assert article is not None and article.body.split("\n\n") == list(PARAGRAPHS)
    html_body = {
        "props": {"pageProps": {"post": {"content": "".join(f"<p>{p}</p>" for p in PARAGRAPHS)}}}
    }
    article = extract_page(_island_page(html_body), "https://x.com/news/2/slug")
    assert article is not None and article.body.split("\n\n") == list(PARAGRAPHS)
