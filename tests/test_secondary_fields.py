"""Lead image, caption, section, tags, authors and modification time on pages without metadata
for them (issue 9, secondary fields), and article views that are never fetched.

Each page is our own and shows one markup family's way of writing a field: ASP.NET WebForms
(`NewsTitle`, `lblWriter`, a bare `<img>` between headline and text), Joomla (`itemprop=genre`,
`itemprop=image`), Drupal (a caption div beside the picture, a labelled tag list and a site-wide
tag cloud), AMP (`amp-img`), WordPress (`rel="category tag"` in the post's own footer, "القسم:"),
old table layouts (a breadcrumb in `<td class=path>`) and script-rendered pages (the caption
only in the JSON data island).
"""

from __future__ import annotations

import json

from newscrawl.demo.server import Reply, serving
from newscrawl.extraction.page import extract_article
from tests.crawl_harness import article_html, run_crawl, site_router

BODY = "".join(
    f"<p>فقرة من نص الخبر رقم {i} تروي ما جرى في اجتماع المجلس البلدي بالتفصيل الممل.</p>"
    for i in range(6)
)
TITLE = "المجلس البلدي يقر خطة جديدة لتنظيم الأسواق الشعبية"
SIDEBAR = (
    "<aside class='sidebar'><h3>الأكثر قراءة</h3><ul>"
    + "".join(f"<li><a href='/n/{i}'>خبر جانبي رقم {i}</a></li>" for i in range(8))
    + "</ul></aside>"
)


def _page(body: str, *, head: str = "", title: str = f"صحيفة الواحة | {TITLE}") -> str:
    return (
        f'<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>{title}</title>{head}'
        f"</head><body><div id='header'><img src='/images/logo.png'>"
        f"<a href='/'>الرئيسية</a></div>{body}{SIDEBAR}</body></html>"
    )


def test_aspnet_labels_in_camel_case_and_a_bare_lead_picture() -> None:
    html = _page(
        f'<span id="ctl00_lblTitle" class="NewsTitle">{TITLE}</span><br>'
        '<span class="NewsDate">02/12/2026 10:43 م</span> '
        '<span id="ctl00_lblWriter">زينب الموصلي</span><br>'
        f'<img id="ctl00_imgNews" src="/uploads/2026/12/img-7.jpg"><div class="NewsDetails">{BODY}'
        "</div>"
    )
    article = extract_article(html, "http://127.0.0.1/Details.aspx?ID=7")
    assert article is not None
    assert article.title == TITLE  # the site name around it in <title> is left out
    assert article.authors == ["زينب الموصلي"]
    assert article.image is not None
    assert article.image.url == "http://127.0.0.1/uploads/2026/12/img-7.jpg"
    # the unlabelled date-and-writer line is no paragraph of the story
    assert article.body is not None and "زينب الموصلي" not in article.body
    assert article.body.startswith("فقرة من نص الخبر رقم 0")


def test_joomla_microdata_genre_and_image() -> None:
    html = _page(
        '<div class="item-page" itemscope itemtype="https://schema.org/Article">'
        f'<div class="page-header"><h2 itemprop="headline">{TITLE}</h2></div>'
        '<dl class="article-info"><dd class="category-name">القسم: '
        '<a href="/index.php/health" itemprop="genre">صحة</a></dd></dl>'
        '<div class="item-image"><img src="/images/2026/pic-3.jpg" itemprop="image"></div>'
        f'<div itemprop="articleBody">{BODY}</div></div>'
    )
    article = extract_article(html, "http://127.0.0.1/index.php/health/3-slug")
    assert article is not None
    assert article.section == "صحة"  # what the link says, not where it leads
    assert article.image is not None
    assert article.image.url == "http://127.0.0.1/images/2026/pic-3.jpg"


def test_drupal_caption_beside_the_picture_and_labelled_tags_not_the_cloud() -> None:
    cloud = "".join(f'<a href="/taxonomy/term/{100 + i}">وسم عام {i}</a> ' for i in range(18))
    html = _page(
        f'<article><h1 class="page-title">{TITLE}</h1>'
        '<div class="field--name-field-image"><img src="/uploads/p.jpg">'
        '<div class="field--name-field-caption">رئيس المجلس خلال الجلسة</div></div>'
        f'<div class="field--name-body">{BODY}</div>'
        '<div class="field--name-field-tags"><div class="field__label">الوسوم</div>'
        '<div class="field__item"><a href="/taxonomy/term/3">الأسواق</a></div>'
        '<div class="field__item"><a href="/taxonomy/term/4">البلديات</a></div></div></article>'
        f'<div class="block-tags-cloud"><h3>وسوم</h3>{cloud}</div>',
        head='<meta property="og:image" content="http://127.0.0.1/uploads/p.jpg">',
    )
    article = extract_article(html, "http://127.0.0.1/content/slug")
    assert article is not None and article.image is not None
    assert article.image.caption == "رئيس المجلس خلال الجلسة"
    assert article.tags == ["الأسواق", "البلديات"]


