"""`newscrawl worker --redis URL` and `newscrawl crawl TARGET… --redis URL`: a distributed crawl.

`crawl --redis` starts a crawl whose frontier and state live in Redis (or joins the one already
running there with the same targets) and works on it; `worker` joins the running crawl. Each
process writes its own part files and stops when the whole crawl is done (README, "Distributed
crawling").
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

from scrapy.settings import Settings

from newscrawl.cli.crawl import check_output, check_since, check_targets, format_summary
from newscrawl.cli.errors import BusyError, UsageError, fail
from newscrawl.cli.overrides import check_overrides, parse_overrides
from newscrawl.cli.runner import crawl_settings, run_crawl
from newscrawl.distributed import crawlrun
from newscrawl.distributed.crawlrun import CrawlRecord
from newscrawl.distributed.keys import DEFAULT_NAME, CrawlKeys, check_name
from newscrawl.distributed.spider import DistributedNewsSpider
from newscrawl.state.extension import new_run_id
from newscrawl.state.redis_link import (
    RedisHealth,
    RedisUnavailableError,
    check_redis_url,
    connect,
    display_url,
)
from newscrawl.targets import TargetError

HELP = """\
Join the distributed crawl running in Redis (started with `newscrawl crawl TARGET… --redis URL`):
fetch from its shared frontier, write this worker's own part files, and stop once the whole crawl
is done. Waits NEWSCRAWL_REDIS_IDLE_TIMEOUT seconds for a crawl to start when none is running."""

SCHEDULER = "newscrawl.distributed.scheduler.LeasedScheduler"
COMPONENTS = {
    "EXTENSIONS": {"newscrawl.distributed.worker.WorkerExtension": 150},
    "ITEM_PIPELINES": {"newscrawl.distributed.claims.WriteClaimPipeline": 850},
}


def add_parser(commands: Any) -> None:
    parser = commands.add_parser(
        "worker", help="join a distributed crawl running in Redis", description=HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )  # fmt: skip
    parser.add_argument("--redis", required=True, metavar="URL", help="redis://HOST:PORT/DB")
    parser.add_argument(
        "-o", "--output", metavar="PATH.jsonl",
        help="write PATH.<worker>.jsonl (default: the partitioned layout under data/)",
    )  # fmt: skip
    parser.add_argument(
        "--state", metavar="NAME", default=DEFAULT_NAME,
        help=f"the crawl's state name in Redis (default {DEFAULT_NAME!r})",
    )  # fmt: skip
    parser.add_argument(
        "-s", dest="settings", action="append", default=[], metavar="NAME=VALUE",
        help="set a Scrapy/newscrawl setting (repeatable)",
    )  # fmt: skip
    parser.set_defaults(run=run_worker, targets=None, since=None, max_articles=0)


def part_path(output: str, worker: str) -> str:
    """This worker's part file for `-o PATH.jsonl`.

    >>> part_path("/data/out.jsonl", "w1")
    '/data/out.w1.jsonl'
    """
    path = Path(output)
    return str(path.with_name(f"{path.stem}.{worker}{path.suffix}"))


def _settings(args: argparse.Namespace, overrides: dict[str, str], worker: str) -> Settings:
    output = check_output(part_path(args.output, worker)) if args.output else None
    overrides = {**overrides, "NEWSCRAWL_REDIS_URL": args.redis, "NEWSCRAWL_REDIS_NAME": args.state}
    settings = crawl_settings(
        output=output, state_dir=None, max_articles=args.max_articles, overrides=overrides,
        progress=sys.stderr.isatty(),
    )  # fmt: skip
    settings.set("SCHEDULER", SCHEDULER, priority="cmdline")
    for name, components in COMPONENTS.items():
        merged = settings.getdict(name)
        merged.update(components)
        settings.set(name, merged, priority="cmdline")
    return settings


def _checked(args: argparse.Namespace) -> tuple[dict[str, str], str]:
    overrides = parse_overrides(args.settings)
    for warning in check_overrides(overrides):
        print(f"newscrawl: warning: {warning}", file=sys.stderr)
    try:
        check_redis_url(args.redis)
        check_name(args.state)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    if args.targets:
        check_targets(args.targets, overrides)
    if args.since:
        check_since(args.since)
    if args.max_articles < 0:
        raise UsageError("--max-articles must be ≥ 0")
    return overrides, new_run_id()


def _patience(overrides: dict[str, str]) -> float:
    return float(overrides.get("NEWSCRAWL_REDIS_PATIENCE") or 60.0)


def _idle_timeout(overrides: dict[str, str]) -> float:
    return float(overrides.get("NEWSCRAWL_REDIS_IDLE_TIMEOUT") or 10.0)


def run_worker(args: argparse.Namespace) -> int:
    return _run(args, _join_running)


def run_distributed_crawl(args: argparse.Namespace) -> int:
    """`newscrawl crawl TARGET… --redis URL` (called by the crawl command)."""
    if args.state is None:
        args.state = DEFAULT_NAME
    return _run(args, _start_or_join)


def _run(args: argparse.Namespace, resolve: Any) -> int:
    try:
        overrides, worker = _checked(args)
        health = RedisHealth(args.redis, _patience(overrides))
        client = connect(health)
        found = resolve(args, client, CrawlKeys(args.state), _idle_timeout(overrides))
        if found is None:
            where = f"{display_url(args.redis)} (state {args.state!r})"
            print(f"newscrawl: no crawl is running in {where}; nothing to do", file=sys.stderr)
            return 0
        record, join = found
        settings = _settings(args, overrides, worker)
    except (TargetError, UsageError) as exc:
        return fail(str(exc))
    except BusyError as exc:
        return fail(str(exc), status=1)
    except RedisUnavailableError as exc:
        return fail(str(exc), status=1)
    return _work(record, join, worker, settings)


def _start_or_join(
    args: argparse.Namespace, client: Any, keys: CrawlKeys, wait: float
) -> tuple[CrawlRecord, bool]:
    targets = [spec.strip() for spec in args.targets]
    record, created = crawlrun.start_crawl(client, keys, targets, args.since)
    if created:
        return record, False
    if list(record.targets) != targets or record.since != args.since:
        raise BusyError(
            f"another crawl ({', '.join(record.targets)}) is running in this Redis state; "
            f"join it with `newscrawl worker --redis {display_url(args.redis)}`, or use --state"
        )
    print(f"newscrawl: joining the running crawl {record.crawl_id}", file=sys.stderr)
    return record, record.seeded  # a crawl whose starter died before seeding is seeded again


def _join_running(
    args: argparse.Namespace, client: Any, keys: CrawlKeys, wait: float
) -> tuple[CrawlRecord, bool] | None:
    deadline = time.monotonic() + wait
    while True:
        record = crawlrun.read_crawl(client, keys)
        if record is not None and record.running:
            return record, True
        if time.monotonic() >= deadline:
            return None
        time.sleep(0.25)


def _work(record: CrawlRecord, join: bool, worker: str, settings: Settings) -> int:
    started = time.monotonic()
    spider_args = {"crawl": record.crawl_id, "worker": worker, "join": "1" if join else "0"}
    result = run_crawl(
        list(record.targets), settings, since=record.since, spider=DistributedNewsSpider,
        spider_args=spider_args,
    )  # fmt: skip
    print(f"worker {worker}: {format_summary(result, time.monotonic() - started)}")
    if result.interrupted:
        kept = "its unfinished requests went back to the queue"
        return fail(f"interrupted ({result.interrupted}); {kept}", status=result.status)
    if result.fatal:
        return fail(result.fatal, status=1)
    return 0
