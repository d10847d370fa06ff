"""Article, listing and home pages of a generated site, each from its number alone.

An article page is 40-120 KB with 100-200 links: menus, ticker, breadcrumb, byline, share links,
lead image, 6-20 paragraphs with "اقرأ أيضا" blocks inside, tags, related and same-section cards,
most-read and latest lists, reader comments, a video strip and the hydration state many
sites ship. Three in four carry JSON-LD; the fourth prints its byline and date as text only.
"""

from __future__ import annotations

import json
import random
from html import escape
from urllib.parse import quote

from benchmarks.perf import chrome, vocab
from benchmarks.perf.layout import (
    SECTIONS,
    ArticleMeta,
    SiteSpec,
    article_meta,
    listing_numbers,
    listing_pages,
    listing_path,
    neighbours,
    newest,
)  # fmt: skip

MIN_BYTES, MAX_BYTES = 40_000, 120_000
TAGS = ["الحكومة", "البرلمان", "الاقتصاد", "الشباب", "التعليم", "الصحة العامة", "الطاقة",
        "المياه", "الزراعة", "الاستثمار", "النقل", "البيئة", "الأسعار", "السياحة"]  # fmt: skip


def _jsonld(meta: ArticleMeta, spec: SiteSpec, tags: list[str]) -> str:
    data = {
        "@context": "https://schema.org", "@type": "NewsArticle", "headline": meta.title,
        "datePublished": meta.published.astimezone(chrome.RIYADH).isoformat(),
        "dateModified": meta.published.astimezone(chrome.RIYADH).isoformat(),
        "author": [{"@type": "Person", "name": meta.author}],
        "publisher": {"@type": "Organization", "name": spec.name,
                      "logo": {"@type": "ImageObject", "url": "/img/logo.svg"}},
        "image": [f"/img/{meta.number}-960.jpg"], "articleSection": meta.section_name,
        "keywords": tags, "inLanguage": "ar",
    }  # fmt: skip
    return (
        '<meta property="og:type" content="article">'
        f'<meta property="og:title" content="{escape(meta.title)}">'
        f'<meta property="og:image" content="/img/{meta.number}-960.jpg">'
        f'<meta property="article:section" content="{meta.section_name}">'
        f'<script type="application/ld+json">{json.dumps(data, ensure_ascii=False)}</script>'
    )


def _read_also(metas: list[ArticleMeta]) -> str:
    links = "".join(f'<li><a href="{m.href}">{escape(m.title)}</a></li>' for m in metas)
    return f'<div class="read-also"><strong>اقرأ أيضا</strong><ul>{links}</ul></div>'


def _body(rng: random.Random, inline: list[ArticleMeta]) -> str:
    count = rng.randint(6, 20)
    parts = [f"<p>{escape(vocab.paragraph(rng))}</p>" for _ in range(count)]
    parts.insert(3, _read_also(inline[:-1]))
    if count > 10:  # long stories get a subheading, a quote and a second read-also block
        parts.insert(7, f"<h2>{escape(vocab.headline(rng))}</h2>")
        parts.insert(9, f"<blockquote><p>«{rng.choice(vocab.QUOTES)}»</p></blockquote>")
        parts.insert(11, _read_also(inline[-1:]))
    parts.insert(5, '<div class="ad ad--inarticle" data-slot="in-article-1">إعلان</div>')
    return "".join(parts)


def _byline(meta: ArticleMeta) -> str:
    when = chrome.long_date(meta.published.astimezone(chrome.RIYADH))
    if meta.template == "plain":
        return f'<div class="article__meta">بقلم: {meta.author} | نشر في: {when}</div>'
    iso = meta.published.astimezone(chrome.RIYADH).isoformat()
    return (
        f'<div class="article__meta"><a class="article__author" href="/author/'
        f'{quote(meta.author)}/">{meta.author}</a><time datetime="{iso}">{when}</time></div>'
    )


def _share(meta: ArticleMeta) -> str:
    targets = ["https://www.facebook.com/sharer.php?u=", "https://x.com/intent/tweet?url=",
               "https://wa.me/?text=", "https://t.me/share/url?url=", "mailto:?body="]  # fmt: skip
    links = "".join(f'<a class="share__link" href="{t}{meta.href}">{t[8:14]}</a>' for t in targets)
    return f'<div class="share">شارك: {links}</div>'


def _article_main(spec: SiteSpec, meta: ArticleMeta, rng: random.Random) -> str:
    inline = [article_meta(spec, n) for n in neighbours(spec, meta.number, 3, rng)]
    tags = rng.sample(TAGS, rng.randint(3, 8))
    tag_links = "".join(f'<a href="/tag/{quote(t)}/">{t}</a>' for t in tags)
    section_slug = SECTIONS[meta.section][1]
    return (
        f'<main class="article"><nav class="breadcrumb"><a href="/">الرئيسية</a> › '
        f'<a href="/{section_slug}/">{meta.section_name}</a></nav>'
        f'<article><h1 class="article__title">{escape(meta.title)}</h1>{_byline(meta)}'
        f'{_share(meta)}<figure><img src="/img/{meta.number}-960.jpg" alt="" width="960" '
        f'height="540"><figcaption>صورة أرشيفية من {meta.section_name}</figcaption></figure>'
        f'<div class="article__body">{_body(rng, inline)}</div>'
        f'<div class="tags">{tag_links}</div></article>'
    )


