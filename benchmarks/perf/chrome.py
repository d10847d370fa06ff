"""The page furniture every generated page carries: head, menus, cards, sidebar, footer.

Markup is as verbose as real CMS themes (BEM classes, srcset pictures, data attributes), since
what extraction costs depends on how many elements and attributes it walks, not only on text.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone
from functools import cache
from html import escape

from benchmarks.perf.layout import SECTIONS, ArticleMeta

SOCIAL = ["facebook.com", "x.com", "youtube.com", "instagram.com", "t.me", "whatsapp.com"]
SUBSECTIONS = ["تقارير", "حوارات", "ملفات", "صور"]
FOOTER_PAGES = [
    ("/about/", "من نحن"), ("/contact/", "اتصل بنا"), ("/privacy/", "سياسة الخصوصية"),
    ("/terms/", "شروط الاستخدام"), ("/advertise/", "أعلن معنا"), ("/jobs/", "وظائف"),
    ("/archive/", "الأرشيف"), ("/feed.xml", "خلاصات RSS"), ("/sitemap.xml", "خريطة الموقع"),
]  # fmt: skip
WEEKDAYS = ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"]
RIYADH = timezone(timedelta(hours=3))  # where the site prints its times
MONTHS = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر",
          "أكتوبر", "نوفمبر", "ديسمبر"]  # fmt: skip


@cache
def critical_css() -> str:
    """About 8 KB of inlined CSS, as themes inline their above-the-fold rules."""
    blocks = ["header", "nav", "card", "ticker", "sidebar", "footer", "article", "comment",
              "share", "tags", "video", "newsletter", "ad", "breadcrumb"]  # fmt: skip
    parts = ["title", "media", "body", "meta"]
    rules = [
        f".{block}__{part}--{state}{{margin:{i % 7}px {i % 5}px;padding:{i % 3}px;"
        f"color:#{(i * 2654435761) % 0xFFFFFF:06x};font-size:{12 + i % 9}px}}"
        for i, (block, part, state) in enumerate(
            (b, p, s) for b in blocks for p in parts for s in ("on", "off")
        )
    ]
    return "".join(rules)


def long_date(day: datetime) -> str:
    """'الأحد 15 مارس 2026 - 14:20', the way Arabic news pages print a date."""
    return f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]} {day:%Y - %H:%M}"


def head(title: str, canonical: str, extra: str = "") -> str:
    scripts = (
        "window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}"
        "gtag('js',new Date());gtag('config','G-BENCH0001',{anonymize_ip:true});"
        "var googletag=googletag||{cmd:[]};googletag.cmd.push(function(){"
        + "".join(
            f"googletag.defineSlot('/1234/ofuq/{s}',[[300,250],[728,90]],'ad-{s}')"
            ".addService(googletag.pubads());"
            for _, s in SECTIONS
        )
        + "googletag.enableServices()});"
    )
    return (
        '<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title>"
        f'<link rel="canonical" href="{canonical}">'
        '<link rel="alternate" type="application/rss+xml" title="RSS" href="/feed.xml">'
        '<link rel="preload" href="/fonts/naskh.woff2" as="font" crossorigin>'
        f"{extra}<style>{critical_css()}</style><script>{scripts}</script></head>"
    )


def top_bar(site_name: str) -> str:
    social = "".join(
        f'<a class="header__icon" href="https://{s}/ofuq" rel="noopener" target="_blank">'
        f'<svg width="16" height="16" aria-hidden="true"><use href="#i-{s}"></use></svg></a>'
        for s in SOCIAL
    )
    return (
        f'<div class="header__meta"><span class="header__date">{site_name}</span>'
        f'<div class="header__list">{social}</div></div>'
    )


def main_nav() -> str:
    """Sections with a mega menu: 10 section links and 4 sub-links under each."""
    items = []
    for name, slug in SECTIONS:
        subs = "".join(
            f'<li class="nav__item"><a class="nav__link" href="/{slug}/?type={i}">{sub}</a></li>'
            for i, sub in enumerate(SUBSECTIONS)
        )
        items.append(
            f'<li class="nav__item nav__item--has-children"><a class="nav__link" '
            f'href="/{slug}/">{name}</a><div class="nav__mega"><ul class="nav__list">'
            f"{subs}</ul></div></li>"
        )
    return (
        '<header class="header"><a class="header__logo" href="/"><img src="/img/logo.svg" '
        f'alt="الرئيسية" width="180" height="48"></a><nav class="nav" aria-label="الأقسام">'
        f'<ul class="nav__list">{"".join(items)}</ul></nav>'
        '<form class="header__search" action="/search" role="search"><input type="search" '
        'name="q" placeholder="ابحث في الموقع"><button type="submit">بحث</button></form>'
        "</header>"
    )


def ticker(metas: list[ArticleMeta]) -> str:
    links = "".join(f'<li><a href="{m.href}">{escape(m.title)}</a></li>' for m in metas)
    return f'<div class="ticker"><strong>عاجل</strong><ul class="ticker__list">{links}</ul></div>'


def card(meta: ArticleMeta, kind: str) -> str:
    """A teaser card: picture link and title link to the article (two links)."""
    n, title = meta.number, escape(meta.title)
    srcset = ", ".join(f"/img/{n}-{w}.webp {w}w" for w in (320, 640, 960))
    return (
        f'<article class="card card--{kind}"><a class="card__media" href="{meta.href}" '
        f'tabindex="-1"><picture><source type="image/webp" srcset="{srcset}" '
        'sizes="(max-width: 768px) 100vw, 33vw">'
        f'<img src="/img/{n}-640.jpg" alt="{title}" loading="lazy" width="640" height="360">'
        f'</picture></a><div class="card__body"><span class="card__meta">{meta.section_name}'
        f'</span><h3 class="card__title"><a href="{meta.href}">{title}</a></h3>'
        f'<time class="card__meta" datetime="{meta.published.isoformat()}">'
        f"{long_date(meta.published)}</time></div></article>"
    )


def card_block(heading: str, metas: list[ArticleMeta], kind: str) -> str:
    cards = "".join(card(m, kind) for m in metas)
    return f'<section class="cards cards--{kind}"><h2 class="cards__title">{heading}</h2>{cards}</section>'  # noqa: E501


def ranked(heading: str, metas: list[ArticleMeta], kind: str) -> str:
    """A numbered title-only list (most read, latest): one link per article."""
    items = "".join(
        f'<li class="{kind}__item"><span class="{kind}__rank">{i}</span>'
        f'<a href="{m.href}">{escape(m.title)}</a></li>'
        for i, m in enumerate(metas, 1)
    )
    return f'<div class="sidebar__block {kind}"><h3>{heading}</h3><ol>{items}</ol></div>'


def newsletter() -> str:
    return (
        '<div class="newsletter"><h3>النشرة البريدية</h3><p>اشترك ليصلك ملخص الأخبار كل صباح'
        '</p><form action="/newsletter" method="post"><input type="email" name="email" '
        'placeholder="بريدك الإلكتروني"><button>اشترك</button></form></div>'
        '<div class="ad ad--sidebar" id="ad-sidebar" data-slot="sidebar-300x250">إعلان</div>'
    )


def comments(rng: random.Random, count: int, names: list[str]) -> str:
    from benchmarks.perf.vocab import COMMENTS  # a leaf pool, imported here to keep it local

    items = "".join(
        f'<li class="comment"><div class="comment__meta"><b>{names[i % len(names)]}</b>'
        f"<time>منذ {rng.randint(1, 23)} ساعة</time></div>"
        f'<p class="comment__body">{rng.choice(COMMENTS)}</p></li>'
        for i in range(count)
    )
    return (
        f'<section class="comments"><h3>تعليقات القراء ({count})</h3><ol>{items}</ol>'
        '<form class="comment__form"><textarea name="c" placeholder="أضف تعليقك"></textarea>'
        "<button>أرسل</button></form></section>"
    )


def footer(site_name: str) -> str:
    sections = "".join(f'<li><a href="/{slug}/">{name}</a></li>' for name, slug in SECTIONS)
    pages = "".join(f'<li><a href="{href}">{label}</a></li>' for href, label in FOOTER_PAGES)
    apps = '<a href="https://apps.apple.com/app/ofuq">App Store</a> <a href="https://play.google.com/store/apps/ofuq">Google Play</a>'  # noqa: E501
    social = "".join(f'<a href="https://{s}/ofuq">{s}</a> ' for s in SOCIAL)
    return (
        f'<footer class="footer"><ul class="footer__list">{sections}</ul>'
        f'<ul class="footer__list">{pages}</ul><div class="footer__apps">{apps}</div>'
        f'<div class="footer__social">{social}</div>'
        f"<p>© 2026 {site_name}. جميع الحقوق محفوظة.</p></footer></body></html>"
    )
