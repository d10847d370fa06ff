"""`newscrawl crawl TARGET…`: crawl sites into JSON Lines."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path
from typing import Any

from scrapy.settings import Settings

from newscrawl.cli.errors import UsageError, fail
from newscrawl.cli.runner import CrawlResult, crawl_settings, run_crawl
from newscrawl.pipelines.neardup import MODES as NEAR_DUPLICATE_MODES
from newscrawl.targets import TargetError, parse_targets

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
        "--max-articles", type=int, default=0, metavar="N", help="stop after N articles (0: all)"
    )
    parser.add_argument(
        "--since", metavar="YYYY-MM-DD", help="skip articles dated before this day (from sitemaps)"
    )
    parser.add_argument(
        "-s", dest="settings", action="append", default=[], metavar="NAME=VALUE",
        help="set a Scrapy/newscrawl setting (repeatable)",
    )  # fmt: skip
    parser.set_defaults(run=run)


def parse_overrides(pairs: list[str]) -> dict[str, str]:
    """`-s NAME=VALUE` pairs as a dict.

    >>> parse_overrides(["LOG_LEVEL=INFO", "DOWNLOAD_DELAY=0"])
    {'LOG_LEVEL': 'INFO', 'DOWNLOAD_DELAY': '0'}
    """
    overrides = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise UsageError(f"-s expects NAME=VALUE, got {pair!r}")
        overrides[name.strip()] = value
    return overrides


def check_overrides(overrides: dict[str, str]) -> None:
    """`UsageError` when a `-s` value does not fit the type of the setting it overrides.

    Scrapy reads settings lazily, deep inside components: a typo would otherwise surface as a
    traceback in the middle of a crawl.

    >>> check_overrides({"DOWNLOAD_DELAY": "0.5", "NEWSCRAWL_NEAR_DUPLICATES": "drop"})
    >>> check_overrides({"NEWSCRAWL_FSYNC_ITEMS": "many"})
    Traceback (most recent call last):
    newscrawl.cli.errors.UsageError: bad setting NEWSCRAWL_FSYNC_ITEMS='many': expected int
    """
    defaults = Settings()
    defaults.setmodule("newscrawl.settings")
    for name, value in overrides.items():
        kind = type(defaults.get(name))
        if kind not in (bool, int, float):
            continue
        probe = Settings({name: value})
        readers = {bool: probe.getbool, int: probe.getint, float: probe.getfloat}
        try:
            readers[kind](name)
        except ValueError:
            raise UsageError(f"bad setting {name}={value!r}: expected {kind.__name__}") from None
    mode = overrides.get("NEWSCRAWL_NEAR_DUPLICATES")
    if mode is not None and mode not in NEAR_DUPLICATE_MODES:
        choices = ", ".join(NEAR_DUPLICATE_MODES)
        raise UsageError(f"bad setting NEWSCRAWL_NEAR_DUPLICATES={mode!r}: one of {choices}")


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


def run(args: argparse.Namespace) -> int:
    try:
        parse_targets(args.targets)
        overrides = parse_overrides(args.settings)
        check_overrides(overrides)
        output = check_output(args.output) if args.output else None
        state_dir = check_state_dir(args.state) if args.state else None
        since = check_since(args.since) if args.since else None
        if args.max_articles < 0:
            raise UsageError("--max-articles must be ≥ 0")
    except (TargetError, UsageError) as exc:
        return fail(str(exc))
    settings = crawl_settings(
        output=output, state_dir=state_dir, max_articles=args.max_articles,
        overrides=overrides, progress=sys.stderr.isatty(),
    )  # fmt: skip
    started = time.monotonic()
    result = run_crawl([spec.strip() for spec in args.targets], settings, since=since)
    print(format_summary(result, time.monotonic() - started))
    if result.fatal:
        return fail(result.fatal, status=1)
    return 0
