"""The furniture of the bilingual Maghreb portal: the French edition's pieces, header with the
site clock and the language switch, widgets, footer, listings (home, rubriques, tags, the French
home and rubriques) and its Google News sitemaps."""

from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta
from html import escape
from zoneinfo import ZoneInfo

from benchmarks.sitezoo import chrome, feeds, text
from benchmarks.sitezoo.common import chunks, html_page, page_rng, slugify, static_pages
from benchmarks.sitezoo.model import Page, SiteView, ZooArticle
from benchmarks.sitezoo.vocab import (
    FR_SECTIONS,
    MONTHS_FR,
    MONTHS_MAGHREB,
    SECTIONS,
    TAGS,
    WEEKDAYS,
    WEEKDAYS_FR,
)

PER_PAGE = 10
CLOCK = "توقيت غرينتش +1"
HANDLE = "erraced.dz"
# the rubriques keep their French names in every URL, the Arabic edition's too
RUBRIQUES = {"local": "national", "economy": "economie", "politics": "politique",
             "sport": "sport", "culture": "culture", "health": "sante", "tech": "technologie",
             "misc": "divers", "world": "monde", "society": "societe"}  # fmt: skip
NEWS_WINDOW = timedelta(days=2)  # Google News sitemaps list the last two days only
_NOT_LATIN = re.compile(r"[^a-z0-9]+")


def section_path(slug: str) -> str:
    return f"/{RUBRIQUES[slug]}/"


def tag_path(tag: str) -> str:
    return f"/tag/{slugify(tag)}"


def old_path(a: ZooArticle) -> str:
    """The URL scheme before the redesign, still answered with a 301."""
    return f"/ar/article/{a.number}.html"


def latin_slug(title: str) -> str:
    """ "Polémique à Béjaïa" → "polemique-a-bejaia"."""
    plain = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode().lower()
    return _NOT_LATIN.sub("-", plain).strip("-")


@dataclass(frozen=True)
class Piece:
    """A French-edition article: not part of an Arabic corpus."""

    number: int
    story: text.Story
    published: datetime

    @property
    def path(self) -> str:
        return (
            f"/fr/{RUBRIQUES[self.story.section[1]]}/{self.number}-{latin_slug(self.story.title)}"
        )


def pieces(view: SiteView) -> list[Piece]:
    """The French edition: a piece for every third Arabic article, filed a little after it."""
    out = []
    for a in view.articles:
        if a.number % 3 == 1:
            rng = random.Random(f"{view.spec.name}|fr|{a.number}")
            story = text.make_french(rng)
            when = min(a.published + timedelta(minutes=rng.randint(10, 80)), view.now)
            out.append(Piece(a.number + 600000, story, when))
    return out


def day(when: datetime) -> str:
    return f"{when.day} {MONTHS_MAGHREB[when.month - 1]} {when.year}"


def fr_date(when: datetime) -> str:
    """ "jeudi 3 décembre 2026 à 10:15"."""
    weekday, month = WEEKDAYS_FR[when.weekday()], MONTHS_FR[when.month - 1]
    return f"{weekday} {when.day} {month} {when.year} à {when:%H:%M}"


def _header(view: SiteView) -> str:
    now = view.now.astimezone(ZoneInfo(view.spec.tz))
    social = "".join(
        f'<li><a href="{s}{HANDLE}" target="_blank" title="{n}" class="rs-{i}"></a></li>'
        for i, (s, n) in enumerate(zip(chrome.SOCIAL, chrome.SOCIAL_NAMES, strict=True))
    )
    menu = "".join(
        f'<li class="rubrique-{RUBRIQUES[slug]}"><a href="{section_path(slug)}">{name}</a></li>'
        for name, slug in SECTIONS
    )
    flash = "".join(f'<li><a href="{a.path}">{escape(a.title)}</a></li>' for a in view.articles[:6])
    return (
        '<div class="barre-haut"><div class="conteneur"><span class="date-jour">الجزائر العاصمة'
        f' | {WEEKDAYS[now.weekday()]} {day(now)} | {now:%H:%M} <span class="fuseau">{CLOCK}'
        f'</span></span><ul class="reseaux">{social}</ul><div class="langues"><a class="actif" '
        'href="/" hreflang="ar">عربي</a><a href="/fr/" hreflang="fr" lang="fr">Français</a>'
        '</div></div></div><header class="entete"><div class="conteneur"><a class="logo" href="/">'
        f'<img src="/theme/images/logo-ar.png" alt="{view.spec.site_name}"></a><div class="pub-'
        'entete"><a href="https://ads.example.net/dz?f=728" rel="nofollow"><img src="/theme/pub/'
        '728x90.jpg" alt=""></a></div></div></header><nav class="menu-principal"><ul><li class='
        f'"accueil"><a href="/">الرئيسية</a></li>{menu}</ul><form class="recherche" action="/'
        'recherche"><input name="mot" placeholder="بحث..."></form></nav><div class="fil-info">'
        f'<strong>عاجل</strong><ul class="defilant">{flash}</ul></div>'
    )


