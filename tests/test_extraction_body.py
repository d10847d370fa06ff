"""Body cleaning, bylines and headline selection on hand-written Arabic snippets."""

from __future__ import annotations

import pytest
from lxml.html import document_fromstring, fragment_fromstring

from newscrawl.extraction import extract_article
from newscrawl.extraction.body import clean_paragraphs, container_paragraphs, drop_media_boxes
from newscrawl.extraction.boilerplate import PageTexts, is_boilerplate
from newscrawl.extraction.byline import byline_candidates
from newscrawl.extraction.title import choose_title, strip_site_name

URL = "https://madina.example/local/77"
PARAS = [
    "بدأت البلدية أعمال صيانة واسعة للطرق الرئيسية في الأحياء الشرقية، بعد شكاوى متكررة من "
    "السكان بشأن الحفر وتجمع مياه الأمطار خلال فصل الشتاء.",
    "وقال رئيس البلدية إن الأعمال ستنفذ على مراحل حتى لا تتعطل حركة السير، مشيراً إلى أن "
    "المرحلة الأولى ستنتهي قبل حلول شهر رمضان.",
    "وطالب عدد من أصحاب المحلات التجارية بتسريع وتيرة العمل، مؤكدين أن إغلاق الشوارع أثر "
    "على مبيعاتهم خلال الأسابيع الماضية.",
]


@pytest.mark.parametrize(
    "line",
    [
        "شارك",
        "شارك الخبر عبر واتساب",
        "تابعونا على تويتر وفيسبوك",
        "اشترك في النشرة البريدية",
        "كتب: سامي العلي",
        "بقلم : د. نوال فريد",
        "بواسطة منى الشريف",
        "إعداد: قسم التحقيقات",
        "الأربعاء 16 مارس 2016 - 11:42",
        "نشر في: 2024/05/01",
        "آخر تحديث: منذ ساعتين",
        "© 2024 جميع الحقوق محفوظة لمؤسسة الإعلام",
        "اقرأ أيضاً: الحكومة تعلن خطة جديدة للنقل",
        "الآراء الواردة في التعليقات لا تعبر عن رأي الموقع، بل عن آراء كاتبيها",
    ],
)
def test_boilerplate_lines(line):
    assert is_boilerplate(line, PageTexts())


@pytest.mark.parametrize(
    "line",
    [
        PARAS[0],
        "شارك أكثر من ألف متطوع في حملة تنظيف الشواطئ التي نظمتها الجمعية البيئية يوم السبت الماضي",
        "كتب الشاعر قصيدته الأولى وهو في الخامسة عشرة من عمره، ثم نشرها في مجلة المدرسة",
        "وفي 16 مارس 2016 وقعت الحكومة الاتفاقية",
    ],
)
def test_prose_is_kept(line):
    assert not is_boilerplate(line, PageTexts())


def test_title_and_caption_repeats_are_dropped():
    page = PageTexts(title="صيانه الطرق", caption="عمال البلديه")
    assert clean_paragraphs(["صيانة الطرق", "عمال البلدية", PARAS[0]], page) == [PARAS[0]]


def test_container_paragraphs_keep_headings_lists_and_br_lines():
    container = fragment_fromstring(
        f"<div><p>{PARAS[0]}</p><h2>المرحلة الأولى</h2><ul><li>الطريق الدائري</li>"
        f"<li>شارع السوق</li></ul>{PARAS[1]}<br>{PARAS[2]}<figure><figcaption>صورة</figcaption>"
        "</figure><script>var a = 1;</script></div>"
    )
    assert container_paragraphs(container) == [
        PARAS[0],
        "المرحلة الأولى",
        "الطريق الدائري",
        "شارع السوق",
        PARAS[1],
        PARAS[2],
    ]


def test_media_boxes_are_removed():
    root = document_fromstring(
        '<html><body><div class="article_image"><img src="a.jpg"><div>عمال البلدية</div></div>'
        f"<div class='text'><p>{PARAS[0]}</p></div></body></html>"
    )
    drop_media_boxes(root)
    assert "عمال البلدية" not in root.text_content()
    assert PARAS[0] in root.text_content()


def test_generic_body_drops_chrome():
    html = (
        "<html><head><title>صيانة الطرق في الأحياء الشرقية</title></head><body>"
        "<nav><a href='/'>الرئيسية</a> <a href='/local'>محليات</a></nav>"
        "<h1>صيانة الطرق في الأحياء الشرقية</h1><div class='article'>"
        "<p>كتب: سامي العلي</p><p>الأربعاء 16 مارس 2016 - 11:42</p>"
        + "".join(f"<p>{p}</p>" for p in PARAS)
        + "<p>تابعونا على تويتر وفيسبوك</p><div class='newsletter'>اشترك في النشرة البريدية</div>"
        "</div><div id='comments'><h3>التعليقات</h3><p>تعليق من زائر: كلام جميل جداً</p></div>"
        "<footer>جميع الحقوق محفوظة © 2016</footer></body></html>"
    )
    article = extract_article(html, URL)
    assert article is not None
    assert article.body == "\n\n".join(PARAS)
    assert article.authors == ["سامي العلي"]


def test_byline_candidates():
    root = document_fromstring(
        "<html><body><span class='author-name'>رنا خليل</span>"
        "<p>بقلم: عمر فاروق</p><p>نص طويل لا يبدأ بعلامة كاتب</p></body></html>"
    )
    assert byline_candidates(root) == ["رنا خليل", "بقلم: عمر فاروق"]


@pytest.mark.parametrize(
    ("title", "names", "expected"),
    [
        ("صيانة الطرق - المدينة اليوم", ["المدينة اليوم"], "صيانة الطرق"),
        ("المدينة اليوم | صيانة الطرق في الأحياء", ["المدينة اليوم"], "صيانة الطرق في الأحياء"),
        ("صيانة الطرق – موقع المدينة اليوم الإخباري", ["المدينة اليوم"], "صيانة الطرق"),
        ("صيانة الطرق | محليات | المدينة", [], "صيانة الطرق"),
        ("غزة - رفح: عبور شاحنات المساعدات", [], "غزة - رفح: عبور شاحنات المساعدات"),
    ],
)
def test_strip_site_name(title, names, expected):
    assert strip_site_name(title, names) == expected


def test_choose_title_prefers_confirmed_h1_then_metadata():
    assert choose_title(["صيانة الطرق"], [], ["صيانة الطرق - المدينة"], []) == "صيانة الطرق"
    assert choose_title(["المدينة"], ["صيانة الطرق"], ["المدينة"], ["المدينة"]) == "صيانة الطرق"
    assert choose_title([], [], ["صيانة الطرق | المدينة"], ["المدينة"]) == "صيانة الطرق"
    assert choose_title([], [], [], []) is None
