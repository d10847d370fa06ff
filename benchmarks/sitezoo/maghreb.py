"""A bilingual Algerian news portal, Arabic with a French edition (fresh family
`maghreb_bilingual`).

* Arabic articles at `/<rubrique>/<id>-<Arabic slug>` (the rubriques keep French names:
  `/economie/`, `/national/`), the pre-redesign `/ar/article/<id>.html` answering 301; images
  under `/medias/images/`, the lead image with its caption in a `<span class="legende">`.
* A French edition under `/fr/` (`/fr/<rubrique>/<id>-<latin slug>`, its own home and rubriques
  and its own news sitemap): not part of an Arabic corpus.
* Dates "الأحد 15 جانفي 2026 | 10:32" (Maghreb month names) and "آخر تحديث: …" when edited;
  the top bar says "توقيت غرينتش +1"; the offset (+01:00) otherwise only in the Google News
  sitemap, which lists the last two days.
* A bold lead paragraph ("chapo"), an inline "اقرأ أيضا:" paragraph whose link (in a
  `<strong>`) uses the old URL, a "مقالات ذات صلة" list of plain links, tags ("الكلمات
  الدلالية"), share links, comments, "الأكثر قراءة" and "آخر الأخبار" boxes.
* Discovery: robots.txt names the Arabic and the French news sitemaps; home, rubriques and tags
  with SPIP-style `?debut=N` pagination.
"""

from __future__ import annotations

from html import escape
from typing import Any

from benchmarks.sitezoo import chrome, clock, feeds
from benchmarks.sitezoo.common import html_page, ld_json, page_rng
from benchmarks.sitezoo.maghreb_parts import (
    RUBRIQUES,
    Piece,
    discovery,
    document,
    fr_date,
    fr_document,
    listings,
    old_path,
    pieces,
    section_path,
    tag_path,
)
from benchmarks.sitezoo.model import Page, SiteView, ZooArticle


def _crumbs(view: SiteView, a: ZooArticle) -> dict[str, Any]:
    """The only JSON-LD the site has: a breadcrumb trail (no dates)."""
    return {
        "@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": [
            {"@type": "ListItem", "position": 1, "name": "الرئيسية", "item": view.url("/")},
            {"@type": "ListItem", "position": 2, "name": a.section,
             "item": view.url(section_path(a.section_slug))},
            {"@type": "ListItem", "position": 3, "name": a.title, "item": view.url(a.path)},
        ],
    }  # fmt: skip


def _head(view: SiteView, a: ZooArticle) -> str:
    url = view.url(a.path)
    return (
        f'<meta name="description" content="{escape(chrome.teaser(a, 22))}">'
        f'<meta name="keywords" content="{escape(",".join(a.tags))}">'
        f'<link rel="canonical" href="{url}"><meta property="og:type" content="article">'
        f'<meta property="og:title" content="{escape(a.title)}"><meta property="og:url" content="'
        f'{url}"><meta property="og:image" content="{view.url(a.image_path)}"><meta property="og:'
        f'locale" content="ar_DZ"><meta property="og:locale:alternate" content="fr_FR">'
        f"{ld_json(_crumbs(view, a))}"
    )


def _body(view: SiteView, a: ZooArticle) -> str:
    parts = [f'<p class="chapo">{escape(a.paragraphs[0])}</p>']
    parts += [f"<p>{escape(p)}</p>" for p in a.paragraphs[1:]]
    inline = [
        f'<p class="lire-aussi">اقرأ أيضا: <strong><a href="{old_path(_target(view, r.path))}">'
        f"{escape(r.title)}</a></strong></p>"
        for r in a.related
        if r.position == "inline"
    ]
    for at, block in enumerate(inline):
        parts.insert(min(2 + 2 * at, len(parts) - 1), block)
    return "".join(parts)


def _target(view: SiteView, path: str) -> ZooArticle:
    return next(b for b in view.everything if b.path == path)


