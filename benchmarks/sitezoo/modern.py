"""Modern front ends: a Next.js site whose article exists only as data, and an AMP-first site.

* nextjs: `/news/<id>/<slug>`; the server-rendered HTML has menus and boxes but no headline or
  paragraphs: the article lives in `__NEXT_DATA__` (and in JSON-LD, with `articleBody` on half
  the pages); related articles only in `__NEXT_DATA__`; dates in UTC with a Z.
* amp_first: `/story/<id>.html`, `<html ⚡>` pages that are their own canonical, `amp-img`,
  an inline read-also aside and an `amp-carousel` end list, JSON-LD with +03:00, a Google News
  sitemap as the only sitemap.
"""

from __future__ import annotations

import json
from html import escape
from typing import Any

from benchmarks.sitezoo import chrome, clock, feeds
from benchmarks.sitezoo.common import (
    chunks,
    document,
    html_page,
    ld_json,
    news_article_ld,
    page_rng,
    section_name,
    static_pages,
)
from benchmarks.sitezoo.model import Page, SiteView, ZooArticle
from benchmarks.sitezoo.vocab import SECTIONS


def _section(slug: str) -> str:
    return f"/section/{slug}"


def _wrap(view: SiteView, title: str, main: str, key: str, head: str = "", attrs: str = "") -> str:
    rng = page_rng(view, key)
    body = (
        f"{chrome.nav(view, _section, 'nav')}<main>{main}</main>"
        f"{chrome.sidebar(view, lambda a: a.path, 'aside', rng, key)}"
        f"{chrome.tag_cloud(lambda t: '/tags/' + t, 'aside', rng)}"
        f"{chrome.footer(view, _section, 'ft')}"
    )
    return document(view, title, body, head=head, html_attrs=attrs)


def _listings(view: SiteView, wrap: Any) -> dict[str, Page]:
    pages: dict[str, Page] = {}
    ar = [a for a in view.articles if a.lang == "ar"]
    for heading, items, path, reason in [("الرئيسية", ar[:20], "/", "home")] + [
        (section_name(s), view.by_section(s), _section(s), "section") for _, s in SECTIONS
    ]:
        cards = "".join(
            f'<div class="card"><a href="{a.path}"><h3>{escape(a.title)}</h3></a>'
            f"<p>{escape(chrome.teaser(a, 16))}</p></div>"
            for a in chunks(items, 20)[0]
        )
        html = wrap(view, f"{heading} | {view.spec.site_name}", f"<h1>{heading}</h1>{cards}", path)
        pages[path] = html_page(html, view, path, "listing" if items else "other", reason)
    return pages | static_pages(view, lambda t, m: wrap(view, t, m, t))


class NextJs:
    has_modified = True

    def article_path(self, a: ZooArticle) -> str:
        return f"/news/{a.number}/{a.slug}"

    def aliases(self, a: ZooArticle) -> tuple[str, ...]:
        return ()

    def _data(self, view: SiteView, a: ZooArticle) -> dict[str, Any]:
        article = {
            "id": a.number, "title": a.title, "slug": a.slug,
            "publishedAt": clock.iso_utc(a.published), "updatedAt": clock.iso_utc(a.lastmod),
            "author": {"name": view.spec.site_name if a.house_byline else a.person},
            "section": {"name": a.section, "slug": a.section_slug}, "tags": list(a.tags),
            "image": {"url": view.url(a.image_path), "caption": a.caption},
            "body": [{"type": "paragraph", "text": p} for p in a.paragraphs],
            "related": [{"title": r.title, "url": r.path} for r in a.related],
        }  # fmt: skip
        return {
            "props": {"pageProps": {"article": article}, "__N_SSP": True},
            "page": "/news/[id]/[slug]", "query": {"id": str(a.number), "slug": a.slug},
            "buildId": "zK3v9sitezoo", "isFallback": False, "gssp": True,
        }  # fmt: skip

    def _article(self, view: SiteView, a: ZooArticle) -> Page:
        ld = news_article_ld(view, a, body=a.number % 2 == 0, utc=True)
        head = (
            f'<link rel="canonical" href="{view.url(a.path)}"><meta property="og:type" '
            f'content="article"><meta property="og:title" content="{escape(a.title)}">'
            f"{ld_json(ld)}"
        )
        payload = json.dumps(self._data(view, a), ensure_ascii=False).replace("</", "<\\/")
        main = (
            '<div id="__next"><div class="article-skeleton" aria-busy="true"></div></div>'
            f'<script id="__NEXT_DATA__" type="application/json">{payload}</script>'
            + "".join(
                f'<script src="/_next/static/chunks/{n}-{a.number % 97:02d}.js" defer></script>'
                for n in ("framework", "main", "pages/_app", "pages/news/[id]/[slug]")
            )
        )
        html = _wrap(view, f"{a.title} | {view.spec.site_name}", main, a.path, head)
        return html_page(html, view, a.path, "article")

    def render(self, view: SiteView) -> dict[str, Page]:
        ar = [a for a in view.articles if a.lang == "ar"]
        pages = {a.path: self._article(view, a) for a in ar} | _listings(view, _wrap)
        chunk = feeds.urlset([(view.url(a.path), a.lastmod) for a in ar], utc=True)
        return pages | {
            "/sitemaps/articles-1.xml": chunk,
            "/sitemap.xml": feeds.sitemap_index(
                [view.url("/sitemaps/articles-1.xml")], [max(a.lastmod for a in ar)]
            ),
            "/robots.txt": feeds.robots(view.base, ["/sitemap.xml"], ["/api/"]),
        }


