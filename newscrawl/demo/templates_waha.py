"""الواحة بريس page markup: WordPress with the Newspaper theme, OpenGraph only, no JSON-LD.

The date is only shown as Arabic text in Moroccan local time (see `articles.json`, `display_date`).
"""

from __future__ import annotations

from collections.abc import Sequence

from newscrawl.demo.listings import ListingPage, ListingScheme
from newscrawl.demo.render import (
    ArticleData,
    SiteData,
    article_body,
    comments_for,
    end_related,
    esc,
    excerpt,
    most_read,
    section_slug,
)

LISTINGS = ListingScheme(
    section_prefix="/category/",
    tag_prefix="/tag/",
    suffix="/",
    page_suffix="page/{page}/",
    tag_title="الوسم: {tag}",
    home_size=8,
    page_size=3,
)


def head(site: SiteData, base: str, title: str, canonical: str, meta: str = "") -> str:
    return (
        '<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n<meta charset="UTF-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1.0">\n'
        f"<title>{esc(title)}</title>\n"
        f'<link rel="canonical" href="{esc(base + canonical)}">\n'
        f'<link rel="alternate" type="application/rss+xml" title="{esc(site["name"])} '
        f'&raquo; الخلاصة" href="{base}/feed/">\n'
        '<meta property="og:locale" content="ar_AR">\n'
        f'<meta property="og:site_name" content="{esc(site["name"])}">\n{meta}'
        '<link rel="stylesheet" href="/wp-content/themes/Newspaper/style.css?ver=9.2">\n'
        "</head>\n"
    )


def header(site: SiteData) -> str:
    items = "".join(
        f'<li class="menu-item"><a href="{LISTINGS.section_path(s["slug"])}">'
        f"{esc(s['name'])}</a></li>"
        for s in site["sections"]
    )
    return (
        '<div class="td-header-wrap"><header id="masthead" class="site-header td-header">'
        f'<div class="td-logo"><a href="/" rel="home">{esc(site["name"])}</a></div>'
        '<nav id="site-navigation" class="main-navigation td-header-menu"><ul class="menu">'
        f'<li class="menu-item current-menu-item"><a href="/">الرئيسية</a></li>{items}</ul></nav>'
        '</header></div>\n<div class="ad ad-header td-a-rec">إعلان</div>\n'
    )


def sidebar(site: SiteData, articles: Sequence[ArticleData], current: str | None) -> str:
    links = "".join(
        f'<li><a href="{a["path"]}">{esc(a["title"])}</a></li>'
        for a in most_read(articles, current)
    )
    return (
        '<aside id="secondary" class="sidebar td-pb-span4 widget-area">'
        '<div class="widget widget_most_read td_block_wrap"><h4 class="widget-title block-title">'
        f"<span>الأكثر قراءة</span></h4><ul>{links}</ul></div>"
        '<div class="ad ad-sidebar td-a-rec">إعلان</div>'
        '<div class="widget widget_newsletter">'
        '<h4 class="widget-title">اشترك في النشرة البريدية</h4>'
        '<p>توصل بأهم الأخبار كل صباح.</p><form action="#" method="post">'
        '<input type="email" name="email" placeholder="بريدك الإلكتروني">'
        '<button type="submit">اشترك</button></form></div></aside>\n'
    )


def footer(site: SiteData) -> str:
    links = "".join(f'<li><a href="{p["path"]}">{esc(p["title"])}</a></li>' for p in site["pages"])
    return (
        '<footer id="colophon" class="site-footer td-footer-wrapper">'
        f'<ul class="footer-menu">{links}<li><a href="/feed/">الخلاصة</a></li></ul>'
        '<div class="td-social"><a href="https://www.facebook.com/">فيسبوك</a> '
        '<a href="https://twitter.com/">تويتر</a></div>'
        f'<p class="td-sub-footer-copy">جميع الحقوق محفوظة © 2024 {esc(site["name"])}</p>'
        "</footer>\n</body>\n</html>\n"
    )


def _body(article: ArticleData) -> str:
    ad = '<div class="ad ad-inarticle td-a-rec">إعلان</div>'
    return article_body(
        article,
        lambda _, text: f"<p>{esc(text)}</p>",
        lambda link: (
            f'<p><strong>إقرأ أيضا:</strong> <a href="{link["path"]}">{esc(link["title"])}</a></p>'
        ),
        ad=(2, ad) if len(article["paragraphs"]) > 3 else None,
    )


def _end_related(article: ArticleData) -> str:
    links = end_related(article)
    if not links:
        return ""
    items = "".join(f'<li><a href="{r["path"]}">{esc(r["title"])}</a></li>' for r in links)
    return f'<div class="related-posts td-related"><h3>اقرأ أيضا</h3><ul>{items}</ul></div>\n'


def _meta_line(article: ArticleData) -> str:
    byline = ""
    if article["authors"]:
        byline = (
            '<span class="td-post-author-name">بقلم: '
            f'<span class="author vcard">{esc(article["authors"][0])}</span></span> '
        )
    date = f'<span class="td-post-date"><span class="entry-date">{esc(article["display_date"])}'
    return f'<div class="td-module-meta-info">{byline}{date}</span></span></div>\n'


def _figure(article: ArticleData) -> str:
    image = article["image"]
    if not image:
        return ""
    caption = ""
    if image["caption"]:
        caption = f'<figcaption class="wp-caption-text">{esc(image["caption"])}</figcaption>'
    return (
        '<div class="td-post-featured-image"><figure class="wp-caption aligncenter">'
        f'<img src="{image["path"]}" alt="{esc(article["title"])}" width="696" height="464">'
        f"{caption}</figure></div>\n"
    )


