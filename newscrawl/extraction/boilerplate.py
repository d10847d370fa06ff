"""Paragraph-level boilerplate: lines that sit inside article containers but are not the article.

Each rule applies to *short* lines only, and markers count as whole words at the start of the
line (``newscrawl.lexicon``): the same words open real sentences ("شارك الوزير في ...",
"سجلت البورصة ..."). The words themselves live in the lexicon; this module only says how much
of a line they must cover.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newscrawl.arabic import normalize_for_matching
from newscrawl.dates import is_date_line
from newscrawl.extraction.byline import starts_with_byline_marker
from newscrawl.extraction.related import marker_kind
from newscrawl.lexicon import (
    BEFORE_YESTERDAY_WORDS,
    CALL_CUES,
    CALL_VERBS,
    COMMENT_HEADINGS,
    COPYRIGHT_CUES,
    CREDIT_LABELS,
    DISCLAIMER_STANCES,
    DISCLAIMER_SUBJECTS,
    DISCLAIMER_VOICES,
    HOME_CRUMBS,
    REPORTING_VERBS,
    SHARE_PROMPTS,
    YESTERDAY_WORDS,
    cue_re,
    opener,
    opening,
)

_PROMPTS = opener(SHARE_PROMPTS)
_CALL_VERBS = opener(CALL_VERBS)
_CALL_CUE_RE = cue_re(CALL_CUES)
_CREDITS = opener(CREDIT_LABELS, label=True)
# "©" is punctuation to matching normalisation: symbols are looked for in the raw text
_COPYRIGHT_SYMBOLS = tuple(c for c in COPYRIGHT_CUES if not normalize_for_matching(c))
_COPYRIGHT_RE = cue_re(c for c in COPYRIGHT_CUES if normalize_for_matching(c))
_SUBJECT_RE = cue_re(DISCLAIMER_SUBJECTS, stems=True)
_STANCE_RE = cue_re(DISCLAIMER_STANCES, stems=True)
_VOICE_RE = cue_re(DISCLAIMER_VOICES, stems=True)
_REPORTING_RE = cue_re(REPORTING_VERBS)
_HOME = opener(HOME_CRUMBS)
# "»" and "«" also quote speech in Arabic: only right after a home crumb are they steps
_CRUMB_STEP_RE = re.compile(r"\s*[»«›‹><|/\\]|\s+[-–—]\s")
_CRUMB_MAX_CHARS = 200
_COMMENT_HEADINGS = frozenset(normalize_for_matching(h) for h in COMMENT_HEADINGS)
_COMMENT_HEADING_MAX_CHARS = 60
_DIGITS_RE = re.compile(r"\d+")
# a relative day alone on a line ("أمس") is where a date stood, never a sentence
_RELATIVE_DAYS = frozenset(
    normalize_for_matching(w.replace("_", " "))
    for w in (*YESTERDAY_WORDS.split(), *BEFORE_YESTERDAY_WORDS.split())
)
_CLAUSE_SPLIT_RE = re.compile(r"[.!?؟؛;،,:\n]|\s[-–—]\s")
_DISCLAIMER_MAX_CHARS = 450
_PROMPT_MAX_CHARS = 90
_PROMPT_MAX_WORDS = 10
_READ_ALSO_MAX_WORDS = 16
_BYLINE_MAX_CHARS = 70
_COPYRIGHT_MAX_CHARS = 200
_DATELINE_MAX_CHARS = 90


@dataclass(frozen=True)
class PageTexts:
    """Texts of the page that must not be repeated as body paragraphs (matching-normalised)."""

    title: str = ""
    caption: str = ""
    authors: tuple[str, ...] = ()  # as written (not folded): cut out of a line to read the rest


def is_meta_line(text: str, authors: tuple[str, ...]) -> bool:
    """A line of the article's date and author names, with no label to say so.

    >>> is_meta_line("02/12/2026 01:30 ص إيمان الصباغ", ("إيمان الصباغ",))
    True
    >>> is_meta_line("إيمان الصباغ", ("إيمان الصباغ",))
    True
    >>> is_meta_line("قالت إيمان الصباغ إن الخطة ستنفذ في 2026", ("إيمان الصباغ",))
    False
    """
    if not authors or len(text) > _DATELINE_MAX_CHARS:
        return False
    rest = text
    for author in authors:
        rest = rest.replace(author, " ")
    if rest == text:
        return False
    rest = " ".join(rest.split()).strip(" |-–—،,")
    return not rest or is_dateline(rest)


def is_dateline(text: str) -> bool:
    """A short line made only of date words (weekday, month names, digits, AM/PM, labels).

    >>> is_dateline("الأربعاء 16 مارس 2016 - 11:42 ص"), is_dateline("نشر في: 2024/05/01")
    (True, True)
    >>> is_dateline("قال الوزير إن الاجتماع سيعقد في 16 مارس")
    False
    """
    if len(text) > _DATELINE_MAX_CHARS:
        return False
    return is_date_line(text) or normalize_for_matching(text) in _RELATIVE_DAYS


def is_breadcrumb(text: str) -> bool:
    """A breadcrumb line: the home page's name, then a step separator.

    >>> is_breadcrumb("الرئيسية » أخبار محلية » افتتاح جسر"), is_breadcrumb("الرئيسية > منوعات")
    (True, True)
    >>> is_breadcrumb("الرئيسية للمؤتمر هي الجلسة الختامية")
    False
    """
    if len(text) > _CRUMB_MAX_CHARS:
        return False
    home = opening(_HOME, text)
    return bool(home and _CRUMB_STEP_RE.match(text, home.end()))


def is_comment_heading(text: str) -> bool:
    """A line heading the readers' comments: "التعليقات (4)", "أضف تعليقك", "3 تعليقات".

    >>> is_comment_heading("التعليقات (4)"), is_comment_heading("أضف تعليقك")
    (True, True)
    >>> is_comment_heading("تعليقات الوزير أثارت جدلا واسعا")
    False
    """
    if len(text) > _COMMENT_HEADING_MAX_CHARS:
        return False
    folded = " ".join(_DIGITS_RE.sub(" ", normalize_for_matching(text)).split())
    return folded in _COMMENT_HEADINGS


def is_prompt(text: str) -> bool:
    """A call to share, follow, subscribe or register.

    "شارك", "سجل" and "انضم" also open news ("سجل الفريق هدفين"), so they need a cue that the
    reader is addressed ("الآن", "إلينا", a platform, "الخبر") or nothing after them.

    >>> is_prompt("شارك هذا الخبر على فيسبوك"), is_prompt("انضم إلينا على تلغرام")
    (True, True)
    >>> is_prompt("سجل الفريق هدفين في الشوط الأول"), is_prompt("سجلت البورصة ارتفاعا بنسبة 2%")
    (False, False)
    """
    if opening(_PROMPTS, text):
        return True
    verb = opening(_CALL_VERBS, text)
    if verb is None:
        return False
    rest = normalize_for_matching(text[verb.end() :])
    return not rest or bool(_CALL_CUE_RE.search(rest))


def is_disclaimer(text: str) -> bool:
    """A comment-policy or opinion disclaimer of the site.

    It speaks of what readers write (comments, opinions), in the site's own voice (the site,
    its management, "نرجو"), with no reported speech, and distances itself in at least two
    distinct clauses: one sentence quoting the same idiom is not enough evidence.

    >>> is_disclaimer("التعليقات المنشورة تعبر عن آراء أصحابها، ولا يتحمل الموقع أي مسؤولية عنها.")
    True
    >>> is_disclaimer("الآراء الواردة في التعليقات لا تعبر عن رأي الموقع")
    False
    """
    if len(text) > _DISCLAIMER_MAX_CHARS:
        return False
    folded = normalize_for_matching(text)
    if not (_SUBJECT_RE.search(folded) and _VOICE_RE.search(folded)):
        return False
    if _REPORTING_RE.search(folded):
        return False
    clauses = (normalize_for_matching(c) for c in _CLAUSE_SPLIT_RE.split(text))
    return sum(1 for c in clauses if _STANCE_RE.search(c) or _VOICE_RE.search(c)) >= 2


def is_copyright(text: str) -> bool:
    """A short copyright notice.

    >>> is_copyright("جميع الحقوق محفوظه © 2024"), is_copyright("All rights reserved")
    (True, True)
    """
    if len(text) > _COPYRIGHT_MAX_CHARS:
        return False
    if any(symbol in text for symbol in _COPYRIGHT_SYMBOLS):
        return True
    return bool(_COPYRIGHT_RE.search(normalize_for_matching(text)))


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
    if is_meta_line(text, page.authors):
        return True
    words = len(folded.split())
    short = len(text) <= _PROMPT_MAX_CHARS and words <= _PROMPT_MAX_WORDS
    if short and (is_prompt(text) or opening(_CREDITS, text)):
        return True
    if len(text) <= _BYLINE_MAX_CHARS and starts_with_byline_marker(text):
        return True
    if is_copyright(text) or is_disclaimer(text):
        return True
    if words <= _READ_ALSO_MAX_WORDS and marker_kind(text):
        return True
    return is_dateline(text) or is_breadcrumb(text) or is_comment_heading(text)
