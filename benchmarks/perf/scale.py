"""State store and near-duplicate index at scale: bytes per URL and cost per call at 1M.

    python -m benchmarks.perf.scale [--state-urls 1000000] [--neardup-articles 1000000]
        [--batch 1000] [--json OUT.json] [--timeout 1800]

State store: `SqliteStateStore` in a temporary directory; 1M done marks shaped as the JSON Lines
writer commits them (canonical URL with a percent-encoded Arabic slug, site, content hash,
dates, output file, and the near-duplicate signature every first-seen article carries: real
signatures of generated bodies, in whatever format the installed newscrawl stores), in batches;
then file size per URL (per table, from SQLite's dbstat) and `known_article` lookups/s for known
and unknown URLs. Again without signatures, to show what they weigh.

Near-duplicate index: the project's `NearDuplicateIndex` (newscrawl/pipelines/neardup.py) grown
to 10k, 100k, then 1M articles; at each size a check (match + add, as the pipeline does per
article) is timed on fresh articles, 5 % of them planted near-copies that must be found, and
resident memory per article is measured. Fingerprints are synthetic (distinct articles of real
size, see `neardup_api`): fingerprinting real bodies is timed apart. A size that would not fit
in a quarter of the free memory or in the time left is not attempted: the report says so and
extrapolates linearly.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote

import numpy as np

from benchmarks.perf import neardup_api, vocab
from benchmarks.perf.runner import describe_machine, machine, markdown_table, publish
from newscrawl.fingerprints import MINHASH_PERMUTATIONS
from newscrawl.pipelines.neardup import NearDuplicateIndex
from newscrawl.state.base import DoneMark
from newscrawl.state.sqlite import STATE_FILE, SqliteStateStore

STATE_COLUMNS = ["variant", "urls", "batch", "commit_s", "marks_per_s", "file_mb",
                 "bytes_per_url", "hit_lookups_per_s", "miss_lookups_per_s", "tables"]  # fmt: skip
NEARDUP_COLUMNS = ["articles", "build_ms_per_article", "check_ms", "check_p90_ms",
                   "planted_found", "bytes_per_article", "rss_mb", "peak_rss_mb",
                   "disk_bytes_per_article"]  # fmt: skip


class Urls:
    """Realistic canonical article URLs, by index, without holding a million strings."""

    def __init__(self) -> None:
        rng = random.Random(13)
        self.slugs = [quote(vocab.slug(vocab.headline(rng))) for _ in range(3000)]

    def __call__(self, i: int) -> str:
        day = f"{2020 + i % 6}/{1 + i % 12:02d}/{1 + i % 28:02d}"
        return f"https://www.site{i % 20}.example/economy/{day}/{i}-{self.slugs[i % 3000]}.html"


def _mark(urls: Urls, i: int, signature: bytes | None) -> DoneMark:
    when = f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}T{i % 24:02d}:15:00+03:00"
    return DoneMark(
        url=urls(i), site=f"site{i % 20}", content_hash=hashlib.sha256(b"%d" % i).hexdigest(),
        modified_at=when, lastmod=when, signature=signature,
        output="/srv/newscrawl/data/articles.jsonl",
    )  # fmt: skip


def _lookups_per_s(store: SqliteStateStore, urls: list[str]) -> float:
    started = time.perf_counter()
    for url in urls:
        store.known_article(url)
    return round(len(urls) / (time.perf_counter() - started))


def _table_bytes(path: Path) -> dict[str, int]:
    import sqlite3

    with sqlite3.connect(path) as db:
        try:
            rows = db.execute("SELECT name, SUM(pgsize) FROM dbstat GROUP BY name").fetchall()
        except sqlite3.OperationalError:  # SQLite built without dbstat: total only
            return {}
    return {str(name): int(size) for name, size in rows}


def _bodies(count: int, seed: int = 17) -> list[str]:
    rng = random.Random(seed)
    return ["\n\n".join(vocab.paragraph(rng) for _ in range(rng.randint(6, 20)))
            for _ in range(count)]  # fmt: skip


def state_store(count: int, batch: int, signatures: bool, deadline: float) -> dict[str, Any]:
    urls = Urls()
    # real signatures of real bodies, reused in turn: SQLite stores each copy in full
    blobs = [neardup_api.to_bytes(neardup_api.fingerprint(b)) for b in _bodies(300)]
    with tempfile.TemporaryDirectory(prefix="perf-state-") as tmp:
        store = SqliteStateStore(tmp)
        store.start_run("perf")
        started, done = time.perf_counter(), 0
        while done < count and time.monotonic() < deadline:
            size = min(batch, count - done)
            marks = [_mark(urls, i, blobs[i % len(blobs)] if signatures else None)
                     for i in range(done, done + size)]  # fmt: skip
            store.commit_done(marks, {"/srv/newscrawl/data/articles.jsonl": done * 9000})
            done += size
        commit = time.perf_counter() - started
        store.close()  # the last connection checkpoints the WAL into the main file
        path = Path(tmp) / STATE_FILE
        size_bytes = sum(f.stat().st_size for f in Path(tmp).iterdir() if f.is_file())
        tables = _table_bytes(path)
        store = SqliteStateStore(tmp)
        probes = random.Random(3)
        hits = _lookups_per_s(store, [urls(probes.randrange(done)) for _ in range(100_000)])
        misses = _lookups_per_s(
            store, [urls(done + probes.randrange(done)) for _ in range(100_000)]
        )
        store.close()
    top = sorted(tables.items(), key=lambda kv: -kv[1])[:4]
    return {
        "variant": f"with signatures ({len(blobs[0])} B each)" if signatures
        else "without signatures", "urls": done,
        "batch": batch, "commit_s": round(commit, 1), "marks_per_s": round(done / commit),
        "file_mb": round(size_bytes / 1e6, 1), "bytes_per_url": round(size_bytes / done),
        "hit_lookups_per_s": hits, "miss_lookups_per_s": misses,
        "tables": ", ".join(f"{name} {round(size / done)}" for name, size in top),
    }  # fmt: skip


def _rss() -> int:
    return int(Path("/proc/self/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def _available() -> int:
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemAvailable:"):
            return int(line.split()[1]) * 1024
    return 0


Raw = tuple[np.ndarray, np.ndarray, int]  # MinHash values, sketch, shingle count


def _raw(rng: np.random.Generator, count: int) -> list[Raw]:
    sizes = rng.integers(300, 1100, count)
    return [(rng.integers(0, 2**32, MINHASH_PERMUTATIONS, dtype=np.uint32),
             rng.integers(0, 2**32, min(int(n), neardup_api.SKETCH or 1), dtype=np.uint32), int(n))
            for n in sizes]  # fmt: skip


def _probe(index: NearDuplicateIndex, rng: np.random.Generator, start: int, kept: list[Raw],
           count: int = 2000) -> tuple[list[int], int]:  # fmt: skip
    """`count` checks as the pipeline makes them; every 20th a near-copy of an indexed article."""
    fresh = neardup_api.random_prints(rng, count)
    timings, found = [], 0
    for k in range(count):
        planted = k % 20 == 0
        print_ = neardup_api.near_copy(rng, *kept[k % len(kept)]) if planted else fresh[k]
        url = f"probe-{start + k}"
        began = time.perf_counter_ns()
        original = index.match(url, print_)  # type: ignore[arg-type]
        if original is None:
            index.add(url, print_)  # type: ignore[arg-type]
        timings.append(time.perf_counter_ns() - began)
        found += planted and original is not None
    return timings, found


def near_duplicates(target: int, deadline: float) -> dict[str, Any]:
    gc.collect()
    index = NearDuplicateIndex(neardup_api.THRESHOLD)
    rng, base = np.random.default_rng(11), _rss()
    kept = _raw(rng, 500)
    for k, raw in enumerate(kept):
        index.add(f"kept-{k}", neardup_api.synthetic(*raw))  # type: ignore[arg-type]
    rows: list[dict[str, Any]] = []
    note = ""
    for size in [s for s in (10_000, 100_000) if s < target] + [target]:
        if rows:
            per_article = rows[-1]["bytes_per_article"]
            seconds = rows[-1]["build_ms_per_article"] * (size - len(index)) / 1000
            if per_article * size > _available() / 4 or time.monotonic() + seconds > deadline:
                note = (
                    f"{size:,} not attempted: it would take ~{per_article * size / 1e9:.1f} GB "
                    f"and ~{seconds:.0f} s; the row below is extrapolated from {len(index):,}"
                )
                rows.append(_extrapolated(rows[-1], size))
                break
        rows.append(_grow_and_probe(index, rng, kept, size, base))
    return {"rows": rows, "note": note, "fingerprint_ms": _fingerprint_cost(),
            "version": neardup_api.VERSION, "threshold": neardup_api.THRESHOLD}  # fmt: skip


def _grow_and_probe(index: NearDuplicateIndex, rng: np.random.Generator, kept: list[Raw],
                    size: int, base: int) -> dict[str, Any]:  # fmt: skip
    started, grown = time.perf_counter(), size - len(index)
    while len(index) < size:
        for print_ in neardup_api.random_prints(rng, min(10_000, size - len(index))):
            index.add(f"a-{len(index)}", print_)  # type: ignore[arg-type]
    build = time.perf_counter() - started
    gc.collect()
    rss = _rss() - base
    timings, found = _probe(index, rng, size, kept)
    timings.sort()
    return {
        "articles": size, "build_ms_per_article": round(1000 * build / max(grown, 1), 3),
        "check_ms": round(timings[len(timings) // 2] / 1e6, 3),
        "check_p90_ms": round(timings[len(timings) * 9 // 10] / 1e6, 3),
        "planted_found": f"{found}/{len(timings) // 20}", "bytes_per_article": round(rss / size),
        "rss_mb": round(rss / 1e6),
        # the process's peak so far: the index's merges hold extra copies for a moment
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "disk_bytes_per_article": round(getattr(index, "disk_bytes", 0) / len(index)),
    }  # fmt: skip


def _extrapolated(last: dict[str, Any], size: int) -> dict[str, Any]:
    scale = size / last["articles"]
    return {**last, "articles": f"{size:,} (extrapolated)", "planted_found": "-",
            "rss_mb": round(last["rss_mb"] * scale)}  # fmt: skip


def _fingerprint_cost(count: int = 200) -> float:
    """ms to fingerprint one body (the pipeline does it for every article)."""
    bodies = _bodies(count, seed=23)
    started = time.perf_counter()
    for body in bodies:
        neardup_api.fingerprint(body)
    return round(1000 * (time.perf_counter() - started) / count, 3)


def report(results: dict[str, Any]) -> str:
    neardup = results["neardup"]
    return "\n".join([
        describe_machine(results["machine"]), f"load average at end {results['load_at_end']}",
        "", "state store (SqliteStateStore; tables: bytes per URL, largest first):", "",
        markdown_table(results["state"], STATE_COLUMNS), "",
        f"near-duplicate index (NearDuplicateIndex in memory; {neardup['version']}, "
        f"threshold {neardup['threshold']}):", "",
        markdown_table(neardup["rows"], NEARDUP_COLUMNS),
        *([f"\n{neardup['note']}"] if neardup["note"] else []),
        f"\nfingerprint of a body (6-20 paragraphs): {neardup['fingerprint_ms']} ms/article",
    ])  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--state-urls", type=int, default=1_000_000)
    options.add_argument("--batch", type=int, default=1000, help="done marks per commit")
    options.add_argument("--neardup-articles", type=int, default=1_000_000)
    options.add_argument("--timeout", type=float, default=1800.0)
    options.add_argument("--json", type=Path, metavar="PATH")
    args = options.parse_args(argv)
    deadline = time.monotonic() + args.timeout
    results = {
        "machine": machine(),
        "state": [state_store(args.state_urls, args.batch, signatures, deadline)
                  for signatures in (True, False)],
        "neardup": near_duplicates(args.neardup_articles, deadline),
    }  # fmt: skip
    results["load_at_end"] = [round(x, 2) for x in os.getloadavg()]
    results["timed_out"] = time.monotonic() > deadline
    publish(report(results), results, args.json)
    return 1 if results["timed_out"] else 0


if __name__ == "__main__":
    sys.exit(main())
