"""A WordPress news site on a Jannah-style magazine theme (fresh family `wp_jannah`).

* URLs `/<post id>/` (the `/%post_id%/` permalink), WordPress shortlinks `/?p=N` (301; the RSS
  guid) and AMP reader pages `/<id>/?amp=1` as aliases; images under `/wp-content/uploads/`,
  the lead image lazy-loaded (`data-src`, an SVG placeholder in `src`) with a caption.
* The post meta line: author, then "منذ ساعتين" for posts of the last day and "الثلاثاء 3
  ديسمبر 2026 - 10:15 ص" for older ones; the exact time (with the Cairo offset) only in Yoast's
  `article:published_time` / `article:modified_time` and its schema `@graph`.
* An "Inline Related Posts" box inside the body (label and title inside one link), a
  "مقالات ذات صلة" block (thumbnail link + h3 title), previous/next post navigation, tags under
  the post ("الوسوم"), a breaking-news ticker, tabbed "most read" widgets, comments.
* Discovery: Yoast `sitemap_index.xml` (lastmod in GMT) and WordPress's `/feed/` (ten posts).
"""

from __future__ import annotations

from datetime import UTC, datetime
from html import escape
from typing import Any

from benchmarks.sitezoo import chrome, clock, feeds
from benchmarks.sitezoo.common import html_page, ld_json, page_rng, paragraphs_html
from benchmarks.sitezoo.jannah_parts import (
    author_login,
    author_path,
    cat_path,
    document,
    listings,
    share_url,
    tag_path,
    thumb,
    when,
)
from benchmarks.sitezoo.model import Page, SiteView, ZooArticle
from benchmarks.sitezoo.vocab import SECTIONS, TAGS

PROMO = "تابعوا آخر الأخبار العاجلة عبر قناتنا على تيليجرام"


def _graph(view: SiteView, a: ZooArticle) -> dict[str, Any]:
    """Yoast SEO's schema graph: an Article node among WebPage, ImageObject, breadcrumbs."""
    url, site = view.url(a.path), view.url("/")
    name = view.spec.site_name if a.house_byline else a.person
    person = f"{site}#/schema/person/{author_login(a)}"
    return {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "Article", "@id": f"{url}#article", "isPartOf": {"@id": url},
             "author": {"name": name, "@id": person}, "headline": a.title,
             "datePublished": clock.iso(a.published), "dateModified": clock.iso(a.lastmod),
             "mainEntityOfPage": {"@id": url}, "wordCount": sum(len(p.split()) for p in
                                                                 a.paragraphs),
             "publisher": {"@id": f"{site}#organization"},
             "image": {"@id": f"{url}#primaryimage"}, "keywords": list(a.tags),
             "articleSection": [a.section], "inLanguage": "ar"},
            {"@type": "WebPage", "@id": url, "url": url,
             "name": f"{a.title} - {view.spec.site_name}", "isPartOf": {"@id": f"{site}#website"},
             "primaryImageOfPage": {"@id": f"{url}#primaryimage"},
             "datePublished": clock.iso(a.published), "dateModified": clock.iso(a.lastmod),
             "breadcrumb": {"@id": f"{url}#breadcrumb"}, "inLanguage": "ar"},
            {"@type": "ImageObject", "inLanguage": "ar", "@id": f"{url}#primaryimage",
             "url": view.url(a.image_path), "contentUrl": view.url(a.image_path),
             "width": 780, "height": 470},
            {"@type": "BreadcrumbList", "@id": f"{url}#breadcrumb", "itemListElement": [
                {"@type": "ListItem", "position": 1, "name": "الرئيسية", "item": site},
                {"@type": "ListItem", "position": 2, "name": a.title}]},
            {"@type": "WebSite", "@id": f"{site}#website", "url": site,
             "name": view.spec.site_name, "publisher": {"@id": f"{site}#organization"}},
            {"@type": "Organization", "@id": f"{site}#organization", "name": view.spec.site_name,
             "url": site, "logo": {"@type": "ImageObject", "url": view.url("/wp-content/uploads/"
                                                                         "logo.png")}},
            {"@type": "Person", "@id": person, "name": name,
             "url": view.url(author_path(a))},
        ],
    }  # fmt: skip


