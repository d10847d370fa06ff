"""Smoke test of the performance suite (benchmarks/perf): every part runs end to end, CI-sized.

`python -m benchmarks.perf --quick` runs the crawl comparison, the micro-benchmarks, the scale
benchmarks and the multi-site crawl on tiny inputs. Only completeness and sanity are checked:
every pipeline crawled and wrote every article, every report carries its figures, nothing timed
out. No timing is asserted (timings belong in BENCHMARKS.md).
"""

from __future__ import annotations

import doctest
import json
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.perf import layout, multisite, runner, site, vocab
from benchmarks.perf.layout import SiteSpec
from benchmarks.perf.pages import MAX_BYTES, MIN_BYTES, render_article

REPO = Path(__file__).resolve().parents[1]


def test_suite_modules_doctests() -> None:
    for module in (layout, multisite, runner, site, vocab):
        assert doctest.testmod(module).failed == 0


@pytest.mark.parametrize("number", [1, 4, 7, 40])
def test_generated_article_pages_are_realistic(number: int) -> None:
    page = render_article(SiteSpec(50), number)
    assert MIN_BYTES <= len(page) <= MAX_BYTES
    assert 100 <= page.count(b"<a ") <= 200
    assert "اقرأ أيضا".encode() in page and "مواضيع ذات صلة".encode() in page


def test_site_is_written_to_disk_with_documents(tmp_path: Path) -> None:
    spec = SiteSpec(23)
    manifest = site.write_site(tmp_path / "pages", spec)
    site.write_documents(tmp_path / "documents", spec, "http://127.0.0.1:9")
    assert manifest["articles"] == 23 and manifest["listing_pages"] == 10
    assert len(list((tmp_path / "pages").rglob("*.html"))) == 23 + 10 + 1
    index = (tmp_path / "documents" / "sitemap.xml").read_text()
    assert "http://127.0.0.1:9/sitemaps/posts-1.xml" in index
    assert site.ensure_site(tmp_path / "pages", spec)["reused"] is True


def test_quick_suite_runs_every_part(tmp_path: Path) -> None:
    out = tmp_path / "results"
    command = [sys.executable, "-m", "benchmarks.perf", "--quick", "--out", str(out),
               "--cache-dir", str(tmp_path / "sites")]  # fmt: skip
    done = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "server: " in done.stdout and "ratios of articles/s: c/a = " in done.stdout

    crawl = json.loads((out / "crawl.json").read_text(encoding="utf-8"))
    assert crawl["server"] and not crawl["timed_out"]
    rows = {row["pipeline"][1]: row for row in crawl["rows"]}
    assert set(rows) == {"a", "b", "c"}
    for row in rows.values():
        assert row["exit"] == 0 and row["articles"] == row["article_pages"] == 12
        assert row["cpu_s"] > 0 and row["peak_rss_mb"] > 0 and row["articles_per_s"] > 0
    assert rows["b"]["with_text"] == rows["c"]["with_text"] == 12
    assert crawl["ratios"]["c/a"] > 0 and crawl["ratios"]["c/b"] > 0

    micro = json.loads((out / "micro.json").read_text(encoding="utf-8"))
    extractors = {row["extractor"] for row in micro["extraction"]}
    assert {"newscrawl extract_page", "trafilatura.extract default"} <= extractors
    assert all(row["found"] == row["calls"] > 0 for row in micro["extraction"]
               if row["pages"].startswith("generated"))  # fmt: skip
    assert micro["dates"]["calls"] == micro["dates"]["rows"] > 200

    scale = json.loads((out / "scale.json").read_text(encoding="utf-8"))
    assert [row["urls"] for row in scale["state"]] == [3000, 3000]
    assert all(row["bytes_per_url"] > 0 and row["hit_lookups_per_s"] > 0 for row in scale["state"])
    neardup = scale["neardup"]["rows"][-1]
    assert neardup["articles"] == 3000 and neardup["planted_found"] == "100/100"

    multi = json.loads((out / "multisite.json").read_text(encoding="utf-8"))
    assert [row["run"] for row in multi["rows"]] == ["default politeness", "politeness off"]
    for row in multi["rows"]:
        assert row["exit"] == 0 and row["sites"] == 3 and row["articles"] == 12
    assert multi["bound_by"] in {"CPU", "politeness", "neither"}
