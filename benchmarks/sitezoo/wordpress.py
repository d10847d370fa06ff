"""WordPress sites in three themes: what they share (archives, feeds, sitemaps, aliases).

* classic: `/2026/03/15/<slug>/`, core `wp-sitemap.xml` (no lastmod; lists category, tag and
  author archives too), `/feed/` with the ten latest posts in +0100, shortlinks `/?p=N` (301,
  `rel=shortlink`, RSS guid isPermaLink="false"), "بقلم: <site>" rel=author bylines.
* magazine: `/<slug>/`, Yoast `sitemap_index.xml` (lastmod +03:00), JSON-LD on half the posts,
  `/feed/` in GMT, AMP versions `/<slug>/amp/`, a "بتوقيت مكة المكرمة" footer.
* blog: `/archives/N`, no h1 (the logo is the h1 of every page, the title an h2), Maghreb months
  after "نشر في :", the site clock only in the footer, print versions `/archives/N/print/`.
"""

from __future__ import annotations

from html import escape

from benchmarks.sitezoo import chrome, clock, feeds, wp_themes
from benchmarks.sitezoo.common import (
    chunks,
    html_page,
    ld_json,
    news_article_ld,
    page_rng,
    slugify,
    static_pages,
)
from benchmarks.sitezoo.model import Page, SiteView, ZooArticle
from benchmarks.sitezoo.vocab import SECTIONS, TAGS

CLOCKS = {"magazine": "جميع الأوقات بتوقيت مكة المكرمة",
          "blog": "توقيت الموقع: توقيت الجزائر (غرينتش +1)"}  # fmt: skip
PER_PAGE = 10


def category_path(slug: str) -> str:
    return f"/category/{slugify(dict((s, n) for n, s in SECTIONS)[slug])}/"


def tag_path(tag: str) -> str:
    return f"/tag/{slugify(tag)}/"


