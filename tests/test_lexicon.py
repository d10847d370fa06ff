"""The lexicon: one home for marker words, matched on word boundaries, shared with the dates."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from newscrawl import lexicon
from newscrawl.arabic import normalize_for_matching
from newscrawl.dates import find_dates_in_text
from newscrawl.dates.names import WORDS
from newscrawl.lexicon import finder, finding, opener, opening

PACKAGE = Path(__file__).resolve().parent.parent / "newscrawl"
# Extraction modules that read vocabulary: they take every word from the lexicon.
VOCABULARY_USERS = ("boilerplate", "byline", "processors", "related", "visible")
_ARABIC_LETTER_RE = re.compile("[\u0621-\u064a]")


@pytest.mark.parametrize(
    ("text", "opens"),
    [
        ("المصدر", True),
        ("المصدر: وكالات", True),
        ("(المصدر: وكالات)", True),
        ("المصدرون العرب", False),
        ("المصدر الرئيسي للدخل", False),
        ("المصـدر: وكالات", True),  # tatweel is skipped like a diacritic
    ],
)
def test_label_needs_a_separator_or_the_end(text, opens):
    assert bool(opening(opener(["المصدر"], label=True), text)) is opens


@pytest.mark.parametrize(
    ("text", "opens"),
    [
        ("سجل الآن", True),
        ("سجّل الآن", True),  # a shadda does not hide the word
        ("سجلت البورصة", False),
        ("وسجل الفريق", False),  # a glued conjunction makes another word
        ("انضمام", False),
        ("تحديثات", False),
    ],
)
def test_marker_is_a_whole_word(text, opens):
    assert bool(opening(opener(["سجل", "انضم", "تحديث"]), text)) is opens


def test_spelling_variants_match_both_ways():
    pattern = opener(["إقرأ أيضاً"])
    assert opening(pattern, "اقرا ايضا: خبر") and opening(pattern, "إقرأ أيضًا خبر")


def test_finding_keeps_offsets_of_the_original_text():
    text = "سامي العلي، الأربعاء ١٦ مارس"
    day = finding(finder(lexicon.WEEKDAYS.split()), text)
    assert day is not None and text[day.start() : day.end()] == "الأربعاء"


def test_month_and_weekday_words_are_the_date_readers():
    for number, names in (*lexicon.GREGORIAN_MONTHS, *lexicon.HIJRI_MONTHS):
        for name in names.split():
            folded = normalize_for_matching(name.replace("_", " ")).replace(" ", "_")
            assert WORDS[folded][1] == number, name
    for day in lexicon.WEEKDAYS.split():
        assert WORDS[normalize_for_matching(day)] == ("filler", None), day


@pytest.mark.parametrize(
    ("words", "label"),
    [(lexicon.PUBLISHED_MARKERS, "published"), (lexicon.MODIFIED_MARKERS, "modified")],
)
def test_published_and_updated_words_label_dates(words, label):
    for word in words.split():
        found = find_dates_in_text(f"{word} 3 مايو 2024 - 10:00")
        assert [f.label for f in found] == [label], word


def test_lists_hold_no_word_twice():
    lists = [
        value
        for name, value in vars(lexicon).items()
        if name.isupper() and isinstance(value, tuple) and all(isinstance(v, str) for v in value)
    ]
    for words in lists:
        folded = [normalize_for_matching(w) for w in words]
        assert len(folded) == len(set(folded)), words


def _arabic_literals(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
        and ast.get_docstring(node, clean=False) is not None
    }
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
        and _ARABIC_LETTER_RE.search(node.value)
    ]


@pytest.mark.parametrize("module", VOCABULARY_USERS)
def test_extraction_takes_its_words_from_the_lexicon(module):
    assert _arabic_literals(PACKAGE / "extraction" / f"{module}.py") == []
