"""The near-duplicate rule of issue 9 (class 5) on pairs of known resemblance, a site's template
sentences, and states signed by an older version.

Rule: on the true resemblance (exact Jaccard of 5-word shingles of the matching-normalised
bodies) a pair is never marked below 0.5 and always marked from 0.7. Synthetic pairs are random
Arabic-letter words with controlled edits, so their resemblance is known exactly and spreads
across the band; long ones (over 512 shingles) exercise the bottom-k estimate.
"""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from newscrawl import settings as project_settings
from newscrawl.arabic import word_shingles
from newscrawl.fingerprints import (
    MINHASH_PERMUTATIONS,
    SHINGLE_WORDS,
    body_fingerprint,
    is_current_signature,
    resemblance,
)
from newscrawl.items import Article
from newscrawl.pipelines.neardup import NearDuplicateIndex
from tests.test_pipelines_chain import BODY, article, chain

THRESHOLD = project_settings.NEWSCRAWL_NEAR_DUPLICATE_THRESHOLD
LETTERS = "بتثجحخدذرزسشصضطظعغفقكلمنهوي"  # none of them folded by matching normalisation


def synthetic_pair(seed: int, words: int, edit_rate: float, extra: float) -> tuple[str, str]:
    """`a` of `words` random words; `b` with a share of words replaced and some appended."""
    rng = random.Random(seed)

    def word() -> str:
        return "".join(rng.choice(LETTERS) for _ in range(rng.randint(3, 7)))

    a = [word() for _ in range(words)]
    b = [word() if rng.random() < edit_rate else w for w in a]
    b += [word() for _ in range(int(extra * words))]
    return " ".join(a), " ".join(b)


def true_resemblance(a: str, b: str) -> float:
    one, two = word_shingles(a, SHINGLE_WORDS), word_shingles(b, SHINGLE_WORDS)
    return len(one & two) / len(one | two)


def marked(a: str, b: str, threshold: float = THRESHOLD) -> bool:
    index = NearDuplicateIndex(threshold)
    index.add("https://a.example/1", body_fingerprint(a))
    return index.match("https://b.example/1", body_fingerprint(b)) == "https://a.example/1"


@settings(max_examples=150, deadline=None)
@given(
    seed=st.integers(0, 2**32 - 1),
    words=st.integers(6, 1400),
    edit_rate=st.floats(0.0, 0.16),
    extra=st.floats(0.0, 0.4),
)
def test_never_below_0_5_always_from_0_7(
    seed: int, words: int, edit_rate: float, extra: float
) -> None:
    a, b = synthetic_pair(seed, words, edit_rate, extra)
    truth = true_resemblance(a, b)
    if truth < 0.5:
        assert not marked(a, b), truth
    elif truth >= 0.7:
        assert marked(a, b), truth


def test_the_rule_holds_at_both_edges_of_the_band_for_short_and_long_bodies() -> None:
    near_edges = {"short below": 0, "long below": 0, "short above": 0, "long above": 0}
    rng = random.Random(20261203)
    for _ in range(700):
        words = rng.choice((rng.randint(40, 400), rng.randint(700, 1500)))
        a, b = synthetic_pair(rng.getrandbits(32), words, rng.uniform(0.02, 0.12), 0.1)
        truth = true_resemblance(a, b)
        length = "long" if words > 600 else "short"
        if 0.4 <= truth < 0.5:
            near_edges[f"{length} below"] += 1
            assert not marked(a, b), (truth, words)
        elif 0.7 <= truth < 0.8:
            near_edges[f"{length} above"] += 1
            assert marked(a, b), (truth, words)
    assert min(near_edges.values()) >= 20, near_edges  # the band's edges really were tried


def test_resemblance_is_exact_while_the_sketches_hold_every_shingle() -> None:
    a, b = synthetic_pair(7, 400, 0.05, 0.1)
    one, two = body_fingerprint(a), body_fingerprint(b)
    assert one.complete and two.complete
    assert abs(resemblance(one, two) - true_resemblance(a, b)) < 0.005  # 32-bit hash collisions


def test_empty_bodies_are_never_near_duplicates_of_each_other() -> None:
    assert not marked("", "")
    assert not marked("", "   ")


