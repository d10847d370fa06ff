"""`newscrawl crawl TARGET…`: crawl sites into JSON Lines."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import time
from pathlib import Path
from typing import Any

from newscrawl.cli.errors import BusyError, UsageError, fail
from newscrawl.cli.overrides import check_overrides, parse_overrides
from newscrawl.cli.runner import CrawlResult, crawl_settings, run_crawl
from newscrawl.cli.summary import CrawlReport, check_summary_path, conclude, site_names
from newscrawl.pipelines.output_files import OutputInUseError, check_output_free
from newscrawl.profiles import PROFILES_DIR_ENV, profiles_dir_from
from newscrawl.state.runs import history_path, now_iso
from newscrawl.targets import Target, TargetError, parse_target

HELP = """\
Crawl one or more sites. TARGET is a site profile name (see `newscrawl sites`), an http(s) URL
(an ad-hoc site: generic discovery and extraction), or PROFILE=URL (a profile served elsewhere).
Without -o, articles go under data/articles/ (see the README, "Output files")."""


def add_parser(commands: Any) -> None:
    parser = commands.add_parser(
        "crawl", help="crawl sites into JSON Lines", description=HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )  # fmt: skip
    parser.add_argument("targets", nargs="+", metavar="TARGET", help="profile name, URL or P=URL")
    parser.add_argument(
        "-o", "--output", metavar="PATH.jsonl", help="append all articles to this one file"
    )
    parser.add_argument(
        "--state", metavar="DIR", help="state directory: what was already crawled (incremental)"
    )
    parser.add_argument(
        "--redis", metavar="URL",
        help="distributed crawl: frontier and state in Redis (redis://HOST:PORT/DB), --state "
        "then names the state there; more workers join with `newscrawl worker --redis URL`",
    )  # fmt: skip
    parser.add_argument(
        "--max-articles", type=int, default=0, metavar="N", help="stop after N articles (0: all)"
    )
    parser.add_argument(
        "--processes", type=int, metavar="N",
        help="processes of the crawl: this one and N-1 that extract pages (default: one per "
        "CPU; 1: extract in this process)",
    )  # fmt: skip
    parser.add_argument(
        "--since", metavar="YYYY-MM-DD", help="skip articles dated before this day (from sitemaps)"
    )
    parser.add_argument(
        "-s", dest="settings", action="append", default=[], metavar="NAME=VALUE",
        help="set a Scrapy/newscrawl setting (repeatable)",
    )  # fmt: skip
    parser.add_argument(
        "--json-summary", metavar="PATH", help="also write the run summary (outcomes) as JSON"
    )
    parser.add_argument(
        "--history", metavar="PATH|none",
        help="record the run there (default: STATE/runs.sqlite3, or data/runs.sqlite3 without "
        "--state and -o; 'none': do not record)",
    )  # fmt: skip
    parser.set_defaults(run=run)


def check_output(path: str) -> str:
    """The output path, made absolute, if a file can be appended there; else `UsageError`."""
    target = Path(path).expanduser().resolve()
    if target.suffix != ".jsonl":
        raise UsageError(f"output must be a .jsonl file: {path}")
    if target.is_dir():
        raise UsageError(f"output is a directory: {path}")
    if not target.parent.is_dir():
        raise UsageError(f"output directory does not exist: {target.parent}")
    try:
        # opening for append is the only reliable test (root, read-only mounts, ACLs)
        with target.open("a", encoding="utf-8"):
            pass
    except OSError as exc:
        raise UsageError(f"output is not writable: {path} ({exc.strerror})") from None
    try:
        check_output_free(target)
    except OutputInUseError:
        raise BusyError(f"output file is in use by another crawl: {path}") from None
    return str(target)


def check_state_dir(path: str) -> str:
    """The state directory, created if needed; `UsageError` when that is impossible."""
    target = Path(path).expanduser().resolve()
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"cannot use state directory {path}: {exc.strerror}") from None
    probe = target / ".newscrawl-write-test"
    try:
        probe.touch()
        probe.unlink()
    except OSError as exc:
        raise UsageError(f"state directory is not writable: {path} ({exc.strerror})") from None
    return str(target)


def check_processes(value: int) -> int:
    """`--processes`: a positive number of processes.

    >>> check_processes(2)
    2
    >>> check_processes(0)
    Traceback (most recent call last):
    newscrawl.cli.errors.UsageError: --processes must be ≥ 1
    """
    if value < 1:
        raise UsageError("--processes must be ≥ 1")
    return value


def check_since(value: str) -> str:
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"--since expects YYYY-MM-DD, got {value!r}") from None
    return value


def counted(number: int, noun: str) -> str:
    """`number` and `noun`, plural when it is not one.

    >>> counted(1, "article"), counted(0, "article"), counted(7, "page")
    ('1 article', '0 articles', '7 pages')
    """
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


DUPLICATE_DROPS = ("duplicate_url", "duplicate_content", "near_duplicate")


def format_summary(result: CrawlResult, elapsed: float) -> str:
    """The end-of-crawl summary printed to stdout."""
    stats = result.stats
    dropped = sum(int(stats.get(f"newscrawl/dropped/{k}", 0)) for k in DUPLICATE_DROPS)
    skipped = sum(v for k, v in stats.items() if k.startswith("newscrawl/skipped/"))
    near = int(stats.get("newscrawl/near_duplicates/marked", 0))
    return (
        f"{counted(result.articles, 'article')} written, {counted(result.pages, 'page')} fetched, "
        f"{result.errors} errors, {dropped} duplicates dropped, {near} near-duplicates marked, "
        f"{skipped} pages skipped in {elapsed:.1f}s ({result.finish_reason})"
    )


def check_targets(specs: list[str], overrides: dict[str, str]) -> list[Target]:
    """Every target resolved against the profiles folder the crawl will use (`UsageError`)."""
    configured = overrides.get("NEWSCRAWL_PROFILES_DIR") or os.environ.get(PROFILES_DIR_ENV)
    try:
        folder = profiles_dir_from(configured)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    if folder is not None:
        overrides["NEWSCRAWL_PROFILES_DIR"] = str(folder)
    return [parse_target(spec, folder) for spec in specs]


def run(args: argparse.Namespace) -> int:
    try:
        overrides = parse_overrides(args.settings)
        for warning in check_overrides(overrides):
            print(f"newscrawl: warning: {warning}", file=sys.stderr)
        targets = check_targets(args.targets, overrides)
        summary_path = check_summary_path(args.json_summary) if args.json_summary else None
        output = check_output(args.output) if args.output else None
        state_dir = check_state_dir(args.state) if args.state else None
        since = check_since(args.since) if args.since else None
        if args.max_articles < 0:
            raise UsageError("--max-articles must be ≥ 0")
        if args.processes is not None:
            overrides["NEWSCRAWL_PROCESSES"] = str(check_processes(args.processes))
    except (TargetError, UsageError) as exc:
        return fail(str(exc))
    except BusyError as exc:
        return fail(str(exc), status=1)
    settings = crawl_settings(
        output=output, state_dir=state_dir, max_articles=args.max_articles,
        overrides=overrides, progress=sys.stderr.isatty(),
    )  # fmt: skip
    started_at, started = now_iso(), time.monotonic()
    result = run_crawl([spec.strip() for spec in args.targets], settings, since=since)
    elapsed = time.monotonic() - started
    report = CrawlReport.of(result, site_names(targets), started_at, now_iso(), elapsed)
    print(f"{format_summary(result, elapsed)}; {report.sites_line()}")
    history = run_history(args.history, state_dir, output, overrides)
    return conclude(report, json_path=summary_path, history=history)


def run_history(
    option: str | None, state_dir: str | None, output: str | None, overrides: dict[str, str]
) -> Path | None:
    """Where the run is recorded: --history, else beside the state or the data it wrote."""
    if option is not None:
        return None if option == "none" else Path(option)
    if state_dir is None and output is not None:
        return None  # a one-off crawl into a file of the user's: nothing of ours to sit beside
    return history_path(state_dir, overrides.get("NEWSCRAWL_DATA_DIR") or "data")
