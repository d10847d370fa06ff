"""The furniture of the custom (Laravel-style) portal: header with the site clock, ticker,
sidebar, footer, listings (home, sections, tags, all news), per-section RSS and the sitemap."""

from __future__ import annotations

import random
from html import escape
from zoneinfo import ZoneInfo

from benchmarks.sitezoo import chrome, clock, feeds
from benchmarks.sitezoo.common import chunks, html_page, page_rng, slugify, static_pages
from benchmarks.sitezoo.model import Page, SiteView, ZooArticle
from benchmarks.sitezoo.vocab import SECTIONS, TAGS

PER_PAGE = 12
CLOCK = "جميع الأوقات بتوقيت طرابلس (GMT+2)"
ASSET = "?id=8f1c2d9e4b7a"
ICONS = ["facebook-f", "x-twitter", "youtube", "telegram", "instagram"]


def section_path(slug: str) -> str:
    index = [s for _, s in SECTIONS].index(slug)
    return f"/category/{index + 1}/{slugify(SECTIONS[index][0])}"


def tag_path(tag: str) -> str:
    return f"/tags/{slugify(tag)}"


def feed_path(slug: str) -> str:
    return f"/rss/{slug}"


def thumb(a: ZooArticle) -> str:
    return a.image_path.replace("/news/", "/news/thumbs/")


def _header(view: SiteView) -> str:
    now = view.now.astimezone(ZoneInfo(view.spec.tz))
    today = f"{clock.WEEKDAYS[now.weekday()]}، {clock.padded_day(now)}"
    social = "".join(
        f'<a href="{s}wahat.portal" target="_blank" class="social-{i}" aria-label="{n}">'
        f'<i class="fab fa-{i}"></i></a>'
        for s, n, i in zip(chrome.SOCIAL, chrome.SOCIAL_NAMES, ICONS, strict=True)
    )
    menu = "".join(
        f'<li class="nav-item"><a class="nav-link" href="{section_path(slug)}">{name}</a></li>'
        for name, slug in SECTIONS
    )
    ticker = "".join(
        f'<div class="swiper-slide"><a href="{a.path}">{escape(a.title)}</a></div>'
        for a in view.articles[:6]
    )
    return (
        f'<div class="top-bar"><div class="container d-flex"><div class="today-date">'
        f'<i class="far fa-calendar-alt"></i> {today} <small class="site-clock">- {CLOCK}'
        f'</small></div><div class="top-social">{social}</div><div class="top-links">'
        '<a href="/about">من نحن</a><a href="/contact">اتصل بنا</a></div></div></div>'
        '<header class="main-header"><div class="container"><a class="navbar-brand" href="/">'
        f'<img src="/images/logo.svg{ASSET}" alt="{view.spec.site_name}"></a>'
        '<div class="header-ad"><a href="https://ads.example.net/wp?b=728" rel="sponsored">'
        '<img src="/images/ads/728x90.gif" alt="إعلان"></a></div></div>'
        '<nav class="navbar navbar-expand-lg main-nav"><div class="container"><ul class="navbar-'
        'nav"><li class="nav-item"><a class="nav-link" href="/"><i class="fa fa-home"></i> '
        f'الرئيسية</a></li>{menu}<li class="nav-item"><a class="nav-link" href="/news">كل '
        'الأخبار</a></li></ul><form class="search-form" action="/search" method="GET"><input '
        'type="text" name="q" placeholder="ابحث في الموقع ..."></form></div></nav></header>'
        '<div class="breaking-bar"><div class="container"><span class="breaking-label">عاجل'
        f'</span><div class="swiper breaking-swiper"><div class="swiper-wrapper">{ticker}'
        "</div></div></div></div>"
    )


