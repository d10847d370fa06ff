"""Boilerplate rules on word boundaries: genuine short sentences stay, chrome lines go.

Every sentence here is written for this test (no page text is copied).
"""

from __future__ import annotations

import pytest
from lxml.html import document_fromstring

from newscrawl.extraction import extract_article
from newscrawl.extraction.boilerplate import PageTexts, is_boilerplate, is_disclaimer
from newscrawl.extraction.byline import byline_candidates, starts_with_byline_marker
from newscrawl.extraction.processors import clean_author
from newscrawl.extraction.related import marker_kind
from newscrawl.extraction.visible import visible_dates

# Short sentences of news that open with a marker's letters (or the marker word used as a verb
# or noun): raw string prefixes used to drop every one of them.
GENUINE_SHORT = [
    "سجلت البورصة ارتفاعا بنسبة 2%",
    "سجل الفريق هدفين في الشوط الأول",
    "انضمام المغرب إلى الاتفاقية خطوة مهمة",
    "انضمت ثلاث دول جديدة إلى المبادرة",
    "انضم اللاعب إلى النادي بعقد لموسمين",
    "المصدرون يطالبون بخفض الرسوم الجمركية",
    "المصدر الرئيسي للدخل هو السياحة",
    "تحديثات أمنية جديدة لأنظمة الهواتف",
    "تحديث المناهج الدراسية أولوية للوزارة",
    "شاركت عشرون دولة في المؤتمر",
    "شارك الوزير في افتتاح المعرض",
    "الصورة تغيرت كثيرا خلال عام واحد",
    "تحرير الأسعار يبدأ الشهر المقبل",
    "حوار وطني شامل ينطلق الأسبوع المقبل",
    "تقرير أممي يحذر من موجة جفاف",
    "نشر الجيش وحدات إضافية على الحدود",
    "اشتراكات الهاتف المحمول تتجاوز عشرة ملايين",
    "تابعت اللجنة أعمالها حتى المساء",
    "Shares of the company rose 3% on Monday",
    "Subscribers to the service doubled last year",
]

CHROME = [
    "شارك",
    "شارك:",
    "شارك هذا المقال عبر فيسبوك",
    "سجل الآن مجانا",
    "سجل دخولك للتعليق",
    "انضم إلينا على تلغرام",
    "انضم لقناتنا على واتساب",
    "تابعونا على إنستغرام",
    "اشترك في نشرتنا اليومية",
    "المصدر: وكالات",
    "المصدر - وكالات الأنباء",
    "الصورة: أرشيفية",
    "تحديث: 10:45",
    "آخر تحديث",
    "آخر تحديث: الخميس 17 مارس 2024 - 09:15",
    "تم النشر في 3 مايو 2024",
    "15 رمضان 1445 هـ الموافق 25 مارس 2024",
    "تحرير: منى سعيد",
    "حوار: كريم ناصر",
    "تقرير - هالة يوسف",
    "كتب محمود علي",
    "بواسطة فريق التحرير",
    "الأكثر قراءة",
    "مقالات ذات صلة",
    "كل الحقوق محفوظة لدار النشر 2024 ©",
    "Share this article",
    "Follow us on X",
]


@pytest.mark.parametrize("line", GENUINE_SHORT)
def test_genuine_short_sentences_are_kept(line):
    assert not is_boilerplate(line, PageTexts())


@pytest.mark.parametrize("line", CHROME)
def test_chrome_lines_are_dropped(line):
    assert is_boilerplate(line, PageTexts())


# Disclaimers in the manners of several kinds of site: Gulf daily, Maghreb portal, Levant
# weekly, a TV channel's site, a blog platform. Each has two clauses that disclaim or police.
DISCLAIMERS = [
    "التعليقات المنشورة تعبر عن آراء أصحابها، ولا يتحمل الموقع أي مسؤولية عنها.",
    "نرجو من قرائنا الالتزام بآداب الحوار. تحتفظ إدارة الجريدة بحق حذف كل تعليق مسيء.",
    "الآراء الواردة في التعليقات لا تمثل رأي الصحيفة؛ ويُرجى تجنب الإساءة قبل إرسال تعليقك.",
    "جميع التعليقات تخضع للمراجعة قبل النشر، ويحتفظ الموقع بحق عدم نشر ما يخالف سياسة التعليق.",
    "مشاركاتكم تعبر عن وجهات نظر كاتبيها فقط - إدارة الموقع غير مسؤولة عن محتواها",
]

NOT_DISCLAIMERS = [
    # one clause quoting the idiom: not enough evidence on its own
    "الآراء الواردة في التعليقات لا تعبر عن رأي الموقع",
    # news about comments: reported speech
    "وقال مدير الموقع إن التعليقات المسيئة ستحذف، وإن الإدارة تتحمل مسؤولية المراجعة",
    # news about comments: no site voice
    "حذفت الشركة آلاف التعليقات المسيئة، وتعهدت بمراجعة سياسة الاستخدام",
    "رفض المتحدث التعليق على مسؤولية الحكومة عن الأزمة",
]


