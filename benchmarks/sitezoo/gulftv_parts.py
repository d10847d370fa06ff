"""The furniture of the Gulf TV channel's news portal: video clips, header with the live button,
"most read" and video widgets, footer, listings (home, news, sections, tags, videos) and its
monthly sitemaps."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from html import escape
from zoneinfo import ZoneInfo

from benchmarks.sitezoo import chrome, clock, feeds, text
from benchmarks.sitezoo.common import chunks, html_page, page_rng, slugify, static_pages
from benchmarks.sitezoo.model import Page, SiteView, ZooArticle
from benchmarks.sitezoo.vocab import MONTHS_MSA, SECTIONS, TAGS

PER_PAGE = 12
HANDLE = "nakheel.tv"
BUILD = "v=3.14.2"


@dataclass(frozen=True)
class Video:
    """A clip of the channel: a player and a caption, never an article."""

    number: int
    title: str
    caption: str
    published: datetime
    slug: str
    seconds: int

    @property
    def path(self) -> str:
        return f"/video/{self.number}-{self.slug}"

    @property
    def poster(self) -> str:
        return f"/images/videos/{self.published:%Y/%m}/{self.number}.jpg"

    @property
    def duration(self) -> str:
        return clock.eastern(f"{self.seconds // 60:02d}:{self.seconds % 60:02d}")


def videos(view: SiteView) -> list[Video]:
    """One clip for every third article, uploaded a little before it (newest first)."""
    out = []
    for a in view.articles:
        if a.number % 3:
            continue
        rng = random.Random(f"{view.spec.name}|video|{a.number}")
        story = text.make_story(rng, length=3)
        title = f"بالفيديو.. {story.title}"
        published = a.published - timedelta(minutes=rng.randint(15, 90))
        out.append(Video(a.number + 400000, title, story.paragraphs[0], published,
                         slugify(title), rng.randint(45, 420)))  # fmt: skip
    return out


def section_path(slug: str) -> str:
    return f"/news/{slug}"


def tag_path(tag: str) -> str:
    return f"/tags/{slugify(tag)}"


def thumb(a: ZooArticle) -> str:
    return a.image_path.replace(".jpg", "_400x225.jpg")


def day(when: datetime) -> str:
    """ "٣ ديسمبر ٢٠٢٦" on cards."""
    return clock.eastern(f"{when.day} {MONTHS_MSA[when.month - 1]} {when.year}")


def card(a: ZooArticle, css: str = "c-card") -> str:
    return (
        f'<div class="{css}"><a class="c-card__media" href="{a.path}"><img src="{thumb(a)}" '
        f'alt="{escape(a.title)}" loading="lazy" width="400" height="225"></a><div class="c-card'
        f'__body"><span class="c-card__kicker">{a.section}</span><h3 class="c-card__title"><a '
        f'href="{a.path}">{escape(a.title)}</a></h3><time class="c-card__time">'
        f"{day(a.published)}</time></div></div>"
    )


def video_card(v: Video) -> str:
    return (
        f'<div class="c-vcard"><a class="c-vcard__media" href="{v.path}"><img src="{v.poster}" '
        f'alt="" loading="lazy"><span class="c-vcard__play" aria-hidden="true"></span><span '
        f'class="c-vcard__duration">{v.duration}</span></a><h3 class="c-vcard__title"><a href="'
        f'{v.path}">{escape(v.title)}</a></h3></div>'
    )


def _header(view: SiteView) -> str:
    now = view.now.astimezone(ZoneInfo(view.spec.tz))
    today = f"{clock.WEEKDAYS[now.weekday()]} {day(now)}"
    social = "".join(
        f'<a class="o-social__link" href="{s}{HANDLE}" target="_blank" rel="noopener" '
        f'aria-label="{n}"><svg class="o-icon"><use href="#i-{i}"></use></svg></a>'
        for i, (s, n) in enumerate(zip(chrome.SOCIAL, chrome.SOCIAL_NAMES, strict=True))
    )
    menu = "".join(
        f'<li class="c-nav__item"><a class="c-nav__link" href="{section_path(slug)}">{name}</a>'
        "</li>"
        for name, slug in SECTIONS
    )
    ticker = "".join(
        f'<li class="c-ticker__item"><a href="{a.path}">{escape(a.title)}</a></li>'
        for a in view.articles[:5]
    )
    return (
        '<div class="c-topbar"><div class="l-container"><span class="c-topbar__date">'
        f'{today}</span><div class="o-social">{social}</div><a class="c-topbar__app" href="'
        'https://apps.example.com/nakheel">حمّل التطبيق</a></div></div><header class="c-header">'
        '<div class="l-container"><a class="c-header__logo" href="/"><img src="/assets/img/logo'
        f'.svg?{BUILD}" alt="{view.spec.site_name}" width="180" height="48"></a><a class="c-btn '
        'c-btn--live" href="/live"><span class="c-btn__dot"></span> البث المباشر</a></div>'
        '<nav class="c-nav" aria-label="الأقسام"><ul class="c-nav__list"><li class="c-nav__item">'
        '<a class="c-nav__link" href="/">الرئيسية</a></li><li class="c-nav__item"><a class="c-nav'
        f'__link" href="/news">الأخبار</a></li>{menu}<li class="c-nav__item"><a class="c-nav__'
        'link" href="/video">فيديو</a></li></ul><form class="c-search" action="/search"><input '
        'type="search" name="q" placeholder="ابحث"></form></nav></header><div class="c-ticker">'
        f'<span class="c-ticker__label">عاجل</span><ul class="c-ticker__list">{ticker}</ul></div>'
    )


def sidebar(view: SiteView, rng: random.Random, skip: str) -> str:
    pool = [a for a in view.articles if a.path != skip]
    most = "".join(
        f'<li class="m-rank__item"><span class="m-rank__num">{clock.eastern(str(i))}</span><a '
        f'href="{a.path}">{escape(a.title)}</a></li>'
        for i, a in enumerate(rng.sample(pool, min(5, len(pool))), start=1)
    )
    clips = "".join(video_card(v) for v in videos(view)[:3] if v.path != skip)
    return (
        '<aside class="l-sidebar"><section class="m-widget m-widget--most-read"><h2 class="m-'
        f'widget__title">الأكثر قراءة</h2><ol class="m-rank">{most}</ol></section>'
        '<section class="m-widget m-widget--videos"><h2 class="m-widget__title"><a href="/video">'
        f'أحدث الفيديوهات</a></h2>{clips}</section><div class="m-widget m-widget--ad"><a href="'
        f'https://ads.example.net/g?slot={rng.randint(1, 40)}" rel="sponsored nofollow"><img src='
        '"/assets/ads/mpu.jpg" alt="إعلان" width="300" height="250"></a></div><section class="m-'
        'widget m-widget--newsletter"><h2 class="m-widget__title">النشرة الإخبارية</h2><p>أهم '
        'الأخبار في بريدك كل مساء</p><form action="/newsletter/subscribe" method="post"><input '
        'type="email" name="email" required><button type="submit">اشترك</button></form></section>'
        "</aside>"
    )


def _footer(view: SiteView) -> str:
    sections = "".join(f'<li><a href="{section_path(s)}">{n}</a></li>' for n, s in SECTIONS)
    static = "".join(f'<li><a href="/{slug}">{name}</a></li>' for name, slug in chrome.STATIC)
    return (
        '<footer class="c-footer"><div class="l-container"><div class="c-footer__cols"><div '
        f'class="c-footer__col"><h4>الأقسام</h4><ul>{sections}</ul></div><div class="c-footer__'
        f'col"><h4>القناة</h4><ul>{static}<li><a href="/live">البث المباشر</a></li><li><a href="'
        '/frequencies">ترددات القناة</a></li></ul></div><div class="c-footer__col"><h4>تطبيقاتنا'
        '</h4><a href="https://apps.example.com/nakheel/ios">App Store</a> <a href="https://apps.'
        'example.com/nakheel/android">Google Play</a></div></div><p class="c-footer__copy">© '
        f"{clock.eastern(str(view.now.year))} {view.spec.site_name}. جميع الحقوق محفوظة.</p>"
        "</div></footer>"
    )


def document(view: SiteView, title: str, main: str, key: str, head: str = "") -> str:
    rng = page_rng(view, key)
    return (
        '<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><meta name="'
        'viewport" content="width=device-width, initial-scale=1"><title>'
        f'{escape(title)}</title><!--PAD-->{head}<link rel="preload" as="font" href="/'
        f'assets/fonts/tajawal.woff2" crossorigin><link rel="stylesheet" href="/assets/css/main.'
        f'css?{BUILD}"></head><body class="t-rtl">{_header(view)}<main class="l-main"><div class'
        f'="l-container l-grid"><div class="l-content">{main}</div>{sidebar(view, rng, key)}'
        f'</div></main>{_footer(view)}<script src="/assets/js/app.js?{BUILD}" defer></script>'
        "</body></html>"
    )


def _list_page(view: SiteView, heading: str, cards: list[str], base: str, reason: str,
               kind: str = "listing") -> dict[str, Page]:  # fmt: skip
    """Twelve cards a page; "المزيد" loads the next twelve (`?offset=N`)."""
    pages = {}
    for number, chunk in enumerate(chunks(cards, PER_PAGE)):
        path = base if number == 0 else f"{base}?offset={number * PER_PAGE}"
        more = (
            f'<a class="c-btn c-btn--more" href="{base}?offset={(number + 1) * PER_PAGE}">المزيد'
            "</a>"
            if (number + 1) * PER_PAGE < len(cards)
            else ""
        )
        main = (
            f'<h1 class="c-page__title">{escape(heading)}</h1><div class="o-grid">'
            f"{''.join(chunk)}</div>{more}"
        )
        html = document(view, f"{heading} | {view.spec.site_name}", main, path)
        pages[path] = html_page(html, view, path, kind if chunk else "other", reason)
    return pages


def _home(view: SiteView) -> Page:
    ar = view.articles
    blocks = []
    for name, slug in SECTIONS:
        items = view.by_section(slug)[:2]
        if items:
            blocks.append(
                f'<section class="c-block"><h2 class="c-block__title"><a href="'
                f'{section_path(slug)}">{name}</a></h2>{"".join(card(a) for a in items)}'
                "</section>"
            )
    main = (
        f'<h1 class="u-hidden">{view.spec.site_name}</h1><section class="c-hero">'
        f"{card(ar[0], 'c-card c-card--hero')}{''.join(card(a) for a in ar[1:5])}</section>"
        f'<section class="c-strip c-strip--video"><h2 class="c-block__title"><a href="/video">'
        f"فيديو</a></h2>{''.join(video_card(v) for v in videos(view)[:4])}</section>"
        f"{''.join(blocks)}"
    )
    html = document(view, f"{view.spec.site_name} | الرئيسية", main, "/")
    return html_page(html, view, "/", "listing", "home")


def _channel(view: SiteView) -> dict[str, Page]:
    """The channel's own pages: the live stream and the satellite frequencies."""
    live = (
        '<h1 class="c-page__title">البث المباشر</h1><div class="c-player c-player--live" data-'
        'stream="https://live.example.net/nakheel/master.m3u8"><div id="live-player"></div></div>'
        f"<p>شاهدوا البث المباشر لـ{view.spec.site_name} على مدار الساعة.</p>"
    )
    rows = "".join(
        f"<tr><td>{sat}</td><td>{clock.eastern(str(freq))}</td><td>{pol}</td></tr>"
        for sat, freq, pol in (("نايل سات", 11747, "أفقي"), ("عرب سات", 12034, "عمودي"))
    )
    frequencies = f'<h1 class="c-page__title">ترددات القناة</h1><table>{rows}</table>'
    pages = {}
    for path, heading, main, reason in (("/live", "البث المباشر", live, "live stream"),
                                        ("/frequencies", "ترددات القناة", frequencies,
                                         "static page")):  # fmt: skip
        html = document(view, f"{heading} | {view.spec.site_name}", main, path)
        pages[path] = html_page(html, view, path, "other", reason)
    return pages


