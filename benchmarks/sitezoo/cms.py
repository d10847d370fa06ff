"""Drupal and Joomla sites.

* Drupal: pathauto `/content/<slug>` with `/node/N` serving the same page (canonical points to
  the alias), taxonomy term listings with teasers, a "مواضيع ذات صلة" views block, naive
  Levantine dates, simple_sitemap lastmod with the Beirut offset, `article:published_time` on a
  third of the pages.
* Joomla: `/index.php/<category>/<id>-<date alias>`, the non-SEF `index.php?option=com_content`
  form and a print view as aliases, category blogs with full intro paragraphs, "كتب بواسطة:"
  bylines (often the site itself), per-category RSS with +0300 pubDates, no sitemap, the
  headline in an h2.
"""

from __future__ import annotations

from html import escape

from benchmarks.sitezoo import chrome, clock, feeds
from benchmarks.sitezoo.common import (
    chunks,
    document,
    html_page,
    inline_related,
    page_rng,
    paragraphs_html,
    section_name,
    static_pages,
)
from benchmarks.sitezoo.model import Page, SiteView, ZooArticle
from benchmarks.sitezoo.vocab import SECTIONS, TAGS

SECTION_IDS = {slug: i + 1 for i, (_, slug) in enumerate(SECTIONS)}


def _term(slug: str) -> str:
    return f"/taxonomy/term/{SECTION_IDS[slug]}"


def _tag_term(tag: str) -> str:
    return f"/taxonomy/term/{100 + TAGS.index(tag)}"


