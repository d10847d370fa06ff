"""Joomla pages: item view, category blogs, print view, per-category feeds."""

from __future__ import annotations

from html import escape
from typing import Any

from benchmarks.sitezoo import chrome, clock, feeds
from benchmarks.sitezoo.common import (
    chunks,
    document,
    html_page,
    page_rng,
    section_name,
    static_pages,
)
from benchmarks.sitezoo.model import Page, SiteView, ZooArticle
from benchmarks.sitezoo.vocab import SECTIONS

PER_PAGE = 8


def _cat(slug: str) -> str:
    return f"/index.php/{slug}"


def _feed_link(path: str) -> str:
    return (
        f'<link href="{path}?format=feed&amp;type=rss" rel="alternate" '
        'type="application/rss+xml" title="RSS 2.0">'
    )


def wrap(view: SiteView, title: str, main: str, key: str, head: str = "") -> str:
    rng = page_rng(view, key)
    body = (
        f"{chrome.nav(view, _cat, 'navbar')}<div class='container'><div class='row-fluid'>"
        f"<main id='content' class='span9'>{main}</main><div id='aside' class='span3'>"
        f"{chrome.sidebar(view, lambda a: a.path, 'moduletable', rng, key)}</div></div></div>"
        f"{chrome.tag_cloud(lambda t: '/index.php/tags', 'moduletable', rng)}"
        f"{chrome.footer(view, _cat, 'footer')}"
    )
    return document(view, f"{title} - {view.spec.site_name}", body, head=head)


def _related(a: ZooArticle) -> str:
    items = "".join(
        f'<li><a href="{r.path}">{escape(r.title)}</a></li>' for r in a.related
    )  # mod_related_items prints titles only
    heading = "<h3>مقالات ذات صلة</h3>"
    return f'<div class="moduletable">{heading}<ul class="relateditems">{items}</ul></div>'


def _item(view: SiteView, a: ZooArticle, *, printing: bool = False) -> str:
    byline = view.spec.site_name if a.house_byline else a.person
    paragraphs = "".join(f"<p>{escape(p)}</p>" for p in a.paragraphs)
    icons = (
        ""
        if printing
        else f'<ul class="actions"><li class="print-icon"><a href="{a.aliases[1]}" rel="nofollow">'
        'طباعة</a></li><li class="email-icon"><a href="/index.php/component/mailto">البريد</a>'
        "</li></ul>"
    )
    return (
        '<div class="item-page" itemscope itemtype="https://schema.org/Article">'
        f'<div class="page-header"><h2 itemprop="headline">{escape(a.title)}</h2></div>{icons}'
        '<dl class="article-info muted"><dt class="article-info-term">التفاصيل</dt>'
        f'<dd class="createdby" itemprop="author">كتب بواسطة: <span itemprop="name">{byline}'
        f'</span></dd><dd class="category-name">القسم: <a href="{_cat(a.section_slug)}" '
        f'itemprop="genre">{a.section}</a></dd><dd class="published">'
        '<time itemprop="datePublished">'
        f"نشر في : {clock.dual(a.published)}</time></dd><dd class='hits'>الزيارات: "
        f"{a.number * 7 % 900 + 12}</dd></dl>"
        f'<div class="pull-left item-image"><img src="{a.image_path}" itemprop="image"></div>'
        f'<div itemprop="articleBody">{paragraphs}</div></div>'
    )


def _article(view: SiteView, a: ZooArticle, key: str, kind: str) -> Page:
    head = f'<link rel="canonical" href="{view.url(a.path)}">'
    rng = page_rng(view, key)
    main = (
        f"{_item(view, a)}{chrome.share(view.url(a.path), 'social')}{_related(a)}"
        f"{chrome.comments(rng, 'jcomments')}"
    )
    return html_page(wrap(view, a.title, main, key, head), view, key, kind)


def _print(view: SiteView, a: ZooArticle, key: str) -> Page:
    head = f'<link rel="canonical" href="{view.url(a.path)}"><meta name="robots" content="noindex">'
    html = document(view, a.title, _item(view, a, printing=True), head=head)
    html = html.replace("</body>", "<script>window.print();</script></body>")
    return html_page(html, view, key, "alias")


def _blog(view: SiteView, heading: str, items: list[ZooArticle], base: str,
          reason: str) -> dict[str, Page]:  # fmt: skip
    pages, pieces = {}, chunks(items, PER_PAGE)
    for number, chunk in enumerate(pieces):
        path = base if number == 0 else f"{base}?start={number * PER_PAGE}"
        posts = "".join(
            f'<div class="item"><div class="page-header"><h2><a href="{a.path}">{escape(a.title)}'
            f"</a></h2></div><dd class='published'>نشر في : {clock.dual(a.published)}</dd>"
            f"<p>{escape(a.paragraphs[0])}</p><p>{escape(a.paragraphs[1])}</p>"
            f'<p class="readmore"><a class="btn" href="{a.path}">اقرأ المزيد: {escape(a.title)}</a>'
            "</p></div>"
            for a in chunk
        )
        pager = f'<a href="{base}?start={(number + 1) * PER_PAGE}" title="التالي">التالي</a>'
        main = f'<div class="blog"><h1>{heading}</h1>{posts}' + (
            pager if number + 1 < len(pieces) else ""
        )
        html = wrap(view, heading, main + "</div>", path, _feed_link(base))
        pages[path] = html_page(html, view, path, "listing" if chunk else "other", reason)
    return pages


def _feed(view: SiteView, items: list[ZooArticle]) -> Page:
    return feeds.rss(view.spec.site_name, view.base, [
        feeds.FeedItem(title=a.title, link=view.url(a.path), published=a.published,
                       description=a.paragraphs[0], category=a.section)
        for a in items[:10]
    ])  # fmt: skip


def render(joomla: Any, view: SiteView) -> dict[str, Page]:
    ar = [a for a in view.articles if a.lang == "ar"]
    pages: dict[str, Page] = {}
    for a in ar:
        pages[a.path] = _article(view, a, a.path, "article")
        pages[a.aliases[0]] = _article(view, a, a.aliases[0], "alias")
        pages[a.aliases[1]] = _print(view, a, a.aliases[1])
    pages |= _blog(view, "الرئيسية", ar, "/", "home (featured blog)")
    pages["/?format=feed&type=rss"] = _feed(view, ar)
    for _, slug in SECTIONS:
        items = view.by_section(slug)
        pages |= _blog(view, section_name(slug), items, _cat(slug), "category blog")
        pages[f"{_cat(slug)}?format=feed&type=rss"] = _feed(view, items)
    pages |= static_pages(view, lambda t, m: wrap(view, t, m, t))
    robots = feeds.robots(view.base, (), ["/administrator/", "/cache/", "/tmp/"])
    return pages | {"/robots.txt": robots}