class AmpFirst:
    has_modified = True

    def article_path(self, a: ZooArticle) -> str:
        return f"/story/{a.number}.html"

    def aliases(self, a: ZooArticle) -> tuple[str, ...]:
        return ()

    def _body(self, view: SiteView, a: ZooArticle) -> str:
        inline = "".join(
            f'<aside class="read-also"><h4>اقرأ أيضا</h4><a href="{r.path}">{escape(r.title)}</a>'
            "</aside>"
            for r in a.related
            if r.position == "inline"
        )
        parts = [f"<p>{escape(p)}</p>" for p in a.paragraphs]
        parts.insert(min(3, len(parts) - 1), inline)
        slides = "".join(
            f'<div class="slide"><a href="{r.path}"><amp-img src="/thumbs/{i}.jpg" width="160" '
            f'height="90" layout="fixed"></amp-img><h4>{escape(r.title)}</h4></a></div>'
            for i, r in enumerate(r for r in a.related if r.position == "end")
        )
        return (
            f'<article><h1 class="headline">{escape(a.title)}</h1><div class="meta">'
            f'<span class="author">{a.person}</span> <span class="date">'
            f"{clock.msa(a.published, time=False)}</span></div><figure>"
            f'<amp-img src="{a.image_path}" width="800" height="450" layout="responsive" '
            f'alt="{escape(a.caption)}"></amp-img><figcaption>{escape(a.caption)}</figcaption>'
            f'</figure><div class="article-body">{"".join(parts)}</div>'
            f'<section class="related"><h3>اقرأ أيضا</h3><amp-carousel type="carousel" '
            f'height="200" layout="fixed-height">{slides}</amp-carousel></section></article>'
        )

    def _article(self, view: SiteView, a: ZooArticle) -> Page:
        head = (
            f'<link rel="canonical" href="{view.url(a.path)}">'
            '<script async src="https://cdn.ampproject.org/v0.js"></script>'
            "<style amp-boilerplate>body{visibility:hidden}</style>"
            f"{ld_json(news_article_ld(view, a))}"
        )
        main = self._body(view, a) + chrome.share(view.url(a.path), "amp-social")
        html = _wrap(view, a.title, main, a.path, head, ' ⚡=""')
        return html_page(html, view, a.path, "article")

    def render(self, view: SiteView) -> dict[str, Page]:
        ar = [a for a in view.articles if a.lang == "ar"]
        pages = {a.path: self._article(view, a) for a in ar} | _listings(view, _wrap)
        entries = [(view.url(a.path), a.title, a.published, a.tags) for a in ar]
        return pages | {
            "/sitemap-news.xml": feeds.news_urlset(entries, view.spec.site_name),
            "/robots.txt": feeds.robots(view.base, ["/sitemap-news.xml"]),
        }
