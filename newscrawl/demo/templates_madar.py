"""المدار page markup: a modern news site with JSON-LD `NewsArticle`, OpenGraph and article:* meta.

Dates carry +03:00; pages also show them as text: "نُشر في: 12 كانون الثاني 2024 - 09:30".
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

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

LOGO_PATH = "/static/img/logo.png"
LISTINGS = ListingScheme(
    section_prefix="/section/",
    tag_prefix="/tags/",
    suffix="",
    page_suffix="?page={page}",
    tag_title="موضوع: {tag}",
    home_size=10,
    page_size=4,
)


def head(site: SiteData, base: str, title: str, canonical: str, meta: str = "") -> str:
    return (
        '<!doctype html>\n<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)} | {esc(site['name'])}</title>\n"
        f'<link rel="canonical" href="{esc(base + canonical)}">\n'
        f'<meta property="og:site_name" content="{esc(site["name"])}">\n{meta}'
        '<link rel="stylesheet" href="/static/css/main.4f2a9c.css">\n</head>\n'
    )


def header(site: SiteData) -> str:
    items = "".join(
        f'<li><a href="{LISTINGS.section_path(s["slug"])}" data-nav="{s["slug"]}">'
        f"{esc(s['name'])}</a></li>"
        for s in site["sections"]
    )
    return (
        '<header class="site-header" data-component="header">'
        f'<a class="logo" href="/"><img src="{LOGO_PATH}" alt="{esc(site["name"])}"></a>'
        '<nav class="main-nav" aria-label="الأقسام"><ul>'
        f'<li><a href="/" data-nav="home">الرئيسية</a></li>{items}</ul></nav></header>\n'
        '<div class="ad" data-ad-slot="leaderboard">إعلان</div>\n'
    )


def sidebar(articles: Sequence[ArticleData], current: str | None, base: str) -> str:
    links = "".join(
        f'<li><a href="{base}{a["path"]}">{esc(a["title"])}</a></li>'
        for a in most_read(articles, current)
    )
    return (
        '<aside class="sidebar" data-component="sidebar">'
        f'<section class="widget most-read"><h3>الأكثر قراءة</h3><ol>{links}</ol></section>'
        '<div class="ad" data-ad-slot="sidebar-mpu">إعلان</div>'
        '<section class="widget newsletter"><h3>اشترك في النشرة البريدية</h3>'
        '<form action="/newsletter" method="post"><input type="email" name="email" '
        'placeholder="البريد الإلكتروني"><button type="submit">اشترك الآن</button></form>'
        "</section></aside>\n"
    )


def footer(site: SiteData) -> str:
    links = "".join(f'<a href="{p["path"]}">{esc(p["title"])}</a>' for p in site["pages"])
    return (
        f'<footer class="site-footer"><nav class="footer-links">{links}</nav>'
        '<div class="social"><a href="https://www.facebook.com/">فيسبوك</a> '
        '<a href="https://twitter.com/">تويتر</a></div>'
        f"<p>جميع الحقوق محفوظة © 2024 {esc(site['name'])}</p></footer>\n</body>\n</html>\n"
    )


def json_ld(site: SiteData, article: ArticleData, base: str) -> str:
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": base + article["path"]},
        "headline": article["title"],
        "datePublished": article["published_at"],
    }
    if article["modified_at"]:
        data["dateModified"] = article["modified_at"]
    people = [{"@type": "Person", "name": name} for name in article["authors"]]
    if people:
        data["author"] = people[0] if len(people) == 1 else people
    data["articleSection"] = article["section"]
    if article["tags"]:
        data["keywords"] = ", ".join(article["tags"])
    if article["image"]:
        data["image"] = {
            "@type": "ImageObject",
            "url": base + article["image"]["path"],
            "caption": article["image"]["caption"],
            "width": 1200,
            "height": 675,
        }
    data["publisher"] = {
        "@type": "Organization",
        "name": site["name"],
        "logo": {"@type": "ImageObject", "url": base + LOGO_PATH},
    }
    data["inLanguage"] = "ar"
    text = json.dumps(data, ensure_ascii=False, indent=1).replace("</", "<\\/")
    return f'<script type="application/ld+json">\n{text}\n</script>\n'


def _meta(site: SiteData, article: ArticleData, base: str) -> str:
    lines = [
        ("og:type", "article"),
        ("og:title", article["title"]),
        ("og:url", base + article["path"]),
        ("og:description", " ".join(article["paragraphs"][0].split()[:25])),
    ]
    if article["image"]:
        lines.append(("og:image", base + article["image"]["path"]))
    lines.append(("article:published_time", article["published_at"]))
    if article["modified_at"]:
        lines.append(("article:modified_time", article["modified_at"]))
    lines.append(("article:section", article["section"]))
    lines += [("article:tag", tag) for tag in article["tags"]]
    tags = "".join(f'<meta property="{k}" content="{esc(v)}">\n' for k, v in lines)
    return tags + json_ld(site, article, base)


def _byline(article: ArticleData) -> str:
    dates = (
        f'<time class="story-date" datetime="{article["published_at"]}">'
        f"نُشر في: {esc(article['display_date'])}</time>"
    )
    if article["modified_at"]:
        dates += (
            f' <time class="story-updated" datetime="{article["modified_at"]}">'
            f"آخر تحديث: {esc(article['display_modified'])}</time>"
        )
    names = " و".join(f'<span class="author-name">{esc(n)}</span>' for n in article["authors"])
    authors = f'<span class="story-authors">بقلم: {names}</span> ' if names else ""
    return f'<div class="story-meta">{authors}{dates}</div>\n'


def _body(article: ArticleData, base: str) -> str:
    return article_body(
        article,
        lambda number, text: f'<p data-p="{number}">{esc(text)}</p>',
        lambda link: (
            '<aside class="read-also"><span>اقرأ أيضا</span>'
            f'<a href="{base}{link["path"]}">{esc(link["title"])}</a></aside>'
        ),
        ad=(3, '<div class="ad" data-ad-slot="in-article">إعلان</div>'),
    )


def _figure(article: ArticleData, base: str) -> str:
    image = article["image"]
    if not image:
        return ""
    return (
        f'<figure class="story-image"><img src="{base}{image["path"]}" alt="" loading="eager">'
        f"<figcaption>{esc(image['caption'])}</figcaption></figure>\n"
    )


def _after_body(site: SiteData, article: ArticleData, index: int, base: str) -> str:
    tags = "".join(
        f'<li><a href="{LISTINGS.tag_path(t)}">{esc(t)}</a></li>' for t in article["tags"]
    )
    out = f'<ul class="story-tags">{tags}</ul>\n' if tags else ""
    ends = end_related(article)
    if ends:
        items = "".join(f'<li><a href="{base}{r["path"]}">{esc(r["title"])}</a></li>' for r in ends)
        out += f'<section class="related"><h2>مواضيع ذات صلة</h2><ul>{items}</ul></section>\n'
    comments = comments_for(site, index)
    out += f'<section class="comments" id="comments"><h2>تعليقات القراء ({len(comments)})</h2>'
    for number, comment in enumerate(comments, start=1):
        out += (
            f'<div class="comment" data-comment-id="{index * 10 + number}">'
            f'<span class="comment-author">{esc(comment["name"])}</span>'
            f'<p class="comment-text">{esc(comment["text"])}</p></div>'
        )
    return out + "</section>\n"


def _story_id(article: ArticleData) -> str:
    """The number an article's address starts its last segment with, as the CMS's id.

    >>> _story_id({"path": "/news/2024/01/12/4821-rains"})
    '4821'
    """
    return article["path"].rsplit("/", 1)[1].split("-", 1)[0]


def article_page(site: SiteData, articles: Sequence[ArticleData], index: int, base: str) -> str:
    article = articles[index]
    slug = section_slug(site, article["section"])
    section = LISTINGS.section_path(slug)
    crumbs = (
        '<nav class="breadcrumbs" aria-label="breadcrumb"><ol><li><a href="/">الرئيسية</a></li>'
        f'<li><a href="{section}">{esc(article["section"])}</a></li></ol></nav>\n'
    )
    share = (
        '<div class="share-bar" data-component="share">'
        f'<a class="share fb" href="https://www.facebook.com/sharer/sharer.php?u={base}'
        f'{article["path"]}">شارك على فيسبوك</a> '
        '<a class="share tw" href="https://twitter.com/">تابعونا على تويتر</a></div>\n'
    )
    return (
        head(site, base, article["title"], article["path"], _meta(site, article, base))
        + '<body class="page-article" data-page-type="article">\n'
        + header(site)
        + f'<main class="layout">{crumbs}'
        + f'<article class="story" data-article-id="{_story_id(article)}" data-section="{slug}">'
        + f'<header class="story-header"><a class="story-section" href="{section}">'
        + f'{esc(article["section"])}</a>\n<h1 class="story-title">{esc(article["title"])}</h1>\n'
        + _byline(article)
        + "</header>\n"
        + share
        + _figure(article, base)
        + f'<div class="article-body" data-body="true">\n{_body(article, base)}\n</div>\n'
        + _after_body(site, article, index, base)
        + "</article>\n"
        + sidebar(articles, article["path"], base)
        + "</main>\n"
        + footer(site)
    )


def listing_page(
    site: SiteData, articles: Sequence[ArticleData], listing: ListingPage, base: str
) -> str:
    """A home, section or tag listing page: its cards, newest first, and links to its neighbours."""
    cards = "".join(
        f'<article class="card" data-article-id="{_story_id(a)}">'
        f'<h2 class="card-title"><a href="{base}{a["path"]}">{esc(a["title"])}</a></h2>'
        f'<time datetime="{a["published_at"]}">{esc(a["display_date"])}</time>'
        f'<p class="card-summary">{esc(excerpt(a["paragraphs"][0]))}</p></article>\n'
        for a in listing.articles
    )
    nav, rel = [], ""
    if listing.prev:
        nav.append(f'<a class="prev" href="{listing.prev}" rel="prev">الصفحة السابقة</a>')
    if listing.next:
        nav.append(f'<a class="next" href="{listing.next}" rel="next">الصفحة التالية</a>')
        rel = f'<link rel="next" href="{base}{listing.next}">\n'
    return (
        head(site, base, listing.title, listing.here, rel)
        + f'<body class="page-listing" data-page-type="listing">\n{header(site)}'
        + f'<main class="layout"><section class="listing"><h1>{esc(listing.title)}</h1>\n{cards}'
        + f'<nav class="pagination">{" ".join(nav)}</nav></section>\n'
        + sidebar(articles, None, base)
        + "</main>\n"
        + footer(site)
    )
