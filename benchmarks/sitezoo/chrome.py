"""Page furniture every family shares: menus, "most read" boxes, comments, share prompts, footers.

Themes pass their own class names and URL functions, so the markup differs between families
while the reader-visible clutter is the same kind real sites carry. `finish` brings every page
into the realism window of the benchmark: 100-200 links and 40-120 KB, by adding partner links
and inline CSS/JS (what real pages carry in bulk), never article-like text.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Sequence
from html import escape

from benchmarks.sitezoo import vocab
from benchmarks.sitezoo.model import SiteView, ZooArticle

Href = Callable[[ZooArticle], str]
_LINK = re.compile(r"<a\s[^>]*href=", re.IGNORECASE)
SOCIAL = ["https://www.facebook.com/", "https://twitter.com/", "https://www.youtube.com/",
          "https://t.me/", "https://www.instagram.com/"]  # fmt: skip
SHARE = {"facebook": "https://www.facebook.com/sharer.php?u=",
         "twitter": "https://twitter.com/intent/tweet?url=",
         "whatsapp": "https://api.whatsapp.com/send?text="}  # fmt: skip
SOCIAL_NAMES = ["فيسبوك", "تويتر", "يوتيوب", "تلغرام", "إنستغرام"]
STATIC = [("من نحن", "about"), ("اتصل بنا", "contact"), ("سياسة الخصوصية", "privacy"),
          ("شروط الاستخدام", "terms"), ("أعلن معنا", "advertise")]  # fmt: skip
PAD_LOW, PAD_HIGH = 46_000, 100_000
LINKS_LOW, LINKS_HIGH = 112, 185


def link_count(html: str) -> int:
    return len(_LINK.findall(html))


def teaser(article: ZooArticle, words: int = 14) -> str:
    return " ".join(article.paragraphs[0].split()[:words]) + " ..."


def nav(view: SiteView, section_href: Callable[[str], str], css: str) -> str:
    items = "".join(
        f'<li><a href="{section_href(slug)}">{name}</a></li>' for name, slug in vocab.SECTIONS
    )
    top = "".join(
        f'<a href="{s}{view.spec.name}">{n}</a>' for s, n in zip(SOCIAL, SOCIAL_NAMES, strict=True)
    )
    return (
        f'<div class="{css}-topbar"><span>{view.now:%Y/%m/%d}</span> {top}'
        f'<a href="/login">دخول</a></div><header class="{css}-header">'
        f'<a class="{css}-logo" href="/">{view.spec.site_name}</a>'
        f'<nav class="{css}-menu"><ul><li><a href="/">الرئيسية</a></li>{items}</ul></nav>'
        f'<form class="{css}-search" action="/search"><input name="q" placeholder="ابحث">'
        "</form></header>"
    )


def box(
    title: str, articles: Sequence[ZooArticle], href: Href, css: str, *, excerpt: bool = False
) -> str:
    """A sidebar list of other articles ("الأكثر قراءة", "آخر الأخبار")."""
    items = "".join(
        f'<li><a href="{href(a)}">{escape(a.title)}</a>'
        + (f"<span>{escape(teaser(a))}</span>" if excerpt else "")
        + "</li>"
        for a in articles
    )
    return f'<div class="{css}"><h3 class="widget-title">{title}</h3><ul>{items}</ul></div>'


def sidebar(view: SiteView, href: Href, css: str, rng: random.Random, skip: str = "") -> str:
    pool = [a for a in view.articles if a.path != skip and a.lang == "ar"]
    most = rng.sample(pool, min(8, len(pool)))
    latest = pool[:8]
    ad = (
        f'<div class="{css}-ad"><a href="https://ads.example.net/c?{rng.randint(1, 999)}">إعلان</a>'
    )
    return (
        f'<aside class="{css}-sidebar">{box("الأكثر قراءة", most, href, f"{css}-most-read")}'
        f"{ad}</div>{box('آخر الأخبار', latest, href, f'{css}-latest', excerpt=True)}</aside>"
    )


def tag_cloud(tag_href: Callable[[str], str], css: str, rng: random.Random) -> str:
    tags = "".join(f'<a href="{tag_href(t)}">{t}</a> ' for t in rng.sample(vocab.TAGS, 14))
    return f'<div class="{css}-tags-cloud"><h3>وسوم</h3>{tags}</div>'


def share(url: str, css: str) -> str:
    targets = "".join(
        f'<a class="{css}-share-{name}" href="{base}{escape(url)}">{name}</a>'
        for name, base in SHARE.items()
    )
    return f'<div class="{css}-share"><span>شارك هذا الخبر:</span>{targets}</div>'


def comments(rng: random.Random, css: str) -> str:
    picked = rng.sample(vocab.COMMENTS, rng.randint(2, 5))
    people = rng.sample(vocab.PEOPLE, len(picked))
    items = "".join(
        f'<li class="{css}-comment"><b>{who}</b> <small>منذ {rng.randint(2, 50)} دقيقة</small>'
        f'<p>{text}</p><a href="#respond" class="reply">رد</a></li>'
        for who, text in zip(people, picked, strict=True)
    )
    return (
        f'<section class="{css}-comments"><h3>التعليقات ({len(picked)})</h3><ol>{items}</ol>'
        '<div id="respond"><h3>أضف تعليقك</h3><form><textarea name="c"></textarea>'
        "<button>إرسال</button></form><p>التعليقات المنشورة لا تعبر عن رأي الموقع.</p></div>"
        "</section>"
    )


def footer(view: SiteView, section_href: Callable[[str], str], css: str, clock: str = "") -> str:
    sections = "".join(f'<a href="{section_href(slug)}">{n}</a>' for n, slug in vocab.SECTIONS)
    static = "".join(f'<a href="/{slug}">{name}</a>' for name, slug in STATIC)
    apps = '<a href="https://apps.example.com/ios">تطبيق آيفون</a>'
    clock_line = f"<p class='{css}-clock'>{clock}</p>" if clock else ""
    return (
        f'<footer class="{css}-footer"><div>{sections}</div><div>{static}{apps}</div>'
        '<div class="newsletter">اشترك في النشرة البريدية ليصلك ملخص الأخبار كل صباح</div>'
        f"{clock_line}<p>© {view.now.year} {view.spec.site_name}. جميع الحقوق محفوظة.</p></footer>"
    )


def _partners(count: int, rng: random.Random) -> str:
    links = "".join(
        f'<a href="https://partner{rng.randint(1, 99)}.example.org/{i}">موقع شريك {i + 1}</a> '
        for i in range(count)
    )
    return f'<div class="partners"><h4>مواقع صديقة</h4>{links}</div>'


def _padding(size: int, rng: random.Random) -> str:
    rules, total = [], 0
    while total < size:
        rule = (
            f".c{rng.randint(1000, 9999)}-{len(rules)}{{margin:{rng.randint(0, 40)}px "
            f"{rng.randint(0, 40)}px;color:#{rng.randint(0, 0xFFFFFF):06x};"
            f"font-size:{rng.randint(10, 30)}px;line-height:{rng.randint(10, 20) / 10}}}\n"
        )
        rules.append(rule)
        total += len(rule)
    return "<style>" + "".join(rules) + "</style>"


def finish(html: str, rng: random.Random, encoding: str = "utf-8") -> bytes:
    """Bring a page into the realism window (links, then bytes); `<!--PAD-->` marks the spot."""
    links = link_count(html)
    wanted = rng.randint(LINKS_LOW, LINKS_HIGH)
    if links < wanted:
        html = html.replace("</body>", _partners(wanted - links, rng) + "</body>", 1)
    size = len(html.encode(encoding, errors="xmlcharrefreplace"))
    target = rng.randint(PAD_LOW, PAD_HIGH)
    pad = _padding(target - size, rng) if size < target else ""
    return html.replace("<!--PAD-->", pad, 1).encode(encoding, errors="xmlcharrefreplace")
