"""Read-also end lists made of teaser cards (thumbnail, headline link, excerpt), and what is not.

Related-posts widgets are not link-dense: every item carries an excerpt, a date, a section. One
related link per item, titled by its headline link; excerpts never reach the body; "most read"
and "latest news" boxes of the same shape are never related links.
"""

from __future__ import annotations

import json

import pytest

from newscrawl.extraction import extract_article

SITE = "https://watan.example"
URL = f"{SITE}/news/9001"
P1 = (
    "افتتحت وزارة الثقافة الدورة الجديدة من معرض الكتاب بمشاركة أكثر من ثلاثمئة دار نشر عربية "
    "وأجنبية، وسط إقبال كبير من الزوار في اليوم الأول."
)
P2 = (
    "وتتضمن فعاليات المعرض ندوات فكرية وأمسيات شعرية وورشاً للأطفال، إضافة إلى حفلات توقيع "
    "لعدد من الإصدارات الجديدة لكتاب من مختلف الدول."
)
P3 = (
    "وقالت إدارة المعرض إن أسعار الكتب هذا العام ستكون مدعومة بنسبة كبيرة، تشجيعاً للقراءة بين "
    "الشباب وطلاب الجامعات والمدارس."
)
BODY = f"{P1}\n\n{P2}\n\n{P3}"
STORIES = [
    ("/news/7001", "انطلاق مهرجان المسرح العربي في دورته العاشرة"),
    ("/news/7002", "جائزة الرواية تعلن قائمتها القصيرة لهذا العام"),
    ("/news/7003", "مكتبات متنقلة تجوب القرى النائية في الجنوب"),
]
EXCERPT = "تنطلق الفعاليات مساء الخميس بمشاركة فرق من عشر دول عربية وسط حضور جماهيري كبير ..."
OTHERS = [
    ("/news/1", "هدف قاتل في الدقيقة الأخيرة يحسم الديربي"),
    ("/news/2", "ارتفاع أسعار الذهب في الأسواق المحلية اليوم"),
]


def page(end: str = "", aside: str = "", middle: str = "", head: str = "") -> str:
    return (
        f"<html><head><title>افتتاح معرض الكتاب</title>{head}</head><body>"
        "<nav><a href='/'>الرئيسية</a><a href='/culture'>ثقافة وفنون</a></nav>"
        f"<h1>افتتاح معرض الكتاب</h1><article><div class='text'><p>{P1}</p><p>{P2}</p>"
        f"{middle}<p>{P3}</p></div></article>{end}{aside}</body></html>"
    )


def card(path: str, title: str, tag: str = "div") -> str:
    return (
        f'<{tag} class="post"><a class="thumb" href="{path}"><img src="/t{path}.jpg" alt=""></a>'
        f'<h4><a href="{path}">{title}</a></h4><p class="excerpt">{EXCERPT}</p>'
        '<p class="date">2 ديسمبر 2026</p><p class="context">في "ثقافة"</p>'
        f"</{tag}>"
    )


def teasers(items: list[tuple[str, str]]) -> str:
    return "".join(f'<li><a href="{p}">{t}</a><span>{EXCERPT}</span></li>' for p, t in items)


def related(article) -> list[tuple[str, str, str]]:
    return [(r.url.removeprefix(SITE), r.title, r.position) for r in article.related_links]


END = [(path, title, "end") for path, title in STORIES]


@pytest.mark.parametrize(
    "end",
    [
        # heading text inside an <em>, items in a wrapper of their own (a WordPress plugin layout)
        '<div class="box"><h3 class="headline"><em>اقرأ أيضا</em></h3><div class="items">'
        + "".join(card(p, t) for p, t in STORIES)
        + "</div></div>",
        # a list of cards under the heading
        '<section class="box"><h3>اقرأ أيضا</h3><ul>'
        + "".join(card(p, t, "li") for p, t in STORIES)
        + "</ul></section>",
        # no heading, the widget's class says it
        '<div class="related-posts">' + "".join(card(p, t) for p, t in STORIES) + "</div>",
        # whole-card links with the headline inside
        '<section class="box"><h2>مقالات ذات صلة</h2>'
        + "".join(
            f'<a class="card" href="{p}"><img src="/t.jpg"><h3>{t}</h3><p>{EXCERPT}</p></a>'
            for p, t in STORIES
        )
        + "</section>",
    ],
    ids=["heading-in-em", "card-list", "class-only", "whole-card-links"],
)
def test_card_end_list_gives_one_link_per_item(end):
    aside = (
        '<aside><div class="widget"><h3>آخر الأخبار</h3><ul>'
        + teasers(OTHERS)
        + '</ul></div><div class="widget"><h3>الأكثر قراءة</h3><ul>'
        + teasers(OTHERS)
        + "</ul></div></aside>"
    )
    article = extract_article(page(end, aside), URL)
    assert article is not None
    assert related(article) == END
    assert article.body == BODY  # no excerpt, date or section line leaked


