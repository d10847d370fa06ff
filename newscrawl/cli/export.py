"""`newscrawl export`: the latest revision of each article as Parquet or CSV, for analysis."""

from __future__ import annotations

import argparse
import os
import secrets
import shutil
from pathlib import Path
from typing import Any

from newscrawl.cli.arguments import add_inputs_argument
from newscrawl.cli.errors import UsageError, fail
from newscrawl.reporting.export_layout import FORMATS, MARKER
from newscrawl.reporting.records import InputError, inputs_of, scan

HELP = """\
Write the latest revision of each article (greatest modified_at per url) under DIR, partitioned
hive style by site and day of fetch: DIR/site=<site>/date=<YYYY-MM-DD>/part-0.parquet (or .csv).
Each row has a stable article_id: the first 16 hex digits of SHA-256 of its canonical URL.
INPUT is a .jsonl file or a folder searched for them (default: data/). DIR is replaced whole
when it holds an earlier export; any other non-empty folder is refused."""


def add_parser(commands: Any) -> None:
    parser = commands.add_parser(
        "export", help="write articles as Parquet or CSV for analysis", description=HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )  # fmt: skip
    add_inputs_argument(parser)
    parser.add_argument("-o", "--output", required=True, metavar="DIR", type=Path)
    parser.add_argument("--format", choices=FORMATS, default="parquet", help="default: parquet")
    parser.set_defaults(run=run)


def check_target(directory: Path) -> None:
    """Refuse a folder that holds anything but an earlier export: replacing it would lose data."""
    if directory.exists() and not directory.is_dir():
        raise UsageError(f"output is not a folder: {directory}")
    if directory.is_dir() and any(directory.iterdir()) and not (directory / MARKER).is_file():
        raise UsageError(
            f"{directory} is not empty and holds no earlier export; choose a new or empty folder"
        )
    if not directory.parent.resolve().is_dir():
        raise UsageError(f"output's parent folder does not exist: {directory.parent}")


def replace_dir(fresh: Path, directory: Path) -> None:
    """Put `fresh` in place of `directory`: readers see the old export or the new one whole.

    Exporting into the old folder instead would leave stale partitions behind: an article whose
    newest revision was fetched on another day would then be there twice.
    """
    old = directory.with_name(f".{directory.name}.old-{secrets.token_hex(3)}")
    if directory.exists():
        os.rename(directory, old)
    os.rename(fresh, directory)
    shutil.rmtree(old, ignore_errors=True)


def run(args: argparse.Namespace) -> int:
    directory: Path = args.output
    try:
        check_target(directory)
        files = inputs_of(args.inputs)
    except (UsageError, InputError) as exc:
        return fail(str(exc))
    found = scan(files, lambda record: None)
    fresh = directory.with_name(f".{directory.name}.new-{secrets.token_hex(3)}")
    try:
        from newscrawl.reporting.export import write_export  # pyarrow: only when exporting

        result = write_export(found, fresh, args.format)
        replace_dir(fresh, directory)
    except OSError as exc:
        return fail(f"cannot write {directory}: {exc.strerror or exc}", status=1)
    finally:
        shutil.rmtree(fresh, ignore_errors=True)
    print(
        f"export: {result.rows} articles ({found.lines} lines read, {found.unreadable} "
        f"unreadable) written as {args.format} to {directory}/ in {result.files} files"
    )
    return 0
