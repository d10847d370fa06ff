"""Issue 9, classes 8 and 7: a tatweel that separates a prefix is kept in every output field, and
a byline is the author even when it names the publication. Own pages and strings only."""

from __future__ import annotations

import pytest
from lxml.html import document_fromstring

from newscrawl.arabic import normalize_for_matching, normalize_text
from newscrawl.extraction import extract_article
from newscrawl.extraction.byline import byline_candidates
from newscrawl.extraction.processors import clean_author

URL = "https://wadi.example/news/2025/02/10/flood"
PARAGRAPHS = (
    "أعلنت السلطات المحلية حالة التأهب القصوى بعد ارتفاع منسوب المياه في الوادي، ووجهت الدعوة "
    "لـالجيش للمساعدة في إجلاء السكان من القرى المنخفضة القريبة من مجرى السيل.",
    "وقال مسؤول في الدفاع المدني إن الفرق الميدانية تعمل منذ الفجر، وإن الخسائر قدرت بـ25 مليون "
    "دينار في الساعات الأولى، مع توقعات بارتفاعها خلال الأيام المقبلة.",
    "وأضاف أن المدارس ستبقى مغلقة حتى نهاية الأسبوع، وأن لجنة خاصة ستقدم تقريرها إلى الحكومة "
    "بعد انحسار المياه وتقييم الأضرار التي لحقت بالطرق والجسور.",
)


def flood_page(byline: str = "", head: str = "", title: str = "تكريم لـأم صلال بعد الفيضان") -> str:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (
        f"<html><head><title>{title} - أخبار الوادي</title>{head}</head><body>"
        f"<h1>{title}</h1>{byline}<div class='content'>{body}</div>"
        "<div class='related'><h3>اقرأ أيضا</h3><ul>"
        "<li><a href='/news/2025/02/09/dam'>دعم لـالجيش في حماية السد</a></li>"
        "<li><a href='/news/2025/02/08/rain'>أمطار غزيرة تضرب المنطقة الشمالية</a></li>"
        "</ul></div></body></html>"
    )


# --- class 8: tatweel ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("دعوة لـالجيش", "دعوة لـالجيش"),  # a one-letter preposition kept apart from "الجيش"
        ("تكريم لـأم صلال", "تكريم لـأم صلال"),
        ("خسائر بـ25 مليونا", "خسائر بـ25 مليونا"),
        ("وبـالتالي", "وبـالتالي"),  # conjunction + preposition
        ("الـــعـربـيـة", "العربية"),  # decorative runs inside a word go
        ("فـي الـبيت", "في البيت"),
        ("1445 هـ", "1445 ه"),
    ],
)
def test_output_keeps_separating_tatweel_only(text: str, expected: str) -> None:
    assert normalize_text(text) == expected


def test_matching_drops_every_tatweel() -> None:
    assert normalize_for_matching("لـالجيش") == normalize_for_matching("لالجيش") == "لالجيش"


def test_body_title_and_related_titles_keep_the_prefix_apart() -> None:
    article = extract_article(flood_page(), URL)
    assert article is not None
    assert article.title == "تكريم لـأم صلال بعد الفيضان"
    assert "لـالجيش للمساعدة" in article.body and "بـ25 مليون" in article.body
    titles = [link.title for link in article.related_links]
    assert titles == ["دعم لـالجيش في حماية السد", "أمطار غزيرة تضرب المنطقة الشمالية"]


# --- class 7: bylines that name the publication ----------------------------------------------

SITE = '<meta property="og:site_name" content="مشاهد24">'


def test_byline_naming_the_publication_is_the_author() -> None:
    byline = "<div class='meta'>بقلم: <a rel='author' href='/author/site'>مشاهد24</a></div>"
    article = extract_article(flood_page(byline, SITE), URL)
    assert article is not None and article.authors == ["مشاهد24"]


def test_metadata_author_naming_the_site_is_still_not_an_author() -> None:
    head = SITE + '<meta name="author" content="مشاهد24">'
    article = extract_article(flood_page("", head), URL)
    assert article is not None and article.authors == []


@pytest.mark.parametrize(
    ("byline", "author"),
    [
        ("<p>كتب بواسطة: يوسف العمري</p>", "يوسف العمري"),
        ("<div class='post-author'>نشر بواسطة <span>سلمى عيسى</span></div>", "سلمى عيسى"),
        (
            "<div class='postmeta'>نشر في : 10 فبراير 2025 | القسم: <a href='/c/local'>محليات</a>"
            " | كتبه: ليلى حداد</div>",
            "ليلى حداد",
        ),
        (
            "<div class='postmeta'>10 فبراير 2025 | بقلم: <a href='/w/9'>مراد بن سالم</a></div>",
            "مراد بن سالم",
        ),
    ],
)
def test_byline_labels_are_stripped_whole(byline: str, author: str) -> None:
    article = extract_article(flood_page(byline), URL)
    assert article is not None and article.authors == [author]


def test_a_meta_line_byline_is_found_but_not_in_long_text() -> None:
    prose = "نص طويل " * 40
    root = document_fromstring(f"<html><body><div>{prose} | كتبه: أحد القراء</div></body></html>")
    assert byline_candidates(root) == []


def test_digits_glued_to_a_name_stay_and_free_dates_go() -> None:
    assert clean_author("بقلم: مشاهد24", {}) == "مشاهد24"
    assert clean_author("كتب: سامي العلي 16 مارس 2016", {}) == "سامي العلي"
