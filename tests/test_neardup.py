"""Near-duplicate detection measured on a labelled set of Arabic article pairs.

`tests/data/neardup_pairs.jsonl`: each line holds two articles `a` (seen first) and `b`, a `kind`
and the label `duplicate`. Duplicates: a wire story republished with an added sentence, other
boilerplate, another headline, light edits, or shortened. Not duplicates: the same event reported
independently, follow-up stories (some repeating background sentences), different stories on a
related topic. Run with `-s` to see the figures:

    /work/venv/bin/pytest -q -s tests/test_neardup.py
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from newscrawl import settings
from newscrawl.fingerprints import body_minhash
from newscrawl.pipelines.neardup import NearDuplicateIndex

PAIRS = Path(__file__).parent / "data" / "neardup_pairs.jsonl"


def mostly_arabic(text: str) -> bool:
    """Whether most letters of `text` are Arabic (the set must test Arabic, not Latin, text)."""
    letters = [ch for ch in text if ch.isalpha()]
    arabic = sum(1 for ch in letters if "\u0621" <= ch <= "\u06ff")
    return bool(letters) and arabic / len(letters) >= 0.5


def load_pairs() -> list[dict[str, Any]]:
    return [json.loads(line) for line in PAIRS.read_text(encoding="utf-8").splitlines()]


def predicted_duplicate(pair: dict[str, Any], threshold: float) -> bool:
    index = NearDuplicateIndex(threshold)
    index.add("https://first.example/a", body_minhash(pair["a"]["body"]))
    match = index.match("https://second.example/b", body_minhash(pair["b"]["body"]))
    return match == "https://first.example/a"


def test_the_labelled_set_is_large_balanced_enough_and_arabic() -> None:
    pairs = load_pairs()
    assert len(pairs) >= 60
    assert len({p["id"] for p in pairs}) == len(pairs)
    positives = sum(p["duplicate"] for p in pairs)
    assert positives >= 30 and len(pairs) - positives >= 30
    assert all(mostly_arabic(p[side]["body"]) for p in pairs for side in ("a", "b"))


def test_precision_and_recall_meet_the_targets_at_the_default_threshold() -> None:
    threshold = settings.NEWSCRAWL_NEAR_DUPLICATE_THRESHOLD
    outcomes = [(predicted_duplicate(p, threshold), p["duplicate"], p) for p in load_pairs()]
    true_pos = sum(1 for hit, label, _ in outcomes if hit and label)
    false_pos = [p["id"] for hit, label, p in outcomes if hit and not label]
    false_neg = [p["id"] for hit, label, p in outcomes if label and not hit]
    precision = true_pos / max(1, true_pos + len(false_pos))
    recall = true_pos / max(1, true_pos + len(false_neg))
    print(
        f"\nnear-dup @ {threshold}: precision {precision:.3f}, recall {recall:.3f} "
        f"({true_pos} TP, FP {false_pos}, FN {false_neg})"
    )
    assert precision >= 0.98
    assert recall >= 0.95
