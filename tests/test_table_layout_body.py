"""Issue 9, class 1: the body of a table-layout page is its text, not the menu, breadcrumb,
tool links or readers' comments around it. Own pages only (no page text is copied)."""

from __future__ import annotations

import pytest
from lxml.html import fragment_fromstring

from newscrawl.extraction import extract_article, extract_page
from newscrawl.extraction.boilerplate import PageTexts, is_boilerplate
from newscrawl.extraction.navrows import drop_link_rows

HEADLINE = "افتتاح مكتبة عامة جديدة في الحي القديم بعد سنوات من الانتظار"
PARAGRAPHS = (
    "افتتحت البلدية صباح اليوم مكتبة عامة جديدة في الحي القديم تضم أكثر من عشرين ألف كتاب "
    "وقاعة للمطالعة تتسع لمئة قارئ.",
    "وقال رئيس البلدية إن المكتبة ستفتح أبوابها طوال أيام الأسبوع، وإن الاشتراك فيها مجاني "
    "لطلاب المدارس والجامعات من سكان المدينة.",
    "وأضاف أن المرحلة الثانية من المشروع تشمل ركنا للأطفال وقاعة للحواسيب، على أن تنتهي "
    "الأعمال فيها قبل نهاية العام المقبل.",
    "ورحب سكان الحي بالمشروع، معتبرين أنه يعيد الحياة إلى المباني التاريخية المهملة منذ عقود.",
)
MENU = (
    "<a href='index.php'>الصفحة الرئيسية</a> | <a href='cat.php?c=1'>أخبار محلية</a> | "
    "<a href='cat.php?c=2'>عربي ودولي</a> | <a href='cat.php?c=3'>الرياضة</a> | "
    "<a href='cat.php?c=4'>ثقافة وفنون</a>"
)
CRUMB = (
    "<a href='index.php'>الرئيسية</a> » <a href='cat.php?c=1'>أخبار محلية</a> » "
    "افتتاح مكتبة عامة جديدة"
)
TOOLS = "<a href='print.php?id=5'>نسخة للطباعة</a> - <a href='mail.php?id=5'>أرسل الخبر</a>"
COMMENTS = (
    "<tr><td><b>تعليقات القراء (2)</b></td></tr>"
    "<tr><td><b>سامي</b><br>مبروك لأهل الحي على هذه المكتبة التي طال انتظارها كثيرا<br>"
    "<b>هدى</b><br>نتمنى أن تفتتح مكتبات مماثلة في الأحياء المجاورة قريبا</td></tr>"
    "<tr><td><b>أضف تعليقا</b><form><textarea name='c'></textarea></form></td></tr>"
)


def table_page(*, crumb: str = CRUMB, comments: str = COMMENTS) -> str:
    """An old PHP site: everything in table cells, the text one <br>-separated cell."""
    text = "<br><br>".join(PARAGRAPHS)
    return (
        f"<html dir='rtl'><head><title>جريدة الوادي - {HEADLINE}</title></head><body>"
        "<table width='100%'><tr><td><img src='logo.gif'></td></tr>"
        f"<tr><td class='menu'>{MENU}</td></tr><tr><td valign='top'><table>"
        f"<tr><td>{crumb}</td></tr><tr><td><font class='title'>{HEADLINE}</font></td></tr>"
        "<tr><td><font size='1'>أمس</font></td></tr>"
        f"<tr><td class='text'>{text}</td></tr><tr><td>{TOOLS}</td></tr>{comments}"
        "</table></td></tr></table></body></html>"
    )


def body_of(html: str) -> list[str]:
    article = extract_article(html, "http://alwadi.example/news.php?id=5")
    assert article is not None and article.body
    return article.body.split("\n\n")


def test_table_layout_body_is_the_text_cell_only() -> None:
    assert body_of(table_page()) == list(PARAGRAPHS)


def test_windows_1256_table_page_reads_the_same() -> None:
    html = table_page().replace("<head>", "<head><meta charset='windows-1256'>")
    article = extract_page(html.encode("cp1256"), "http://alwadi.example/news.php?id=5")
    assert article is not None and article.body.split("\n\n") == list(PARAGRAPHS)


def test_first_line_of_a_br_separated_cell_is_the_lead() -> None:
    # the cell's text before the first <br> is no element of its own: it used to be lost
    html = table_page(crumb="", comments="")
    assert body_of(html)[0] == PARAGRAPHS[0]


def test_breadcrumb_in_the_text_cell_is_cut_the_text_stays() -> None:
    cell = fragment_fromstring(f"<td>{CRUMB}<br><br>{'<br><br>'.join(PARAGRAPHS)}</td>")
    assert drop_link_rows(cell) == 1
    assert cell.text_content().strip().startswith(PARAGRAPHS[0][:20])


@pytest.mark.parametrize(
    "html",
    [
        "<p>قال <a href='/a'>الوزير</a> إن <a href='/b'>الحكومة</a> ستدعم "
        "<a href='/c'>البلديات</a></p>",
        "<p><a href='/a'>الرئيسية</a> الجديدة للمنتخب هي ملعب المدينة</p>",
        "<p>المصادر: <a href='/a'>وكالة الأنباء</a> و<a href='/b'>الإذاعة</a></p>",
        "<ul><li><a href='/a'>تقرير مفصل عن أسعار المواد الغذائية في الأسواق المحلية اليوم</a></li>"
        "<li><a href='/b'>تحقيق حول ظروف العمل في مصانع النسيج بالمنطقة الصناعية</a></li></ul>",
    ],
)
def test_links_inside_sentences_and_long_link_lists_stay(html: str) -> None:
    element = fragment_fromstring(f"<div>{html}</div>")
    before = element.text_content()
    assert drop_link_rows(element) == 0
    assert element.text_content() == before


@pytest.mark.parametrize(
    "line",
    ["الرئيسية » أخبار محلية » افتتاح مكتبة", "الصفحة الرئيسية > رياضة", "أمس", "أول أمس"],
)
def test_breadcrumb_and_relative_day_lines_are_chrome(line: str) -> None:
    assert is_boilerplate(line, PageTexts())


def test_readers_comments_end_the_body() -> None:
    html = table_page(crumb="")
    assert not {"سامي", "هدى"} & {word for p in body_of(html) for word in p.split()}


def test_a_comment_count_above_the_text_does_not_cut_it() -> None:
    # the "3 تعليقات" link of a meta line sits above the article: one chrome line, not the end
    text = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    html = (
        f"<html><head><title>{HEADLINE}</title></head><body><article><h1>{HEADLINE}</h1>"
        f"<div class='meta'><span>3 تعليقات</span></div>{text}</article></body></html>"
    )
    assert body_of(html) == list(PARAGRAPHS)


def test_a_commentary_subheading_inside_the_article_is_not_the_comments() -> None:
    text = "".join(f"<p>{p}</p>" for p in PARAGRAPHS[:2])
    rest = "".join(f"<p>{p}</p>" for p in PARAGRAPHS[2:])
    html = (
        f"<html><head><title>{HEADLINE}</title></head><body><article><h1>{HEADLINE}</h1>"
        f"{text}<h3>تعليق</h3>{rest}</article></body></html>"
    )
    assert body_of(html) == [*PARAGRAPHS[:2], "تعليق", *PARAGRAPHS[2:]]
