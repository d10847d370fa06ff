"""Date forms of issue 9 (class 9): "أمس" alone, separators between spaces, a time after "|",
and the places such dates sit on a page (long meta lines, glued spans, bare table cells)."""

from __future__ import annotations

from datetime import datetime

import pytest
from lxml.html import document_fromstring

from newscrawl.dates import find_dates_in_text, parse_date
from newscrawl.extraction import extract_article
from newscrawl.extraction.visible import visible_dates

NOW = datetime.fromisoformat("2026-03-20T12:00:00+00:00")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("15 - 03 - 2016", "2016-03-15T00:00:00+03:00"),
        ("نشر في : 15 - 03 - 2016", "2016-03-15T00:00:00+03:00"),
        ("نشر في : 02 - 12 - 2025 | 15:36", "2025-12-02T15:36:00+03:00"),
        ("2016 / 03 / 15 - 10:05", "2016-03-15T10:05:00+03:00"),
        ("نشر في : الأربعاء 2 ديسمبر 2025 على الساعة 14:40", "2025-12-02T14:40:00+03:00"),
        ("2 ديسمبر 2025 | 07:49", "2025-12-02T07:49:00+03:00"),
        ("أمس", "2026-03-19T00:00:00+03:00"),
        ("نشر في: أمس", "2026-03-19T00:00:00+03:00"),
        ("أول أمس", "2026-03-18T00:00:00+03:00"),
        ("2 ديسمبر 2025 10:00 غرينتش +1", "2025-12-02T10:00:00+01:00"),
    ],
)
def test_date_forms(text: str, expected: str) -> None:
    parsed = parse_date(text, now=NOW, tz="+03:00")
    assert parsed is not None and parsed.isoformat() == expected


@pytest.mark.parametrize(
    "text",
    [
        "قال الوزير أمس إن المفاوضات مستمرة",  # "أمس" inside a sentence is a word
        "اليوم",  # a section name, a tab label: never a date alone
        "أمس 5",
        "الفترة 2024 - 2025",
        "فاز الفريق 3 - 1 في 2016",
        "5 / 2",
    ],
)
def test_not_dates(text: str) -> None:
    assert parse_date(text, now=NOW) is None


def test_spaced_date_keeps_its_label() -> None:
    found = find_dates_in_text("نشر في : 02 - 12 - 2025 | 15:36 | آخر تحديث : 03 - 12 - 2025")
    assert [(f.value.isoformat(), f.label) for f in found] == [
        ("2025-12-02T15:36:00+00:00", "published"),
        ("2025-12-03T00:00:00+00:00", "modified"),
    ]


_LASTMOD = {"lastmod": "2025-12-03T09:30:00Z"}  # what the sitemap says


def _page(meta: str) -> str:
    body = "".join(
        f"<p>فقرة طويلة من نص الخبر رقم {i} تتحدث عن تفاصيل الموضوع.</p>" for i in range(6)
    )
    return (
        f"<html><head><title>عنوان الخبر</title></head><body><h1>عنوان الخبر</h1>{meta}"
        f"<div class='entry'>{body}</div></body></html>"
    )


def test_long_meta_line_is_read_up_to_its_date() -> None:
    meta = (
        "<div class='postmeta'>نشر في : الأربعاء 2 ديسمبر 2025 على الساعة 14:47 | القسم: "
        "<a href='/c/'>سياسة واقتصاد ومجتمع</a> | كتبه: ليلى حداد من مكتب العاصمة</div>"
    )
    assert visible_dates(document_fromstring(_page(meta)), tz="+01:00") == [
        "2025-12-02T14:47:00+01:00"
    ]


def test_glued_spans_are_separate_pieces() -> None:
    meta = "<div class='meta-info'><span>بواسطة علي</span><span>2 ديسمبر 2025 | 07:49</span>"
    meta += "<span>312</span></div>"
    assert visible_dates(document_fromstring(_page(meta)))[0] == "2025-12-02T07:49:00+00:00"


def test_date_only_a_class_calls_updated_is_the_publication_date() -> None:
    meta = "<time class='entry-date updated td-module-date'>2 ديسمبر 2025 | 07:49</time>"
    article = extract_article(_page(meta), "https://news.example/khabar/")
    assert article is not None and article.published_at == "2025-12-02T07:49:00+00:00"


@pytest.mark.parametrize(
    ("cell", "expected"),
    [("03 - 12 - 2025", "2025-12-03T00:00:00+00:00"), ("أمس", "yesterday")],
)
def test_bare_date_cell_of_a_table_layout(cell: str, expected: str) -> None:
    meta = f"<table><tr><td><font size='1' color='#999999'>{cell}</font></td></tr></table>"
    article = extract_article(_page(meta), "https://news.example/article.php?id=12")
    assert article is not None and article.published_at is not None
    if expected == "yesterday":
        published = datetime.fromisoformat(article.published_at)
        assert (published.hour, published.minute) == (0, 0)
        assert (datetime.now(published.tzinfo).date() - published.date()).days == 1
    else:
        assert article.published_at == expected


def test_bare_date_comes_after_the_url_date() -> None:
    meta = "<div><font size='1'>03 - 12 - 2025</font></div>"
    article = extract_article(_page(meta), "https://news.example/2025/12/01/khabar")
    assert article is not None and article.published_at == "2025-12-01T00:00:00+00:00"


@pytest.mark.parametrize(
    ("meta", "lastmod", "modified"),
    [
        ("<p>آخر تحديث: 3 ديسمبر 2025 - 11:00</p>", _LASTMOD, "2025-12-03T11:00:00+00:00"),
        # words win over a date only a class calls "updated" (often the post date, hAtom)
        (
            "<time class='entry-date updated'>2 ديسمبر 2025 | 07:49</time>"
            "<p>آخر تحديث: 3 ديسمبر 2025 - 11:00</p>",
            _LASTMOD,
            "2025-12-03T11:00:00+00:00",
        ),
        # the class-"updated" date is the post date here (the page's only date): no update;
        # the sitemap's later lastmod is the site's own word that the page changed
        (
            "<time class='entry-date updated'>2 ديسمبر 2025 | 07:49</time>",
            _LASTMOD,
            "2025-12-03T09:30:00+00:00",
        ),
        ("<time class='entry-date updated'>2 ديسمبر 2025 | 07:49</time>", {}, None),
        # a class-"updated" date later than the publication is an update
        (
            "<p>نشر في: 1 ديسمبر 2025 - 10:00</p>"
            "<time class='entry-date updated'>2 ديسمبر 2025 | 07:49</time>",
            {},
            "2025-12-02T07:49:00+00:00",
        ),
        # a lastmod no later than the publication says the page never changed
        ("<p>نشر في: 3 ديسمبر 2025 - 10:00</p>", {"lastmod": "2025-12-03T09:30:00Z"}, None),
    ],
)
def test_update_time_words_before_class(
    meta: str, lastmod: dict[str, str], modified: str | None
) -> None:
    article = extract_article(_page(meta), "https://news.example/khabar/", hints=lastmod)
    assert article is not None and article.modified_at == modified
