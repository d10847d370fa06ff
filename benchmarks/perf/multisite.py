"""Many sites at once with default politeness: is the crawl bound by politeness or by CPU?

    python -m benchmarks.perf.multisite [--sites 20] [--articles-per-site 100]
        [--timeout 900] [--python-server] [--cache-dir DIR] [--no-compare] [--json OUT.json]

Generates `--sites` distinct sites (own seed and words each), serves each on its own loopback
address (127.0.0.2, 127.0.0.3, ...: a download slot per site, as for real hosts) from one
server, and runs `newscrawl crawl URL1 ... URLn -o OUT --state DIR` with no `-s` at all, i.e.
the project's politeness defaults; then, for comparison, the same crawl with politeness off
(`-s DOWNLOAD_DELAY=0 -s AUTOTHROTTLE_ENABLED=False -s CONCURRENT_REQUESTS_PER_DOMAIN=8`).
Reports each crawl's CPU/wall ratio, the rate it reached, the rate politeness alone would allow
(one request per DOWNLOAD_DELAY per site, as Scrapy paces a slot with a delay), the rate its
CPU cost alone would allow on one core, per-site request gaps, and the verdict.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from itertools import pairwise
from pathlib import Path
from typing import Any

from scrapy.settings import default_settings as scrapy_defaults

from benchmarks.perf import site
from benchmarks.perf.layout import SiteSpec
from benchmarks.perf.runner import (
    describe_machine,
    exit_status,
    line_count,
    machine,
    markdown_table,
    newscrawl_command,
    publish,
    python_env,
    run_child,
)  # fmt: skip
from benchmarks.perf.server import LogLine, Server, SiteRoot
from newscrawl import settings as defaults

COLUMNS = ["run", "sites", "articles", "wall_s", "cpu_s", "cpu_per_wall", "requests",
           "requests_per_s", "articles_per_s", "politeness_bound_req_per_s",
           "cpu_bound_req_per_s", "median_gap_s", "peak_rss_mb", "peak_tree_rss_mb",
           "load_before"]  # fmt: skip
POLITENESS_OFF = ["DOWNLOAD_DELAY=0", "AUTOTHROTTLE_ENABLED=False",
                  "CONCURRENT_REQUESTS_PER_DOMAIN=8"]  # fmt: skip
POLITENESS_KEYS = ("DOWNLOAD_DELAY", "RANDOMIZE_DOWNLOAD_DELAY", "AUTOTHROTTLE_ENABLED",
                   "AUTOTHROTTLE_START_DELAY", "AUTOTHROTTLE_TARGET_CONCURRENCY",
                   "CONCURRENT_REQUESTS_PER_DOMAIN", "CONCURRENT_REQUESTS")  # fmt: skip


def specs(sites: int, articles: int) -> list[SiteSpec]:
    return [SiteSpec(articles, seed=100 + k, name=f"الأفق {k + 1}") for k in range(sites)]


def gaps(requests: list[LogLine]) -> list[float]:
    """Seconds between consecutive requests to the same site."""
    by_host: dict[str, list[float]] = defaultdict(list)
    for line in requests:
        by_host[line.host].append(line.when)
    return [b - a for times in by_host.values() for a, b in pairwise(sorted(times))]


def verdict(polite: dict[str, Any], free: dict[str, Any] | None) -> str:
    """What limits the politely configured crawl, judged against the same crawl without politeness.

    Politeness when the crawl reaches most of the rate its delays allow, or when lifting them
    makes it much faster; CPU when lifting them changes little (or, without that run, when the
    crawler keeps its core busy).

    >>> row = {"requests_per_s": 13.5, "politeness_bound_req_per_s": 80.0, "cpu_per_wall": 0.8}
    >>> verdict(row, {"requests_per_s": 15.0}), verdict(row, {"requests_per_s": 40.0})
    ('CPU', 'politeness')
    >>> verdict({**row, "cpu_per_wall": 0.3}, None)
    'neither'
    """
    rate = polite["requests_per_s"]
    if rate >= 0.7 * polite["politeness_bound_req_per_s"]:
        return "politeness"
    if free is not None:
        return "politeness" if free["requests_per_s"] > 1.3 * rate else "CPU"
    return "CPU" if polite["cpu_per_wall"] >= 0.75 else "neither"


def measure(server: Server, work: Path, deadline: float, run_name: str,
            settings: list[str]) -> dict[str, Any]:  # fmt: skip
    work.mkdir()
    output = work / "out.jsonl"
    command = [*newscrawl_command(), "crawl", *(o + "/" for o in server.origins),
               "-o", str(output), "--state", str(work / "state"),
               *(part for value in settings for part in ("-s", value))]  # fmt: skip
    server.new_requests()
    run = run_child(command, work / "crawl.log", deadline, cwd=work, env=python_env())
    requests = server.new_requests()
    sites, articles = len(server.origins), line_count(output)
    delay = float(defaults.DOWNLOAD_DELAY) if not settings else 0.0
    spacing = gaps(requests)
    wall = run.wall_s or 1e-9
    return {
        "run": run_name, "sites": sites, "articles": articles, "wall_s": run.wall_s,
        "cpu_s": run.cpu_s, "cpu_per_wall": round(run.cpu_s / wall, 2),
        "requests": len(requests), "requests_per_s": round(len(requests) / wall, 1),
        "articles_per_s": round(articles / wall, 1),
        "politeness_bound_req_per_s": round(sites / delay, 1) if delay else "none",
        "cpu_bound_req_per_s": round(len(requests) / run.cpu_s, 1) if run.cpu_s else None,
        "median_gap_s": round(statistics.median(spacing), 3) if spacing else None,
        "peak_rss_mb": run.peak_rss_mb, "peak_tree_rss_mb": run.peak_tree_rss_mb,
        "load_before": run.load_before,
        "exit": run.exit, "timed_out": run.timed_out,
        "command": " ".join(command).replace(str(work), "TMP"),
        # the log goes with the temporary directory: keep what explains a failed run
        "log_tail": None if run.exit == 0 else _tail(work / "crawl.log"),
    }  # fmt: skip


def _tail(log: Path, lines: int = 15) -> str:
    try:
        return "\n".join(log.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])
    except OSError as exc:
        return f"(no log: {exc})"


def serve_and_crawl(
    args: argparse.Namespace, roots: list[Path], deadline: float
) -> tuple[list[dict[str, Any]], str]:
    """The sites served together; the default-politeness crawl, then (unless --no-compare)
    the same crawl with politeness off, each from an empty state."""
    with tempfile.TemporaryDirectory(prefix="perf-multi-") as tmp:
        work = Path(tmp)
        served = [SiteRoot(f"127.0.0.{k + 2}", root, work / f"documents-{k}")
                  for k, root in enumerate(roots)]  # fmt: skip
        with Server(served, work / "server", nginx=not args.python_server) as server:
            for spec, root, origin in zip(specs(args.sites, args.articles_per_site), served,
                                          server.origins, strict=True):  # fmt: skip
                site.write_documents(root.documents, spec, origin)
            rows = [measure(server, work / "polite", deadline, "default politeness", [])]
            if not args.no_compare and time.monotonic() < deadline:
                rows.append(measure(server, work / "free", deadline, "politeness off",
                                    POLITENESS_OFF))  # fmt: skip
            return rows, server.name


def politeness_settings() -> dict[str, Any]:
    """The project's politeness settings, Scrapy's default where the project sets none."""
    return {k: getattr(defaults, k, getattr(scrapy_defaults, k)) for k in POLITENESS_KEYS}


def benchmark(args: argparse.Namespace) -> dict[str, Any]:
    deadline = time.monotonic() + args.timeout
    facts = machine()
    roots = []
    for spec in specs(args.sites, args.articles_per_site):
        root = site.default_dir(spec, args.cache_dir)
        site.ensure_site(root, spec, deadline)
        roots.append(root)
    rows, name = serve_and_crawl(args, roots, deadline)
    return {
        "machine": facts, "server": name, "rows": rows,
        "bound_by": verdict(rows[0], rows[1] if len(rows) > 1 else None),
        "politeness": politeness_settings(),
        "timed_out": any(r["timed_out"] for r in rows) or time.monotonic() > deadline,
    }  # fmt: skip


def report(results: dict[str, Any]) -> str:
    polite = ", ".join(f"{k}={v}" for k, v in results["politeness"].items())
    return "\n".join([
        describe_machine(results["machine"]), f"server: {results['server']}",
        f"politeness defaults: {polite}",
        *(f"command ({row['run']}): {row['command']}" for row in results["rows"]), "",
        markdown_table(results["rows"], COLUMNS), "",
        f"bound by: {results['bound_by']}", "",
        "politeness_bound_req_per_s = sites / DOWNLOAD_DELAY (Scrapy sends one request per "
        "delay per slot, randomised 0.5-1.5x; AutoThrottle only ever raises the delay); "
        "cpu_bound_req_per_s = requests / crawler CPU seconds (one core). Verdict: politeness "
        "when the polite crawl reaches 70 % of its bound or runs 30 % faster without it, else CPU.",
        *(["", "TIMED OUT"] if results["timed_out"] else []),
        *(f"\n{row['run']} exited {row['exit']}; its log ends:\n{row['log_tail']}"
          for row in results["rows"] if row.get("log_tail")),
    ])  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--sites", type=int, default=20)
    options.add_argument("--articles-per-site", type=int, default=100)
    options.add_argument("--timeout", type=float, default=900.0)
    options.add_argument("--python-server", action="store_true", help="skip nginx")
    options.add_argument("--cache-dir", type=Path, help="where generated sites are kept")
    options.add_argument("--no-compare", action="store_true",
                         help="skip the same crawl with politeness off")  # fmt: skip
    options.add_argument("--json", type=Path, metavar="PATH")
    args = options.parse_args(argv)
    if not 1 <= args.sites <= 200:
        options.error("--sites must be between 1 and 200 (one loopback address each)")
    results = benchmark(args)
    publish(report(results), results, args.json)
    return exit_status(results)


if __name__ == "__main__":
    sys.exit(main())
