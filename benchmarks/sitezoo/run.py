"""Serve the zoo, crawl it twice with the real `newscrawl crawl` command, score, report.

    python -m benchmarks.sitezoo.run                     # every family, 20 articles per site
    python -m benchmarks.sitezoo.run --held-out          # only the held-out families
    python -m benchmarks.sitezoo.run --fresh             # only the fresh (never tuned) families
    python -m benchmarks.sitezoo.run --families legacy_php wp_classic --articles-per-site 8

Run 1 crawls stage 1 of every site into run1.jsonl with a fresh --state; then N new articles
appear on every site (sitemaps, feeds and sections updated) and run 2 crawls again with the same
state into run2.jsonl. Results go to OUT/results.json (figures, examples of misses) and
OUT/truth.json (the ground truth of both stages); the tables are printed.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import Any

from benchmarks.sitezoo import report, split
from benchmarks.sitezoo.score import (
    combine,
    rates,
    score_incremental,
    score_near_duplicates,
    score_run,
)
from benchmarks.sitezoo.zoo import DEFAULT_SEED, build_sites

REPO = Path(__file__).resolve().parents[2]
# The test suite's fast-crawl settings: no politeness delay against our own loopback servers
# (all zoo sites share the host 127.0.0.1, hence one Scrapy download slot).
FAST = ["DOWNLOAD_DELAY=0", "AUTOTHROTTLE_ENABLED=False", "CONCURRENT_REQUESTS_PER_DOMAIN=8",
        "LOG_LEVEL=WARNING"]  # fmt: skip


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.sitezoo.run",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--families", nargs="+", metavar="FAMILY",
                        choices=split.FAMILY_ORDER + split.FRESH_FAMILIES)  # fmt: skip
    group = parser.add_mutually_exclusive_group()
    for flag in ("--all", "--tuning", "--held-out", "--fresh"):
        group.add_argument(flag, dest="split", action="store_const", const=flag[2:])
    parser.add_argument("--rotation", type=int, default=split.rotation_from_env(),
                        help="which third of the families is held out (0, 1 or 2)")  # fmt: skip
    parser.add_argument("--articles-per-site", type=int, default=20, metavar="N")
    parser.add_argument(
        "--new",
        type=int,
        default=None,
        metavar="N",
        help="articles added before the second run (default: N/5, at least 2)",
    )
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--anchor", type=datetime.fromisoformat, default=None, metavar="ISO",
                        help="newest publication time (default: now); pages saying 'أمس' are "
                        "only true when this is today")  # fmt: skip
    parser.add_argument("--out", default=str(REPO / "data" / "sitezoo"), metavar="DIR")
    parser.add_argument("--timeout", type=float, default=1200.0, help="seconds per crawl")
    parser.add_argument("--quiet", action="store_true", help="no tables, only the JSON")
    return parser.parse_args(argv)


def crawl(name: str, urls: list[str], output: Path, state: Path, timeout: float) -> dict[str, Any]:
    """One run of the real CLI; returns how it went (the output file holds the records)."""
    # SITEZOO_SETTINGS="NAME=VALUE …": more crawl settings, e.g. to measure a feature switched off
    extra = os.environ.get("SITEZOO_SETTINGS", "").split()
    settings = [arg for s in (*FAST, *extra) for arg in ("-s", s)]
    command = [sys.executable, "-m", "newscrawl.cli", "crawl", *urls, "-o", str(output),
               "--state", str(state), *settings]  # fmt: skip
    started = time.monotonic()
    proc = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, "PYTHONUNBUFFERED": "1"}, check=False)  # fmt: skip
    lines = [line for line in proc.stdout.splitlines() if line.strip()]
    return {
        "name": name, "returncode": proc.returncode,
        "seconds": round(time.monotonic() - started, 1),
        "summary": lines[-1] if lines else "", "stderr_tail": proc.stderr[-3000:],
    }  # fmt: skip


def read_records(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def _fresh(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    shutil.rmtree(out / "state", ignore_errors=True)
    for name in ("run1.jsonl", "run2.jsonl"):
        (out / name).unlink(missing_ok=True)


def run_zoo(families: list[str], *, articles: int, new: int, seed: int, out: Path,
            timeout: float, anchor: datetime | None = None) -> dict[str, Any]:  # fmt: skip
    """Both crawls against served sites; returns the truths, records and request counts."""
    _fresh(out)
    sites = build_sites(families, articles=articles, new=new, seed=seed, anchor=anchor)
    started = [site.start() for site in sites]
    try:
        urls = [site.start_url for site in sites]
        truth1 = [site.truth() for site in sites]
        run1 = crawl("run 1", urls, out / "run1.jsonl", out / "state", timeout)
        hits1 = {site.spec.name: site.reset_hits() for site in sites}
        for site in sites:
            site.set_stage(2)
        truth2 = [site.truth() for site in sites]
        run2 = crawl("run 2 (incremental)", urls, out / "run2.jsonl", out / "state", timeout)
        hits2 = {site.spec.name: site.reset_hits() for site in sites}
    finally:
        for site in started:
            site.stop()
    return {"truth1": truth1, "truth2": truth2, "runs": [run1, run2], "hits1": hits1,
            "hits2": hits2}  # fmt: skip


def score_zoo(data: dict[str, Any], out: Path, rotation: int) -> dict[str, Any]:
    first, second = read_records(out / "run1.jsonl"), read_records(out / "run2.jsonl")
    tallies, examples = score_run(data["truth1"], first, data["hits1"])
    score_incremental(data["truth2"], second, data["hits2"], tallies, first)
    score_near_duplicates(data["truth2"], first + second, tallies, examples)
    classes = {t["family"]: t["failure_classes"] for t in data["truth1"]}
    by_class = {}
    for number, names in report.CLASS_METRICS.items():
        families = [f for f, c in classes.items() if str(number) in c]
        figures = rates(combine(tallies, families))
        by_class[number] = {"families": families, "figures": {k: figures[k] for k in names}}
    held = [f for f in split.held_out(rotation) if f in tallies]
    tuned = [f for f in split.tuning(rotation) if f in tallies]
    results = {
        "split": {"rotation": rotation, "held_out": held, "tuning": tuned},
        "families": {f: rates(t) for f, t in tallies.items()},
        "tuning": rates(combine(tallies, tuned)), "held_out": rates(combine(tallies, held)),
        "all": rates(combine(tallies, tallies)), "runs": data["runs"], "examples": examples,
        "failure_classes": classes, "by_failure_class": by_class,
    }  # fmt: skip
    fresh = [f for f in split.FRESH_FAMILIES if f in tallies]
    if fresh:  # never tuned on, reported apart; "all" is every family of the run
        results["split"]["fresh"] = fresh
        results["fresh"] = rates(combine(tallies, fresh))
    return results


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    families = list(args.families or split.select(args.split or "all", args.rotation))
    new = args.new if args.new is not None else max(2, args.articles_per_site // 5)
    out = Path(args.out)
    data = run_zoo(families, articles=args.articles_per_site, new=new, seed=args.seed, out=out,
                   timeout=args.timeout, anchor=args.anchor)  # fmt: skip
    results = score_zoo(data, out, args.rotation)
    results["config"] = {"families": families, "articles_per_site": args.articles_per_site,
                         "new": new, "seed": args.seed, "rotation": args.rotation}  # fmt: skip
    (out / "results.json").write_text(json.dumps(results, ensure_ascii=False, indent=1), "utf-8")
    truth = {"stage1": data["truth1"], "stage2": data["truth2"]}
    (out / "truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1), "utf-8")
    if not args.quiet:
        report.print_report(results)
        print(f"\nresults: {out / 'results.json'}  truth: {out / 'truth.json'}")
    return 0 if all(run["returncode"] == 0 for run in data["runs"]) else 1


if __name__ == "__main__":
    sys.exit(main())
