"""One site, three pipelines, one run: Scrapy links-only, Scrapy + trafilatura, `newscrawl crawl`.

    python -m benchmarks.perf.crawl [--articles 5000] [--json OUT.json] [--timeout 3600]
        [--cache-dir DIR] [--python-server] [--profile DIR]

Generates (or reuses, see `site.default_dir`) an N-article site, serves it on 127.0.0.1 with
nginx (Python's threaded server when nginx is missing; the report says which), then runs, one
after the other and each as its own process: (a) `benchmarks.perf.baselines links`,
(b) `benchmarks.perf.baselines trafilatura`, (c) the `newscrawl crawl` CLI with politeness off
(the same settings as a and b). Per pipeline: articles/s over the child's wall time, CPU ms
per article page, peak RSS (`os.wait4`), server CPU and load; then the ratios c/a and c/b.
With --profile, (c) runs once more under cProfile (not timed) and its top functions print.
"""

from __future__ import annotations

import argparse
import json
import pstats
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from benchmarks.perf import site
from benchmarks.perf.layout import SiteSpec
from benchmarks.perf.runner import (
    describe_machine,
    exit_status,
    machine,
    markdown_table,
    newscrawl_command,
    publish,
    python_env,
    run_child,
)  # fmt: skip
from benchmarks.perf.server import Server, SiteRoot

POLITENESS_OFF = ["DOWNLOAD_DELAY=0", "AUTOTHROTTLE_ENABLED=False",
                  "CONCURRENT_REQUESTS_PER_DOMAIN=8"]  # fmt: skip
PIPELINES = {"a": "scrapy links only", "b": "scrapy + trafilatura", "c": "newscrawl crawl"}
COLUMNS = ["pipeline", "exit", "wall_s", "requests", "article_pages", "articles",
           "with_text", "near_dups", "articles_per_s", "cpu_s", "cpu_ms_per_page", "cpu_per_wall",
           "peak_rss_mb", "peak_tree_rss_mb", "server_cpu_s", "load_before"]  # fmt: skip
TEXT_FIELDS = {"a": None, "b": "text", "c": "body"}


def pipeline_command(
    key: str, origin: str, work: Path, articles: int, timeout: float, extra: Sequence[str] = ()
) -> list[str]:
    """The command of pipeline `key`; `extra` are more `-s NAME=VALUE` settings for (c)."""
    output = str(work / f"{key}.jsonl")
    if key in ("a", "b"):
        return [sys.executable, "-m", "benchmarks.perf.baselines",
                "links" if key == "a" else "trafilatura", origin, output,
                "--timeout", str(int(timeout))]  # fmt: skip
    # The per-site page budget (5000 by default) would stop a 5,000-article crawl short.
    budget = f"NEWSCRAWL_MAX_PAGES_PER_SITE={max(5000, articles + 1000)}"
    settings = [part for value in [*POLITENESS_OFF, budget, *extra] for part in ("-s", value)]
    return [*newscrawl_command(), "crawl", origin + "/", "-o", output,
            "--state", str(work / "c-state"), *settings]  # fmt: skip


def output_facts(path: Path, field: str | None) -> tuple[int | None, int | None]:
    """Lines whose text field holds a real body (over 200 characters), lines marked near-dups."""
    if field is None or not path.exists():
        return None, None
    bodies = near = 0
    with path.open(encoding="utf-8") as lines:
        for line in filter(str.strip, lines):
            record = json.loads(line)
            bodies += len(record.get(field) or "") > 200
            near += record.get("near_duplicate_of") is not None
    return bodies, near if field == "body" else None


def measure(key: str, server: Server, work: Path, args: argparse.Namespace,
            deadline: float) -> dict[str, Any]:  # fmt: skip
    command = pipeline_command(
        key, server.origins[0], work, args.articles, args.timeout, args.setting
    )
    server.new_requests()  # what earlier pipelines caused is not ours
    server_cpu = server.cpu_seconds()
    run = run_child(command, work / f"{key}.log", deadline, cwd=work, env=python_env())
    requests = server.new_requests()
    pages = sum(site.is_article_request(line.uri) for line in requests)
    output = work / f"{key}.jsonl"
    articles = _lines(output)
    bodies, near_dups = output_facts(output, TEXT_FIELDS[key])
    return {
        "pipeline": f"({key}) {PIPELINES[key]}", "exit": run.exit, "wall_s": run.wall_s,
        "requests": len(requests), "article_pages": pages, "articles": articles,
        "with_text": bodies, "near_dups": near_dups,
        "articles_per_s": round(articles / run.wall_s, 1) if run.wall_s else 0.0,
        "cpu_s": run.cpu_s,
        "cpu_ms_per_page": round(1000 * run.cpu_s / pages, 2) if pages else None,
        "cpu_per_wall": round(run.cpu_s / run.wall_s, 2) if run.wall_s else None,
        "peak_rss_mb": run.peak_rss_mb, "peak_tree_rss_mb": run.peak_tree_rss_mb,
        "server_cpu_s": round(server.cpu_seconds() - server_cpu, 2),
        "load_before": run.load_before, "timed_out": run.timed_out,
        "command": " ".join(command).replace(str(work), "TMP"),
    }  # fmt: skip


