"""The furniture of the Jannah-themed WordPress site: header with a breaking-news ticker,
widgets, footer, archives (home, category, tag, author), and its Yoast/WordPress discovery."""

from __future__ import annotations

import random
from html import escape
from urllib.parse import quote
from zoneinfo import ZoneInfo

from benchmarks.sitezoo import chrome, clock
from benchmarks.sitezoo.common import chunks, html_page, page_rng, slugify, static_pages
from benchmarks.sitezoo.model import Page, SiteView, ZooArticle
from benchmarks.sitezoo.vocab import PEOPLE, SECTIONS, TAGS

PER_PAGE = 10
TOP_MENU = [("من نحن", "/about"), ("اتصل بنا", "/contact"), ("أعلن معنا", "/advertise")]


def cat_path(slug: str) -> str:
    return f"/category/{slug}/"


def tag_path(tag: str) -> str:
    return f"/tag/{slugify(tag)}/"


def author_login(a: ZooArticle) -> str:
    return "admin" if a.house_byline else f"writer{PEOPLE.index(a.person) + 1}"


def author_path(a: ZooArticle) -> str:
    return f"/author/{author_login(a)}/"


def thumb(a: ZooArticle, size: str) -> str:
    return a.image_path.replace(".jpg", f"-{size}.jpg")


def when(view: SiteView, a: ZooArticle) -> str:
    """Dates in widgets and archives: "منذ" within a week, else Jannah's "3 ديسمبر، 2026"."""
    if (view.now - a.published).days < 7:
        return clock.ago(a.published, view.now)
    return f"{a.published.day} {clock.MONTHS_MSA[a.published.month - 1]}، {a.published.year}"


def _header(view: SiteView, home: bool) -> str:
    now = view.now.astimezone(ZoneInfo(view.spec.tz))
    ticker = "".join(
        f'<li class="news-item"><a href="{a.path}">{escape(a.title)}</a></li>'
        for a in view.articles[:7]
    )
    top = "".join(f'<li class="menu-item"><a href="{h}">{n}</a></li>' for n, h in TOP_MENU)
    social = "".join(
        f'<li class="social-icons-item"><a class="social-link" rel="external noopener nofollow" '
        f'target="_blank" href="{s}deltavoice"><span class="tie-social-icon"></span>'
        f'<span class="screen-reader-text">{n}</span></a></li>'
        for s, n in zip(chrome.SOCIAL, chrome.SOCIAL_NAMES, strict=True)
    )
    menu = "".join(
        f'<li id="menu-item-{900 + i}" class="menu-item menu-item-type-taxonomy">'
        f'<a href="{cat_path(slug)}">{name}</a></li>'
        for i, (name, slug) in enumerate(SECTIONS)
    )
    weekday = clock.WEEKDAYS[now.weekday()]
    logo = "h1" if home else "div"  # Jannah makes the logo the h1 of the home page only
    return (
        '<header id="theme-header" class="theme-header header-layout-3 main-nav-dark '
        'main-nav-default-dark main-nav-below no-stream-item top-nav-active">'
        '<nav id="top-nav" class="has-date-breaking-components top-nav header-nav">'
        f'<div class="container"><div class="topbar-wrapper"><div class="topbar-today-date">'
        f"{weekday}، {now.day} {clock.MONTHS_MSA[now.month - 1]} {now.year}</div>"
        '<div class="tie-alignleft"><div class="breaking controls-is-active">'
        '<span class="breaking-title"><span class="tie-icon-bolt"></span>'
        '<span class="breaking-title-text">عاجل</span></span>'
        f'<ul id="breaking-news-in-header" class="breaking-news" data-type="reveal">{ticker}</ul>'
        '</div></div><div class="tie-alignright"><ul class="components">'
        f"{social}</ul><div class='top-menu header-menu'><ul id='menu-top'>{top}</ul></div>"
        "</div></div></div></nav>"
        '<div class="container header-container"><div class="tie-row logo-row">'
        '<div class="logo-wrapper"><div id="logo" class="image-logo"><a title="'
        f'{view.spec.site_name}" href="/"><img src="/wp-content/uploads/logo.png" '
        f'alt="{view.spec.site_name}" width="300" height="65"><{logo} class="h1-off">'
        f"{view.spec.site_name}</{logo}></a></div></div></div></div>"
        '<div class="main-nav-wrapper"><nav id="main-nav" class="main-nav header-nav" '
        'aria-label="القائمة الرئيسية"><div class="container"><div class="main-menu-wrapper">'
        '<div id="menu-components-wrap"><div class="main-menu main-menu-wrap tie-alignleft">'
        '<div id="main-nav-menu" class="main-menu header-menu"><ul id="menu-main" class="menu">'
        '<li class="menu-item current-menu-item"><a href="/">الرئيسية</a></li>'
        f'{menu}</ul></div></div><ul class="components"><li class="search-compact-icon '
        'menu-item custom-menu-link"><a href="#" class="tie-search-trigger">'
        '<span class="screen-reader-text">بحث عن</span></a></li></ul>'
        "</div></div></div></nav></div></header>"
    )


