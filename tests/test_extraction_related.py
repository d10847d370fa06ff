"""Read-also detection: inline paragraphs and boxes, end lists, and what is not related."""

from __future__ import annotations

import pytest

from newscrawl.extraction import extract_article
from newscrawl.extraction.related import cut_related_blocks
from newscrawl.profiles import Selectors, SiteProfile

URL = "https://watan.example/news/9001"
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


def page(middle: str, end: str = "", aside: str = "") -> str:
    return (
        "<html><head><title>افتتاح معرض الكتاب</title></head><body>"
        "<nav><a href='/'>الرئيسية</a><a href='/culture'>ثقافة وفنون</a></nav>"
        f"<h1>افتتاح معرض الكتاب</h1><article><div class='text'><p>{P1}</p>{middle}"
        f"<p>{P2}</p><p>{P3}</p></div>{end}</article>{aside}</body></html>"
    )


@pytest.mark.parametrize(
    "middle",
    [
        '<p><strong>اقرأ أيضا:</strong> <a href="/news/8000">'
        "وزير الثقافة يكرم الفائزين بالجائزة</a></p>",
        '<p>إقرأ أيضاً: <a href="/news/8000">وزير الثقافة يكرم الفائزين بالجائزة</a></p>',
        '<p><a href="/news/8000">اقرأ ايضا: وزير الثقافة يكرم الفائزين بالجائزة</a></p>',
        '<div class="read-also"><span>طالع أيضا</span><a href="/news/8000">'
        "وزير الثقافة يكرم الفائزين بالجائزة</a></div>",
        '<p>شاهد أيضا</p><p><a href="/news/8000">وزير الثقافة يكرم الفائزين بالجائزة</a></p>',
        # an inline related-posts plugin: label and headline are two spans of one link
        '<div class="irp-box"><a href="/news/8000" class="irp-link"><div class="irp-inner">'
        '<span class="irp-cta">اقرأ أيضا</span><span class="irp-title">وزير الثقافة يكرم '
        "الفائزين بالجائزة</span></div></a></div>",
    ],
    ids=[
        "strong-marker",
        "hamza-variant",
        "marker-in-link",
        "class-box",
        "marker-then-link",
        "label-inside-link",
    ],
)
def test_inline_read_also_is_cut_and_linked(middle):
    article = extract_article(page(middle), URL)
    assert article is not None
    assert article.body == f"{P1}\n\n{P2}\n\n{P3}"
    assert [(r.url, r.title, r.position) for r in article.related_links] == [
        ("https://watan.example/news/8000", "وزير الثقافة يكرم الفائزين بالجائزة", "inline")
    ]


def test_end_list_and_most_read_sidebar():
    end = (
        '<section class="box"><h3>مواضيع ذات صلة</h3><ul>'
        '<li><a href="/news/7001">انطلاق مهرجان المسرح العربي</a></li>'
        '<li><a href="https://watan.example/news/7002?utm_source=x">'
        "جائزة الرواية تعلن قائمتها</a></li>"
        "</ul></section>"
    )
    aside = (
        '<aside><h3>الأكثر قراءة</h3><ul><li><a href="/news/1">هدف قاتل في الدقيقة الأخيرة</a>'
        "</li></ul></aside>"
    )
    article = extract_article(page("", end, aside), URL)
    assert article is not None
    assert [(r.url, r.position) for r in article.related_links] == [
        ("https://watan.example/news/7001", "end"),
        ("https://watan.example/news/7002", "end"),
    ]
    assert "هدف قاتل" not in article.body


def test_navigation_and_tags_are_not_related():
    end = (
        '<div class="tags"><a rel="tag" href="/tag/books">كتب ومعارض</a></div>'
        '<div class="related-tags"><a href="/tag/x">معرض الكتاب الدولي</a></div>'
    )
    article = extract_article(page("", end), URL)
    assert article is not None and article.related_links == []


def test_profile_related_selector():
    profile = SiteProfile(
        name="watan", domains=("watan.example",), selectors=Selectors(related="div.more")
    )
    middle = '<div class="more"><a href="/news/5">مكتبات متنقلة تجوب القرى النائية</a></div>'
    article = extract_article(page(middle), URL, profile=profile)
    assert article is not None
    assert [(r.url, r.position) for r in article.related_links] == [
        ("https://watan.example/news/5", "inline")
    ]
    assert "مكتبات متنقلة" not in article.body


def test_paragraph_that_merely_mentions_related_words_is_kept():
    middle = (
        "<p>ذات صلة بالموضوع، أكد المدير أن المعرض سيستمر عشرة أيام وأن الدخول مجاني لجميع "
        'الزوار، ويمكن الاطلاع على <a href="/program">البرنامج</a> على الموقع.</p>'
    )
    article = extract_article(page(middle), URL)
    assert article is not None
    assert "سيستمر عشرة أيام" in article.body
    assert article.related_links == []


def test_cut_related_blocks_reports_following_text():
    from lxml.html import document_fromstring

    root = document_fromstring(page('<p>اقرأ أيضا: <a href="/n/1">عنوان خبر سابق مهم</a></p>'))
    blocks = cut_related_blocks(root, URL)
    assert [b.links for b in blocks] == [[("https://watan.example/n/1", "عنوان خبر سابق مهم")]]
    assert blocks[0].following_texts  # P2 and P3 follow the block
    assert "عنوان خبر سابق" not in root.text_content()


def test_links_to_tag_and_topic_pages_are_not_related():
    end = (
        '<div class="related"><h3>مواضيع ذات صلة</h3>'
        '<a href="/topics/books">معارض الكتب العربية</a> '
        '<a href="/category/culture">أخبار الثقافة والفنون</a> '
        '<a href="/news/6000">ندوة عن مستقبل النشر الرقمي</a></div>'
    )
    article = extract_article(page("", end), URL)
    assert article is not None
    assert [r.url for r in article.related_links] == ["https://watan.example/news/6000"]


@pytest.mark.parametrize(
    "box",
    [
        '<div class="embed_article"><a href="/news/4000"><img src="/t.jpg">'
        '<span class="title">مكتبة الإسكندرية تفتح أبوابها مجاناً</span></a></div>',
        '<blockquote class="wp-embedded-content"><a href="/news/4000">'
        "مكتبة الإسكندرية تفتح أبوابها مجاناً</a></blockquote>",
        '<div class="box"><h2>قصص ذات صلة</h2><ul><li><a href="/news/4000">'
        "مكتبة الإسكندرية تفتح أبوابها مجاناً</a></li></ul></div>",
        '<div class="box"><h2>موضوعات متعلقة</h2><ul><li><a href="/news/4000">'
        "مكتبة الإسكندرية تفتح أبوابها مجاناً</a></li></ul></div>",
    ],
    ids=["embedded-card", "wp-embed", "stories-heading", "topics-heading"],
)
def test_embedded_cards_and_related_headings(box):
    article = extract_article(page(box), URL)
    assert article is not None
    assert article.body == f"{P1}\n\n{P2}\n\n{P3}"
    assert [(r.url, r.title, r.position) for r in article.related_links] == [
        ("https://watan.example/news/4000", "مكتبة الإسكندرية تفتح أبوابها مجاناً", "inline")
    ]
