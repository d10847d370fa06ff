"""Smoke test of the crawl benchmark: it runs end to end on a tiny site and reports every figure.

No timing is asserted here (timings belong in BENCHMARKS.md); what is checked
is that the benchmark really crawled (every article fetched and written once, nothing refetched
by the incremental runs) and that its report and JSON carry the documented keys.
"""

from __future__ import annotations

import doctest
import json
import subprocess
import sys
from pathlib import Path

from benchmarks import bench_crawl, news_site

REPO = Path(__file__).resolve().parents[1]
ARTICLES = 8


def test_benchmark_modules_doctests() -> None:
    for module in (bench_crawl, news_site):
        assert doctest.testmod(module).failed == 0


def test_bench_crawl_reports_every_figure(tmp_path: Path) -> None:
    results_path = tmp_path / "results.json"
    command = [sys.executable, "-m", "benchmarks.bench_crawl", "--articles", str(ARTICLES),
               "--timeout", "100", "--json", str(results_path)]  # fmt: skip
    done = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "| " + " | ".join(bench_crawl.CRAWL_COLUMNS) + " |" in done.stdout
    assert "| " + " | ".join(bench_crawl.EXTRACTION_COLUMNS) + " |" in done.stdout

    results = json.loads(results_path.read_text(encoding="utf-8"))
    assert {"nproc", "python", "scrapy"} <= set(results["machine"])
    assert "-s DOWNLOAD_DELAY=0" in results["command"]
    first, unchanged, reserved = results["crawl"]
    for row in (first, unchanged, reserved):
        assert set(bench_crawl.CRAWL_COLUMNS) <= set(row)
        assert row["exit"] == 0 and row["peak_rss_mb"] > 0 and row["cpu_s"] > 0
    assert first["article_pages"] == first["articles_written"] == ARTICLES
    assert unchanged["article_pages"] == reserved["article_pages"] == 0
    assert unchanged["articles_written"] == reserved["articles_written"] == 0

    by_template = {row["template"]: row for row in results["extraction"]}
    assert set(by_template) == {"generic", "jsonld", "all"}
    assert by_template["all"]["pages"] == by_template["all"]["extracted"] == ARTICLES
    assert results["timed_out"] is False
