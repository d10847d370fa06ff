"""The `newscrawl` command: crawl, extract, demo, sites.

Run `newscrawl --help` (or `newscrawl COMMAND --help`) for the full reference.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from newscrawl.cli import crawl, demo, export, extract, report, runs, schedule, sites, worker

DESCRIPTION = """\
Crawl Arabic news sites into a clean, deduplicated JSON Lines dataset.

commands:
  crawl TARGET...   crawl sites (profile names, http(s) URLs, or PROFILE=URL) into JSON Lines
  extract FILE...   extract articles from saved HTML pages, one JSON line per file
  demo              crawl the bundled demo sites on 127.0.0.1 into data/demo/articles.jsonl
  sites             list the bundled site profiles
  report [INPUT...] write an HTML report on the output (and runs, with --state)
  export -o DIR     write the latest revision of each article as Parquet or CSV
  schedule [SITE...] --state DIR   crawl sites whenever they are due (or --once, for cron)
  runs              list recent runs and their outcomes
  worker --redis URL   join a distributed crawl (started with crawl TARGET... --redis URL)
"""

EPILOG = """\
examples:
  newscrawl demo
  newscrawl crawl hespress --state state/ --max-articles 200
  newscrawl crawl https://www.example.com/ar/ -o out.jsonl
  newscrawl extract page.html --url https://www.example.com/news/1 --site aljazeera

exit status: 0 success, 1 crawl failed (e.g. output write error, every site failed or
  unreachable), 2 bad arguments, 3 some sites failed or unreachable, 130 interrupted by SIGINT
  (Ctrl-C), 143 stopped by SIGTERM; what was written is kept.
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newscrawl",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module in (crawl, extract, demo, sites, report, export, schedule, runs, worker):
        module.add_parser(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `newscrawl` console script; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        distributed = args.command == "crawl" and args.redis
        status: int = worker.run_distributed_crawl(args) if distributed else args.run(args)
    except KeyboardInterrupt:
        print("newscrawl: interrupted (SIGINT)", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug of ours: still one line, the traceback only on request
        if os.environ.get("NEWSCRAWL_TRACEBACK"):
            raise
        print(f"newscrawl: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
        print("newscrawl: set NEWSCRAWL_TRACEBACK=1 to see where", file=sys.stderr)
        return 1
    return status


if __name__ == "__main__":
    sys.exit(main())