def _head(view: SiteView, a: ZooArticle) -> str:
    url = view.url(a.path)
    modified = (
        f'<meta property="article:modified_time" content="{clock.iso(a.modified)}">'
        if a.modified
        else ""
    )
    return (
        '<meta name="robots" content="index, follow, max-image-preview:large">'
        f'<link rel="canonical" href="{url}"><meta property="og:locale" content="ar_AR">'
        f'<meta property="og:type" content="article"><meta property="og:title" content="'
        f'{escape(a.title)}"><meta property="og:description" content="'
        f'{escape(chrome.teaser(a, 25))}"><meta property="og:url" content="{url}">'
        f'<meta property="og:site_name" content="{view.spec.site_name}">'
        f'<meta property="article:published_time" content="{clock.iso(a.published)}">{modified}'
        f'<meta property="og:image" content="{view.url(a.image_path)}">'
        '<meta name="twitter:card" content="summary_large_image">'
        f"{ld_json(_graph(view, a))}"
        f"<link rel='shortlink' href='{view.url(f'/?p={a.number}')}'>"
        f'<link rel="amphtml" href="{url}?amp=1">'
        '<link rel="alternate" type="application/rss+xml" title="الخلاصة" href="/feed/">'
    )


def _inline(a: ZooArticle) -> str:
    """The Inline Related Posts plugin's box: label and title inside one link."""
    return "".join(
        f'<div class="irp-box" style="margin:15px 0"><a href="{r.path}" class="irp-link" '
        'style="text-decoration:none"><div class="irp-inner"><span class="irp-cta">اقرأ أيضا'
        f'</span><span class="irp-title">{escape(r.title)}</span></div></a></div>'
        for r in a.related
        if r.position == "inline"
    )


def _related(view: SiteView, a: ZooArticle) -> str:
    items = []
    for r in (r for r in a.related if r.position == "end"):
        t = next(b for b in view.everything if b.path == r.path)
        items.append(
            f'<div class="related-item tie-standard"><a aria-label="{escape(r.title)}" href='
            f'"{r.path}" class="post-thumb"><img width="390" height="220" src="'
            f'{thumb(t, "390x220")}" class="attachment-jannah-image-large" alt=""></a>'
            '<h3 class="post-title"><a href='
            f'"{r.path}">{escape(r.title)}</a></h3><div class="post-meta clearfix"><span class='
            f'"date meta-item tie-icon">{when(view, t)}</span></div></div>'
        )
    return (
        '<div id="related-posts" class="container-wrapper has-extra-post"><div class="mag-box-'
        'title the-global-title"><h3>مقالات ذات صلة</h3></div><div class="related-posts-list">'
        f"{''.join(items)}</div></div>"
    )


def _neighbours(view: SiteView, a: ZooArticle) -> str:
    at = view.articles.index(a)
    links = []
    for label, rel, other in (("المقال السابق", "prev", view.articles[at + 1 :]),
                              ("المقال التالي", "next", view.articles[:at][::-1])):  # fmt: skip
        if other:
            o = other[0]
            links.append(
                f'<div class="tie-col-xs-6 prev-next-post-nav"><a href="{o.path}" rel="{rel}">'
                f'<span class="prev-next-label">{label}</span><h3 class="the-title">'
                f"{escape(o.title)}</h3></a></div>"
            )
    return f'<div class="prev-next-post-nav container-wrapper media-overlay">{"".join(links)}</div>'


