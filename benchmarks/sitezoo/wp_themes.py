"""The article markup of the three WordPress themes (classic, magazine, blog)."""

from __future__ import annotations

from html import escape

from benchmarks.sitezoo import clock
from benchmarks.sitezoo.chrome import teaser
from benchmarks.sitezoo.model import RelatedTruth, SiteView, ZooArticle


def _byline(view: SiteView, a: ZooArticle, author_href: str, label: str) -> str:
    name = view.spec.site_name if a.house_byline else a.person
    return f'<span class="byline">{label} <a rel="author" href="{author_href}">{name}</a></span>'


def _target(view: SiteView, r: RelatedTruth) -> ZooArticle:
    return next(a for a in view.everything if a.path == r.path)


def jetpack_related(view: SiteView, a: ZooArticle) -> str:
    """Jetpack-style end list: thumbnail link, h4 title link to the same URL, an excerpt."""
    items = []
    for r in (r for r in a.related if r.position == "end"):
        t = _target(view, r)
        items.append(
            f'<div class="jp-relatedposts-post"><a class="jp-relatedposts-post-a" href="{r.path}">'
            f'<img class="jp-relatedposts-post-img" src="{t.image_path}?w=350" '
            f'alt="{escape(r.title)}">'
            f'</a><h4 class="jp-relatedposts-post-title"><a href="{r.path}">{escape(r.title)}</a>'
            f'</h4><p class="jp-relatedposts-post-excerpt">{escape(teaser(t, 20))}</p>'
            f'<p class="jp-relatedposts-post-date">{clock.msa(t.published, time=False)}</p>'
            f'<p class="jp-relatedposts-post-context">في "{t.section}"</p></div>'
        )
    return (
        '<div id="jp-relatedposts" class="jp-relatedposts"><h3 class="jp-relatedposts-headline">'
        f'<em>اقرأ أيضا</em></h3><div class="jp-relatedposts-items">{"".join(items)}</div></div>'
    )


def tagdiv_related(view: SiteView, a: ZooArticle) -> str:
    """tagDiv-style "مقالات ذات صلة": image link and h3 title link per item, no excerpt."""
    items = "".join(
        f'<div class="td_module_related_posts"><div class="td-module-image">'
        f'<a href="{r.path}" rel="bookmark" class="td-image-wrap" title="{escape(r.title)}">'
        f'<img class="entry-thumb" src="{_target(view, r).image_path}?w=218"></a></div>'
        f'<div class="item-details"><h3 class="entry-title td-module-title">'
        f'<a href="{r.path}" rel="bookmark" title="{escape(r.title)}">{escape(r.title)}</a></h3>'
        "</div></div>"
        for r in a.related
        if r.position == "end"
    )
    return (
        '<div class="td_block_related_posts"><h4 class="td-related-title">'
        '<a class="td-related-left" href="#">مقالات ذات صلة</a>'
        '<a class="td-related-right" href="#">المزيد من الكاتب</a></h4>'
        f'<div class="td_block_inner">{items}</div></div>'
    )


def yarpp_related(view: SiteView, a: ZooArticle) -> str:
    """YARPP thumbnails: one link per item holding the image and the title."""
    items = "".join(
        f'<a class="yarpp-thumbnail" rel="norewrite" href="{r.path}" title="{escape(r.title)}">'
        f'<img width="120" height="120" src="{_target(view, r).image_path}?w=120">'
        f'<span class="yarpp-thumbnail-title">{escape(r.title)}</span></a>'
        for r in a.related
        if r.position == "end"
    )
    return (
        '<div class="yarpp-related"><h3>اقرأ أيضا</h3>'
        f'<div class="yarpp-thumbnails-horizontal">{items}</div></div>'
    )


def inline_paragraph(a: ZooArticle) -> str:
    """The editor-typed inline read-also: a paragraph holding the label and one link."""
    return "".join(
        f'<p><strong>اقرأ أيضا:</strong> <a href="{r.path}">{escape(r.title)}</a></p>'
        for r in a.related
        if r.position == "inline"
    )


