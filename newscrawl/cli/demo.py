"""`newscrawl demo`: crawl the bundled demo sites on loopback, offline, end to end."""

from __future__ import annotations

import argparse
import json
import sys
import time
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from newscrawl.cli.errors import fail
from newscrawl.cli.runner import crawl_settings, run_crawl
from newscrawl.cli.summary import CrawlReport, record_runs
from newscrawl.demo.catalog import DEMO_SITES, site_router
from newscrawl.demo.server import serving
from newscrawl.state.runs import history_path, now_iso

DEFAULT_OUTPUT = Path("data/demo/articles.jsonl")


def add_parser(commands: Any) -> None:
    parser = commands.add_parser(
        "demo",
        help="crawl the bundled demo sites (offline)",
        description="Serve the bundled Arabic demo sites on 127.0.0.1, crawl them with the real "
        "crawler into data/demo/articles.jsonl (replaced on each run) and print a summary.",
    )
    parser.add_argument("-o", "--output", default=str(DEFAULT_OUTPUT), metavar="PATH.jsonl")
    parser.set_defaults(run=run)


def read_records(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def demo_summary(records: list[dict[str, Any]], output: Path, elapsed: float) -> str:
    sites = sorted({r["site"] for r in records})
    sample = records[0]["title"] if records else "-"
    return (
        f"demo: {len(records)} articles from {len(sites)} sites ({', '.join(sites)}) "
        f"in {elapsed:.1f}s\n"
        f"written to {output}\n"
        f"sample title: {sample}"
    )


def run(args: argparse.Namespace) -> int:
    output = Path(args.output)
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.unlink(missing_ok=True)
    except OSError as exc:
        return fail(f"cannot write {output}: {exc.strerror}")
    started, started_at = time.monotonic(), now_iso()
    with ExitStack() as stack:
        targets = [
            f"{site}={stack.enter_context(serving(site_router(site))).base_url}"
            for site in DEMO_SITES
        ]
        settings = crawl_settings(
            output=str(output.resolve()), state_dir=None, max_articles=0,
            overrides={"DOWNLOAD_DELAY": "0", "AUTOTHROTTLE_ENABLED": "False"},
            progress=sys.stderr.isatty(),
        )  # fmt: skip
        result = run_crawl(targets, settings)
    elapsed = time.monotonic() - started
    report = CrawlReport.of(result, list(DEMO_SITES), started_at, now_iso(), elapsed)
    record_runs(history_path(None), report, via="demo")  # so `newscrawl runs` shows it
    if result.fatal:
        return fail(result.fatal, status=1)
    records = read_records(output) if output.exists() else []
    print(demo_summary(records, output, time.monotonic() - started))
    return 0 if records else fail("the demo crawl wrote no articles", status=1)