def _post(view: SiteView, a: ZooArticle) -> str:
    byline = view.spec.site_name if a.house_byline else a.person
    age = view.now - a.published
    date = clock.ago(a.published, view.now) if age.days < 1 else clock.weekday_ampm(a.published)
    tags = "".join(f'<a href="{tag_path(t)}" rel="tag">{t}</a>' for t in a.tags)
    cat = f'<a href="{cat_path(a.section_slug)}">{a.section}</a>'
    body = paragraphs_html(a, _inline(a), 2) + (
        f'<p class="tg-follow"><a href="https://t.me/deltavoice" target="_blank" rel="noopener">'
        f"{PROMO}</a></p>"
    )
    shares = "".join(
        f'<a href="{base}{share_url(view, a)}" rel="external noopener nofollow" target="_blank" '
        f'class="{name}-share-btn"><span class="share-btn-icon tie-icon-{name}"></span></a>'
        for name, base in chrome.SHARE.items()
    )
    return (
        f'<article id="the-post" class="container-wrapper post-content tie-standard">'
        '<header class="entry-header-outer"><nav id="breadcrumb"><a href="/"><span class="tie-'
        'icon-home" aria-hidden="true"></span> الرئيسية</a><em class="delimiter">/</em>'
        f'{cat}<em class="delimiter">/</em><span class="current">{escape(a.title)}</span></nav>'
        '<div class="entry-header"><span class="post-cat-wrap"><a class="post-cat tie-cat-'
        f'{SECTIONS.index((a.section, a.section_slug)) + 2}" href="{cat_path(a.section_slug)}">'
        f'{a.section}</a></span><h1 class="post-title entry-title">{escape(a.title)}</h1>'
        '<div class="single-post-meta post-meta clearfix"><span class="author-meta single-'
        'author with-avatars"><span class="meta-item meta-author-wrapper"><span class="meta-'
        f'author-avatar"><a href="{author_path(a)}"><img alt="صورة {byline}" src="/wp-content/'
        f'uploads/avatar-{author_login(a)}.png" class="avatar" height="140" width="140"></a>'
        f'</span><span class="meta-author"><a href="{author_path(a)}" class="author-name '
        f'tie-icon" title="{byline}">{byline}</a></span></span></span><span class="date '
        f'meta-item tie-icon">{date}</span><div class="tie-alignright"><span class="meta-views '
        f'meta-item"><span class="tie-icon-fire"></span> {a.number % 4000 + 120} </span>'
        '<span class="meta-reading-time meta-item"><span class="tie-icon-bookmark"></span> '
        f"{max(2, sum(len(p.split()) for p in a.paragraphs) // 120)} دقائق</span></div></div>"
        '</div></header><div class="featured-area"><div class="featured-area-inner"><figure '
        'class="single-featured-image"><img width="780" height="470" src="data:image/svg+xml,'
        "%3Csvg%20xmlns='http://www.w3.org/2000/svg'%20viewBox='0%200%20780%20470'%3E%3C/svg%3E"
        f'" data-src="{a.image_path}" class="attachment-jannah-image-post size-jannah-image-post '
        'wp-post-image lazy-img" alt="" decoding="async"><figcaption class="single-caption-text">'
        f'<span class="tie-icon-camera" aria-hidden="true"></span> {escape(a.caption)}'
        '</figcaption></figure></div></div><div class="entry-content entry clearfix">'
        f'{body}</div><div class="post-bottom-meta post-bottom-tags post-tags-modern"><div '
        'class="post-bottom-meta-title"><span class="tie-icon-tags" aria-hidden="true"></span> '
        f'الوسوم</div><span class="tagcloud">{tags}</span></div><div id="share-buttons-bottom" '
        f'class="share-buttons share-buttons-bottom"><div class="share-links">{shares}'
        f'<a href="#" class="print-share-btn" rel="nofollow">طباعة</a></div></div></article>'
    )


def _gmt(a: ZooArticle) -> datetime:
    return a.lastmod.astimezone(UTC)


