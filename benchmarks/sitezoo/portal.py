"""A custom (Laravel-style) Arabic news portal (fresh family `custom_portal`).

* URLs `/article/<id>/<Arabic slug>`; `/article/<id>` serves the same page (the "رابط مختصر"
  under the headline) and the old `/news/details/<id>` (still used by the "most read" widget)
  answers 301; images under `/storage/news/`.
* Dates "3/12/2026 10:15" on the article (and "آخر تحديث: …" when edited), "03 ديسمبر 2026"
  on cards; the offset only in JSON-LD NewsArticle, which only some articles carry (the others
  have Open Graph only), in the RSS pubDate and sitemap lastmod (+02:00), and in the top bar's
  "جميع الأوقات بتوقيت طرابلس (GMT+2)".
* Tags under "الكلمات المفتاحية", an end-of-article "اقرأ أيضا" list (thumbnail, title, date),
  reprinted wire copies and a daily templated report series.
* Discovery: per-section RSS feeds linked from the home page, a sitemap with lastmod (also
  listing home, sections and static pages), home, sections and `/news` with `?page=N`.
"""

from __future__ import annotations

from html import escape
from typing import Any

from benchmarks.sitezoo import chrome, clock, feeds
from benchmarks.sitezoo.common import html_page, ld_json, page_rng
from benchmarks.sitezoo.model import Page, SiteView, ZooArticle
from benchmarks.sitezoo.portal_parts import (
    discovery,
    document,
    listings,
    section_path,
    tag_path,
    thumb,
)


def has_ld(a: ZooArticle) -> bool:
    """Whether the article carries JSON-LD (the SEO package came with a later release)."""
    return a.number % 5 < 3


def _ld(view: SiteView, a: ZooArticle) -> dict[str, Any]:
    url = view.url(a.path)
    return {
        "@context": "https://schema.org", "@type": "NewsArticle", "name": a.title,
        "headline": a.title, "description": chrome.teaser(a, 25), "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "datePublished": clock.iso(a.published), "dateModified": clock.iso(a.lastmod),
        "image": [view.url(a.image_path)], "inLanguage": "ar",
        "author": [{"@type": "Person", "name": a.person}],
        "publisher": {"@type": "Organization", "name": view.spec.site_name,
                      "logo": {"@type": "ImageObject", "url": view.url("/images/logo.png")}},
    }  # fmt: skip


def _head(view: SiteView, a: ZooArticle) -> str:
    url = view.url(a.path)
    head = (
        f'<meta name="description" content="{escape(chrome.teaser(a, 25))}">'
        f'<meta name="keywords" content="{escape("، ".join(a.tags))}">'
        f'<link rel="canonical" href="{url}"><meta property="og:type" content="article">'
        f'<meta property="og:site_name" content="{view.spec.site_name}"><meta property="og:title"'
        f' content="{escape(a.title)}"><meta property="og:description" content="'
        f'{escape(chrome.teaser(a, 25))}"><meta property="og:url" content="{url}">'
        f'<meta property="og:image" content="{view.url(a.image_path)}"><meta name="twitter:card" '
        'content="summary_large_image">'
    )
    return head + (ld_json(_ld(view, a)) if has_ld(a) else "")


def _read_also(view: SiteView, a: ZooArticle) -> str:
    items = []
    for r in (r for r in a.related if r.position == "end"):
        t = next(b for b in view.everything if b.path == r.path)
        items.append(
            f'<li class="also-item"><a href="{r.path}" class="also-img"><img src="{thumb(t)}" '
            f'alt="" loading="lazy"></a><div><a href="{r.path}" class="also-title">'
            f'{escape(r.title)}</a><span class="also-date">{clock.padded_day(t.published)}</span>'
            "</div></li>"
        )
    return (
        f'<div class="read-also-box"><div class="box-head"><h4>اقرأ أيضا</h4></div><ul>'
        f"{''.join(items)}</ul></div>"
    )


def _details(view: SiteView, a: ZooArticle) -> str:
    short = view.url(f"/article/{a.number}")
    updated = (
        f'<span class="news-updated">آخر تحديث: {clock.slashed(a.modified)}</span>'
        if a.modified
        else ""
    )
    tags = "".join(f'<li><a href="{tag_path(t)}"># {t}</a></li>' for t in a.tags)
    shares = "".join(
        f'<a href="{base}{escape(short)}" target="_blank" class="btn-share share-{name}">'
        f'<i class="fab fa-{name}"></i></a>'
        for name, base in chrome.SHARE.items()
    )
    text = "".join(f"<p>{escape(p)}</p>" for p in a.paragraphs)
    return (
        '<nav aria-label="breadcrumb"><ol class="breadcrumb"><li class="breadcrumb-item"><a href='
        f'"/">الرئيسية</a></li><li class="breadcrumb-item"><a href="{section_path(a.section_slug)}'
        f'">{a.section}</a></li></ol></nav><div class="news-details"><a class="cat-label" href="'
        f'{section_path(a.section_slug)}">{a.section}</a><h1 class="news-title">{escape(a.title)}'
        f'</h1><div class="news-info"><span class="news-writer"><i class="fa fa-user"></i> كتب: '
        f'{a.person}</span><span class="news-date"><i class="far fa-clock"></i> '
        f'{clock.slashed(a.published)}</span>{updated}<span class="news-views"><i class="fa '
        f'fa-eye"></i> {a.number % 3000 + 211}</span></div><div class="news-img"><img src="'
        f'{a.image_path}" alt="{escape(a.title)}" class="img-fluid"><p class="img-caption">'
        f'{escape(a.caption)}</p></div><div class="short-link"><span>رابط مختصر:</span> <a href'
        f'="{short}">{short}</a><button class="btn-copy" data-clipboard-text="{short}">نسخ'
        f'</button></div><div class="news-text" id="newsText">{text}</div><div class="news-'
        f'keywords"><h5>الكلمات المفتاحية</h5><ul>{tags}</ul></div><div class="share-box">'
        f"<span>شارك الخبر</span>{shares}</div>{_read_also(view, a)}</div>"
    )


class CustomPortal:
    has_modified = True  # "آخر تحديث" on the page, dateModified in JSON-LD, sitemap lastmod

    def article_path(self, a: ZooArticle) -> str:
        return f"/article/{a.number}/{a.slug}"

    def image_path(self, a: ZooArticle) -> str:
        return f"/storage/news/{a.published:%Y/%m}/{a.number}_{a.number % 977:03d}.jpg"

    def aliases(self, a: ZooArticle) -> tuple[str, ...]:
        return f"/article/{a.number}", f"/news/details/{a.number}"

    def _article(self, view: SiteView, a: ZooArticle, key: str, kind: str) -> Page:
        rng = page_rng(view, key)
        main = (
            f'{_details(view, a)}<div class="comments-box"><div class="fb-comments" data-href="'
            f'{view.url(a.path)}" data-numposts="5"></div>{chrome.comments(rng, "reader")}</div>'
        )
        html = document(view, f"{a.title} | {view.spec.site_name}", main, key, _head(view, a))
        return html_page(html, view, key, kind)

    def render(self, view: SiteView) -> dict[str, Page]:
        pages: dict[str, Page] = {}
        for a in view.articles:
            pages[a.path] = self._article(view, a, a.path, "article")
            pages[a.aliases[0]] = self._article(view, a, a.aliases[0], "alias")
            pages[a.aliases[1]] = feeds.redirect(view.url(a.path))
        return pages | listings(view) | discovery(view)
