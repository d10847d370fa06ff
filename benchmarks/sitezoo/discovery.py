"""Sites that differ by how articles are found: one discovery route each.

* feed_only: the home and section pages are JavaScript shells without article links; the only
  route is `/rss.xml` (linked from the head), whose pubDate (+0100) is also the only clock;
  pages print a date without a time, or "أمس" alone.
* news_sitemap_only: robots.txt names one Google News sitemap; the home page is a live-video
  page; pages print naive "2026-03-15 14:20".
* sections_only: no sitemap, no feed; home, sections and their pagination; the footer's
  "GMT+3" is the only clock.
* multilingual: `/ar/` and `/en/` editions in one sitemap; JSON-LD with +04:00; the English
  pages are not part of an Arabic corpus.
"""

from __future__ import annotations

from html import escape

from benchmarks.sitezoo import chrome, clock, feeds
from benchmarks.sitezoo.common import (
    chunks,
    document,
    html_page,
    inline_related,
    ld_json,
    news_article_ld,
    page_rng,
    paragraphs_html,
    section_name,
    slugify,
    static_pages,
)
from benchmarks.sitezoo.model import Page, SiteView, ZooArticle
from benchmarks.sitezoo.vocab import SECTIONS, TAGS


class Simple:
    """A plain HTML5 news site; subclasses choose URLs, the date line and discovery."""

    css = "site"
    clock_line = ""
    shells = False

    def section_path(self, slug: str) -> str:
        return f"/section/{slug}"

    def date_line(self, view: SiteView, a: ZooArticle) -> str:
        return clock.msa(a.published)

    def head(self, view: SiteView, a: ZooArticle) -> str:
        return f'<link rel="canonical" href="{view.url(a.path)}">'

    def wrap(self, view: SiteView, title: str, main: str, key: str, head: str = "",
             lang: str = "ar", boxes: bool = True) -> str:  # fmt: skip
        """A full page; `boxes=False` leaves out the boxes linking to articles (JS shells)."""
        rng = page_rng(view, key)
        side = chrome.sidebar(view, lambda a: a.path, self.css, rng, key) if boxes else ""
        body = (
            f"{chrome.nav(view, self.section_path, self.css)}<div class='wrap'><main>{main}</main>"
            f"{side}</div>"
            f"{chrome.tag_cloud(lambda t: '/tag/' + slugify(t), self.css, rng)}"
            f"{chrome.footer(view, self.section_path, self.css, self.clock_line)}"
        )
        return document(view, f"{title} | {view.spec.site_name}", body, head=head, lang=lang)

    def related_end(self, view: SiteView, a: ZooArticle) -> str:
        items = []
        for r in (r for r in a.related if r.position == "end"):
            t = next(b for b in view.everything if b.path == r.path)
            items.append(
                f'<li><a class="thumb" href="{r.path}"><img src="{t.image_path}?s=small"></a>'
                f'<h4><a href="{r.path}">{escape(r.title)}</a></h4>'
                f"<p>{escape(chrome.teaser(t, 18))}</p></li>"
            )
        return (
            f'<section class="related-posts"><h3>اقرأ أيضا</h3><ul>{"".join(items)}</ul></section>'
        )

    def article(self, view: SiteView, a: ZooArticle, key: str, kind: str = "article") -> Page:
        inline = inline_related(a, lambda p: p, "inline-read-also")
        main = (
            f'<div class="breadcrumb"><a href="/">الرئيسية</a> › '
            f'<a href="{self.section_path(a.section_slug)}">{a.section}</a></div>'
            f'<article class="story"><h1 class="story-title">{escape(a.title)}</h1>'
            f'<div class="story-meta"><span class="author">{a.person}</span> '
            f'<span class="date">{self.date_line(view, a)}</span></div>'
            f'<figure><img src="{a.image_path}"><figcaption>{escape(a.caption)}</figcaption>'
            "</figure>"
            f'<div class="story-body">{paragraphs_html(a, inline, 3)}</div>'
            f'<div class="story-tags"><span>الكلمات المفتاحية:</span> '
            f"{' '.join(f'<a href=/tag/{slugify(t)}>{t}</a>' for t in a.tags)}"
            f"</div></article>{chrome.share(view.url(a.path), self.css)}{self.related_end(view, a)}"
            f"{chrome.comments(page_rng(view, key), self.css)}"
        )
        lang = a.lang
        html = self.wrap(view, a.title, main, key, self.head(view, a), lang)
        return html_page(html, view, key, kind if lang == "ar" else "other",
                         "" if lang == "ar" else "english edition")  # fmt: skip

    def listing(self, view: SiteView, heading: str, items: list[ZooArticle], base: str,
                reason: str, per_page: int = 10) -> dict[str, Page]:  # fmt: skip
        pages, pieces = {}, chunks(items, per_page)
        for number, chunk in enumerate(pieces):
            path = base if number == 0 else f"{base}?page={number + 1}"
            cards = "".join(
                f'<div class="card"><h3><a href="{a.path}">{escape(a.title)}</a></h3>'
                f"<p>{escape(chrome.teaser(a))}</p></div>"
                for a in chunk
            )
            numbers = " ".join(
                f'<a href="{base}?page={i + 1}">{i + 1}</a>' for i in range(len(pieces))
            )
            nxt = (
                f'<a href="{base}?page={number + 2}">الصفحة التالية</a>'
                if number + 1 < len(pieces)
                else ""
            )
            html = self.wrap(
                view,
                heading,
                f"<h1>{heading}</h1>{cards}<div class='pager'>{numbers} {nxt}</div>",
                path,
            )
            pages[path] = html_page(html, view, path, "listing" if chunk else "other", reason)
        return pages

    def shell(self, view: SiteView, heading: str, path: str, head: str = "") -> Page:
        main = f"<h1>{heading}</h1><div id='app' data-src='/api/latest'></div>"
        html = self.wrap(view, heading, main, path, head, boxes=False)
        return html_page(html, view, path, "other", "js shell")

    def tag_pages(self, view: SiteView) -> dict[str, Page]:
        """Tag pages (the tag cloud links to them): listings, or shells on JS-only sites."""
        pages = {}
        for tag in TAGS:
            path = f"/tag/{slugify(tag)}"
            if self.shells:
                pages[path] = self.shell(view, tag, path)
            else:
                items = [a for a in view.articles if tag in a.tags and a.lang == "ar"]
                pages |= self.listing(view, tag, items, path, "tag")
        return pages

    def articles(self, view: SiteView) -> dict[str, Page]:
        pages = {a.path: self.article(view, a, a.path) for a in view.articles}
        pages |= self.tag_pages(view)
        return pages | static_pages(
            view, lambda t, m: self.wrap(view, t, m, t, boxes=not self.shells)
        )