def _sidebar(view: SiteView, rng: random.Random, skip: str) -> str:
    pool = [a for a in view.articles if a.path != skip]
    most = rng.sample(pool, min(6, len(pool)))
    ranked = "".join(
        f'<li><span class="num">{i}</span><a href="/news/details/{a.number}">{escape(a.title)}'
        "</a></li>"
        for i, a in enumerate(most, start=1)
    )
    latest = "".join(
        f'<div class="side-item"><a href="{a.path}" class="side-img"><img src="{thumb(a)}" '
        f'loading="lazy" alt=""></a><div class="side-body"><a href="{a.path}">{escape(a.title)}'
        f'</a><span class="side-date">{clock.padded_day(a.published)}</span></div></div>'
        for a in pool[:6]
    )
    return (
        '<div class="col-lg-4 sidebar"><div class="side-box most-read"><div class="box-head">'
        f'<h3>الأكثر قراءة</h3></div><ol class="most-read-list">{ranked}</ol></div>'
        f'<div class="side-box ad-box"><a href="https://ads.example.net/wp?b={rng.randint(1, 99)}"'
        ' rel="sponsored"><img src="/images/ads/300x250.gif" alt="إعلان"></a></div>'
        '<div class="side-box latest-news"><div class="box-head"><h3>آخر الأخبار</h3></div>'
        f'{latest}</div><div class="side-box newsletter-box"><h3>النشرة البريدية</h3><p>اشترك '
        'ليصلك ملخص أهم الأخبار يوميا</p><form action="/newsletter" method="POST"><input '
        'type="email" name="email"><button type="submit">اشتراك</button></form></div></div>'
    )


def _footer(view: SiteView) -> str:
    sections = "".join(f'<li><a href="{section_path(s)}">{n}</a></li>' for n, s in SECTIONS)
    static = "".join(f'<li><a href="/{slug}">{name}</a></li>' for name, slug in chrome.STATIC)
    return (
        '<footer class="site-footer"><div class="container"><div class="row"><div class="col-md-'
        f'4"><img src="/images/logo-white.svg{ASSET}" alt="{view.spec.site_name}"><p>بوابة '
        "إخبارية مستقلة تغطي الشأن المحلي والعربي والدولي على مدار الساعة.</p></div>"
        f'<div class="col-md-4"><h4>الأقسام</h4><ul class="footer-links">{sections}</ul></div>'
        f'<div class="col-md-4"><h4>روابط</h4><ul class="footer-links">{static}<li><a href="/rss">'
        'خدمة RSS</a></li></ul><div class="apps"><a href="https://apps.example.com/wahat/ios">'
        'App Store</a><a href="https://apps.example.com/wahat/android">Google Play</a></div>'
        '</div></div><div class="copyright">جميع الحقوق محفوظة © '
        f"{view.now.year} {view.spec.site_name}</div></div></footer>"
    )


def document(view: SiteView, title: str, main: str, key: str, head: str = "",
             side: bool = True) -> str:  # fmt: skip
    rng = page_rng(view, key)
    aside = _sidebar(view, rng, key) if side else ""
    return (
        '<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><meta name="'
        'viewport" content="width=device-width, initial-scale=1"><meta name="csrf-token" content'
        f'="{rng.getrandbits(128):032x}"><title>{escape(title)}</title><!--PAD-->{head}'
        f'<link href="/css/app.css{ASSET}" rel="stylesheet"><link rel="icon" href="/favicon.ico">'
        f'</head><body class="rtl">{_header(view)}<main class="page-content"><div class='
        f'"container"><div class="row"><div class="col-lg-{8 if side else 12}">{main}</div>'
        f"{aside}</div></div></main>{_footer(view)}"
        f'<script src="/js/app.js{ASSET}" defer></script></body></html>'
    )


def _card(a: ZooArticle) -> str:
    return (
        f'<div class="news-card"><a href="{a.path}" class="card-img"><img src="{thumb(a)}" '
        f'loading="lazy" alt="{escape(a.title)}"></a><div class="card-body"><span class="card-'
        f'date">{clock.padded_day(a.published)}</span><h3 class="card-title"><a href="{a.path}">'
        f"{escape(a.title)}</a></h3></div></div>"
    )


def listing(view: SiteView, heading: str, items: list[ZooArticle], base: str,
            reason: str) -> dict[str, Page]:  # fmt: skip
    """A Laravel-paginated list (`?page=N`), twelve cards a page."""
    pages, pieces = {}, chunks(items, PER_PAGE)
    for number, chunk in enumerate(pieces, start=1):
        path = base if number == 1 else f"{base}?page={number}"
        links = "".join(
            f'<li class="page-item{" active" if i == number else ""}"><a class="page-link" '
            f'href="{base}?page={i}">{i}</a></li>'
            for i in range(1, len(pieces) + 1)
        )
        more = (
            f'<li class="page-item"><a class="page-link" href="{base}?page={number + 1}" '
            'rel="next">التالي &raquo;</a></li>'
            if number < len(pieces)
            else ""
        )
        main = (
            f'<div class="page-head"><h1>{escape(heading)}</h1></div><div class="news-grid">'
            f'{"".join(_card(a) for a in chunk)}</div><nav><ul class="pagination">{links}{more}'
            "</ul></nav>"
        )
        html = document(view, f"{heading} | {view.spec.site_name}", main, path)
        pages[path] = html_page(html, view, path, "listing" if chunk else "other", reason)
    return pages