def _post_list(view: SiteView, items: list[ZooArticle], css: str) -> str:
    rows = "".join(
        f'<li class="widget-single-post-item widget-post-list"><div class="post-widget-thumbnail">'
        f'<a aria-label="{escape(a.title)}" href="{a.path}" class="post-thumb">'
        f'<img width="220" height="150" src="data:image/svg+xml,%3Csvg%3E%3C/svg%3E" '
        f'data-src="{thumb(a, "220x150")}" class="attachment-jannah-image-small lazy-img" alt="">'
        f'</a></div><div class="post-widget-body"><a class="post-title the-subtitle" '
        f'href="{a.path}">{escape(a.title)}</a><div class="post-meta"><span class="date '
        f'meta-item tie-icon">{when(view, a)}</span></div></div></li>'
        for a in items
    )
    return f'<div class="{css}"><ul class="posts-list-items">{rows}</ul></div>'


def _sidebar(view: SiteView, rng: random.Random, skip: str) -> str:
    pool = [a for a in view.articles if a.path != skip]
    popular = rng.sample(pool, min(5, len(pool)))
    counters = "".join(
        f'<li class="social-icons-item"><a href="{s}deltavoice" rel="external noopener nofollow">'
        f'<span class="followers"><span class="followers-num">{rng.randint(2, 900)} ألف</span>'
        f'<span class="followers-name">{n}</span></span></a></li>'
        for s, n in zip(chrome.SOCIAL, chrome.SOCIAL_NAMES, strict=True)
    )
    return (
        '<aside class="sidebar tie-col-md-4 tie-col-xs-12 normal-side is-sticky" '
        'aria-label="القائمة الجانبية الرئيسية"><div class="theiaStickySidebar">'
        '<div id="social-statistics-2" class="container-wrapper widget social-statistics-widget">'
        f'<ul class="solid-social-icons">{counters}</ul></div>'
        '<div id="widget_tabs-2" class="container-wrapper tabs-container-wrapper tabs-container-2">'
        '<div class="widget tabs-widget"><div class="widget-container"><div class="tabs-widget">'
        '<div class="tabs-wrapper"><ul class="tabs"><li><a href="#widget_tabs-2-popular">'
        'الأكثر قراءة</a></li><li><a href="#widget_tabs-2-recent">الأحدث</a></li></ul>'
        f'<div id="widget_tabs-2-popular" class="tab-content">'
        f"{_post_list(view, popular, 'tab-content-elements')}</div>"
        '<div id="widget_tabs-2-recent" class="tab-content">'
        f"{_post_list(view, pool[:5], 'tab-content-elements')}</div></div></div></div></div></div>"
        f'<div class="container-wrapper widget stream-item-widget"><a href="https://ads.example.'
        f'net/jn?z={rng.randint(1, 99)}" rel="nofollow" target="_blank"><img src="/wp-content/'
        'uploads/banner-300x250.jpg" alt="إعلان" width="300" height="250"></a></div>'
        "</div></aside>"
    )


