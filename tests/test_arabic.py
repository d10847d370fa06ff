"""Tests for newscrawl.arabic: output normalisation, matching normalisation, shingles."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newscrawl.arabic import (
    fold_letters,
    normalize_for_matching,
    normalize_text,
    strip_diacritics,
    to_western_digits,
    word_shingles,
)

_INVISIBLE = [
    "\u200b",
    "\u200c",
    "\u200d",
    "\u200e",
    "\u200f",
    "\u202a",
    "\u202b",
    "\u202c",
    "\u202d",
    "\u202e",
    "\u2066",
    "\u2067",
    "\u2068",
    "\u2069",
    "\ufeff",
    "\u061c",
    "\u0640",
]


@pytest.mark.parametrize("mark", _INVISIBLE, ids=[f"U+{ord(c):04X}" for c in _INVISIBLE])
def test_normalize_text_drops_each_invisible_character(mark: str) -> None:
    assert normalize_text(f"{mark}الخبر{mark} العاجل{mark}") == "الخبر العاجل"


def test_normalize_text_keeps_diacritics_and_punctuation() -> None:
    text = "قالَ الوزيرُ: «الاقتصادُ ينمو»، وأضافَ (٣٪)."
    assert normalize_text(text) == text


def test_normalize_text_collapses_every_kind_of_space() -> None:
    assert normalize_text(" أ\u00a0\u00a0ب\t\nج\u2003 د\u3000 ") == "أ ب ج د"


def test_normalize_text_composes_to_nfc() -> None:
    # Alef + combining hamza above composes to the single letter U+0623.
    assert normalize_text("\u0627\u0654") == "\u0623"
    assert normalize_text("\u0627\u200b\u0654") == "\u0623"  # once the mark is gone


def test_to_western_digits_covers_eastern_and_persian() -> None:
    assert to_western_digits("٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹ 42") == "0123456789 0123456789 42"


def test_fold_letters_unifies_spelling_variants() -> None:
    assert fold_letters("أإآٱ ى ة ؤ ئ") == "اااا ي ه و ي"


def test_strip_diacritics_removes_all_harakat_and_dagger_alef() -> None:
    assert strip_diacritics("هٰذَا كِتَابٌ مُفِيدٌ جِدًّا") == "هذا كتاب مفيد جدا"


def test_normalize_for_matching_equates_variant_spellings() -> None:
    variants = [
        "إنّ الرئيسَ أكّد: «المرحلة القادمة ٢٠٢٤»!",
        "ان الرئيس اكد المرحله القادمه 2024",
        "\u200fإن  الرئيـــس أكد، المرحلة القادمة ۲۰۲۴",
    ]
    assert len({normalize_for_matching(v) for v in variants}) == 1


def test_normalize_for_matching_lowercases_latin_and_drops_punctuation() -> None:
    assert normalize_for_matching("COVID-19: Breaking_News!") == "covid 19 breaking news"


def test_word_shingles_overlap_for_near_duplicates() -> None:
    first = "أعلنت الحكومة اليوم عن خطة جديدة لدعم الفلاحين في المناطق الجبلية"
    second = "أعلنت الحكومةُ اليومَ عن خطة جديدة لدعم الفلاحين في المناطق الجبليّة."
    other = "فاز المنتخب الوطني بكأس البطولة بعد مباراة مثيرة أمام منافسه"
    a, b, c = word_shingles(first), word_shingles(second), word_shingles(other)
    assert a == b
    assert len(a) == len(first.split()) - 2
    assert not a & c


def test_word_shingles_rejects_k_below_one() -> None:
    with pytest.raises(ValueError, match="k must be at least 1"):
        word_shingles("نص", k=0)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_normalisations_are_idempotent(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once
    matched = normalize_for_matching(text)
    assert normalize_for_matching(matched) == matched
    assert "  " not in matched and matched == matched.strip()