def _french_box(view: SiteView) -> str:
    items = "".join(
        f'<li><a href="{p.path}">{escape(p.story.title)}</a></li>' for p in pieces(view)[:3]
    )
    return (
        f'<div class="bloc-lateral edition-fr" lang="fr" dir="ltr"><h3><a href="/fr/">Édition '
        f"française</a></h3><ul>{items}</ul></div>"
    )


def sidebar(view: SiteView, rng: random.Random, skip: str) -> str:
    pool = [a for a in view.articles if a.path != skip]
    most = "".join(
        f'<li><span class="rang">{i}</span><a href="{a.path}">{escape(a.title)}</a></li>'
        for i, a in enumerate(rng.sample(pool, min(5, len(pool))), start=1)
    )
    latest = "".join(
        f'<li><a href="{a.path}">{escape(a.title)}</a><span class="heure">{a.published:%H:%M}'
        "</span></li>"
        for a in pool[:6]
    )
    return (
        '<aside class="colonne-droite"><div class="bloc-lateral plus-lus"><h3>الأكثر قراءة</h3>'
        f'<ol>{most}</ol></div><div class="bloc-lateral pub"><a href="https://ads.example.net/dz?'
        f'f={rng.randint(1, 60)}" rel="nofollow"><img src="/theme/pub/300x250.jpg" alt=""></a>'
        f'</div><div class="bloc-lateral derniere-minute"><h3>آخر الأخبار</h3><ul>{latest}</ul>'
        f"</div>{_french_box(view)}</aside>"
    )


def _footer(
    view: SiteView, rights: str = "جميع الحقوق محفوظة. يمنع إعادة النشر دون ذكر المصدر."
) -> str:
    rubriques = "".join(f'<a href="{section_path(s)}">{n}</a>' for n, s in SECTIONS)
    static = "".join(f'<a href="/{slug}">{name}</a>' for name, slug in chrome.STATIC)
    return (
        f'<footer class="pied"><div class="conteneur"><div class="pied-rubriques">{rubriques}'
        f'</div><div class="pied-liens">{static}<a href="/fr/" lang="fr">Version française</a>'
        f'</div><p class="copyright">© {view.now.year} {view.spec.site_name} - {rights}</p>'
        "</div></footer>"
    )


def document(view: SiteView, title: str, main: str, key: str, head: str = "") -> str:
    rng = page_rng(view, key)
    return (
        '<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta http-equiv="Content-Type" '
        'content="text/html; charset=utf-8"><meta name="viewport" content="width=device-width">'
        f'<title>{escape(title)}</title><!--PAD-->{head}<link rel="alternate" hreflang="fr" '
        f'href="{view.url("/fr/")}"><link rel="stylesheet" href="/theme/css/style-ar.css?v=41">'
        f'</head><body class="edition-ar">{_header(view)}<div class="conteneur page"><div class="'
        f'colonne-principale">{main}</div>{sidebar(view, rng, key)}</div>{_footer(view)}<script '
        'src="/theme/js/site.js?v=41"></script></body></html>'
    )


def fr_document(view: SiteView, title: str, main: str, head: str = "") -> str:
    """A page of the French edition: its own menu, the same footer links."""
    menu = "".join(
        f'<li><a href="/fr/{RUBRIQUES[slug]}/">{FR_SECTIONS[slug]}</a></li>' for _, slug in SECTIONS
    )
    others = "".join(
        f'<li><a href="{p.path}">{escape(p.story.title)}</a></li>' for p in pieces(view)[:8]
    )
    return (
        '<!DOCTYPE html><html lang="fr" dir="ltr"><head><meta charset="utf-8"><title>'
        f'{escape(title)}</title><!--PAD-->{head}<link rel="alternate" hreflang="ar" href="'
        f'{view.url("/")}"><link rel="stylesheet" href="/theme/css/style-fr.css?v=41"></head>'
        f'<body class="edition-fr"><div class="barre-haut"><a href="/" hreflang="ar">عربي</a> '
        f'<a href="/fr/">Français</a></div><header class="entete"><a class="logo" href="/fr/">'
        f'{view.spec.site_name} - Édition française</a></header><nav class="menu-principal"><ul>'
        f'<li><a href="/fr/">Accueil</a></li>{menu}</ul></nav><div class="conteneur page"><div '
        f'class="colonne-principale">{main}</div><aside class="colonne-droite"><h3>À la une</h3>'
        f"<ul>{others}</ul></aside></div>{_footer(view, 'Tous droits réservés.')}</body></html>"
    )