class FeedOnly(Simple):
    css = "cn"
    shells = True

    def article_path(self, a: ZooArticle) -> str:
        return f"/{a.section_slug}/{a.number}.html"

    def aliases(self, a: ZooArticle) -> tuple[str, ...]:
        return ()

    def date_line(self, view: SiteView, a: ZooArticle) -> str:
        return clock.or_yesterday(a.published, view.now, f"{a.published:%d/%m/%Y}")

    def render(self, view: SiteView) -> dict[str, Page]:
        feed_link = '<link rel="alternate" type="application/rss+xml" href="/rss.xml">'
        pages = self.articles(view) | {"/": self.shell(view, "الرئيسية", "/", feed_link)}
        for name, slug in SECTIONS:
            pages[self.section_path(slug)] = self.shell(view, name, self.section_path(slug))
        items = [
            feeds.FeedItem(title=a.title, link=view.url(a.path), published=a.published,
                           description=chrome.teaser(a, 30), category=a.section,
                           image=view.url(a.image_path))
            for a in view.articles
        ]  # fmt: skip
        pages["/rss.xml"] = feeds.rss(view.spec.site_name, view.base, items)
        return pages | {"/robots.txt": feeds.robots(view.base)}


class NewsSitemapOnly(Simple):
    css = "wr"
    shells = True

    def article_path(self, a: ZooArticle) -> str:
        return f"/akhbar/{a.published:%Y/%m/%d}/{a.number}"

    def aliases(self, a: ZooArticle) -> tuple[str, ...]:
        return ()

    def date_line(self, view: SiteView, a: ZooArticle) -> str:
        return clock.naive_iso(a.published)

    def render(self, view: SiteView) -> dict[str, Page]:
        pages = self.articles(view) | {"/": self.shell(view, "البث المباشر", "/")}
        entries = [(view.url(a.path), a.title, a.published, a.tags) for a in view.articles]
        pages["/news-sitemap.xml"] = feeds.news_urlset(entries, view.spec.site_name)
        return pages | {"/robots.txt": feeds.robots(view.base, ["/news-sitemap.xml"])}


