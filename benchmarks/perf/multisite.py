"""Many sites at once with default politeness: is the crawl bound by politeness or by CPU?

    python -m benchmarks.perf.multisite [--sites 20] [--articles-per-site 100]
        [--timeout 900] [--python-server] [--cache-dir DIR] [--json OUT.json]

Generates `--sites` distinct sites (own seed and words each), serves each on its own loopback
address (127.0.0.2, 127.0.0.3, ...: a download slot per site, as for real hosts) from one
server, and runs `newscrawl crawl URL1 ... URLn -o OUT --state DIR` with no `-s` at all, i.e.
the project's politeness defaults. Reports the crawl's CPU/wall ratio, the rate it reached,
the rate politeness alone would allow (one request per DOWNLOAD_DELAY per site, as Scrapy
paces a slot with a delay) and the rate its CPU cost alone would allow, per-site request gaps,
and the verdict.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from benchmarks.perf import site
from benchmarks.perf.layout import SiteSpec
from benchmarks.perf.runner import (
    describe_machine, line_count, machine, markdown_table, newscrawl_command, python_env, run_child,
)  # fmt: skip
from benchmarks.perf.server import LogLine, Server, SiteRoot
from newscrawl import settings as defaults

COLUMNS = ["sites", "articles", "wall_s", "cpu_s", "cpu_per_wall", "requests", "requests_per_s",
           "articles_per_s", "politeness_bound_req_per_s", "cpu_bound_req_per_s",
           "median_gap_s", "peak_rss_mb", "load_before", "bound_by"]  # fmt: skip


def specs(sites: int, articles: int) -> list[SiteSpec]:
    return [SiteSpec(articles, seed=100 + k, name=f"الأفق {k + 1}") for k in range(sites)]


def gaps(requests: list[LogLine]) -> list[float]:
    """Seconds between consecutive requests to the same site."""
    by_host: dict[str, list[float]] = defaultdict(list)
    for line in requests:
        by_host[line.host].append(line.when)
    return [b - a for times in by_host.values() for a, b in zip(sorted(times), sorted(times)[1:])]


def verdict(cpu_per_wall: float, median_gap: float | None, delay: float) -> str:
    """Which limit the crawl ran into: a busy core, or each site's delay between requests.

    >>> verdict(0.97, 0.6, 0.25), verdict(0.3, 0.26, 0.25), verdict(0.3, 0.05, 0.25)
    ('CPU', 'politeness', 'neither')
    """
    if cpu_per_wall >= 0.85:
        return "CPU"
    if median_gap is not None and median_gap >= 0.8 * delay:
        return "politeness"
    return "neither"


def measure(server: Server, work: Path, deadline: float) -> tuple[dict[str, Any], str]:
    output = work / "out.jsonl"
    command = [*newscrawl_command(), "crawl", *(o + "/" for o in server.origins),
               "-o", str(output), "--state", str(work / "state")]  # fmt: skip
    server.new_requests()
    run = run_child(command, work / "crawl.log", deadline, cwd=work, env=python_env())
    requests = server.new_requests()
    sites, articles = len(server.origins), line_count(output)
    politeness = sites / float(defaults.DOWNLOAD_DELAY)
    cpu_bound = len(requests) / run.cpu_s if run.cpu_s else 0.0
    rate = len(requests) / run.wall_s if run.wall_s else 0.0
    cpu_per_wall = run.cpu_s / run.wall_s if run.wall_s else 0.0
    spacing = gaps(requests)
    row_gap = statistics.median(spacing) if spacing else None
    row = {
        "sites": sites, "articles": articles, "wall_s": run.wall_s, "cpu_s": run.cpu_s,
        "cpu_per_wall": round(cpu_per_wall, 2), "requests": len(requests),
        "requests_per_s": round(rate, 1), "articles_per_s": round(articles / run.wall_s, 1),
        "politeness_bound_req_per_s": round(politeness, 1),
        "cpu_bound_req_per_s": round(cpu_bound, 1),
        "median_gap_s": round(row_gap, 3) if row_gap is not None else None,
        "peak_rss_mb": run.peak_rss_mb, "load_before": run.load_before,
        "bound_by": verdict(cpu_per_wall, row_gap, float(defaults.DOWNLOAD_DELAY)),
        "exit": run.exit, "timed_out": run.timed_out,
    }  # fmt: skip
    shown = " ".join(command).replace(str(work), "TMP")
    return row, shown


def benchmark(args: argparse.Namespace) -> dict[str, Any]:
    deadline = time.monotonic() + args.timeout
    facts = machine()
    roots = []
    for spec in specs(args.sites, args.articles_per_site):
        root = site.default_dir(spec, args.cache_dir)
        site.ensure_site(root, spec, deadline)
        roots.append(root)
    with tempfile.TemporaryDirectory(prefix="perf-multi-") as tmp:
        work = Path(tmp)
        served = [SiteRoot(f"127.0.0.{k + 2}", root, work / f"documents-{k}")
                  for k, root in enumerate(roots)]  # fmt: skip
        with Server(served, work / "server", nginx=not args.python_server) as server:
            for spec, root, origin in zip(specs(args.sites, args.articles_per_site), served,
                                          server.origins, strict=True):  # fmt: skip
                site.write_documents(root.documents, spec, origin)
            row, command = measure(server, work, deadline)
            name = server.name
    return {
        "machine": facts, "server": name, "row": row, "command": command,
        "politeness": {k: getattr(defaults, k) for k in (
            "DOWNLOAD_DELAY", "AUTOTHROTTLE_ENABLED", "AUTOTHROTTLE_START_DELAY",
            "AUTOTHROTTLE_TARGET_CONCURRENCY", "CONCURRENT_REQUESTS_PER_DOMAIN",
            "CONCURRENT_REQUESTS")},
        "timed_out": row["timed_out"] or time.monotonic() > deadline,
    }  # fmt: skip


def report(results: dict[str, Any]) -> str:
    polite = ", ".join(f"{k}={v}" for k, v in results["politeness"].items())
    return "\n".join([
        describe_machine(results["machine"]), f"server: {results['server']}",
        f"politeness defaults: {polite}", f"command: {results['command']}", "",
        markdown_table([results["row"]], COLUMNS), "",
        "politeness_bound_req_per_s = sites / DOWNLOAD_DELAY (Scrapy sends one request per "
        "delay per slot, randomised 0.5-1.5x; AutoThrottle only ever raises the delay); "
        "cpu_bound_req_per_s = requests / crawler CPU seconds (one core); bound_by: CPU when "
        "cpu_per_wall >= 0.85, politeness when a site's requests are spaced by at least "
        "0.8 x DOWNLOAD_DELAY (median_gap_s) while the core has room.",
        *(["", "TIMED OUT"] if results["timed_out"] else []),
    ])  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--sites", type=int, default=20)
    options.add_argument("--articles-per-site", type=int, default=100)
    options.add_argument("--timeout", type=float, default=900.0)
    options.add_argument("--python-server", action="store_true", help="skip nginx")
    options.add_argument("--cache-dir", type=Path, help="where generated sites are kept")
    options.add_argument("--json", type=Path, metavar="PATH")
    args = options.parse_args(argv)
    if not 1 <= args.sites <= 200:
        options.error("--sites must be between 1 and 200 (one loopback address each)")
    results = benchmark(args)
    print(report(results))
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n")
    return 1 if results["timed_out"] or results["row"]["exit"] != 0 else 0


if __name__ == "__main__":
    sys.exit(main())