def _article_rest(spec: SiteSpec, meta: ArticleMeta, rng: random.Random) -> str:
    related = [article_meta(spec, n) for n in neighbours(spec, meta.number, rng.randint(4, 8), rng)]
    same = [article_meta(spec, n) for n in neighbours(spec, meta.number, rng.randint(3, 8), rng)]
    popular = [article_meta(spec, rng.randint(1, spec.articles)) for _ in range(10)]
    latest = [article_meta(spec, n) for n in newest(spec, rng.randint(5, 12))]
    return (
        chrome.card_block("مواضيع ذات صلة", related, "related") + "</main>"
        + '<aside class="sidebar">' + chrome.ranked("الأكثر قراءة", popular, "most-read")
        + chrome.ranked("آخر الأخبار", latest, "latest") + chrome.newsletter() + "</aside>"
        + chrome.card_block(f"المزيد من {meta.section_name}", same, "more")
    )  # fmt: skip


def _video_strip(rng: random.Random, budget: int) -> str:
    """Video teasers without links, up to `budget` bytes: elements the extractor must skip."""
    items: list[str] = []
    used = 0
    while used < budget and len(items) < 24:
        item = (
            f'<div class="video__item" data-video-id="v{rng.randrange(10**8)}" data-duration='
            f'"{rng.randint(30, 600)}"><figure><img src="/img/v{rng.randrange(10**6)}.jpg" '
            f'alt="" width="320" height="180"><figcaption>{escape(vocab.headline(rng))}'
            f'</figcaption></figure><span class="video__meta">{rng.randint(1, 9)}:'
            f"{rng.randint(10, 59)}</span></div>"
        )
        items.append(item)
        used += len(item.encode())
    return f'<section class="video"><h2>فيديو</h2>{"".join(items)}</section>' if items else ""


def _app_state(rng: random.Random, budget: int) -> str:
    """The JSON state client-side frameworks ship in the page, up to `budget` bytes."""
    teasers = []
    while budget > 0:
        teaser = {
            "id": rng.randrange(10**7),
            "title": vocab.headline(rng),
            "excerpt": vocab.sentence(rng),
            "image": f"/img/{rng.randrange(10**6)}.jpg",
        }
        teasers.append(teaser)
        budget -= len(json.dumps(teaser, ensure_ascii=False).encode()) + 2
    if not teasers:
        return ""
    state = json.dumps({"teasers": teasers}, ensure_ascii=False)
    return f'<script id="__APP_STATE__" type="application/json">{state}</script>'


def _padding(rng: random.Random, gap: int) -> str:
    """Fill up to the page's target size: 40 % as a video strip, the rest as JSON state."""
    strip = _video_strip(rng, int(gap * 0.4)) if gap > 0 else ""
    return strip + _app_state(rng, gap - len(strip.encode()))


def render_article(spec: SiteSpec, number: int) -> bytes:
    meta = article_meta(spec, number)
    rng = random.Random(f"{spec.seed}:{number}:page")
    target = rng.randint(MIN_BYTES, MAX_BYTES)
    extra = _jsonld(meta, spec, rng.sample(TAGS, 3)) if meta.template == "jsonld" else ""
    top = (
        chrome.head(f"{meta.title} | {spec.name}", meta.href, extra)
        + f"<body>{chrome.top_bar(spec.name)}{chrome.main_nav()}"
        + chrome.ticker([article_meta(spec, n) for n in newest(spec, 5)])
        + _article_main(spec, meta, rng) + _article_rest(spec, meta, rng)
    )  # fmt: skip
    bottom = chrome.footer(spec.name)
    gap = target - len(top.encode()) - len(bottom.encode())
    names = [vocab.person(rng) for _ in range(8)]
    talk = chrome.comments(rng, min(rng.randint(0, 25), max(0, gap // 450)), names)
    gap -= len(talk.encode())
    return (top + talk + _padding(rng, gap) + bottom).encode()


def render_listing(spec: SiteSpec, section: int, page: int) -> bytes:
    """A section page: 20 cards newest first, numbered pagination, "التالي" and rel=next."""
    pages, name = listing_pages(spec, section), SECTIONS[section][0]
    metas = [article_meta(spec, n) for n in listing_numbers(spec, section, page)]
    rel = f'<link rel="next" href="{listing_path(section, page + 1)}">' if page < pages else ""
    window = range(max(1, page - 3), min(pages, page + 3) + 1)
    numbers = "".join(
        f'<a class="pager__page" href="{listing_path(section, k)}">{k}</a>'
        if k != page else f'<span class="pager__current">{k}</span>'
        for k in window
    )  # fmt: skip
    after = f'<a rel="next" href="{listing_path(section, page + 1)}">التالي</a>' if rel else ""
    title = f"{name} - الصفحة {page}" if page > 1 else name
    return (
        chrome.head(f"{title} | {spec.name}", listing_path(section, page), rel)
        + f"<body>{chrome.top_bar(spec.name)}{chrome.main_nav()}<main><h1>{name}</h1>"
        + chrome.card_block("الأحدث", metas, "listing")
        + f'<nav class="pager">{numbers}{after}</nav></main>' + chrome.footer(spec.name)
    ).encode()  # fmt: skip


def render_home(spec: SiteSpec) -> bytes:
    blocks = [chrome.card_block("آخر الأخبار", [article_meta(spec, n) for n in newest(spec, 12)],
                                "home")]  # fmt: skip
    for section, (name, _) in enumerate(SECTIONS):
        numbers = list(listing_numbers(spec, section, 1))[:4]
        blocks.append(chrome.card_block(name, [article_meta(spec, n) for n in numbers], "home"))
    return (
        chrome.head(spec.name, "/") + f"<body>{chrome.top_bar(spec.name)}{chrome.main_nav()}"
        + f"<main>{''.join(blocks)}</main>" + chrome.footer(spec.name)
    ).encode()  # fmt: skip
