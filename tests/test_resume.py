"""Resume after kill -9 (and SIGTERM): every article ends up in the output exactly once.

Real processes: the `newscrawl` CLI crawls a synthetic Arabic site of 320 slow-ish articles served
by this test; it is killed with SIGKILL at several random points (by count of article pages
served, and by time, including during start-up) and once with SIGTERM, then resumed with the
same `--state` and `-o` until a crawl finishes normally.
"""

from __future__ import annotations

import random
import signal
import subprocess
import time
from collections import Counter
from pathlib import Path

from newscrawl.demo.server import SiteServer, serving
from tests.state_site import (
    SyntheticSite,
    article_requests,
    crawl_command,
    read_output,
)

ARTICLES = 320
SEED = 20260301


def run_and_interrupt(
    command: list[str], server: SiteServer, sig: int, *, after_articles: int | None,
    after_seconds: float | None, log: Path,
) -> int:  # fmt: skip
    """Start a crawl; send `sig` once it has fetched `after_articles` or run `after_seconds`."""
    served_before = len(article_requests(server.paths()))
    with log.open("ab") as stderr:
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=stderr)
        started = time.monotonic()
        while process.poll() is None and time.monotonic() - started < 40:
            fetched = len(article_requests(server.paths())) - served_before
            elapsed = time.monotonic() - started
            if (after_articles is not None and fetched >= after_articles) or (
                after_seconds is not None and elapsed >= after_seconds
            ):
                process.send_signal(sig)
                break
            time.sleep(0.003)
        return process.wait(timeout=40)


def test_kill_at_random_points_then_resume_loses_and_duplicates_nothing(tmp_path: Path) -> None:
    site = SyntheticSite(ARTICLES)
    output, state, log = tmp_path / "out.jsonl", tmp_path / "state", tmp_path / "stderr.log"
    rng = random.Random(SEED)
    interruptions = [
        (signal.SIGKILL, None, rng.uniform(0.2, 1.2)),  # often during start-up
        *[(signal.SIGKILL, rng.randint(5, 60), None) for _ in range(4)],
        (signal.SIGKILL, None, rng.uniform(1.5, 2.5)),
        (signal.SIGTERM, rng.randint(10, 40), None),
    ]
    with serving(site.route) as server:
        command = crawl_command(server.base_url, str(output), str(state))
        for sig, after_articles, after_seconds in interruptions:
            run_and_interrupt(command, server, sig, after_articles=after_articles,
                              after_seconds=after_seconds, log=log)  # fmt: skip
        final = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
        fetched = len(article_requests(server.paths()))

    assert final.returncode == 0, final.stderr[-2000:]
    records, malformed, complete = read_output(output)
    counts = Counter(r["url"] for r in records)
    expected = {server.base_url.rstrip("/") + a.path: a for a in site.articles}
    lost = set(expected) - set(counts)
    duplicated = sum(n - 1 for n in counts.values())
    print(
        f"\nresume: {len(interruptions)} interruptions, {len(records)} records, "
        f"lost {len(lost)}, duplicated {duplicated}, malformed {malformed}, "
        f"article pages fetched {fetched} for {ARTICLES} articles"
    )
    assert (len(lost), duplicated, malformed) == (0, 0, 0)
    assert complete
    assert set(counts) == set(expected)
    assert all(r["title"] == expected[r["url"]].title for r in records)


def complete_lines(files: list[Path]) -> dict[Path, bytes]:
    """Each file's complete lines: a torn last line may be cut off by the next run."""
    snapshot = {}
    for path in files:
        data = path.read_bytes()
        snapshot[path] = data[: data.rfind(b"\n") + 1]
    return snapshot


def test_resume_in_the_partitioned_layout(tmp_path: Path) -> None:
    site = SyntheticSite(150, delay=(0.003, 0.01))
    data, state, log = tmp_path / "data", tmp_path / "state", tmp_path / "stderr.log"
    rng = random.Random(SEED + 1)
    pattern = "articles/site=*/date=*/*.jsonl"
    earlier: dict[Path, bytes] = {}
    with serving(site.route) as server:
        command = crawl_command(
            server.base_url, None, str(state), "-s", f"NEWSCRAWL_DATA_DIR={data}"
        )
        for after_articles in (rng.randint(10, 50), rng.randint(10, 50)):
            run_and_interrupt(command, server, signal.SIGKILL, after_articles=after_articles,
                              after_seconds=None, log=log)  # fmt: skip
            # How much a killed run committed depends on timing; what it committed is kept.
            earlier.update(complete_lines(sorted(data.glob(pattern))))
        final = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)

    assert final.returncode == 0, final.stderr[-2000:]
    files = sorted(data.glob(pattern))
    assert files
    for path, committed in earlier.items():
        assert path.read_bytes().startswith(committed), f"{path} was rewritten by a later run"
    records, malformed = [], 0
    for path in files:
        got, bad, complete = read_output(path)
        records += got
        malformed += bad
        assert complete
    counts = Counter(r["url"] for r in records)
    assert malformed == 0
    assert len(counts) == 150 and max(counts.values()) == 1