def listings(view: SiteView) -> dict[str, Page]:
    ar = view.articles
    pages = {"/": _home(view)} | _channel(view)
    pages |= _list_page(view, "الأخبار", [card(a) for a in ar], "/news", "all news")
    for name, slug in SECTIONS:
        items = [card(a) for a in view.by_section(slug)]
        pages |= _list_page(view, name, items, section_path(slug), "section")
    for tag in TAGS:
        items = [card(a) for a in ar if tag in a.tags]
        pages |= _list_page(view, tag, items, tag_path(tag), "tag")
    clips = [video_card(v) for v in videos(view)]
    pages |= _list_page(view, "فيديو", clips, "/video", "video listing")
    wrap = lambda t, m: document(view, f"{t} | {view.spec.site_name}", m, t)  # noqa: E731
    return pages | static_pages(view, wrap)


def discovery(view: SiteView) -> dict[str, Page]:
    """A sitemap index with one sitemap a month (articles and clips, lastmod +04:00)."""
    months: dict[str, list[tuple[str, datetime]]] = {}
    dated = [(a.path, a.lastmod) for a in view.articles]
    dated += [(v.path, v.published) for v in videos(view)]
    for path, when in sorted(dated, key=lambda x: x[1], reverse=True):
        months.setdefault(f"/sitemaps/{when:%Y-%m}.xml", []).append((view.url(path), when))
    pages = {key: feeds.urlset(entries) for key, entries in months.items()}
    static = [(view.url(p), None) for p in ("/", "/news", "/video", "/live")]
    static += [(view.url(section_path(s)), None) for _, s in SECTIONS]
    pages["/sitemaps/sections.xml"] = feeds.urlset(static)
    keys = [*months, "/sitemaps/sections.xml"]
    stamps = [entries[0][1] for entries in months.values()] + [max(m[0][1] for m in
                                                                    months.values())]  # fmt: skip
    pages["/sitemap.xml"] = feeds.sitemap_index([view.url(k) for k in keys], stamps)
    pages["/robots.txt"] = feeds.robots(view.base, ["/sitemap.xml"], ["/search", "/api/"])
    return pages
