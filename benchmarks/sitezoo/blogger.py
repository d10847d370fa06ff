"""A Blogger blog: `/2026/03/blog-post_N.html`, the title in an h3 under the blog's h1, the body
as `<br>`-separated text, "نشر بواسطة" bylines that often name the blog, `?m=1` mobile copies,
labels instead of sections, an Atom feed and Blogger's sitemap."""

from __future__ import annotations

from html import escape

from benchmarks.sitezoo import chrome, clock, feeds
from benchmarks.sitezoo.common import chunks, document, html_page, page_rng, static_pages
from benchmarks.sitezoo.model import Page, SiteView, ZooArticle
from benchmarks.sitezoo.vocab import SECTIONS

PER_PAGE = 7


def _label(name: str) -> str:
    return f"/search/label/{name}"


def _label_of_slug(slug: str) -> str:
    return _label(dict((s, n) for n, s in SECTIONS)[slug])


def _hour(a: ZooArticle) -> str:
    marker = "م" if a.published.hour >= 12 else "ص"
    return f"{a.published:%I:%M} {marker}"


class Blogger:
    has_modified = True
    has_section = False
    captions = False

    def article_path(self, a: ZooArticle) -> str:
        return f"/{a.published:%Y/%m}/blog-post_{a.number}.html"

    def aliases(self, a: ZooArticle) -> tuple[str, ...]:
        return (f"{a.path}?m=1",)

    def _wrap(self, view: SiteView, title: str, main: str, key: str, head: str = "") -> str:
        rng = page_rng(view, key)
        body = (
            f"<div class='header-outer'><h1 class='title'><a href='/'>{view.spec.site_name}</a>"
            f"</h1></div>{chrome.nav(view, _label_of_slug, 'tabs')}<div class='main-outer'>"
            f"<div class='main-inner'>{main}</div><div class='sidebar'>"
            f"{chrome.sidebar(view, lambda a: a.path, 'widget', rng, key)}</div></div>"
            f"{chrome.tag_cloud(_label, 'Label', rng)}{chrome.footer(view, _label_of_slug, 'ft')}"
        )
        return document(view, title, body, head=head)

    def _post(self, view: SiteView, a: ZooArticle, *, summary: bool = False) -> str:
        author = view.spec.site_name if a.house_byline else a.person
        labels = "".join(f'<a href="{_label(t)}" rel="tag">{t}</a>، ' for t in a.tags)
        text = "<br /><br />".join(escape(p) for p in a.paragraphs[: 1 if summary else None])
        jump = f'<a class="jump-link" href="{a.path}#more">اقرأ المزيد »</a>' if summary else ""
        image = (
            '<div class="separator" style="clear: both; text-align: center;">'
            f'<a href="{a.image_path}" '
            f'imageanchor="1"><img border="0" src="{a.image_path}" /></a></div>'
        )
        return (
            f'<h2 class="date-header"><span>{clock.msa(a.published, time=False)}</span></h2>'
            f'<div class="post hentry" itemprop="blogPost" itemscope '
            'itemtype="http://schema.org/BlogPosting">'
            f'<h3 class="post-title entry-title" itemprop="name"><a href="{a.path}">'
            f"{escape(a.title)}</a></h3>"
            f'<div class="post-body entry-content" id="post-body-{a.number}" '
            f'itemprop="description articleBody"><div dir="rtl" trbidi="on">{image}{text}</div>'
            f'</div>{jump}<div class="post-footer"><span class="post-author vcard">نشر بواسطة '
            '<span class="fn" itemprop="author"><a class="g-profile" '
            f'href="https://www.blogger.com/profile/{sum(map(ord, author))}" rel="author">'
            f'<span itemprop="name">{author}</span></a>'
            f'</span></span> <span class="post-timestamp">في <a class="timestamp-link" '
            f'href="{a.path}" rel="bookmark"><abbr class="published" itemprop="datePublished" '
            f'title="{clock.iso(a.published)}">{_hour(a)}</abbr></a></span>'
            f'<div class="post-labels">التصنيفات: {labels}</div></div></div>'
        )

    def _article(self, view: SiteView, a: ZooArticle, key: str, kind: str) -> Page:
        head = f"<link rel='canonical' href='{view.url(a.path)}'/>"
        head += f"<meta content='{escape(a.title)}' property='og:title'/>"
        head += f"<meta content='{view.url(a.image_path)}' property='og:image'/>"
        head += "<link rel='alternate' type='application/atom+xml' href='/feeds/posts/default'/>"
        main = self._post(view, a) + chrome.share(view.url(a.path), "share")
        main += chrome.comments(page_rng(view, key), "comments")
        html = self._wrap(view, f"{view.spec.site_name}: {a.title}", main, key, head)
        return html_page(html, view, key, kind)

    def _listing(self, view: SiteView, heading: str, items: list[ZooArticle], base: str,
                 reason: str) -> dict[str, Page]:  # fmt: skip
        pages, pieces = {}, chunks(items, PER_PAGE)
        for number, chunk in enumerate(pieces):
            path = (
                base if number == 0 else f"{base}?max-results={PER_PAGE}&start={number * PER_PAGE}"
            )
            posts = "".join(self._post(view, a, summary=True) for a in chunk)
            older = (
                f'<a class="blog-pager-older-link" href="{base}?max-results={PER_PAGE}&start='
                f'{(number + 1) * PER_PAGE}">رسائل أقدم</a>'
            )
            main = f"<h2>{heading}</h2>{posts}" + (older if number + 1 < len(pieces) else "")
            html = self._wrap(view, f"{view.spec.site_name}: {heading}", main, path)
            pages[path] = html_page(html, view, path, "listing" if chunk else "other", reason)
        return pages

    def render(self, view: SiteView) -> dict[str, Page]:
        ar = [a for a in view.articles if a.lang == "ar"]
        pages: dict[str, Page] = {}
        for a in ar:
            pages[a.path] = self._article(view, a, a.path, "article")
            pages[a.aliases[0]] = self._article(view, a, a.aliases[0], "alias")
        pages |= self._listing(view, view.spec.site_name, ar, "/", "home")
        labels = sorted({t for a in ar for t in a.tags})
        for name in labels:
            tagged = [a for a in ar if name in a.tags]
            pages |= self._listing(view, name, tagged, _label(name), "label search")
        pages |= static_pages(view, lambda t, m: self._wrap(view, t, m, t))
        items = [
            feeds.FeedItem(title=a.title, link=view.url(a.path), published=a.published,
                           guid=f"tag:blogger.com,1999:blog-1.post-{a.number}",
                           description=chrome.teaser(a, 30), category=a.tags[0])
            for a in ar[:25]
        ]  # fmt: skip
        pages["/feeds/posts/default"] = feeds.atom(view.spec.site_name, view.base, items, "admin")
        sitemap = feeds.urlset([(view.url(a.path), a.lastmod) for a in ar])
        pages["/sitemap.xml"] = sitemap
        return pages | {"/robots.txt": feeds.robots(view.base, ["/sitemap.xml"], ["/search"])}
