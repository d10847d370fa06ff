"""`newscrawl schedule [SITE…] --state DIR`: crawl each site whenever it is due, until stopped.

See `newscrawl.scheduling` for the rules; this module reads the command line, installs the stop
signals and reports. SIGTERM or SIGINT: no new run starts, running crawls get SIGTERM (they stop
within seconds, keeping every line they wrote), the scheduler waits for them (`--stop-timeout`,
then SIGKILL) and exits 143 or 130.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
from datetime import datetime
from pathlib import Path
from types import FrameType
from typing import Any

from newscrawl.cli.crawl import check_state_dir
from newscrawl.cli.errors import UsageError, fail
from newscrawl.cli.interrupts import EXIT_STATUS
from newscrawl.cli.overrides import check_overrides, parse_overrides
from newscrawl.profiles import PROFILES_DIR_ENV, profiles_dir_from
from newscrawl.profiles.timing import parse_duration
from newscrawl.scheduling.launch import Launcher, Layout, LocalLauncher
from newscrawl.scheduling.plan import Policy
from newscrawl.scheduling.scheduler import Scheduler
from newscrawl.scheduling.scrapyd import ScrapydLauncher
from newscrawl.scheduling.sites import plans_for

HELP = """\
Crawl each SITE (profile name, URL or PROFILE=URL; none: every profile that sets `every`)
whenever it is due: every `every` (profile key, or --every), never two runs of a site at once,
backing off a site that keeps failing. Each run is `newscrawl crawl SITE --state DIR/sites/SITE`
(or a Scrapyd job with --scrapyd) and is recorded in DIR/runs.sqlite3 (`newscrawl runs`).
Articles go to the data directory (data/articles/…; -s NEWSCRAWL_DATA_DIR=… to move it)."""


def add_parser(commands: Any) -> None:
    parser = commands.add_parser(
        "schedule", help="crawl sites whenever they are due (long-running, or --once)",
        description=HELP, formatter_class=argparse.RawDescriptionHelpFormatter,
    )  # fmt: skip
    add = parser.add_argument
    add("sites", nargs="*", metavar="SITE", help="profile name, URL or P=URL")
    add("--state", required=True, metavar="DIR", help="per-site state, locks, run history")
    add("--every", action="append", default=[], metavar="[SITE=]DURATION",
        help="interval (30m, 2h, 1d); SITE= for one site only; repeatable")  # fmt: skip
    add("--jitter", metavar="DURATION", help="start each run up to this much later, at random")
    add("--active-hours", metavar="HH:MM-HH:MM", help="runs start only in this daily window")
    add("--once", action="store_true", help="run the sites that are due now, then exit (cron)")
    add("--max-parallel", type=int, default=2, metavar="N", help="runs at a time (default 2)")
    add("--max-backoff", default="6h", metavar="DURATION",
        help="longest wait after repeated failures (default 6h)")  # fmt: skip
    add("--stop-timeout", type=float, default=60.0, metavar="SECONDS",
        help="on SIGTERM/SIGINT, how long running crawls get to stop (default 60)")  # fmt: skip
    add("--scrapyd", metavar="URL", help="run crawls as jobs of this Scrapyd (deployed project)")
    add("--scrapyd-project", default="newscrawl", metavar="NAME", help="its project name")
    add("--max-articles", type=int, default=0, metavar="N", help="per run (0: all)")
    add("-s", dest="settings", action="append", default=[], metavar="NAME=VALUE",
        help="a setting for every crawl (repeatable)")  # fmt: skip
    parser.set_defaults(run=run)


def say(message: str) -> None:
    stamp = datetime.now().astimezone().strftime("%Y-%m-%d %H:%M:%S")
    print(f"newscrawl schedule: {stamp} {message}", file=sys.stderr, flush=True)


def _profiles_folder(overrides: dict[str, str]) -> Path | None:
    configured = overrides.get("NEWSCRAWL_PROFILES_DIR") or os.environ.get(PROFILES_DIR_ENV)
    try:
        folder = profiles_dir_from(configured)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    if folder is not None:  # the crawls must read the same folder
        overrides["NEWSCRAWL_PROFILES_DIR"] = str(folder)
    return folder


def build(args: argparse.Namespace) -> Scheduler:
    """The scheduler the arguments describe; `UsageError` or a `ValueError` (bad site, plan)."""
    overrides = parse_overrides(args.settings)
    for warning in check_overrides(overrides):
        say(f"warning: {warning}")
    plans = plans_for(args.sites, args.every, args.jitter, args.active_hours,
                      _profiles_folder(overrides))  # fmt: skip
    if args.max_parallel < 1 or args.max_articles < 0 or args.stop_timeout <= 0:
        raise UsageError("--max-parallel must be ≥ 1, --max-articles ≥ 0, --stop-timeout > 0")
    try:
        max_backoff = parse_duration(args.max_backoff)
    except ValueError as exc:
        raise UsageError(f"--max-backoff: {exc}") from None
    layout = Layout(Path(check_state_dir(args.state)))
    launcher: Launcher
    if args.scrapyd:
        settings = {**overrides, "NEWSCRAWL_MAX_ARTICLES": str(args.max_articles)}
        launcher = ScrapydLauncher(args.scrapyd, layout, settings, project=args.scrapyd_project)
    else:
        crawl_args = ["--max-articles", str(args.max_articles)]
        crawl_args += [arg for pair in overrides.items() for arg in ("-s", "=".join(pair))]
        launcher = LocalLauncher(layout, crawl_args)
    return Scheduler(plans, layout, launcher, policy=Policy(max_backoff),
                     max_parallel=args.max_parallel, say=say)  # fmt: skip


class StopSignals:
    """SIGTERM and SIGINT ask the scheduler to stop; the first one decides the exit status."""

    def __init__(self) -> None:
        self.requested = threading.Event()
        self.signum: int | None = None

    def install(self) -> StopSignals:
        for signum in EXIT_STATUS:
            signal.signal(signum, self._handle)
        return self

    def _handle(self, signum: int, _: FrameType | None) -> None:
        if self.signum is None:
            self.signum = signum
            say(f"{signal.Signals(signum).name}: stopping (running crawls finish their items)")
        self.requested.set()

    @property
    def status(self) -> int | None:
        return EXIT_STATUS[signal.Signals(self.signum)] if self.signum else None


def serve(scheduler: Scheduler, stops: StopSignals, timeout: float) -> int:
    """The long-running mode: until a stop signal."""
    aps = scheduler.start()
    while not stops.requested.wait(0.5):
        pass
    scheduler.stop(aps, timeout)
    return stops.status or 0


def once(scheduler: Scheduler, stops: StopSignals, timeout: float) -> int:
    """`--once`: the due runs in a worker thread, so the main thread keeps handling signals."""
    status: list[int] = []
    worker = threading.Thread(target=lambda: status.append(scheduler.once()), name="once")
    worker.start()
    while worker.is_alive() and not stops.requested.wait(0.2):
        pass
    if stops.requested.is_set():
        scheduler.stop(None, timeout)
    worker.join()
    return stops.status or (status[0] if status else 1)


def run(args: argparse.Namespace) -> int:
    try:
        scheduler = build(args)
    except (UsageError, ValueError) as exc:  # PlanError, TargetError, ProfileError: one line
        return fail(str(exc))
    stops = StopSignals().install()
    mode = once if args.once else serve
    return mode(scheduler, stops, args.stop_timeout)
