"""`newscrawl report`: one self-contained HTML page on what was collected and what is failing."""

from __future__ import annotations

import argparse
import datetime as dt
import os
from pathlib import Path
from typing import Any

from newscrawl.cli.arguments import add_inputs_argument
from newscrawl.cli.errors import UsageError, fail
from newscrawl.profiles import ProfileError, SiteProfile, load_profiles, profiles_dir_from
from newscrawl.reporting.page import render
from newscrawl.reporting.records import DEFAULT_INPUTS, InputError, inputs_of, scan
from newscrawl.reporting.state_view import StateReadError, StateView, read_state
from newscrawl.reporting.summary import facts_of, summarize
from newscrawl.state.runs import history_path

HELP = """\
Write an HTML report (opens offline: no script, no network) built from crawl output and,
with --state, the state store: articles per site per day, field coverage, duplicates and
near-duplicates, fetch errors by kind, last successful run and current backoff per site.
INPUT is a .jsonl file or a folder searched for them (default: data/, which holds the
partitioned data/articles/ layout and the demo's data/demo/articles.jsonl)."""


def add_parser(commands: Any) -> None:
    parser = commands.add_parser(
        "report", help="write an HTML report on the output and the runs", description=HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )  # fmt: skip
    add_inputs_argument(parser)
    parser.add_argument(
        "-o", "--output", default="report.html", metavar="PATH.html", help="default: report.html"
    )
    parser.add_argument("--state", metavar="DIR", help="state directory: articles done, runs")
    parser.add_argument(
        "--history", metavar="PATH", help="run history (default: STATE/runs.sqlite3, or "
        "data/runs.sqlite3 without --state)",
    )  # fmt: skip
    parser.add_argument(
        "--since", metavar="YYYY-MM-DD", help="only articles first fetched (and runs started) on "
        "or after this day",
    )  # fmt: skip
    parser.set_defaults(run=run)


def check_since(value: str | None) -> str | None:
    """The --since day in ISO form, or `UsageError`.

    >>> check_since("2026-03-01"), check_since(None)
    ('2026-03-01', None)
    """
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise UsageError(f"--since must be a date YYYY-MM-DD: {value!r}") from None


def known_sites() -> dict[str, SiteProfile]:
    """The profiles, for display titles and intervals; none when they do not load."""
    try:
        return load_profiles(profiles_dir_from(None))
    except (ProfileError, ValueError, OSError):
        return {}  # the report is still worth having without them


def write_atomically(path: Path, content: str) -> None:
    """Replace `path` whole, so a reader never sees half a report."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        temporary.write_text(content, encoding="utf-8")
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def _state(args: argparse.Namespace, sites: list[str], since: str | None) -> StateView:
    state_dir = Path(args.state).expanduser() if args.state else None
    if args.history:
        history: Path | None = Path(args.history).expanduser()
    else:
        # where crawls record their runs by default (see `newscrawl crawl --history`)
        history = history_path(state_dir)
        if state_dir is None and not history.is_file():
            history = None
    return read_state(state_dir, history, sites, since)


def run(args: argparse.Namespace) -> int:
    try:
        since = check_since(args.since)
        files = inputs_of(args.inputs)
    except (UsageError, InputError) as exc:
        return fail(str(exc))
    summary = summarize(scan(files, facts_of), since)
    summary.sources = [str(p) for p in args.inputs or DEFAULT_INPUTS]
    try:
        state = _state(args, list(summary.sites), since)
    except StateReadError as exc:
        return fail(str(exc), status=1)
    generated = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    output = Path(args.output)
    try:
        write_atomically(output, render(summary, state, known_sites(), generated))
    except OSError as exc:
        return fail(f"cannot write {output}: {exc.strerror or exc}", status=1)
    print(
        f"report: {summary.articles} articles from {len(summary.sites)} sites "
        f"({len(files)} files) written to {output}"
    )
    return 0
