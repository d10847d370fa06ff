"""A Gulf TV channel's news portal (fresh family `gulf_tv_portal`).

* Articles at `/news/<section>/<yyyy>/<mm>/<dd>/<Arabic slug>`, AMP versions at `/amp/news/…`
  (canonical to the article); the lead image in `<picture>` (WebP sources, JPEG `<img>`) with a
  figcaption; images under `/images/<yyyy>/<mm>/<dd>/`.
* Video clips at `/video/<id>-<slug>`: a player, a one-sentence caption, a VideoObject; never
  articles, but in the same sitemaps as the articles.
* Dates on the page in Eastern Arabic digits, "٣ ديسمبر ٢٠٢٦ - ١٠:١٥ ص" (and "آخر تحديث:" when
  edited); the offset (+04:00) in the JSON-LD NewsArticle every article carries and in the
  sitemap lastmod.
* An inline "اقرأ أيضاً" card inside the text, a "قد يهمك أيضا" grid of cards (thumbnail,
  section, title, date) after it, tags, share buttons, comments, a ranked "الأكثر قراءة" box.
* Discovery: `sitemap.xml`, an index of monthly sitemaps (articles and clips, lastmod) and a
  sitemap of sections; home, `/news`, sections, tags and `/video` with `?offset=N`.
"""

from __future__ import annotations

from html import escape
from typing import Any

from benchmarks.sitezoo import chrome, clock
from benchmarks.sitezoo.common import html_page, ld_json, news_article_ld, page_rng
from benchmarks.sitezoo.gulftv_parts import (
    BUILD,
    Video,
    day,
    discovery,
    document,
    listings,
    section_path,
    tag_path,
    thumb,
    video_card,
    videos,
)
from benchmarks.sitezoo.model import Page, SiteView, ZooArticle


def _ld(view: SiteView, a: ZooArticle) -> dict[str, Any]:
    data = news_article_ld(view, a)
    data["image"] = {"@type": "ImageObject", "url": view.url(a.image_path), "width": 1200,
                     "height": 675}  # fmt: skip
    data["publisher"]["logo"] = {"@type": "ImageObject", "url": view.url("/assets/img/logo.png")}
    data["inLanguage"] = "ar"
    return data


def _head(view: SiteView, a: ZooArticle) -> str:
    url = view.url(a.path)
    return (
        f'<meta name="description" content="{escape(chrome.teaser(a, 24))}">'
        f'<link rel="canonical" href="{url}"><link rel="amphtml" href="{view.url("/amp" + a.path)}'
        f'"><meta property="og:type" content="article"><meta property="og:site_name" content="'
        f'{view.spec.site_name}"><meta property="og:title" content="{escape(a.title)}"><meta '
        f'property="og:url" content="{url}"><meta property="og:image" content="'
        f'{view.url(a.image_path)}"><meta name="twitter:card" content="summary_large_image"><meta'
        f' name="twitter:site" content="@nakheeltv">{ld_json(_ld(view, a))}'
    )


def _picture(a: ZooArticle, sizes: str = "(max-width: 768px) 100vw, 760px") -> str:
    webp = a.image_path.removesuffix(".jpg")
    return (
        f'<picture><source type="image/webp" srcset="{webp}_768.webp 768w, {webp}_1200.webp '
        f'1200w" sizes="{sizes}"><source type="image/jpeg" srcset="{thumb(a)} 400w, '
        f'{a.image_path} 1200w" sizes="{sizes}"><img src="{a.image_path}" alt="'
        f'{escape(a.title)}" width="1200" height="675" fetchpriority="high"></picture>'
    )


def _inline(view: SiteView, a: ZooArticle) -> str:
    return "".join(
        f'<div class="c-embed"><span class="c-embed__label">اقرأ أيضاً</span><a class="c-embed'
        f'__link" href="{r.path}"><img src="{thumb(_target(view, r.path))}" alt="" width="120" '
        f'height="68"><span class="c-embed__title">{escape(r.title)}</span></a></div>'
        for r in a.related
        if r.position == "inline"
    )


def _target(view: SiteView, path: str) -> ZooArticle:
    return next(b for b in view.everything if b.path == path)


def _related(view: SiteView, a: ZooArticle) -> str:
    cards = "".join(
        f'<div class="c-card c-card--related"><a class="c-card__media" href="{r.path}"><img src='
        f'"{thumb(t)}" alt="" loading="lazy"></a><div class="c-card__body"><span class="c-card__'
        f'kicker">{t.section}</span><h3 class="c-card__title"><a href="{r.path}">'
        f'{escape(r.title)}</a></h3><time class="c-card__time">{day(t.published)}</time></div>'
        "</div>"
        for r, t in ((r, _target(view, r.path)) for r in a.related if r.position == "end")
    )
    return (
        '<section class="c-related"><h2 class="c-related__title">قد يهمك أيضا</h2><div class="'
        f'c-related__grid">{cards}</div></section>'
    )


