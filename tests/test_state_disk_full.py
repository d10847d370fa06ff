"""Disk full: the crawl stops with a non-zero exit, marks nothing done that is not on disk, and
the next run (without the limit) fetches the rest.

The disk fills through RLIMIT_FSIZE (what `ulimit -f` sets), with SIGXFSZ ignored so write()
fails with EFBIG. The limit is applied with prlimit(2) once the crawler is warm: at its first
use the language detector unpacks its model into a temporary file, and a limit set before that
would break extraction instead of the writer.
"""

from __future__ import annotations

import resource
import sqlite3
import subprocess
import time
from collections import Counter
from pathlib import Path

from newscrawl.demo.server import serving
from newscrawl.state.sqlite import STATE_FILE
from tests.state_site import SyntheticSite, article_requests, crawl_command, read_output

ARTICLES = 160
WARM_RECORDS = 40  # records on disk before the limit is applied
HEADROOM = 24 * 1024  # room left above the largest file: a batch or two of records


def done_urls(state: Path) -> set[str]:
    with sqlite3.connect(state / STATE_FILE) as db:
        return {url for (url,) in db.execute("SELECT url FROM articles")}


def largest_file(*paths: Path) -> int:
    return max((p.stat().st_size for p in paths if p.exists()), default=0)


def crawl_until_disk_full(command: list[str], output: Path, state: Path) -> tuple[int, str]:
    """Run the crawl; cap its file size once it has written WARM_RECORDS. (exit status, stderr)"""
    ignoring_sigxfsz = ["bash", "-c", "trap '' XFSZ; exec \"$@\"", "crawl", *command]
    process = subprocess.Popen(ignoring_sigxfsz, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    started = time.monotonic()
    while process.poll() is None and time.monotonic() - started < 30:
        if len(read_output(output)[0]) >= WARM_RECORDS:
            db = state / STATE_FILE
            limit = largest_file(output, db, Path(f"{db}-wal")) + HEADROOM
            resource.prlimit(process.pid, resource.RLIMIT_FSIZE, (limit, limit))
            break
        time.sleep(0.005)
    _, stderr = process.communicate(timeout=60)
    return process.returncode, stderr.decode("utf-8", "replace")


def test_disk_full_stops_the_crawl_and_the_next_run_completes(tmp_path: Path) -> None:
    site = SyntheticSite(ARTICLES, delay=(0.002, 0.006), pool_sentences=15)
    output, state = tmp_path / "out.jsonl", tmp_path / "state"
    with serving(site.route) as server:
        command = crawl_command(server.base_url, str(output), str(state))
        status, stderr = crawl_until_disk_full(command, output, state)
        records, malformed, complete = read_output(output)
        on_disk = {r["url"] for r in records}
        print(f"\ndisk full after {len(on_disk)} of {ARTICLES} records: {stderr.strip()[-160:]}")
        assert status != 0
        assert "write error" in stderr
        assert WARM_RECORDS <= len(on_disk) < ARTICLES
        assert malformed == 0 and complete
        assert done_urls(state) <= on_disk  # nothing marked done without its line on disk

        already = len(server.log)
        rerun = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
        refetched = set(article_requests([r.path for r in server.log[already:]]))

    assert rerun.returncode == 0, rerun.stderr[-2000:]
    records, malformed, complete = read_output(output)
    counts = Counter(r["url"] for r in records)
    assert len(counts) == ARTICLES and max(counts.values()) == 1
    assert malformed == 0 and complete
    missing = {a.path for a in site.articles} - {"/" + u.split("/", 3)[3] for u in on_disk}
    assert missing and missing <= refetched