def test_amp_figure_caption() -> None:
    html = _page(
        f'<article><h1>{TITLE}</h1><figure><amp-img src="/u/1.jpg" width="800" height="450">'
        f"</amp-img><figcaption>السوق الشعبية صباح اليوم</figcaption></figure>{BODY}</article>"
    )
    article = extract_article(html, "http://127.0.0.1/story/1.html")
    assert article is not None and article.image is not None
    assert (article.image.url, article.image.caption) == (
        "http://127.0.0.1/u/1.jpg",
        "السوق الشعبية صباح اليوم",
    )


def test_wordpress_category_in_the_post_footer_not_the_menu() -> None:
    menu = "<nav><a class='menu-category' href='/category/x/'>منوعات</a></nav>"
    html = _page(
        f'{menu}<article class="post"><h1 class="entry-title">{TITLE}</h1>'
        f'<div class="entry-content">{BODY}</div><footer class="entry-footer">'
        '<span class="cat-links"><a rel="category tag" href="/category/local/">محليات</a></span>'
        "</footer></article>"
    )
    article = extract_article(html, "http://127.0.0.1/2026/12/02/slug/")
    assert article is not None and article.section == "محليات"


def test_labelled_section_link_in_a_meta_line() -> None:
    html = _page(
        f"<div class='post'><h2 class='title'>{TITLE}</h2><div class='postmeta'>نشر في : "
        "الأربعاء 2 ديسمبر 2026 | القسم: <a href='/category/sport/'>رياضة</a> | كتبه: خالد"
        f"</div><div class='entry'>{BODY}</div></div>"
    )
    article = extract_article(html, "http://127.0.0.1/archives/15")
    assert article is not None and article.section == "رياضة"


def test_unclassed_breadcrumb_and_picture_of_a_table_layout() -> None:
    html = _page(
        "<table><tr><td class='path'><a href='index.php'>الرئيسية</a> &gt; "
        "<a href='section.php?cat=8'>منوعات</a></td></tr>"
        f"<tr><td><b>{TITLE}</b></td></tr><tr><td><img src='uploads/9.jpg' align='left'></td></tr>"
        f"<tr><td class='text'>{BODY}</td></tr></table>"
    )
    article = extract_article(html, "http://127.0.0.1/article.php?id=9")
    assert article is not None and article.section == "منوعات"
    assert article.image is not None and article.image.url == "http://127.0.0.1/uploads/9.jpg"


def test_caption_only_in_the_json_data_island() -> None:
    data = {"props": {"article": {"image": {"url": "/uploads/5.jpg", "caption": "الوزير"}}}}
    island = f'<script id="__NEXT_DATA__" type="application/json">{json.dumps(data)}</script>'
    html = _page(
        f"<main><h1>{TITLE}</h1>{BODY}</main>{island}",
        head='<meta property="og:image" content="http://127.0.0.1/uploads/5.jpg">',
    )
    article = extract_article(html, "http://127.0.0.1/news/5/slug")
    assert article is not None and article.image is not None
    assert article.image.caption == "الوزير"


def test_sitemap_lastmod_later_than_publication_is_the_modification() -> None:
    head = '<meta property="article:published_time" content="2026-12-01T10:00:00+03:00">'
    html = _page(f"<article><h1>{TITLE}</h1>{BODY}</article>", head=head)
    later = {"lastmod": "2026-12-01T12:30:00Z"}
    article = extract_article(html, "http://127.0.0.1/a/1", hints=later)
    assert article is not None and article.modified_at == "2026-12-01T12:30:00+00:00"
    same = {"lastmod": "2026-12-01T07:00:00Z"}  # the publication instant, written in UTC
    article = extract_article(html, "http://127.0.0.1/a/1", hints=same)
    assert article is not None and article.modified_at is None


PATHS = [f"/index.php/world/{300 + i}-2026-12-0{1 + i % 3}" for i in range(6)]


def _views_site(base: str) -> dict[str, Reply]:
    """No sitemap, so article pages are harvested for links; each links its own print view,
    a comment-reply view, and the next article."""
    replies = {"/": Reply(body=b"<html><body>" + b"".join(
        f'<a href="{p}">خبر رقم {i} عن الأسواق الشعبية في المدينة</a>'.encode()
        for i, p in enumerate(PATHS[:2])
    ) + b"</body></html>")}  # fmt: skip
    for i, path in enumerate(PATHS):
        nxt = PATHS[(i + 1) % len(PATHS)]
        extra = (
            f'<a href="{path}?layout=default&print=1&tmpl=component" rel="nofollow">طباعة</a>'
            f'<a href="{path}?replytocom={i}">رد</a><a href="{nxt}">الخبر التالي</a>'
        )
        title = f"تقرير رقم {i + 1} عن الأسواق الشعبية في المدينة"
        replies[path] = Reply(body=article_html(title, canonical=base + path, extra=extra))
    return replies


def test_print_and_reply_views_of_an_article_are_never_fetched() -> None:
    with serving(site_router(_views_site)) as server:
        result = run_crawl(server.base_url)
        fetched = [request.path for request in server.log]
    assert not [path for path in fetched if "print=1" in path or "replytocom" in path]
    assert len(result.items) == len(PATHS)
    assert result.stat("skipped/page_view") >= 1