# A bulletin whose template dominates: five fixed sentences and one line of its own.
TEMPLATE = (
    "تصدر دائرة الأرصاد الجوية هذه النشرة كل صباح اعتمادا على قراءات محطاتها المنتشرة في المملكة. "
    "وتشمل النشرة درجات الحرارة المتوقعة في المدن الرئيسية وسرعة الرياح واتجاهها. "
    "وتنصح الدائرة المواطنين بمتابعة التحديثات عبر موقعها الإلكتروني وتطبيقها على الهواتف. "
    "وتحذر من السباحة في البحر عند ارتفاع الموج أو هبوب الرياح الشديدة. "
    "وتصدر النشرة التالية صباح الغد في الموعد المعتاد."
)
OWN = [
    "يكون الطقس اليوم مشمسا ودافئا مع ظهور سحب عالية في ساعات المساء فوق الشمال.",
    "تتأثر البلاد بكتلة هوائية باردة وتهب رياح غربية نشطة تثير الغبار في البادية.",
    "يطرأ ارتفاع ملموس على درجات الحرارة ويسود جو حار نسبيا في الأغوار والعقبة.",
    "تتكاثف الغيوم تدريجيا ويتوقع هطول زخات متفرقة من المطر على المرتفعات الغربية.",
    "يسود طقس خريفي معتدل وتكون الرياح شمالية غربية خفيفة إلى معتدلة السرعة.",
    "تبقى الأجواء صافية ويتشكل الضباب على الطرق الصحراوية في ساعات الصباح الباكر.",
]


def bulletin(day: int) -> str:
    return f"{OWN[day]}\n\n{TEMPLATE}"


def test_a_template_dominated_series_is_marked_until_the_site_template_is_learnt(
    tmp_path: Path,
) -> None:
    assert true_resemblance(bulletin(0), bulletin(1)) >= THRESHOLD  # on the full text: "copies"
    with chain(tmp_path) as c:
        marks = [c.feed(article(f"https://s.example/w{d}", body=bulletin(d))) for d in range(5)]
        assert [m.near_duplicate_of is not None for m in marks] == [False, True, True] + [False] * 2
    with chain(tmp_path) as c:  # the template is remembered (site facts): no mark at all
        assert c.feed(article("https://s.example/w5", body=bulletin(5))).near_duplicate_of is None
        copy = c.feed(Article(url="https://wire.example/1", site="wire", title="خبر", body=BODY))
        assert copy.near_duplicate_of is None  # first seen
        again = c.feed(article("https://s.example/9", body="(وكالات) " + BODY))
        assert again.near_duplicate_of == "https://wire.example/1"


def test_a_site_template_never_hides_a_copy_from_another_site(tmp_path: Path) -> None:
    background = "وتعاني المملكة من شح مزمن في المياه إذ تصنف بين أفقر دول العالم مائيا."
    with chain(tmp_path) as c:
        for day in range(4):  # the background sentence becomes the template of site "s"
            c.feed(article(f"https://s.example/b{day}", body=f"{OWN[day]} {background}"))
        wire = f"{BODY} {background}"
        c.feed(Article(url="https://wire.example/2", site="wire", title="خبر", body=wire))
        copy = c.feed(article("https://s.example/copy", body="(بترا) " + wire))
        assert copy.near_duplicate_of == "https://wire.example/2"


def _legacy_signatures(state: Path) -> None:
    """Make the stored signatures look like an older version's (128 × uint32, 3-word shingles)."""
    with sqlite3.connect(state / "state.sqlite3") as db:
        db.execute("UPDATE signatures SET signature = ?", (bytes(4 * MINHASH_PERMUTATIONS),))
    db.close()


def test_signatures_of_an_older_state_are_recomputed_from_the_output(tmp_path: Path) -> None:
    with chain(tmp_path) as c:
        c.feed(article("https://s.example/1"))
    _legacy_signatures(tmp_path / "state")
    with chain(tmp_path) as c:
        assert c.stat("newscrawl/neardup/signatures_migrated") == 1
        copy = c.feed(article("https://other.example/1", body="(وكالات) " + BODY))
        assert copy.near_duplicate_of == "https://s.example/1"
    with sqlite3.connect(tmp_path / "state" / "state.sqlite3") as db:
        (stored,) = db.execute("SELECT signature FROM signatures ORDER BY seq").fetchone()
    db.close()
    assert is_current_signature(stored)


def test_older_signatures_whose_lines_are_gone_are_counted(tmp_path: Path) -> None:
    with chain(tmp_path) as c:
        c.feed(article("https://s.example/1"))
    _legacy_signatures(tmp_path / "state")
    (tmp_path / "out.jsonl").unlink()
    with chain(tmp_path) as c:
        assert c.stat("newscrawl/neardup/signatures_lost") == 1
        copy = c.feed(article("https://other.example/1", body="(وكالات) " + BODY))
        assert copy.near_duplicate_of is None