class WordPress:
    def __init__(self, variant: str) -> None:
        self.variant = variant
        self.has_modified = variant != "classic"  # core sitemaps carry no lastmod

    def article_path(self, a: ZooArticle) -> str:
        if self.variant == "classic":
            return f"/{a.published:%Y/%m/%d}/{a.slug}/"
        return f"/{a.slug}/" if self.variant == "magazine" else f"/archives/{a.number}"

    def aliases(self, a: ZooArticle) -> tuple[str, ...]:
        suffix = {"classic": f"/?p={a.number}", "magazine": f"{a.path}amp/",
                  "blog": f"{a.path}/print/"}  # fmt: skip
        return (suffix[self.variant],)

    def author_path(self, view: SiteView, a: ZooArticle) -> str:
        login = "editor" if a.house_byline else f"u{sum(map(ord, a.person)) % 97}"
        return f"/author/{login}/"

    def _wrap(self, view: SiteView, title: str, main: str, key: str, head: str = "") -> str:
        rng = page_rng(view, key)
        logo = f'<h1 id="logo"><a href="/">{view.spec.site_name}</a></h1>'
        top = logo if self.variant == "blog" else ""
        body = (
            f"{top}{chrome.nav(view, category_path, 'wp')}<div id='content' class='site-content'>"
            f"<main id='main'>{main}</main>{chrome.sidebar(view, lambda a: a.path, 'wp', rng, key)}"
            f"</div>{chrome.tag_cloud(tag_path, 'wp', rng)}"
            f"{chrome.footer(view, category_path, 'wp', CLOCKS.get(self.variant, ''))}"
        )
        return wp_document(view, title, body, head)

    def _article(self, view: SiteView, a: ZooArticle) -> Page:
        hrefs = {"category": category_path(a.section_slug), "author": self.author_path(view, a)}
        hrefs |= {f"tag:{t}": tag_path(t) for t in a.tags}
        render = getattr(wp_themes, self.variant)
        related = {"classic": wp_themes.jetpack_related, "magazine": wp_themes.tagdiv_related,
                   "blog": wp_themes.yarpp_related}[self.variant](view, a)  # fmt: skip
        rng = page_rng(view, a.path)
        main = (
            f"{render(view, a, hrefs)}{chrome.share(view.url(a.path), 'wp')}{related}"
            f"{chrome.comments(rng, 'wp')}"
        )
        return html_page(self._wrap(view, a.title, main, a.path, self._head(view, a)),
                         view, a.path, "article")  # fmt: skip

    def _head(self, view: SiteView, a: ZooArticle) -> str:
        head = f'<link rel="canonical" href="{view.url(a.path)}">'
        if self.variant == "classic":
            head += f"<link rel='shortlink' href='{view.url(f'/?p={a.number}')}'>"
        if self.variant == "magazine":
            head += f'<link rel="amphtml" href="{view.url(a.path)}amp/">'
            head += f'<meta property="og:type" content="article"><meta property="og:title" content="{escape(a.title)}">'  # noqa: E501
            if a.number % 2:
                head += ld_json(news_article_ld(view, a))
        return head + '<link rel="alternate" type="application/rss+xml" href="/feed/">'

    def _alias_page(self, view: SiteView, a: ZooArticle, path: str) -> Page:
        if self.variant == "classic":
            return feeds.redirect(view.url(a.path))
        canonical = f'<link rel="canonical" href="{view.url(a.path)}">'
        body = (
            f"<h1>{escape(a.title)}</h1><p>{clock.msa(a.published)}</p>"
            + "".join(f"<p>{escape(p)}</p>" for p in a.paragraphs)
            + f"<p>رابط المقال: {view.url(a.path)}</p>"
        )
        attrs = ' amp=""' if self.variant == "magazine" else ""
        html = wp_document(view, a.title, body, canonical, attrs)
        return html_page(html, view, path, "alias")

    def _listing(self, view: SiteView, heading: str, items: list[ZooArticle], base: str,
                 reason: str) -> dict[str, Page]:  # fmt: skip
        pages = {}
        pieces = chunks(items, PER_PAGE)
        for number, chunk in enumerate(pieces, start=1):
            path = base if number == 1 else f"{base}page/{number}/"
            posts = "".join(
                f'<article class="post type-post"><h2 class="entry-title"><a href="{a.path}">'
                f'{escape(a.title)}</a></h2><div class="entry-summary">'
                f"<p>{escape(a.paragraphs[0])}"
                f' [&hellip;]</p></div><a class="more-link" href="{a.path}">اقرأ المزيد</a>'
                "</article>"
                for a in chunk
            )
            more = f'<a class="next" href="{base}page/{number + 1}/">الصفحة التالية</a>'
            main = f"<h1 class='page-title'>{heading}</h1>{posts}" + (
                more if number < len(pieces) else ""
            )
            html = self._wrap(view, f"{heading} - {view.spec.site_name}", main, path)
            kind = "listing" if chunk else "other"
            pages[path] = html_page(html, view, path, kind, reason)
        return pages

    def render(self, view: SiteView) -> dict[str, Page]:
        ar = [a for a in view.articles if a.lang == "ar"]
        pages: dict[str, Page] = {}
        for a in ar:
            pages[a.path] = self._article(view, a)
            for alias in a.aliases:
                pages[alias] = self._alias_page(view, a, alias)
        pages |= self._listing(view, view.spec.site_name, ar, "/", "home")
        for name, slug in SECTIONS:
            pages |= self._listing(view, name, view.by_section(slug), category_path(slug),
                                   "category archive")  # fmt: skip
        for tag in TAGS:
            tagged = [a for a in ar if tag in a.tags]
            pages |= self._listing(view, tag, tagged, tag_path(tag), "tag archive")
        for author in {self.author_path(view, a) for a in ar}:
            written = [a for a in ar if self.author_path(view, a) == author]
            pages |= self._listing(view, "مقالات الكاتب", written, author, "author archive")
        pages |= static_pages(view, lambda t, m: self._wrap(view, t, m, t))
        return pages | self._discovery(view, ar)

    def _discovery(self, view: SiteView, ar: list[ZooArticle]) -> dict[str, Page]:
        from benchmarks.sitezoo.wp_discovery import discovery

        return discovery(self.variant, view, ar, self)


def wp_document(view: SiteView, title: str, body: str, head: str = "", attrs: str = "") -> str:
    full = f"{title} - {view.spec.site_name}" if title != view.spec.site_name else title
    return (
        f'<!DOCTYPE html><html lang="ar" dir="rtl"{attrs}><head><meta charset="UTF-8">'
        f"<title>{escape(full)}</title><!--PAD-->{head}"
        "<link rel='stylesheet' href='/wp-content/themes/theme/style.css'></head>"
        f'<body class="rtl single">{body}</body></html>'
    )
