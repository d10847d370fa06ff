"""The MinHash screen before `resemblance`: it may skip work, never a near-duplicate.

LSH proposes more candidates the larger the index grows (distinct articles of one site share
phrases), so unscreened verification made each check cost O(index size).
"""

from __future__ import annotations

import random

import pytest

import newscrawl.fingerprints as fingerprints
from newscrawl.fingerprints import (
    body_fingerprint,
    may_resemble,
    resemblance,
    sentence_key,
    sentences_fingerprint,
)
from newscrawl.pipelines.neardup import NearDuplicateIndex

WORDS = [
    "الحكومة",
    "الوزير",
    "المدينة",
    "البرلمان",
    "الاقتصاد",
    "المياه",
    "الكهرباء",
    "المدارس",
    "الطلاب",
    "الشركات",
    "المصارف",
    "الأسعار",
    "النفط",
    "الذهب",
    "الزراعة",
    "الموانئ",
    "الطرق",
    "المستشفيات",
    "الأطباء",
    "المواطنين",
    "الشباب",
    "اللاعبين",
    "المنتخب",
    "الملعب",
    "المهرجان",
    "الكتاب",
    "المعرض",
    "الجامعة",
    "البحث",
    "التجارة",
    "الصادرات",
    "الواردات",
    "السياحة",
]
# phrases every article of the site draws from: what makes LSH propose distinct articles
PHRASES = [" ".join(random.Random(k).choices(WORDS, k=12)) + "." for k in range(20)]


def article(seed: int) -> str:
    pick = random.Random(seed)
    own = [" ".join(pick.choice(WORDS) for _ in range(6)) + "." for _ in range(14)]
    shared = pick.sample(PHRASES, 14)
    return " ".join(s for pair in zip(own, shared, strict=True) for s in pair)


def rewritten(text: str, share: float, seed: int) -> str:
    """`text` with about `1 - share` of its words replaced."""
    pick = random.Random(seed)
    words = text.split()
    return " ".join(w if pick.random() < share else pick.choice(WORDS) for w in words)


def test_the_screen_never_rejects_a_pair_that_resembles_enough() -> None:
    pick = random.Random(7)
    checked = 0
    for seed in range(400):
        base = article(seed)
        other = rewritten(base, pick.uniform(0.75, 1.0), seed)
        a, b = body_fingerprint(base, "s"), body_fingerprint(other, "s")
        for threshold in (0.5, 0.6, 0.7):
            if resemblance(a, b) >= threshold:
                checked += 1
                assert may_resemble(a, b, threshold)
    assert checked > 250


def test_the_screen_allows_for_template_sentences_left_out() -> None:
    # an issue of a series carries the site's long template; the other copy of its text does
    # not: raw Jaccard is low, but same-site comparison leaves the template out
    own = article(1).split(". ")
    template_sentences = [rewritten(article(k), 0.0, k) for k in range(50, 53)]  # random words
    template = {sentence_key(s) for s in template_sentences}
    a = sentences_fingerprint([*template_sentences, *own], "s", template)
    b = sentences_fingerprint(own, "s")
    raw = sentences_fingerprint([*template_sentences, *own], "other-site")
    assert resemblance(raw, b) < 0.3 and resemblance(a, b) >= 0.9
    assert may_resemble(a, b, 0.6)
    assert not may_resemble(raw, b, 0.6)


def test_a_large_index_verifies_few_candidates_and_still_finds_the_copy(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = 0
    verdict = fingerprints.resemblance

    def counting(a, b):  # type: ignore[no-untyped-def]
        nonlocal calls
        calls += 1
        return verdict(a, b)

    monkeypatch.setattr(fingerprints, "resemblance", counting)
    index = NearDuplicateIndex(0.6)
    prints = [body_fingerprint(article(seed), "s") for seed in range(600)]
    proposed = 0
    for n, fingerprint in enumerate(prints):
        proposed += index.candidates(fingerprint).size
        assert index.match(f"u{n}", fingerprint) is None
        index.add(f"u{n}", fingerprint)
    assert proposed > 5 * len(prints)  # LSH alone proposes many distinct articles
    assert calls < proposed / 20  # the screen verifies few of them
    copy = body_fingerprint(rewritten(article(123), 0.95, 1), "s")
    assert index.match("copy", copy) == "u123"