def _lines(path: Path) -> int:
    if not path.exists():
        return 0
    with path.open("rb") as data:
        return sum(1 for line in data if line.strip())


def ratios(rows: dict[str, dict[str, Any]]) -> dict[str, float | None]:
    def ratio(top: str, bottom: str) -> float | None:
        if top not in rows or bottom not in rows or not rows[bottom]["articles_per_s"]:
            return None
        return round(rows[top]["articles_per_s"] / rows[bottom]["articles_per_s"], 3)

    return {"c/a": ratio("c", "a"), "c/b": ratio("c", "b")}


def profile_newscrawl(server: Server, work: Path, args: argparse.Namespace, deadline: float,
                      top: int = 30) -> str:  # fmt: skip
    """(c) again, fresh state, under cProfile: where its time goes (timings inflated)."""
    args.profile.mkdir(parents=True, exist_ok=True)
    target = args.profile.resolve() / "newscrawl-crawl.prof"
    command = pipeline_command(
        "c", server.origins[0], work / "profiled", args.articles, args.timeout, args.setting
    )
    (work / "profiled").mkdir()
    command = [sys.executable, "-m", "cProfile", "-o", str(target), "-m", "newscrawl.cli",
               *command[command.index("crawl"):]]  # fmt: skip
    run_child(command, work / "profiled.log", deadline, cwd=work, env=python_env())
    if not target.exists():
        return "profile: the profiled run left no profile (timed out?)"
    lines = [f"profile of (c) saved to {target}"]
    for order in ("cumulative", "tottime"):
        text = _StatsText()
        pstats.Stats(str(target), stream=text).strip_dirs().sort_stats(order).print_stats(top)
        lines.append(text.value)
    return "\n".join(lines)


class _StatsText:
    def __init__(self) -> None:
        self.value = ""

    def write(self, chunk: str) -> int:
        self.value += chunk
        return len(chunk)


def benchmark(args: argparse.Namespace) -> dict[str, Any]:
    deadline = time.monotonic() + args.timeout
    facts = machine()
    spec = SiteSpec(args.articles, args.seed)
    root = site.default_dir(spec, args.cache_dir)
    manifest = site.ensure_site(root, spec, deadline)
    rows: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory(prefix="perf-crawl-") as tmp:
        work = Path(tmp)
        documents = work / "documents"
        with Server([SiteRoot("127.0.0.1", root, documents)], work / "server",
                    nginx=not args.python_server) as server:  # fmt: skip
            site.write_documents(documents, spec, server.origins[0])
            for key in args.pipelines:
                if time.monotonic() < deadline:
                    rows[key] = measure(key, server, work, args, deadline)
            profile = profile_newscrawl(server, work, args, deadline) if args.profile else ""
            server_name = server.name
    return {
        "articles": args.articles, "site_dir": str(root), "site": manifest, "machine": facts,
        "server": server_name, "rows": list(rows.values()), "ratios": ratios(rows),
        "timed_out": time.monotonic() >= deadline or any(r["timed_out"] for r in rows.values()),
        "profile": profile,
    }  # fmt: skip


def report(results: dict[str, Any]) -> str:
    shape = results["site"]
    sizes, links = shape["article_bytes"], shape["article_links"]
    lines = [
        describe_machine(results["machine"]), f"server: {results['server']}",
        f"site: {results['articles']} articles + {shape['listing_pages']} listing pages at "
        f"{results['site_dir']} ({'reused' if shape.get('reused') else 'generated'}); "
        f"article pages {sizes['min'] / 1000:.0f}/{sizes['median'] / 1000:.0f}/"
        f"{sizes['max'] / 1000:.0f} KB and {links['min']}/{links['median']}/{links['max']} "
        "links (min/median/max)", "",
        markdown_table(results["rows"], COLUMNS), "",
        "ratios of articles/s: " + ", ".join(f"{k} = {v}" for k, v in results["ratios"].items()),
        "", "commands:", *(f"  {row['command']}" for row in results["rows"]),
    ]  # fmt: skip
    if results["timed_out"]:
        lines += ["", "TIMED OUT: some figures are missing or cut short"]
    if results["profile"]:
        lines += ["", results["profile"]]
    return "\n".join(lines)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--articles", type=int, default=5000)
    options.add_argument("--seed", type=int, default=1)
    options.add_argument("--timeout", type=float, default=3600.0, help="bound on everything, s")
    options.add_argument("--cache-dir", type=Path, help="where generated sites are kept")
    options.add_argument("--python-server", action="store_true", help="skip nginx")
    options.add_argument("--pipelines", default="abc", help="which of a, b, c to run")
    options.add_argument("--profile", type=Path, metavar="DIR", help="cProfile (c) once more")
    options.add_argument("--json", type=Path, metavar="PATH", help="also write results here")
    options.add_argument(
        "--setting", action="append", default=[], metavar="NAME=VALUE",
        help="one more -s setting for (c), e.g. NEWSCRAWL_NEAR_DUPLICATES=off",
    )  # fmt: skip
    args = options.parse_args(argv)
    if args.articles < 1 or not set(args.pipelines) <= set(PIPELINES):
        options.error("--articles must be ≥ 1 and --pipelines a subset of 'abc'")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    results = benchmark(args)
    publish(report(results), results, args.json)
    return exit_status(results)


if __name__ == "__main__":
    sys.exit(main())
