"""Paragraph-level boilerplate: lines that sit inside article containers but are not the article.

Each rule is a prefix or phrase that, on a *short* line, is chrome; long lines are kept because
the same words open real sentences ("شارك الوزير في ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newscrawl.arabic import normalize_for_matching
from newscrawl.extraction.related import marker_kind

_PROMPT_PREFIXES = (
    "شارك", "شاركها", "تابعونا", "تابعوا", "تابعنا", "اشترك", "للاشتراك", "سجل", "انضم",
    "حمل تطبيق", "لمتابعه", "لمزيد من الاخبار", "اضغط هنا", "اقرا ايضا", "اقرا المزيد",
    "المصدر", "الصوره",
    "الاكثر قراءه", "اخبار ذات صله", "مواضيع ذات صله", "نشر في", "تاريخ النشر", "اخر تحديث",
    "تم النشر", "تم نشره", "نشر بتاريخ", "تحديث", "share", "follow us", "subscribe", "sign up",
    "advertisement", "comments",
)  # fmt: skip
_BYLINE_PREFIXES = ("بقلم", "كتب", "كتبت", "بواسطه", "اعداد", "تحرير", "حوار", "by ")
# Comment-policy and disclaimer boxes: two of these phrases in one short paragraph.
_DISCLAIMER_PHRASES = (
    "الاراء الوارده", "لا تعبر عن راي", "ارشادات الاستخدام", "سياسه الخصوصيه", "شروط استخدام",
    "مراجعه التعليقات", "قبل نشرها",
)  # fmt: skip
_DISCLAIMER_MAX_CHARS = 450
_COPYRIGHT_RE = re.compile(r"©|جميع الحقوق محفوظة|all rights reserved|copyright", re.I)
_DATE_WORDS = frozenset(
    " ".join(
        (
            "يناير فبراير مارس ابريل مايو يونيو يوليو اغسطس سبتمبر اكتوبر نوفمبر ديسمبر",
            "كانون الثاني الاول شباط اذار نيسان ايار حزيران تموز اب ايلول تشرين",
            "جانفي فيفري افريل ماي جوان جويليه اوت",
            "الاحد الاثنين الثلاثاء الاربعاء الخميس الجمعه السبت",
            "ص م صباحا مساء ظهرا am pm gmt utc بتوقيت الساعه",
            "منذ قبل دقيقه دقائق ساعه ساعات يوم ايام في هـ",
        )
    ).split()
)
_PROMPT_MAX_CHARS = 90
_PROMPT_MAX_WORDS = 10
_READ_ALSO_MAX_WORDS = 16
_BYLINE_MAX_CHARS = 70


@dataclass(frozen=True)
class PageTexts:
    """Texts of the page that must not be repeated as body paragraphs (matching-normalised)."""

    title: str = ""
    caption: str = ""


def is_dateline(text: str) -> bool:
    """A line made only of a date/time (with weekday, month names, digits, AM/PM).

    >>> is_dateline("الأربعاء 16 مارس 2016 - 11:42 ص")
    True
    >>> is_dateline("قال الوزير إن الاجتماع سيعقد في 16 مارس")
    False
    """
    folded = normalize_for_matching(text)
    if not folded or len(folded) > 60 or not re.search(r"\d", folded):
        return False
    return all(re.search(r"\d", word) or word in _DATE_WORDS for word in folded.split())


def is_boilerplate(text: str, page: PageTexts) -> bool:
    """Whether a body paragraph is chrome (prompt, byline, copyright, dateline, repeat).

    >>> is_boilerplate("شارك هذا الخبر على فيسبوك", PageTexts())
    True
    >>> is_boilerplate("بقلم: سارة الأحمد", PageTexts())
    True
    >>> is_boilerplate("جميع الحقوق محفوظة © 2024", PageTexts())
    True
    >>> line = "شارك الوزير في افتتاح المعرض الدولي للكتاب الذي أقيم هذا العام بحضور عدد كبير"
    >>> is_boilerplate(line, PageTexts())
    False
    """
    folded = normalize_for_matching(text)
    if not folded:
        return True
    if page.title and folded == page.title:
        return True
    if page.caption and folded == page.caption:
        return True
    short = len(text) <= _PROMPT_MAX_CHARS and len(folded.split()) <= _PROMPT_MAX_WORDS
    if short and folded.startswith(_PROMPT_PREFIXES):
        return True
    if len(text) <= _BYLINE_MAX_CHARS and folded.startswith(_BYLINE_PREFIXES):
        return True
    if len(text) <= 200 and _COPYRIGHT_RE.search(text):
        return True
    if len(folded.split()) <= _READ_ALSO_MAX_WORDS and marker_kind(text):
        return True
    if len(text) <= _DISCLAIMER_MAX_CHARS and sum(p in folded for p in _DISCLAIMER_PHRASES) >= 2:
        return True
    return is_dateline(text)