def _teaser(a: ZooArticle) -> str:
    return (
        f'<div class="item-liste"><a class="vignette" href="{a.path}"><img src="'
        f'{a.image_path.replace("-une.jpg", "-vignette.jpg")}" alt=""></a><div class="texte">'
        f'<span class="rubrique">{a.section}</span><h2><a href="{a.path}">{escape(a.title)}</a>'
        f'</h2><span class="date">{day(a.published)}</span><p>{escape(chrome.teaser(a, 20))}</p>'
        "</div></div>"
    )


def listing(view: SiteView, heading: str, items: list[ZooArticle], base: str,
            reason: str) -> dict[str, Page]:  # fmt: skip
    """Ten teasers a page, SPIP-style pagination (`?debut=10`)."""
    pages, pieces_ = {}, chunks(items, PER_PAGE)
    for number, chunk in enumerate(pieces_):
        path = base if number == 0 else f"{base}?debut={number * PER_PAGE}"
        pager = " | ".join(
            f'<a href="{base}?debut={i * PER_PAGE}" class="lien_pagination">{i + 1}</a>'
            if i != number
            else f'<strong class="on">{i + 1}</strong>'
            for i in range(len(pieces_))
        )
        main = (
            f'<h1 class="titre-rubrique">{escape(heading)}</h1><div class="liste-articles">'
            f'{"".join(_teaser(a) for a in chunk)}</div><p class="pagination">{pager}</p>'
        )
        html = document(view, f"{heading} - {view.spec.site_name}", main, path)
        pages[path] = html_page(html, view, path, "listing" if chunk else "other", reason)
    return pages


def _fr_listing(view: SiteView, heading: str, items: list[Piece], path: str) -> Page:
    rows = "".join(
        f'<div class="item-liste"><h2><a href="{p.path}">{escape(p.story.title)}</a></h2><span '
        f'class="date">{fr_date(p.published)}</span><p>{escape(p.story.paragraphs[0])}</p></div>'
        for p in items
    )
    main = f'<h1 class="titre-rubrique">{heading}</h1><div class="liste-articles">{rows}</div>'
    html = fr_document(view, f"{heading} - {view.spec.site_name}", main)
    return html_page(html, view, path, "listing" if items else "other", "french edition")


def listings(view: SiteView) -> dict[str, Page]:
    ar = view.articles
    pages = listing(view, view.spec.site_name, ar, "/", "home")
    for name, slug in SECTIONS:
        pages |= listing(view, name, view.by_section(slug), section_path(slug), "section")
    for tag in TAGS:
        pages |= listing(view, tag, [a for a in ar if tag in a.tags], tag_path(tag), "tag")
    french = pieces(view)
    pages["/fr/"] = _fr_listing(view, "À la une", french, "/fr/")
    for slug, name in FR_SECTIONS.items():
        path = f"/fr/{RUBRIQUES[slug]}/"
        pages[path] = _fr_listing(view, name, [p for p in french if p.story.section[1] == slug],
                                  path)  # fmt: skip
    wrap = lambda t, m: document(view, f"{t} - {view.spec.site_name}", m, t)  # noqa: E731
    return pages | static_pages(view, wrap)


def discovery(view: SiteView) -> dict[str, Page]:
    """Google News sitemaps (the last two days), one an edition, named in robots.txt."""
    fresh = [a for a in view.articles if view.now - a.published <= NEWS_WINDOW]
    entries = [(view.url(a.path), a.title, a.published, a.tags) for a in fresh]
    french = [p for p in pieces(view) if view.now - p.published <= NEWS_WINDOW]
    fr_entries = [(view.url(p.path), p.story.title, p.published, ()) for p in french]
    name = view.spec.site_name
    return {
        "/sitemap-news.xml": feeds.news_urlset(entries, name),
        "/fr/sitemap-news.xml": feeds.news_urlset(fr_entries, name, language="fr"),
        "/robots.txt": feeds.robots(
            view.base, ["/sitemap-news.xml", "/fr/sitemap-news.xml"], ["/recherche", "/admin/"]
        ),
    }