def body(a: ZooArticle, inline: str, at: int = 2) -> str:
    parts = [f"<p>{escape(p)}</p>" for p in a.paragraphs]
    if inline:
        parts.insert(min(at, len(parts) - 1), inline)
    return "".join(parts)


def classic(view: SiteView, a: ZooArticle, hrefs: dict[str, str]) -> str:
    tags = "".join(f'<a rel="tag" href="{hrefs["tag:" + t]}">{t}</a>' for t in a.tags)
    return (
        f'<article id="post-{a.number}" class="post-{a.number} post type-post">'
        f'<header class="entry-header"><h1 class="entry-title">{escape(a.title)}</h1>'
        f'<div class="entry-meta"><span class="posted-on">{clock.msa(a.published)}</span> '
        f"{_byline(view, a, hrefs['author'], 'بقلم:')}</div></header>"
        f'<figure class="wp-caption"><img class="wp-post-image" src="{a.image_path}">'
        f'<figcaption class="wp-caption-text">{escape(a.caption)}</figcaption></figure>'
        f'<div class="entry-content">{body(a, inline_paragraph(a))}</div>'
        f'<footer class="entry-footer"><span class="cat-links"><a rel="category tag" '
        f'href="{hrefs["category"]}">{a.section}</a></span> <span class="tags-links">{tags}'
        f"</span></footer></article>"
    )


def magazine(view: SiteView, a: ZooArticle, hrefs: dict[str, str]) -> str:
    tags = "".join(f'<li><a href="{hrefs["tag:" + t]}">{t}</a></li>' for t in a.tags)
    inline = "".join(
        f'<div class="td-inline-related"><h4>اقرأ أيضا</h4><ul><li><a href="{r.path}">'
        f"{escape(r.title)}</a></li></ul></div>"
        for r in a.related
        if r.position == "inline"
    )
    return (
        f'<div class="td-post-header"><ul class="td-category"><li><a class="td-post-category" '
        f'href="{hrefs["category"]}">{a.section}</a></li></ul><header class="td-post-title">'
        f'<h1 class="entry-title">{escape(a.title)}</h1><div class="td-module-meta-info">'
        f'<div class="td-post-author-name">بواسطة <a href="{hrefs["author"]}">{a.person}</a>'
        f'</div><span class="td-post-date"><time class="entry-date updated td-module-date">'
        f"{clock.msa(a.published, time=False)} | {a.published:%H:%M}</time></span>"
        f'<div class="td-post-views"><span>{a.number % 997 + 40}</span></div></div></header></div>'
        '<div class="td-post-featured-image"><figure>'
        f'<img class="entry-thumb" src="{a.image_path}">'
        f'<figcaption class="wp-caption-text">{escape(a.caption)}</figcaption></figure></div>'
        f'<div class="td-post-content">{body(a, inline, 3)}</div>'
        f'<div class="td-post-source-tags"><ul class="td-tags"><li><span>الوسوم</span></li>{tags}'
        f"</ul></div>"
    )


def blog(view: SiteView, a: ZooArticle, hrefs: dict[str, str]) -> str:
    tags = "، ".join(f'<a href="{hrefs["tag:" + t]}" rel="tag">{t}</a>' for t in a.tags)
    return (
        f'<div class="post" id="post-{a.number}"><h2 class="title"><a href="{a.path}" '
        f'rel="bookmark">{escape(a.title)}</a></h2><div class="postmeta">نشر في : '
        f"{clock.maghreb(a.published)} | القسم: "
        f'<a href="{hrefs["category"]}">{a.section}</a> | كتبه: {a.person}</div>'
        f'<div class="entry"><div class="wp-caption"><img src="{a.image_path}">'
        f'<p class="wp-caption-text">{escape(a.caption)}</p></div>'
        f'{body(a, inline_paragraph(a), 3)}</div><p class="postmetadata">الوسوم: {tags}</p></div>'
    )
