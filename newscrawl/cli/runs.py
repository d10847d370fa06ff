"""`newscrawl runs`: the recent runs and their outcomes, from a run history."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from datetime import datetime
from pathlib import Path
from typing import Any

from newscrawl.cli.errors import fail
from newscrawl.state.runs import RunLog, RunRecord, history_path

HELP = """\
List recent runs, newest first: when, site, outcome (ok, partial, empty, unreachable, failed;
interrupted, crashed, or running for scheduled runs), articles written, errors, the errors by
kind (timeout, connection_refused, dns, tls, connection, http_4xx, http_5xx, too_large,
processing, other; "unknown" when the run reported no kinds), duration.
The history is STATE/runs.sqlite3 for `newscrawl crawl --state STATE` and `newscrawl schedule
--state STATE`, else data/runs.sqlite3 (`newscrawl demo`, and crawls without --state and -o)."""

COLUMNS = ("started", "site", "outcome", "articles", "errors", "kinds", "took", "via", "detail")


def add_parser(commands: Any) -> None:
    parser = commands.add_parser(
        "runs", help="list recent runs and their outcomes", description=HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )  # fmt: skip
    parser.add_argument("--state", metavar="DIR", help="state directory (default: data/)")
    parser.add_argument("--history", metavar="PATH", help="a run history file instead")
    parser.add_argument("--site", metavar="SITE", help="only this site")
    parser.add_argument("--last", type=int, default=20, metavar="N", help="how many (default 20)")
    parser.add_argument("--json", action="store_true", help="one JSON object per line")
    parser.set_defaults(run=run)


def local_time(iso: str) -> str:
    """An ISO time from the history, shown in the machine's time zone, to the second."""
    return datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M:%S")


def kinds_cell(run: RunRecord) -> str:
    """The errors by kind, most first: `http_5xx:2,timeout:1`; "-" without errors.

    >>> from newscrawl.state.runs import RunRecord as R
    >>> run = R(1, "r", "a", "t", "t", "partial", 3, 3, 0, "crawl", None, {"timeout": 1, "dns": 2})
    >>> kinds_cell(run), kinds_cell(R(1, "r", "a", "t", "t", "partial", 3, 3, 0, "scrapyd", None))
    ('dns:2,timeout:1', 'unknown')
    """
    if run.error_kinds is None:
        return "unknown" if run.errors else "-"
    ordered = sorted(run.error_kinds.items(), key=lambda kv: (-kv[1], kv[0]))
    return ",".join(f"{kind}:{count}" for kind, count in ordered if count) or "-"


def row_of(run: RunRecord) -> tuple[str, ...]:
    took = f"{run.seconds:.1f}s" if run.seconds is not None else "-"
    return (
        local_time(run.started_at), run.site, run.outcome, str(run.articles), str(run.errors),
        kinds_cell(run), took, run.via, (run.detail or "")[:80],
    )  # fmt: skip


def table(rows: list[tuple[str, ...]]) -> str:
    """Rows under the column names, left-aligned in columns.

    >>> print(table([("a", "b", "c", "d", "e", "f", "g", "h", "i")]).splitlines()[1])
    a        b     c        d         e       f      g     h    i
    """
    lines = [COLUMNS, *rows]
    widths = [max(len(line[i]) for line in lines) for i in range(len(COLUMNS))]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip()
        for line in lines
    )


def run(args: argparse.Namespace) -> int:
    path = Path(args.history) if args.history else history_path(args.state)
    if args.last < 1:
        return fail("--last must be ≥ 1")
    if not path.is_file():
        return fail(f"no run history at {path}", status=1)
    log = RunLog(path)
    try:
        runs = log.recent(args.site, args.last)
    finally:
        log.close()
    if args.json:
        for record in runs:
            print(json.dumps(asdict(record), ensure_ascii=False))
    elif runs:
        print(table([row_of(record) for record in runs]))
    else:
        print(f"no runs recorded{' for ' + args.site if args.site else ''} in {path}")
    return 0