def test_card_list_after_heading_inside_the_text_container():
    middle = "<h3>اقرأ أيضا</h3><div>" + "".join(card(p, t) for p, t in STORIES[:2]) + "</div>"
    article = extract_article(page(middle=middle), URL)
    assert article is not None
    assert [r[0] for r in related(article)] == ["/news/7001", "/news/7002"]
    assert article.body == BODY


def test_latest_news_box_next_to_a_read_also_box_is_not_related():
    links = "".join(f'<li><a href="{p}">{t}</a></li>' for p, t in STORIES)
    other = "".join(f'<li><a href="{p}">{t}</a></li>' for p, t in OTHERS)
    # one column, boxes told apart only by their headings
    column = (
        f'<div class="col"><h3>اقرأ أيضا</h3><ul>{links}</ul>'
        f"<h3>آخر الأخبار</h3><ul>{other}</ul></div>"
    )
    article = extract_article(page(column), URL)
    assert article is not None
    assert related(article) == END


def test_latest_news_cards_are_not_related():
    aside = '<aside><div><h3>آخر الأخبار</h3><ul>' + "".join(
        card(p, t, "li") for p, t in OTHERS
    ) + "</ul></div></aside>"  # fmt: skip
    article = extract_article(page(aside=aside), URL)
    assert article is not None
    assert article.related_links == []
    assert article.body == BODY


def test_body_paragraphs_with_links_after_a_marker_are_not_cards():
    # a short article: marker and link in their own paragraphs, then the rest of the text
    html = (
        "<html><head><title>خبر قصير</title></head><body><h1>خبر قصير</h1><div class='text'>"
        f"<p>اقرأ أيضا</p><p><a href='/news/5'>{STORIES[0][1]}</a></p><p>{P1}</p></div>"
        "</body></html>"
    )
    article = extract_article(html, URL)
    assert article is not None
    assert article.body == P1
    assert related(article) == [("/news/5", STORIES[0][1], "inline")]


def next_data(props: dict) -> str:
    data = {"props": {"pageProps": props}, "page": "/news/[id]"}
    return f'<script id="__NEXT_DATA__" type="application/json">{json.dumps(data)}</script>'


ISLAND = {
    "mostRead": [{"url": p, "title": t} for p, t in OTHERS],
    "article": {
        "title": "افتتاح معرض الكتاب",
        "related": [{"url": p, "title": t} for p, t in STORIES[:2]]
        + [{"url": "https://elsewhere.example/x", "title": "خبر من موقع آخر تماما"}],
        "relatedTags": [{"url": "/tags/books", "name": "الكتب والمعارض"}],
    },
}


def test_related_links_only_in_next_data_are_end_links():
    article = extract_article(page(head=next_data(ISLAND)), URL)
    assert article is not None
    assert related(article) == END[:2]


def test_html_read_also_wins_over_next_data():
    end = '<div class="related-posts">' + card(*STORIES[2]) + "</div>"
    article = extract_article(page(end, head=next_data(ISLAND)), URL)
    assert article is not None
    assert related(article) == END[2:]


def test_next_data_without_related_arrays_gives_none():
    props = {"latest": ISLAND["mostRead"], "recommended": ISLAND["mostRead"]}
    article = extract_article(page(head=next_data(props)), URL)
    assert article is not None and article.related_links == []