def _story(view: SiteView, a: ZooArticle) -> str:
    parts = [f"<p>{escape(p)}</p>" for p in a.paragraphs]
    parts.insert(min(3, len(parts) - 1), _inline(view, a))
    updated = (
        f'<span class="c-article__updated">آخر تحديث: {clock.eastern_ampm(a.modified)}</span>'
        if a.modified
        else ""
    )
    tags = "".join(f'<a class="c-tag" href="{tag_path(t)}">{t}</a>' for t in a.tags)
    shares = "".join(
        f'<a class="c-share__btn c-share__btn--{name}" href="{base}{view.url(a.path)}" '
        f'target="_blank" rel="noopener" aria-label="{name}"></a>'
        for name, base in chrome.SHARE.items()
    )
    return (
        '<nav class="c-breadcrumb" aria-label="مسار التصفح"><a href="/">الرئيسية</a><span>›'
        f'</span><a href="/news">الأخبار</a><span>›</span><a href="{section_path(a.section_slug)}'
        f'">{a.section}</a></nav><article class="c-article"><a class="c-article__section" href="'
        f'{section_path(a.section_slug)}">{a.section}</a><h1 class="c-article__headline">'
        f'{escape(a.title)}</h1><div class="c-article__meta"><span class="c-article__author">'
        f'إعداد: {a.person}</span><time class="c-article__date">{clock.eastern_ampm(a.published)}'
        f'</time>{updated}</div><div class="c-share">{shares}<button class="c-share__copy" data-'
        f'url="{view.url(a.path)}">نسخ الرابط</button></div><figure class="c-article__media">'
        f'{_picture(a)}<figcaption class="c-article__caption">{escape(a.caption)}</figcaption>'
        f'</figure><div class="c-article__body">{"".join(parts)}</div><div class="c-article__'
        f'tags"><span class="c-article__tags-label">الوسوم</span>{tags}</div></article>'
    )


def _amp(view: SiteView, a: ZooArticle) -> Page:
    key = "/amp" + a.path
    body = (
        f'<header class="amp-header"><a href="{view.url("/")}">{view.spec.site_name}</a></header>'
        f'<article class="amp-article"><h1>{escape(a.title)}</h1><time>'
        f'{clock.eastern_ampm(a.published)}</time><amp-img src="{a.image_path}" width="1200" '
        f'height="675" layout="responsive" alt=""></amp-img><p class="amp-caption">'
        f"{escape(a.caption)}</p>"
        + "".join(f"<p>{escape(p)}</p>" for p in a.paragraphs)
        + f'</article><a class="amp-full" href="{view.url(a.path)}">النسخة الكاملة</a>'
    )
    html = (
        f'<!DOCTYPE html><html ⚡ lang="ar" dir="rtl"><head><meta charset="utf-8"><title>'
        f'{escape(a.title)}</title><link rel="canonical" href="{view.url(a.path)}"><!--PAD-->'
        '<script async src="https://cdn.ampproject.org/v0.js"></script><style amp-boilerplate>'
        f"body{{visibility:hidden}}</style>{ld_json(_ld(view, a))}</head><body>{body}</body></html>"
    )
    return html_page(html, view, key, "alias")


def _clip(view: SiteView, v: Video) -> Page:
    """A video page: the player, one sentence of caption, more clips."""
    ld = {
        "@context": "https://schema.org", "@type": "VideoObject", "name": v.title,
        "description": v.caption, "thumbnailUrl": [view.url(v.poster)],
        "uploadDate": clock.iso(v.published), "duration": f"PT{v.seconds // 60}M{v.seconds % 60}S",
        "contentUrl": f"https://media.example.net/nakheel/{v.number}/master.m3u8",
        "publisher": {"@type": "Organization", "name": view.spec.site_name},
    }  # fmt: skip
    head = (
        f'<link rel="canonical" href="{view.url(v.path)}"><meta property="og:type" content="video'
        f'.other"><meta property="og:title" content="{escape(v.title)}"><meta property="og:image"'
        f' content="{view.url(v.poster)}">{ld_json(ld)}'
    )
    more = "".join(video_card(o) for o in videos(view)[:8] if o.number != v.number)
    main = (
        '<nav class="c-breadcrumb"><a href="/">الرئيسية</a><span>›</span><a href="/video">فيديو'
        f'</a></nav><div class="c-video"><h1 class="c-video__title">{escape(v.title)}</h1><time '
        f'class="c-video__date">{clock.eastern_ampm(v.published)}</time><div class="c-player" '
        f'data-video-id="{v.number}"><div id="player-{v.number}" class="jw-player" data-poster="'
        f'{v.poster}"></div><noscript><img src="{v.poster}" alt=""></noscript></div><p class="c-'
        f'video__caption">{escape(v.caption)}</p><div class="c-share"><a class="c-share__btn" '
        f'href="{chrome.SHARE["whatsapp"]}{view.url(v.path)}">واتساب</a></div></div><section '
        f'class="c-strip"><h2 class="c-block__title">فيديوهات أخرى</h2>{more}</section>'
        f'<script src="/assets/js/player.js?{BUILD}" defer></script>'
    )
    html = document(view, f"{v.title} | {view.spec.site_name}", main, v.path, head)
    return html_page(html, view, v.path, "other", "video page")


class GulfTvPortal:
    has_modified = True  # dateModified in JSON-LD, sitemap lastmod, "آخر تحديث" on the page

    def article_path(self, a: ZooArticle) -> str:
        return f"{section_path(a.section_slug)}/{a.published:%Y/%m/%d}/{a.slug}"

    def image_path(self, a: ZooArticle) -> str:
        return f"/images/{a.published:%Y/%m/%d}/{a.number}.jpg"

    def aliases(self, a: ZooArticle) -> tuple[str, ...]:
        return ("/amp" + self.article_path(a),)

    def _article(self, view: SiteView, a: ZooArticle) -> Page:
        rng = page_rng(view, a.path)
        main = f"{_story(view, a)}{_related(view, a)}{chrome.comments(rng, 'c')}"
        html = document(view, f"{a.title} | {view.spec.site_name}", main, a.path, _head(view, a))
        return html_page(html, view, a.path, "article")

    def render(self, view: SiteView) -> dict[str, Page]:
        pages: dict[str, Page] = {}
        for a in view.articles:
            pages[a.path] = self._article(view, a)
            pages[a.aliases[0]] = _amp(view, a)
        for v in videos(view):
            pages[v.path] = _clip(view, v)
        return pages | listings(view) | discovery(view)