def discovery(view: SiteView) -> dict[str, Page]:
    """Yoast's sitemap index (lastmod in GMT, as Yoast writes it), WordPress's /feed/ (GMT)."""
    ar = view.articles
    logins = sorted({author_login(a) for a in ar})
    children = {
        "/post-sitemap.xml": feeds.urlset([(view.url(a.path), _gmt(a)) for a in ar]),
        "/page-sitemap.xml": feeds.urlset([(view.url(f"/{s}/"), None) for _, s in chrome.STATIC]),
        "/category-sitemap.xml": feeds.urlset(
            [(view.url(cat_path(s)), None) for _, s in SECTIONS if view.by_section(s)]
        ),
        "/post_tag-sitemap.xml": feeds.urlset(
            [(view.url(tag_path(t)), None) for t in TAGS if any(t in a.tags for a in ar)]
        ),
        "/author-sitemap.xml": feeds.urlset([(view.url(f"/author/{x}/"), None) for x in logins]),
    }
    newest = max(_gmt(a) for a in ar)
    items = [
        feeds.FeedItem(title=a.title, link=view.url(a.path), published=a.published,
                       guid=view.url(f"/?p={a.number}"), guid_is_permalink=False,
                       description=chrome.teaser(a, 40), category=a.section)
        for a in ar[:10]
    ]  # fmt: skip
    return children | {
        "/sitemap_index.xml": feeds.sitemap_index(
            [view.url(p) for p in children], [newest] * len(children)
        ),
        "/robots.txt": feeds.robots(view.base, ["/sitemap_index.xml"], ["/wp-admin/"]),
        "/feed": feeds.rss(view.spec.site_name, view.base, items, utc=True),
        "/comments/feed": feeds.rss(f"التعليقات على {view.spec.site_name}", view.base, []),
    }


class WpJannah:
    has_modified = True  # Yoast's article:modified_time and schema dateModified

    def article_path(self, a: ZooArticle) -> str:
        return f"/{a.number}/"

    def image_path(self, a: ZooArticle) -> str:
        return f"/wp-content/uploads/{a.published:%Y/%m}/{a.number}-{a.number % 89}.jpg"

    def aliases(self, a: ZooArticle) -> tuple[str, ...]:
        return f"/?p={a.number}", f"{a.path}?amp=1"

    def _article(self, view: SiteView, a: ZooArticle) -> Page:
        rng = page_rng(view, a.path)
        main = (
            f'{_post(view, a)}<div class="post-components">{_neighbours(view, a)}'
            f"{_related(view, a)}{chrome.comments(rng, 'tie')}</div>"
        )
        html = document(view, a.title, main, a.path, _head(view, a),
                        f"post-template-default single single-post postid-{a.number}")  # fmt: skip
        return html_page(html, view, a.path, "article")

    def _amp(self, view: SiteView, a: ZooArticle) -> Page:
        """The AMP plugin's reader page: the post in amp-img markup, canonical to the post."""
        key = f"{a.path}?amp=1"
        body = (
            f'<header class="amp-wp-header"><div><a href="{view.url("/")}">{view.spec.site_name}'
            f'</a></div></header><article class="amp-wp-article"><header class="amp-wp-article-'
            f'header"><h1 class="amp-wp-title">{escape(a.title)}</h1><div class="amp-wp-meta">'
            f"{clock.weekday_ampm(a.published)}</div></header><figure class='amp-wp-article-"
            f"featured-image'><amp-img src='{view.url(a.image_path)}' width='780' height='470' "
            f"layout='intrinsic'></amp-img></figure><div class='amp-wp-article-content'>"
            + "".join(f"<p>{escape(p)}</p>" for p in a.paragraphs)
            + f'</div></article><footer class="amp-wp-footer"><a href="{view.url(a.path)}">'
            "عرض النسخة الكاملة</a></footer>"
        )
        html = (
            f'<!DOCTYPE html><html amp lang="ar" dir="rtl"><head><meta charset="utf-8"><title>'
            f'{escape(a.title)}</title><link rel="canonical" href="{view.url(a.path)}"><!--PAD-->'
            '<script async src="https://cdn.ampproject.org/v0.js"></script></head>'
            f"<body>{body}</body></html>"
        )
        return html_page(html, view, key, "alias")

    def render(self, view: SiteView) -> dict[str, Page]:
        pages: dict[str, Page] = {}
        for a in view.articles:
            pages[a.path] = self._article(view, a)
            pages[a.aliases[0]] = feeds.redirect(view.url(a.path))
            pages[a.aliases[1]] = self._amp(view, a)
        return pages | listings(view) | discovery(view)