class SectionsOnly(Simple):
    css = "pg"
    clock_line = "جميع الأوقات المذكورة في الموقع بتوقيت GMT+3"

    def section_path(self, slug: str) -> str:
        return f"/{slugify(section_name(slug))}/"

    def article_path(self, a: ZooArticle) -> str:
        return f"{self.section_path(a.section_slug)}{a.slug}"

    def aliases(self, a: ZooArticle) -> tuple[str, ...]:
        return ()

    def date_line(self, view: SiteView, a: ZooArticle) -> str:
        return f"نشر في : {clock.spaced(a.published)} | {a.published:%H:%M}"

    def render(self, view: SiteView) -> dict[str, Page]:
        pages = self.articles(view) | self.listing(
            view, "الرئيسية", view.articles[:10], "/", "home"
        )
        for name, slug in SECTIONS:
            pages |= self.listing(
                view, name, view.by_section(slug), self.section_path(slug), "section", 6
            )
        return pages | {"/robots.txt": feeds.robots(view.base)}


class Multilingual(Simple):
    has_modified = True
    css = "ml"

    def section_path(self, slug: str) -> str:
        return f"/ar/section/{slug}"

    def article_path(self, a: ZooArticle) -> str:
        return f"/{a.lang}/news/{a.number}"

    def aliases(self, a: ZooArticle) -> tuple[str, ...]:
        return ()

    def head(self, view: SiteView, a: ZooArticle) -> str:
        ld = ld_json(news_article_ld(view, a)) if a.lang == "ar" else ""
        other = "en" if a.lang == "ar" else "ar"
        return (
            f'<link rel="canonical" href="{view.url(a.path)}">'
            f'<link rel="alternate" hreflang="{other}" href="{view.url("/" + other + "/")}">{ld}'
        )

    def render(self, view: SiteView) -> dict[str, Page]:
        ar = [a for a in view.articles if a.lang == "ar"]
        en = [a for a in view.articles if a.lang == "en"]
        pages = self.articles(view) | self.listing(view, "الرئيسية", ar[:10], "/ar/", "home")
        pages |= self.listing(view, "Home", en, "/en/", "english edition")
        pages["/"] = feeds.redirect(view.url("/ar/"))
        for name, slug in SECTIONS:
            pages |= self.listing(
                view, name, view.by_section(slug), self.section_path(slug), "section"
            )
        alternates = {"ar": view.url("/ar/"), "en": view.url("/en/")}
        entries = [(view.url(a.path), a.lastmod, alternates) for a in view.articles]
        pages["/sitemap.xml"] = feeds.hreflang_urlset(entries)
        return pages | {"/robots.txt": feeds.robots(view.base, ["/sitemap.xml"])}
