"""Near-duplicate detection: labelled-set precision/recall, time per check, index memory.

    python -m benchmarks.bench_neardup [--articles N]

Prints the labelled set's figures at the default threshold (tests/data/neardup_pairs.jsonl), the
median time to fingerprint a body and to match it against an index (short and long bodies), and
the memory and load time of an index of N stored articles (random Arabic-letter bodies of
300-900 words, loaded from their stored signatures as a crawl's start does).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import time
import tracemalloc
from pathlib import Path

from newscrawl import settings
from newscrawl.fingerprints import body_fingerprint, fingerprint_bytes, fingerprint_from_bytes
from newscrawl.pipelines.neardup import NearDuplicateIndex

PAIRS = Path(__file__).resolve().parent.parent / "tests" / "data" / "neardup_pairs.jsonl"
THRESHOLD = settings.NEWSCRAWL_NEAR_DUPLICATE_THRESHOLD
LETTERS = "بتثجحخدذرزسشصضطظعغفقكلمنهوي"


def random_body(rng: random.Random, words: int) -> str:
    return " ".join(
        "".join(rng.choice(LETTERS) for _ in range(rng.randint(3, 7))) for _ in range(words)
    )


def labelled() -> None:
    pairs = [json.loads(line) for line in PAIRS.read_text(encoding="utf-8").splitlines()]
    hits = []
    for pair in pairs:
        index = NearDuplicateIndex(THRESHOLD)
        index.add("a", body_fingerprint(pair["a"]["body"]))
        hits.append((index.match("b", body_fingerprint(pair["b"]["body"])) == "a", pair))
    tp = sum(1 for hit, p in hits if hit and p["duplicate"])
    fp = sum(1 for hit, p in hits if hit and not p["duplicate"])
    fn = sum(1 for hit, p in hits if not hit and p["duplicate"])
    print(f"labelled set ({len(pairs)} pairs) @ {THRESHOLD}: precision {tp / max(1, tp + fp):.3f}"
          f", recall {tp / max(1, tp + fn):.3f} ({tp} TP, {fp} FP, {fn} FN)")  # fmt: skip


def _median_ms(samples: list[float]) -> float:
    return 1000 * statistics.median(samples)


def timings(rng: random.Random, index: NearDuplicateIndex) -> None:
    for label, words in (("short (100 words)", 100), ("long (800 words)", 800)):
        made, matched = [], []
        for _ in range(200):
            body = random_body(rng, words)
            start = time.perf_counter()
            fingerprint = body_fingerprint(body)
            made.append(time.perf_counter() - start)
            start = time.perf_counter()
            index.match("probe", fingerprint)
            matched.append(time.perf_counter() - start)
        print(f"{label}: fingerprint {_median_ms(made):.3f} ms, match against "
              f"{len(index)} stored {_median_ms(matched):.3f} ms")  # fmt: skip
    text = random_body(rng, 800)
    index.add("original", body_fingerprint(text))
    copy = body_fingerprint(text + " " + random_body(rng, 40))  # a candidate, then verified
    start = time.perf_counter()
    for _ in range(1000):
        assert index.match("copy", copy) == "original"
    print(f"match of a copy (candidate verified): {time.perf_counter() - start:.3f} ms")


def scale(rng: random.Random, articles: int) -> NearDuplicateIndex:
    stored = [
        fingerprint_bytes(body_fingerprint(random_body(rng, rng.randint(300, 900))))
        for _ in range(articles)
    ]
    tracemalloc.start()
    start = time.perf_counter()
    index = NearDuplicateIndex(THRESHOLD)
    for n, data in enumerate(stored):
        fingerprint = fingerprint_from_bytes(data)
        assert fingerprint is not None
        index.add(f"https://s.example/{n}", fingerprint)
    took = time.perf_counter() - start
    used, _peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"index of {articles} stored articles: loaded in {took:.2f} s "
          f"({1000 * took / articles:.3f} ms each), {used / articles / 1024:.1f} KB each, "
          f"signature {len(stored[0])} bytes")  # fmt: skip
    return index


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5000)
    args = parser.parse_args()
    rng = random.Random(9)
    labelled()
    timings(rng, scale(rng, args.articles))


if __name__ == "__main__":
    main()