def _tags(article: ArticleData) -> str:
    if not article["tags"]:
        return ""
    links = "".join(
        f'<li><a href="{LISTINGS.tag_path(t)}" rel="tag">{esc(t)}</a></li>' for t in article["tags"]
    )
    return (
        '<div class="td-post-source-tags"><ul class="td-tags"><li><span>الوسوم</span></li>'
        f"{links}</ul></div>\n"
    )


def _comments(site: SiteData, index: int) -> str:
    items = "".join(
        '<li class="comment"><div class="comment-author vcard">'
        f'<cite class="fn">{esc(c["name"])}</cite></div>'
        f'<div class="comment-content"><p>{esc(c["text"])}</p></div></li>'
        for c in comments_for(site, index)
    )
    return (
        f'<div id="comments" class="comments-area"><h3 class="comments-title">التعليقات</h3>'
        f'<ol class="comment-list">{items}</ol><div id="respond" class="comment-respond">'
        '<h3 class="comment-reply-title">أضف تعليقا</h3><form action="#" method="post">'
        '<textarea name="comment"></textarea><button type="submit">إرسال التعليق</button>'
        "</form></div></div>\n"
    )


def _meta(article: ArticleData, base: str) -> str:
    og_image = ""
    if article["image"]:
        og_image = f'<meta property="og:image" content="{base}{article["image"]["path"]}">\n'
    return (
        '<meta property="og:type" content="article">\n'
        f'<meta property="og:title" content="{esc(article["title"])}">\n{og_image}'
    )


def _crumbs(article: ArticleData, section: str) -> str:
    return (
        '<div class="td-crumb-container"><div class="entry-crumbs">'
        '<span><a href="/">الرئيسية</a></span> <i class="td-bread-sep">›</i> '
        f'<span><a href="{section}">{esc(article["section"])}</a></span> '
        f'<i class="td-bread-sep">›</i> <span class="td-bred-no-url-last">{esc(article["title"])}'
        "</span></div></div>\n"
    )


def _share(article: ArticleData, base: str) -> str:
    return (
        '<div class="td-post-sharing">'
        f'<a class="td-social-facebook" href="https://www.facebook.com/sharer.php?u={base}'
        f'{article["path"]}">شارك على فيسبوك</a> '
        '<a class="td-social-twitter" href="https://twitter.com/">تابعونا على تويتر</a></div>\n'
    )


def article_page(site: SiteData, articles: Sequence[ArticleData], index: int, base: str) -> str:
    article = articles[index]
    section = LISTINGS.section_path(section_slug(site, article["section"]))
    title = f"{article['title']} - {site['name']}"
    return (
        head(site, base, title, article["path"], _meta(article, base))
        + f'<body class="post-template-default single single-post postid-{1000 + index}">\n'
        + header(site)
        + f'<div class="td-main-content-wrap td-container">{_crumbs(article, section)}'
        + '<main id="main" class="site-main">'
        + f'<article id="post-{1000 + index}" class="post type-post status-publish">'
        + '<header class="td-post-title"><ul class="td-category"><li>'
        + f'<a class="td-post-category" href="{section}">{esc(article["section"])}</a>'
        + f'</li></ul>\n<h1 class="entry-title">{esc(article["title"])}</h1>\n'
        + _meta_line(article)
        + "</header>\n"
        + _share(article, base)
        + _figure(article)
        + f'<div class="td-post-content entry-content">\n{_body(article)}\n</div>\n'
        + _end_related(article)
        + _tags(article)
        + _comments(site, index)
        + "</article></main>\n"
        + sidebar(site, articles, article["path"])
        + "</div>\n"
        + footer(site)
    )


def listing_page(
    site: SiteData, articles: Sequence[ArticleData], listing: ListingPage, base: str
) -> str:
    """A home, category or tag archive page: its posts, newest first, and page navigation."""
    blocks = "".join(
        '<div class="td_module_10 td_module_wrap td-animation-stack">'
        f'<h3 class="entry-title td-module-title"><a href="{a["path"]}" rel="bookmark">'
        f'{esc(a["title"])}</a></h3><span class="td-post-date">{esc(a["display_date"])}</span>'
        f'<div class="td-excerpt">{esc(excerpt(a["paragraphs"][0]))}</div></div>\n'
        for a in listing.articles
    )
    nav, rel = [], ""
    if listing.prev:
        nav.append(f'<a href="{listing.prev}" rel="prev">الصفحة السابقة</a>')
        rel += f'<link rel="prev" href="{base}{listing.prev}">\n'
    if listing.next:
        nav.append(f'<a href="{listing.next}" rel="next">الصفحة التالية</a>')
        rel += f'<link rel="next" href="{base}{listing.next}">\n'
    return (
        head(site, base, f"{listing.title} - {site['name']}", listing.here, rel)
        + '<body class="archive category">\n'
        + header(site)
        + '<div class="td-container"><main id="main" class="site-main td-category-grid">'
        + f'<h1 class="entry-title td-page-title">{esc(listing.title)}</h1>\n{blocks}'
        + f'<div class="page-nav td-pb-padding-side">{" ".join(nav)}'
        + f'<span class="pages">الصفحة {listing.page} من {listing.pages}</span></div></main>\n'
        + sidebar(site, articles, None)
        + "</div>\n"
        + footer(site)
    )