def _story(view: SiteView, a: ZooArticle) -> str:
    updated = (
        f'<span class="date-maj">آخر تحديث: {clock.maghreb_bar(a.modified)}</span>'
        if a.modified
        else ""
    )
    tags = " ".join(f'<a href="{tag_path(t)}" rel="tag">{t}</a>' for t in a.tags)
    related = "".join(
        f'<li><a href="{r.path}">{escape(r.title)}</a></li>'
        for r in a.related
        if r.position == "end"
    )
    url = view.url(old_path(a))
    shares = "".join(
        f'<a class="partage-{name}" href="{base}{url}" target="_blank" rel="nofollow">{name}</a>'
        for name, base in chrome.SHARE.items()
    )
    return (
        f'<div class="ariane"><a href="/">الرئيسية</a> » <a href="{section_path(a.section_slug)}'
        f'">{a.section}</a></div><article class="bloc-article"><span class="rubrique"><a href="'
        f'{section_path(a.section_slug)}">{a.section}</a></span><h1 class="titre-article">'
        f'{escape(a.title)}</h1><div class="infos-article"><span class="auteur">بقلم: {a.person}'
        f'</span><span class="date-pub">{clock.maghreb_bar(a.published)}</span>{updated}</div>'
        f'<div class="partage">{shares}<a class="partage-imprimer" href="javascript:window.print'
        '()">طباعة</a></div><div class="image-une"><img src="'
        f'{a.image_path}" alt="{escape(a.title)}"><span class="legende">{escape(a.caption)}'
        f'</span></div><div class="corps-article">{_body(view, a)}</div><div class="mots-cles">'
        f'<span>الكلمات الدلالية:</span> {tags}</div><div class="articles-lies">'
        f"<h3>مقالات ذات صلة</h3><ul>{related}</ul></div></article>"
    )


def _french(view: SiteView, p: Piece) -> Page:
    """A French-edition article page (non-article for an Arabic corpus)."""
    url = view.url(p.path)
    head = f'<link rel="canonical" href="{url}"><meta property="og:locale" content="fr_FR">'
    text = "".join(f"<p>{escape(x)}</p>" for x in p.story.paragraphs)
    main = (
        f'<div class="ariane"><a href="/fr/">Accueil</a> » <a href="/fr/'
        f'{RUBRIQUES[p.story.section[1]]}/">{p.story.section[0]}</a></div><article class="bloc-'
        f'article"><h1 class="titre-article">{escape(p.story.title)}</h1><div class="infos-'
        f'article"><span class="auteur">Par {p.story.person}</span><span class="date-pub">'
        f'{fr_date(p.published)}</span></div><div class="corps-article">{text}</div></article>'
    )
    html = fr_document(view, f"{p.story.title} - {view.spec.site_name}", main, head)
    return html_page(html, view, p.path, "other", "french edition")


class MaghrebBilingual:
    has_modified = True  # "آخر تحديث" on the page, under the site's stated clock

    def article_path(self, a: ZooArticle) -> str:
        return f"{section_path(a.section_slug)}{a.number}-{a.slug}"

    def image_path(self, a: ZooArticle) -> str:
        return f"/medias/images/{a.published:%Y/%m}/{a.number}-une.jpg"

    def aliases(self, a: ZooArticle) -> tuple[str, ...]:
        return (old_path(a),)

    def _article(self, view: SiteView, a: ZooArticle) -> Page:
        rng = page_rng(view, a.path)
        main = f"{_story(view, a)}{chrome.comments(rng, 'reactions')}"
        html = document(view, f"{a.title} - {view.spec.site_name}", main, a.path, _head(view, a))
        return html_page(html, view, a.path, "article")

    def render(self, view: SiteView) -> dict[str, Page]:
        pages: dict[str, Page] = {}
        for a in view.articles:
            pages[a.path] = self._article(view, a)
            pages[old_path(a)] = feeds.redirect(view.url(a.path))
        for p in pieces(view):
            pages[p.path] = _french(view, p)
        return pages | listings(view) | discovery(view)