def test_more_from_section_cards_with_read_more_links_are_not_related():
    # a recirculation box drawn as cards, each with a "read more" link to its own story
    items = "".join(
        f'<li><article class="post"><a href="{p}"><img src="/t.jpg"></a><h5><a href="{p}">{t}'
        f'</a></h5><div class="excerpt">{EXCERPT}</div><a class="more" href="{p}">اقرأ المزيد'
        "</a></article></li>"
        for p, t in STORIES
    )
    box = f'<div class="more-news"><h2>المزيد من ثقافة وفنون</h2><ul>{items}</ul></div>'
    article = extract_article(page(box), URL)
    assert article is not None
    assert article.related_links == []
    assert article.body == BODY


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("مقالات مشابهة", "related"),
        ("أخبار مماثلة", "related"),
        ("مواضيع قد تهمك", "related"),
        ("قد يعجبك أيضاً", "related"),
        ("À lire aussi", "related"),
        ("You may also like", "related"),
        ("آخر الأخبار", None),
        ("وفي حوادث مشابهة وقعت العام الماضي في المدينة", None),
    ],
)
def test_read_also_heading_words(heading, kind):
    from newscrawl.extraction.related import marker_kind

    assert marker_kind(heading) == kind


def test_similar_articles_heading_over_cards():
    end = '<div class="box"><h3>مقالات مشابهة</h3>' + card(*STORIES[0]) + "</div>"
    article = extract_article(page(end), URL)
    assert article is not None
    assert related(article) == END[:1]


def test_reader_comments_after_an_end_list_do_not_make_it_inline():
    from lxml.html import document_fromstring

    from newscrawl.extraction.page import related_links
    from newscrawl.extraction.related import cut_related_blocks

    comment = "التعليقات المنشورة على هذه الصفحة تمثل آراء أصحابها فقط وحدهم"
    end = (
        '<section class="box"><h3>اقرأ أيضا</h3><ul>' + card(*STORIES[0], "li") + "</ul></section>"
    )
    comments = f'<section class="c-comments"><div id="respond"><p>{comment}</p></div></section>'
    root = document_fromstring(page(end + comments))
    blocks = cut_related_blocks(root, URL)
    # a body extractor that let the comment section through must not move the list inline
    links = related_links(blocks, f"{BODY}\n\n{comment}")
    assert [(link.url, link.position) for link in links] == [(SITE + STORIES[0][0], "end")]


def test_page_wide_wrapper_classes_do_not_hide_the_body():
    # themes put any class on the page wrapper; only the paragraph's own region counts
    middle = f'<p>اقرأ أيضا: <a href="{STORIES[0][0]}">{STORIES[0][1]}</a></p>'
    html = page(middle=middle).replace("<body>", '<body><div class="has-comments">')
    article = extract_article(html, URL)
    assert article is not None
    assert related(article) == [(STORIES[0][0], STORIES[0][1], "inline")]


def test_print_and_send_links_after_an_empty_read_also_box_are_not_related():
    # an old table layout: the heading's list is empty, the next row holds the page's tools
    url = f"{SITE}/article.php?id=1203"
    html = (
        "<html><head><title>خبر</title></head><body><table>"
        f"<tr><td><b>افتتاح معرض الكتاب</b></td></tr><tr><td>{P1}<br><br>{P2}</td></tr>"
        "<tr><td class='more'><b>أخبار ذات صلة</b><table></table></td></tr>"
        "<tr><td><a href='print.php?id=1203'>طباعة الخبر</a> | "
        "<a href='send.php?id=1203'>أرسل لصديق</a></td></tr></table></body></html>"
    )
    article = extract_article(html, url)
    assert article is not None
    assert article.related_links == []


@pytest.mark.parametrize(
    "after",
    [
        # the next box has no class: only the empty box itself says the list is not here
        '<div><a href="/news/7001">انطلاق مهرجان المسرح العربي</a></div>',
        '<section class="article-comments"><a href="https://c.example/t">عرض النقاش كاملا</a>'
        "</section>",
    ],
    ids=["plain-next-box", "comments-next-box"],
)
def test_empty_read_also_widget_does_not_take_the_next_box(after):
    # the widget is filled by a script after load: the page itself lists nothing
    empty = '<section class="block"><h2>قد يعجبك أيضا</h2><div class="w"><div id="w1"></div></div>'
    article = extract_article(page(empty + "</section>" + after), URL)
    assert article is not None
    assert article.related_links == []