class Drupal:
    has_modified = True

    def article_path(self, a: ZooArticle) -> str:
        return f"/content/{a.slug}"

    def aliases(self, a: ZooArticle) -> tuple[str, ...]:
        return (f"/node/{a.number}",)

    def _wrap(self, view: SiteView, title: str, main: str, key: str, head: str = "") -> str:
        rng = page_rng(view, key)
        body = (
            f"{chrome.nav(view, _term, 'region')}<div class='layout-container'><main role='main'>"
            f"{main}</main>{chrome.sidebar(view, lambda a: a.path, 'block', rng, key)}</div>"
            f"{chrome.tag_cloud(_tag_term, 'block', rng)}{chrome.footer(view, _term, 'region')}"
        )
        return document(view, f"{title} | {view.spec.site_name}", body, head=head)

    def _related(self, a: ZooArticle) -> str:
        rows = "".join(
            f'<div class="views-row"><div class="views-field-field-image"><a href="{r.path}">'
            f'<img src="/sites/default/files/styles/thumb/{abs(len(r.path))}.jpg"></a></div>'
            f'<div class="views-field-title"><span class="field-content"><a href="{r.path}" '
            f'hreflang="ar">{escape(r.title)}</a></span></div></div>'
            for r in a.related
            if r.position == "end"
        )
        return (
            '<div class="views-element-container block-views-block-related"><h2>مواضيع ذات صلة'
            f'</h2><div class="view-content">{rows}</div></div>'
        )

    def _article(self, view: SiteView, a: ZooArticle, key: str, kind: str) -> Page:
        head = f'<link rel="canonical" href="{view.url(a.path)}">'
        head += f'<link rel="shortlink" href="{view.url(a.aliases[0])}">'
        head += f'<meta property="og:image" content="{view.url(a.image_path)}">'
        if a.number % 3 == 0:
            head += f'<meta property="article:published_time" content="{clock.iso(a.published)}">'
        tags = "".join(
            f'<div class="field__item"><a href="{_tag_term(t)}" hreflang="ar">{t}</a></div>'
            for t in a.tags
        )
        inline = inline_related(a, lambda p: p, "inline-related")
        main = (
            f'<nav class="breadcrumb"><a href="/">الرئيسية</a> › <a href="{_term(a.section_slug)}">'
            f"{a.section}</a></nav>"
            f'<article role="article" class="node node--type-article node--view-mode-full">'
            f'<h1 class="page-title"><span class="field--name-title">{escape(a.title)}</span></h1>'
            f'<div class="node__meta">بواسطة <span class="field--name-uid"><a rel="author" '
            f'href="/user/{sum(map(ord, a.person)) % 500}">{a.person}</a></span> '
            f'<span class="field--name-created">{clock.levant(a.published)}</span></div>'
            f'<div class="field--name-field-image"><img src="{a.image_path}">'
            f'<div class="field--name-field-caption">{escape(a.caption)}</div></div>'
            f'<div class="text-formatted field--name-body">{paragraphs_html(a, inline)}</div>'
            f'<div class="field--name-field-section"><a href="{_term(a.section_slug)}">'
            f"{a.section}</a></div>"
            '<div class="field--name-field-tags"><div class="field__label">الوسوم</div>'
            f"{tags}</div>"
            f"</article>{chrome.share(view.url(a.path), 'node')}{self._related(a)}"
            f"{chrome.comments(page_rng(view, key), 'comment')}"
        )
        return html_page(self._wrap(view, a.title, main, key, head), view, key, kind)

    def _listing(self, view: SiteView, heading: str, items: list[ZooArticle], base: str,
                 reason: str) -> dict[str, Page]:  # fmt: skip
        pages, pieces = {}, chunks(items, 10)
        for number, chunk in enumerate(pieces):
            path = base if number == 0 else f"{base}?page={number}"
            rows = "".join(
                f'<div class="views-row"><h3><a href="{a.path}">{escape(a.title)}</a></h3>'
                f"<p>{escape(chrome.teaser(a, 25))}</p></div>"
                for a in chunk
            )
            pager = f'<a href="{base}?page={number + 1}" rel="next">التالي ›</a>'
            main = f"<h1>{heading}</h1>{rows}" + (pager if number + 1 < len(pieces) else "")
            html = self._wrap(view, heading, main, path)
            pages[path] = html_page(html, view, path, "listing" if chunk else "other", reason)
        return pages

    def render(self, view: SiteView) -> dict[str, Page]:
        ar = [a for a in view.articles if a.lang == "ar"]
        pages: dict[str, Page] = {}
        for a in ar:
            pages[a.path] = self._article(view, a, a.path, "article")
            pages[a.aliases[0]] = self._article(view, a, a.aliases[0], "alias")
        pages |= self._listing(view, "الرئيسية", ar, "/", "home")
        for _, slug in SECTIONS:
            items = view.by_section(slug)
            pages |= self._listing(view, section_name(slug), items, _term(slug), "taxonomy term")
        for tag in TAGS:
            items = [a for a in ar if tag in a.tags]
            pages |= self._listing(view, tag, items, _tag_term(tag), "tag term")
        pages |= static_pages(view, lambda t, m: self._wrap(view, t, m, t))
        entries = [(view.url(a.path), a.lastmod) for a in ar]
        pages["/sitemap.xml"] = feeds.urlset(entries)
        pages["/robots.txt"] = feeds.robots(view.base, ["/sitemap.xml"], ["/admin/", "/user/"])
        return pages


JOOMLA_FEED = 10


class Joomla:
    captions = False
    has_tags = False

    def _alias(self, a: ZooArticle) -> str:
        return f"{a.number}-{a.published:%Y-%m-%d-%H-%M-%S}"

    def article_path(self, a: ZooArticle) -> str:
        return f"/index.php/{a.section_slug}/{self._alias(a)}"

    def aliases(self, a: ZooArticle) -> tuple[str, ...]:
        cat = SECTION_IDS[a.section_slug]
        non_sef = (
            f"/index.php?option=com_content&view=article&id={self._alias(a).replace('-', ':', 1)}"
            f"&catid={cat}&Itemid={100 + cat}"
        )
        return non_sef, f"{a.path}?tmpl=component&print=1&layout=default"

    def _wrap(self, view: SiteView, title: str, main: str, key: str, head: str = "") -> str:
        from benchmarks.sitezoo.joomla_parts import wrap

        return wrap(view, title, main, key, head)

    def render(self, view: SiteView) -> dict[str, Page]:
        from benchmarks.sitezoo.joomla_parts import render

        return render(self, view)