def _home(view: SiteView) -> Page:
    ar = view.articles
    hero = "".join(_card(a) for a in ar[:4])
    blocks = []
    for name, slug in SECTIONS:
        items = view.by_section(slug)[:3]
        if items:
            rest = "".join(f'<li><a href="{a.path}">{escape(a.title)}</a></li>' for a in items[1:])
            blocks.append(
                f'<section class="home-block"><div class="block-head"><h2><a href="'
                f'{section_path(slug)}">{name}</a></h2></div>{_card(items[0])}<ul>{rest}</ul>'
                "</section>"
            )
    feeds_box = "".join(
        f'<li><a href="{feed_path(slug)}" class="rss-link">{name}</a></li>'
        for name, slug in SECTIONS
    )
    head = "".join(
        f'<link rel="alternate" type="application/rss+xml" title="{name}" href="{feed_path(slug)}">'
        for name, slug in SECTIONS
    )
    main = (
        f'<h1 class="visually-hidden">{view.spec.site_name}</h1><div class="hero">{hero}</div>'
        f'{"".join(blocks)}<div class="all-news"><a href="/news">كل الأخبار</a></div>'
        f'<div class="rss-box"><h3>تابع أقسامنا عبر RSS</h3><ul>{feeds_box}</ul></div>'
    )
    html = document(view, f"{view.spec.site_name} | الرئيسية", main, "/", head)
    return html_page(html, view, "/", "listing", "home")


def _rss_page(view: SiteView) -> Page:
    rows = "".join(
        f'<tr><td>{name}</td><td><a href="{feed_path(slug)}">{view.url(feed_path(slug))}</a>'
        "</td></tr>"
        for name, slug in SECTIONS
    )
    main = f'<h1>خدمة RSS</h1><table class="table">{rows}</table>'
    html = document(view, f"خدمة RSS | {view.spec.site_name}", main, "/rss")
    return html_page(html, view, "/rss", "other", "feed directory")


def listings(view: SiteView) -> dict[str, Page]:
    ar = view.articles
    pages = {"/": _home(view), "/rss": _rss_page(view)}
    pages |= listing(view, "كل الأخبار", ar, "/news", "all news")
    for name, slug in SECTIONS:
        pages |= listing(view, name, view.by_section(slug), section_path(slug), "section")
    for tag in TAGS:
        pages |= listing(view, tag, [a for a in ar if tag in a.tags], tag_path(tag), "tag")
    wrap = lambda t, m: document(view, f"{t} | {view.spec.site_name}", m, t, side=False)  # noqa: E731
    return pages | static_pages(view, wrap)


def discovery(view: SiteView) -> dict[str, Page]:
    """Per-section RSS (pubDate +0200), a spatie-style sitemap with lastmod, robots.txt."""
    pages = {}
    for name, slug in SECTIONS:
        items = [
            feeds.FeedItem(title=a.title, link=view.url(a.path), published=a.published,
                           description=chrome.teaser(a, 35), category=name,
                           image=view.url(a.image_path))
            for a in view.by_section(slug)[:20]
        ]  # fmt: skip
        pages[feed_path(slug)] = feeds.rss(f"{view.spec.site_name} - {name}", view.base, items)
    entries = [(view.url("/"), None), (view.url("/news"), None)]
    entries += [(view.url(section_path(s)), None) for _, s in SECTIONS]
    entries += [(view.url(a.path), a.lastmod) for a in view.articles]
    entries += [(view.url(f"/{s}"), None) for _, s in chrome.STATIC]
    pages["/sitemap.xml"] = feeds.urlset(entries)
    pages["/robots.txt"] = feeds.robots(view.base, ["/sitemap.xml"], ["/admin", "/search"])
    return pages