def _footer(view: SiteView, rng: random.Random) -> str:
    ar = view.articles
    cats = "".join(
        f'<li class="cat-item"><a href="{cat_path(slug)}">{name}</a> '
        f"<span>{len(view.by_section(slug))}</span></li>"
        for name, slug in SECTIONS
    )
    tags = "".join(
        f'<a href="{tag_path(t)}" class="tag-cloud-link" style="font-size:{rng.randint(8, 22)}pt"'
        f">{t}</a>"
        for t in rng.sample(TAGS, 12)
    )
    static = "".join(f'<li><a href="/{slug}">{name}</a></li>' for name, slug in chrome.STATIC)
    return (
        '<footer id="footer" class="site-footer dark-skin dark-widgetized-area">'
        '<div id="footer-widgets-container"><div class="container"><div class="footer-widget-'
        'area"><div class="tie-row"><div class="tie-col-md-4 normal-side"><div class="container-'
        'wrapper widget posts-list"><div class="widget-title the-global-title">'
        '<div class="the-subtitle">مقالات مختارة</div></div>'
        f"{_post_list(view, ar[8:11], 'posts-list-bigs')}</div></div>"
        '<div class="tie-col-md-4 normal-side"><div class="container-wrapper widget '
        'widget_categories">'
        '<div class="widget-title the-global-title"><div class="the-subtitle">الأقسام</div></div>'
        f'<ul>{cats}</ul></div></div><div class="tie-col-md-4 normal-side">'
        '<div class="container-wrapper widget widget_tag_cloud"><div class="widget-title '
        'the-global-title"><div class="the-subtitle">وسوم</div></div>'
        f'<div class="tagcloud">{tags}</div></div></div></div></div></div></div>'
        '<div id="site-info" class="site-info site-info-layout-2"><div class="container">'
        f'<div class="copyright-text copyright-text-first">© حقوق النشر {view.now.year}، جميع '
        f"الحقوق محفوظة &nbsp;|&nbsp; {view.spec.site_name}</div>"
        f'<div class="footer-menu"><ul class="menu">{static}</ul></div></div></div>'
        '</footer><a id="go-to-top" class="go-to-top-button" href="#go-to-top">'
        '<span class="tie-icon-angle-up"></span></a>'
    )


def document(view: SiteView, title: str, main: str, key: str, head: str = "",
             body_class: str = "archive") -> str:  # fmt: skip
    """A whole Jannah page around `main` (the content column)."""
    rng = page_rng(view, key)
    full = f"{title} - {view.spec.site_name}" if title != view.spec.site_name else title
    return (
        '<!DOCTYPE html><html dir="rtl" lang="ar" class="" data-skin="light"><head>'
        '<meta charset="UTF-8"><meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(full)}</title><!--PAD-->{head}"
        "<link rel='stylesheet' id='tie-css-base-css' href='/wp-content/themes/jannah/assets/css/"
        "base.min.css?ver=7.1.0' media='all'><link rel='stylesheet' id='tie-css-styles-css' "
        "href='/wp-content/themes/jannah/assets/css/style.min.css?ver=7.1.0' media='all'>"
        "<link rel='stylesheet' href='/wp-content/themes/jannah/rtl.css?ver=7.1.0'>"
        f'</head><body id="tie-body" class="rtl {body_class} wrapper-has-shadow block-head-1 '
        "magazine1 is-thumb-overlay-disabled is-desktop is-header-layout-3 sidebar-left "
        'has-sidebar"><div class="background-overlay"><div id="tie-container" class="site '
        f'tie-container"><div id="tie-wrapper">{_header(view, body_class.startswith("home"))}'
        '<div id="content" class="site-content container"><div id="main-content-row" '
        'class="tie-row main-content-row"><div class="main-content tie-col-md-8 tie-col-xs-12" '
        f'role="main">{main}</div>{_sidebar(view, rng, key)}</div></div>{_footer(view, rng)}'
        "</div></div></div><script type='text/javascript' src='/wp-content/themes/jannah/assets"
        "/js/scripts.min.js?ver=7.1.0' id='tie-scripts-js'></script></body></html>"
    )


def _archive_post(view: SiteView, a: ZooArticle) -> str:
    return (
        f'<li class="post-item tie-standard"><a aria-label="{escape(a.title)}" href="{a.path}" '
        f'class="post-thumb"><span class="post-cat-wrap"><span class="post-cat tie-cat-'
        f'{SECTIONS.index((a.section, a.section_slug)) + 2}">{a.section}</span></span>'
        f'<img width="390" height="220" src="{thumb(a, "390x220")}" class="attachment-jannah-'
        f'image-large" alt=""></a><div class="post-details"><div class="post-meta clearfix">'
        f'<span class="date meta-item tie-icon">{when(view, a)}</span></div><h2 class='
        f'"post-title"><a href="{a.path}">{escape(a.title)}</a></h2><p class="post-excerpt">'
        f'{escape(chrome.teaser(a, 30))}</p><a class="more-link button" href="{a.path}">'
        "أكمل القراءة »</a></div></li>"
    )