@pytest.mark.parametrize("text", DISCLAIMERS)
def test_disclaimers_of_several_site_styles(text):
    assert is_disclaimer(text)
    assert is_boilerplate(text, PageTexts())


@pytest.mark.parametrize("text", NOT_DISCLAIMERS)
def test_one_clause_or_news_is_not_a_disclaimer(text):
    assert not is_disclaimer(text)


def test_long_policy_paragraph_is_prose():
    text = DISCLAIMERS[0] + " " + "وتتابع الصحيفة تغطية الأحداث في المنطقة يوما بيوم. " * 10
    assert not is_disclaimer(text)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("اقرأ أيضاً: الحكومة تعلن خطة جديدة", "related"),
        ("« إقرأ أيضا » عنوان آخر", "related"),
        ("الأكثر قراءة اليوم", "popular"),
        ("اقرأوا التقرير كاملا", None),
        ("ذاتية القيادة تنتشر في المدن", None),
    ],
)
def test_read_also_markers_are_whole_words(line, expected):
    assert marker_kind(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("بقلم: سارة الأحمد", True),
        ("كتب - محمد علي", True),
        ("إعداد: قسم التحقيقات", True),
        ("تحرير الموصل من التنظيم", False),
        ("تقرير يكشف ارتفاع الأسعار", False),
        ("كتابة التاريخ من جديد", False),
        ("Byron Smith", False),
    ],
)
def test_byline_markers(line, expected):
    assert starts_with_byline_marker(line) is expected


def test_byline_label_without_colon_is_not_an_author():
    root = document_fromstring(
        "<html><body><strong>تقرير يكشف ارتفاع الأسعار</strong>"
        "<p>إعداد: <a href='/w/1'>ليلى حسن</a></p></body></html>"
    )
    assert byline_candidates(root) == ["إعداد: ليلى حسن"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("تحرير: منى سعيد", "منى سعيد"),
        ("بقلم: سارة الأحمد، من بيروت", "سارة الأحمد"),
        ("كتب: سامي العلي الأربعاء 16 مارس 2016", "سامي العلي"),
        ("By Sam Reed and Ana Ruiz on Tuesday, May 5, 2020", "Sam Reed and Ana Ruiz"),
    ],
)
def test_clean_author_strips_markers_and_dates(value, expected):
    assert clean_author(value, {}) == expected


def test_update_date_on_a_published_line_is_labelled_by_the_date_reader():
    page = document_fromstring(
        "<html><body><h1>عنوان</h1>"
        "<p class='meta'>نشر في: 3 مايو 2024 - 10:00 | آخر تحديث: 4 مايو 2024 - 09:30</p>"
        "</body></html>"
    )
    assert visible_dates(page, tz="+03:00") == ["2024-05-03T10:00:00+03:00"]
    assert visible_dates(page, modified=True, tz="+03:00") == ["2024-05-04T09:30:00+03:00"]


def test_class_hint_decides_only_for_unlabelled_dates():
    page = document_fromstring(
        "<html><body><h1>عنوان</h1><span class='updated'>5 مايو 2024 - 08:00</span>"
        "<span class='updated'>نشر في 3 مايو 2024 - 10:00</span></body></html>"
    )
    assert visible_dates(page, modified=True) == ["2024-05-05T08:00:00+00:00"]
    assert visible_dates(page) == ["2024-05-03T10:00:00+00:00"]


def test_short_sentences_survive_extraction():
    body = [
        "افتتحت الحكومة اليوم مشروعا جديدا لتحلية مياه البحر في المدينة الساحلية، بتكلفة تجاوزت "
        "مئتي مليون دولار، ومن المنتظر أن يغطي حاجة ربع مليون نسمة.",
        "سجلت البورصة ارتفاعا بنسبة 2%",
        "وأوضح المسؤولون أن المرحلة الثانية من المشروع ستبدأ العام المقبل بعد تقييم نتائج المرحلة "
        "الأولى، مع توسيع الشبكة لتشمل القرى المجاورة.",
        "انضمام شركات خاصة إلى المشروع",
        "ويأمل السكان أن ينهي المشروع أزمة انقطاع المياه المتكررة في فصل الصيف، والتي دفعت كثيرين "
        "إلى شراء المياه بأسعار مرتفعة.",
    ]
    html = (
        "<html><head><title>مشروع لتحلية المياه</title></head><body><h1>مشروع لتحلية المياه</h1>"
        "<div class='article'>"
        + "".join(f"<p>{p}</p>" for p in body)
        + "<p>المصدر: وكالات</p><p>شارك الخبر عبر واتساب</p></div></body></html>"
    )
    article = extract_article(html, "https://sahil.example/news/1")
    assert article is not None
    assert article.body == "\n\n".join(body)
