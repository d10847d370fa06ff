"""Starting one run of one site: the scheduler's directory layout, and local crawl processes.

Each run is a `newscrawl crawl SITE --state DIR/sites/SITE --json-summary …` process: the same
command a user would run, with its own state directory (a state directory serves one crawl at a
time) and its output under the data directory of the scheduler's working directory. Its outcome
is read from the JSON summary; without one (killed, refused to start) from its exit status and
the last `newscrawl:` line of its log.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import threading
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Protocol

from newscrawl.outcomes import kinds_from_json
from newscrawl.scheduling.locks import SiteLock
from newscrawl.scheduling.plan import SitePlan, safe_name
from newscrawl.state.runs import HISTORY_FILE, INTERRUPTED

SIGNAL_STATUSES = {130: "SIGINT", 143: "SIGTERM"}


@dataclass(frozen=True)
class Layout:
    """Where the scheduler keeps things under its `--state DIR`."""

    root: Path

    @property
    def history(self) -> Path:
        return self.root / HISTORY_FILE

    def site_state(self, site: str) -> Path:
        return self.root / "sites" / safe_name(site)

    def lock(self, site: str) -> Path:
        return self.root / "locks" / f"{safe_name(site)}.lock"

    def summary(self, site: str) -> Path:
        return self.root / "summaries" / f"{safe_name(site)}.json"

    def log(self, site: str) -> Path:
        return self.root / "logs" / f"{safe_name(site)}.log"


@dataclass(frozen=True)
class RunResult:
    """How one run of one site ended, as the run history records it."""

    outcome: str
    articles: int = 0
    errors: int = 0
    exit_status: int | None = None
    detail: str | None = None
    error_kinds: dict[str, int] | None = None
    """`errors` by kind, from the run's summary; None when it carried none (unknown)."""


class Launcher(Protocol):
    """Runs one site's crawl to its end (blocking); can be told to stop every run it started."""

    via: str

    def run(self, plan: SitePlan, lock: SiteLock) -> RunResult: ...

    def stop_all(self) -> None:
        """Ask every running crawl to stop gracefully (they keep what they wrote)."""
        ...

    def kill_all(self) -> None:
        """Stop every running crawl now (after `stop_all` was not enough)."""
        ...


def result_from_summary(summary: dict[str, Any] | None, site: str, status: int) -> RunResult:
    """A run's result from its JSON summary (None when the crawl left none) and exit status.

    A crawl killed by our SIGTERM before it could handle it (still starting) exits -15.

    >>> entry = {"outcome": "ok", "articles": 3, "errors": 0, "unreachable": None}
    >>> result_from_summary({"sites": {"w": entry}, "message": None}, "w", 0)
    RunResult(outcome='ok', articles=3, errors=0, exit_status=0, detail=None, error_kinds=None)
    >>> result_from_summary(None, "w", 143).outcome, result_from_summary(None, "w", 2).outcome
    ('interrupted', 'failed')
    >>> result_from_summary(None, "w", -15).outcome
    'interrupted'
    """
    entry = (summary or {}).get("sites", {}).get(site)
    if status in SIGNAL_STATUSES or -status in (signal.SIGTERM, signal.SIGINT):
        outcome = INTERRUPTED
    elif entry is None:
        return RunResult("failed", exit_status=status, detail=f"exit status {status}")
    else:
        outcome = str(entry["outcome"])
    entry = entry or {}
    detail = entry.get("unreachable") or (summary or {}).get("message")
    return RunResult(
        outcome, int(entry.get("articles", 0)), int(entry.get("errors", 0)), status, detail,
        kinds_from_json(entry.get("error_kinds")),
    )  # fmt: skip


def last_message(log: Path, start: int, limit: int = 4096) -> str | None:
    """Why a run ended without a summary: the last `newscrawl: …` line it wrote to the log."""
    try:
        with log.open("rb") as handle:
            handle.seek(max(start, log.stat().st_size - limit))
            tail = handle.read().decode("utf-8", "replace").splitlines()
    except OSError:
        return None
    ours = [line for line in tail if line.startswith("newscrawl: ")]
    # without a line of ours, the last line is the best clue (a traceback's exception line)
    lines = ours or [line for line in tail if line.strip()]
    return lines[-1].strip()[:300] if lines else None


class LocalLauncher:
    """Each run is a `newscrawl crawl` child process of the scheduler."""

    via = "schedule"

    def __init__(self, layout: Layout, crawl_args: list[str]) -> None:
        self.layout = layout
        self.crawl_args = crawl_args
        self._running: set[subprocess.Popen[bytes]] = set()
        self._lock = threading.Lock()
        self._stopping = False

    def command(self, plan: SitePlan) -> list[str]:
        return [
            sys.executable, "-m", "newscrawl.cli", "crawl", plan.spec,
            "--state", str(self.layout.site_state(plan.site)),
            "--json-summary", str(self.layout.summary(plan.site)),
            "--history", "none", *self.crawl_args,
        ]  # fmt: skip

    def run(self, plan: SitePlan, lock: SiteLock) -> RunResult:
        summary = self.layout.summary(plan.site)
        summary.parent.mkdir(parents=True, exist_ok=True)
        summary.unlink(missing_ok=True)
        log = self.layout.log(plan.site)
        log.parent.mkdir(parents=True, exist_ok=True)
        with log.open("ab") as output:
            start = output.tell()
            # its own session: a Ctrl-C on the terminal reaches the scheduler only, which
            # forwards SIGTERM; the lock descriptor goes along (see locks.py)
            process = subprocess.Popen(
                self.command(plan), stdin=subprocess.DEVNULL, stdout=output,
                stderr=subprocess.STDOUT, pass_fds=(lock.fd,), start_new_session=True,
            )  # fmt: skip
        with self._lock:
            self._running.add(process)
            if self._stopping:
                process.send_signal(signal.SIGTERM)
        try:
            status = process.wait()
        finally:
            with self._lock:
                self._running.discard(process)
        result = result_from_summary(read_summary(summary), plan.site, status)
        if result.detail and result.detail.startswith("exit status"):
            result = _with_detail(result, last_message(log, start) or result.detail)
        return result

    def _signal_all(self, signum: int) -> None:
        with self._lock:
            self._stopping = True
            for process in self._running:
                if process.poll() is None:
                    process.send_signal(signum)

    def stop_all(self) -> None:
        self._signal_all(signal.SIGTERM)

    def kill_all(self) -> None:
        self._signal_all(signal.SIGKILL)


def _with_detail(result: RunResult, detail: str) -> RunResult:
    return replace(result, detail=detail)


def read_summary(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None