def archive(view: SiteView, heading: str, items: list[ZooArticle], base: str,
            reason: str) -> dict[str, Page]:  # fmt: skip
    """A WordPress archive (home blog, category, tag, author), ten posts a page."""
    pages, pieces = {}, chunks(items, PER_PAGE)
    for number, chunk in enumerate(pieces, start=1):
        path = base if number == 1 else f"{base}page/{number}/"
        pager = "".join(
            f'<li class="{"current" if i == number else "pages-nav-item"}"><a href="'
            f'{base if i == 1 else f"{base}page/{i}/"}">{i}</a></li>'
            for i in range(1, len(pieces) + 1)
        )
        main = (
            f'<header class="entry-header-outer container-wrapper"><h1 class="page-title">'
            f'{escape(heading)}</h1></header><div class="mag-box wide-post-box"><div class='
            f'"container-wrapper"><div class="mag-box-container clearfix"><ul id="posts-container"'
            f' class="posts-items">{"".join(_archive_post(view, a) for a in chunk)}</ul>'
            f'<div class="pages-nav"><ul class="pages-numbers">{pager}</ul></div></div></div></div>'
        )
        html = document(view, heading, main, path)
        pages[path] = html_page(html, view, path, "listing" if chunk else "other", reason)
    return pages


def home_blocks(view: SiteView) -> str:
    """The home page's section "mag boxes": one post with a thumbnail, two titles, a more link."""
    boxes = []
    for name, slug in SECTIONS:
        items = view.by_section(slug)[:3]
        if not items:
            continue
        first, rest = items[0], items[1:]
        titles = "".join(
            f'<li class="post-item"><h2 class="post-title"><a href="{a.path}">{escape(a.title)}'
            f'</a></h2><span class="date meta-item">{when(view, a)}</span></li>'
            for a in rest
        )
        boxes.append(
            f'<div class="mag-box big-post-left-box"><div class="container-wrapper"><div class='
            f'"mag-box-title the-global-title"><h3><a href="{cat_path(slug)}">{name}</a></h3>'
            '</div><div class="mag-box-container clearfix"><ul class="posts-items">'
            f'<li class="post-item first-post-item"><a aria-label="{escape(first.title)}" href='
            f'"{first.path}" class="post-thumb"><img src="{thumb(first, "390x220")}" alt=""></a>'
            f'<h2 class="post-title">{escape(first.title)}</h2><p class="post-excerpt">'
            f"{escape(chrome.teaser(first, 22))}</p></li>{titles}</ul></div></div></div>"
        )
    return "".join(boxes)


def listings(view: SiteView) -> dict[str, Page]:
    """Home (section boxes, then the blog pages /page/N/), archives and static pages."""
    ar = view.articles
    pages = archive(view, view.spec.site_name, ar, "/", "home")
    home = document(view, view.spec.site_name, home_blocks(view) + _latest_box(view), "/",
                    body_class="home page-template-default")  # fmt: skip
    pages["/"] = html_page(home, view, "/", "listing", "home")
    for name, slug in SECTIONS:
        pages |= archive(view, name, view.by_section(slug), cat_path(slug), "category archive")
    for tag in TAGS:
        tagged = [a for a in ar if tag in a.tags]
        pages |= archive(view, tag, tagged, tag_path(tag), "tag archive")
    for login in sorted({author_login(a) for a in ar}):
        written = [a for a in ar if author_login(a) == login]
        base = f"/author/{login}/"
        pages |= archive(view, "مقالات الكاتب", written, base, "author archive")
    return pages | static_pages(view, lambda t, m: document(view, t, m, t, body_class="page"))


def _latest_box(view: SiteView) -> str:
    more = '<a class="block-pagination next-posts show-more-button" href="/page/2/">المزيد</a>'
    return (
        '<div class="mag-box posts-list-box"><div class="container-wrapper"><div class="mag-box-'
        'title the-global-title"><h3>آخر الأخبار</h3></div>'
        f"{_post_list(view, view.articles[:8], 'mag-box-container')}{more}</div></div>"
    )


def share_url(view: SiteView, a: ZooArticle) -> str:
    return quote(view.url(a.path), safe=":/")
