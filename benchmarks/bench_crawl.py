"""Crawl throughput: the real `newscrawl crawl` against a synthetic Arabic news site on loopback.

Run from the repository root:

    python -m benchmarks.bench_crawl [--articles 500] [--json results.json] [--profile 15]
        [--timeout 600] [-s NAME=VALUE]... [--crawler-profile DIR]

Serves N pre-rendered article pages (benchmarks/news_site.py: 3 in 4 with JSON-LD, 1 in 4 on the
generic path) on a free 127.0.0.1 port, then runs the crawler exactly as a user does, in a
subprocess, three times against the same `--state`:

1. first run (empty state): every article fetched, extracted, deduplicated and written;
2. incremental, unchanged site: the sitemaps answer 304 to the crawler's If-None-Match;
3. incremental, sitemaps re-served in full (no validators): every article URL is known and
   must be skipped before its request.

Politeness is off (`DOWNLOAD_DELAY=0`, no AutoThrottle, 16 requests per domain) because we
measure our own cost, not a server's. Per run: wall time, requests the server saw, article pages
among them, lines written, CPU time and peak RSS of the crawler process (`os.wait4` rusage),
and the CPU the loopback server (threads of this process) spent meanwhile.
Then `newscrawl.extraction.extract_page` alone, in this process, over the same pages (after a
warm-up), per template: median and p90 ms/page. Everything is bounded by `--timeout` seconds.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import scrapy

from benchmarks.news_site import BenchSite, served_path
from benchmarks.perf.runner import markdown_table, profile_text
from newscrawl.demo.server import SiteServer, not_found
from newscrawl.extraction import extract_page

REPO = Path(__file__).resolve().parents[1]
CRAWL_SETTINGS = ["DOWNLOAD_DELAY=0", "AUTOTHROTTLE_ENABLED=False",
                  "CONCURRENT_REQUESTS_PER_DOMAIN=16"]  # fmt: skip
CONTENT_TYPE = "text/html; charset=utf-8"
CRAWL_COLUMNS = ["run", "exit", "wall_s", "requests", "article_pages", "articles_written",
                 "pages_per_s", "ms_per_page", "articles_per_s", "cpu_s", "cpu_per_wall",
                 "peak_rss_mb", "server_cpu_s"]  # fmt: skip
EXTRACTION_COLUMNS = ["template", "pages", "extracted", "median_ms", "p90_ms", "mean_ms", "total_s"]


@dataclass(frozen=True)
class CrawlSetup:
    """How the crawler is run: extra `-s NAME=VALUE` settings, and cProfile output if any."""

    extra_settings: tuple[str, ...] = ()
    profile_dir: Path | None = None

    def command(self, base_url: str, work: Path, run: int = 1) -> list[str]:
        """The command a user runs (settings documented in the module docstring).

        Under cProfile (`profile_dir`) the same crawl runs with inflated timings.
        """
        values = [*CRAWL_SETTINGS, *self.extra_settings]
        settings = [part for value in values for part in ("-s", value)]
        profile_to = self.profile_dir / f"crawl-run{run}.prof" if self.profile_dir else None
        profiler = ["-m", "cProfile", "-o", str(profile_to)] if profile_to else []
        return [sys.executable, *profiler, "-m", "newscrawl.cli", "crawl", base_url,
                "-o", str(work / "out.jsonl"), "--state", str(work / "state"),
                *settings]  # fmt: skip


def cpu_seconds(usage: Any) -> float:
    return float(usage.ru_utime + usage.ru_stime)


def line_count(path: Path) -> int:
    return path.read_bytes().count(b"\n") if path.exists() else 0


def run_crawler(command: list[str], work: Path, deadline: float) -> tuple[int, float, Any, str]:
    """Run the crawler; (exit status, wall seconds, its own rusage, last stdout line)."""
    log = work / "crawl.log"
    with log.open("wb") as sink:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=REPO, stdout=sink, stderr=subprocess.STDOUT)
        # the global bound: whatever happens, the crawler dies at the deadline
        killer = threading.Timer(max(deadline - time.monotonic(), 0.0), process.kill)
        killer.start()
        try:
            _, status, usage = os.wait4(process.pid, 0)  # rusage of this child alone
        finally:
            killer.cancel()
        wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    lines = log.read_text(encoding="utf-8", errors="replace").strip().splitlines()
    return process.returncode, wall, usage, lines[-1] if lines else ""


def measure_run(
    name: str, command: list[str], work: Path, server: SiteServer, site: BenchSite,
    deadline: float,
) -> dict[str, Any]:  # fmt: skip
    """One crawl of the site (`command` writes to `work`), what the server saw and its cost."""
    output = work / "out.jsonl"
    seen, written = len(server.log), line_count(output)
    server_before = resource.getrusage(resource.RUSAGE_SELF)
    status, wall, usage, summary = run_crawler(command, work, deadline)
    server_after = resource.getrusage(resource.RUSAGE_SELF)
    paths = [served_path(r.path) for r in server.log[seen:]]
    articles = line_count(output) - written
    cpu = cpu_seconds(usage)
    return {
        "run": name, "exit": status, "wall_s": round(wall, 2), "requests": len(paths),
        "article_pages": sum(p in site.article_paths for p in paths),
        "articles_written": articles,
        "pages_per_s": round(len(paths) / wall, 1),
        "ms_per_page": round(1000 * wall / len(paths), 2) if paths else None,
        "articles_per_s": round(articles / wall, 1),
        "cpu_s": round(cpu, 2), "cpu_per_wall": round(cpu / wall, 2),
        "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),  # Linux: kilobytes
        "server_cpu_s": round(cpu_seconds(server_after) - cpu_seconds(server_before), 2),
        "summary": summary,
    }  # fmt: skip


def measure_crawls(
    site: BenchSite, server: SiteServer, deadline: float, setup: CrawlSetup
) -> list[dict[str, Any]]:
    runs = [("first run (empty state)", True), ("incremental, unchanged (304)", True),
            ("incremental, sitemaps re-served", False)]  # fmt: skip
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-crawl-") as tmp:
        for number, (name, honor_validators) in enumerate(runs, 1):
            if time.monotonic() >= deadline:
                break
            site.honor_validators = honor_validators
            command = setup.command(server.base_url, Path(tmp), number)
            rows.append(measure_run(name, command, Path(tmp), server, site, deadline))
    return rows


def _timing_row(template: str, timings_ns: list[int], extracted: int) -> dict[str, Any]:
    ms = [t / 1e6 for t in timings_ns]
    p90 = statistics.quantiles(ms, n=10)[-1] if len(ms) > 1 else ms[0]
    return {
        "template": template, "pages": len(ms), "extracted": extracted,
        "median_ms": round(statistics.median(ms), 2), "p90_ms": round(p90, 2),
        "mean_ms": round(statistics.fmean(ms), 2), "total_s": round(sum(ms) / 1000, 2),
    }  # fmt: skip


def measure_extraction(site: BenchSite, deadline: float) -> list[dict[str, Any]]:
    """`extract_page` alone over every article page, per template, after a warm-up."""
    fetched_at = "2026-11-30T12:00:00+00:00"
    for article in site.articles[:8]:  # model loads and caches are one-off costs
        extract_page(site.pages[article.path], site.base + article.path, content_type=CONTENT_TYPE)
    timings: dict[str, list[int]] = {}
    extracted: dict[str, int] = {}
    for article in site.articles:
        if time.monotonic() >= deadline:
            break
        start = time.perf_counter_ns()
        result = extract_page(site.pages[article.path], site.base + article.path,
                              content_type=CONTENT_TYPE, fetched_at=fetched_at)  # fmt: skip
        timings.setdefault(article.template, []).append(time.perf_counter_ns() - start)
        extracted[article.template] = extracted.get(article.template, 0) + (result is not None)
    rows = [_timing_row(t, timings[t], extracted[t]) for t in sorted(timings)]
    every = [t for values in timings.values() for t in values]
    if every:
        rows.append(_timing_row("all", every, sum(extracted.values())))
    return rows


def profile_extraction(site: BenchSite, top: int) -> str:
    """cProfile of `extract_page` over the pages: the `top` functions by cumulative time."""
    profiler = cProfile.Profile()
    profiler.enable()
    for article in site.articles:
        extract_page(site.pages[article.path], site.base + article.path, content_type=CONTENT_TYPE)
    profiler.disable()
    return profile_text(profiler, top)


def machine() -> dict[str, Any]:
    return {
        "nproc": os.cpu_count(), "python": platform.python_version(),
        "scrapy": scrapy.__version__, "platform": platform.platform(),
        "loadavg_at_start": [round(x, 2) for x in os.getloadavg()],
    }  # fmt: skip


def benchmark(articles: int, timeout: float, setup: CrawlSetup) -> dict[str, Any]:
    """Serve the site, crawl it three times, time extraction alone; all within `timeout`."""
    deadline = time.monotonic() + timeout
    server = SiteServer(not_found).start()
    try:
        site = BenchSite(articles, server.base_url)
        server.set_router(site.route)
        crawls = measure_crawls(site, server, deadline, setup)
    finally:
        server.stop()
    shown = replace(setup, profile_dir=None).command("http://127.0.0.1:PORT/", Path("TMP"))
    return {
        "articles": articles, "machine": machine(),
        "command": " ".join(["python", *shown[1:]]),
        "crawl": crawls, "extraction": measure_extraction(site, deadline),
        "timed_out": time.monotonic() >= deadline,
        "crawler_profiled": setup.profile_dir is not None,
    }  # fmt: skip


def report(results: dict[str, Any]) -> str:
    facts = results["machine"]
    return "\n".join([
        f"{results['articles']} articles; {facts['nproc']} CPUs, Python {facts['python']}, "
        f"Scrapy {facts['scrapy']}, load average at start {facts['loadavg_at_start']}",
        f"command: {results['command']}", "",
        markdown_table(results["crawl"], CRAWL_COLUMNS), "",
        "extraction alone (in-process `extract_page`, after warm-up):", "",
        markdown_table(results["extraction"], EXTRACTION_COLUMNS),
        *(["", "TIMED OUT: some measurements are missing"] if results["timed_out"] else []),
        *(["", "crawls ran under cProfile: their timings are inflated"]
          if results["crawler_profiled"] else []),
    ])  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--articles", type=int, default=500, help="site size (default 500)")
    options.add_argument("--timeout", type=float, default=600.0, help="global bound, seconds")
    options.add_argument("--json", metavar="PATH", help="also write the results as JSON here")
    options.add_argument("--profile", type=int, default=0, metavar="TOP",
                         help="print a cProfile of extraction (TOP functions)")  # fmt: skip
    options.add_argument("--crawler-profile", metavar="DIR", type=Path,
                         help="run the crawls under cProfile, save DIR/crawl-runN.prof "
                              "(timings inflated: for finding hotspots only)")  # fmt: skip
    options.add_argument("-s", dest="settings", action="append", default=[],
                         metavar="NAME=VALUE",
                         help="extra crawler setting (repeatable)")  # fmt: skip
    args = options.parse_args(argv)
    if args.articles < 1:
        options.error("--articles must be ≥ 1")
    if args.crawler_profile:
        args.crawler_profile.mkdir(parents=True, exist_ok=True)
    profile_dir = args.crawler_profile.resolve() if args.crawler_profile else None
    results = benchmark(args.articles, args.timeout, CrawlSetup(tuple(args.settings), profile_dir))
    print(report(results))
    if args.json:
        Path(args.json).write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n")
    if args.profile:
        print(profile_extraction(BenchSite(args.articles, "http://127.0.0.1:8000/"), args.profile))
    failed = results["timed_out"] or any(row["exit"] != 0 for row in results["crawl"])
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
