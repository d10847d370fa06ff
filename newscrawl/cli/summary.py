"""The end of a crawl: per-site outcomes, exit status, `--json-summary` and the run history.

Exit status: 0 when no site failed; 1 when the crawl failed (write or state error, busy output)
or every site failed or was unreachable; 3 when some sites failed or were unreachable and others
did not; 130/143 when a signal stopped it (2, bad arguments, is decided before any crawl).
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newscrawl.cli.errors import UsageError
from newscrawl.cli.runner import CrawlResult
from newscrawl.outcomes import (
    FAILED_OUTCOMES,
    NORMAL_FINISH,
    exit_status,
    kinds_from_json,
    sites_summary,
)
from newscrawl.state.extension import new_run_id
from newscrawl.state.runs import RunLog
from newscrawl.targets import Target


def site_names(targets: list[Target]) -> list[str]:
    """The sites of `targets`, each once, in order."""
    return list(dict.fromkeys(target.site for target in targets))


def check_summary_path(path: str) -> Path:
    """Where `--json-summary` goes, if a file can be created there; else `UsageError`."""
    target = Path(path).expanduser().resolve()
    if target.is_dir() or not target.parent.is_dir():
        raise UsageError(f"--json-summary needs a file in an existing folder: {path}")
    return target


@dataclass
class CrawlReport:
    """A finished crawl as the user and a scheduler see it."""

    result: CrawlResult
    sites: dict[str, dict[str, Any]]
    started_at: str
    finished_at: str
    elapsed: float
    run_id: str

    @classmethod
    def of(cls, result: CrawlResult, sites: list[str], started_at: str, finished_at: str,
           elapsed: float) -> CrawlReport:  # fmt: skip
        interrupted = result.interrupted is not None
        stopped = not interrupted and result.finish_reason not in NORMAL_FINISH
        fatal = bool(result.stats.get("newscrawl/fatal")) or stopped
        summary = sites_summary(result.stats, sites, fatal=fatal, interrupted=interrupted)
        return cls(result, summary, started_at, finished_at, elapsed, new_run_id())

    @property
    def outcomes(self) -> dict[str, str]:
        return {site: str(entry["outcome"]) for site, entry in self.sites.items()}

    def sites_line(self) -> str:
        """`sites: waha ok, madar partial` for the summary line.

        >>> report = CrawlReport(CrawlResult(), {"a": {"outcome": "ok"}}, "", "", 0.0, "r")
        >>> report.sites_line()
        'sites: a ok'
        """
        return "sites: " + ", ".join(f"{s} {o}" for s, o in self.outcomes.items())

    def status_and_message(self) -> tuple[int, str | None]:
        """The exit status and the one-line reason when it is not 0."""
        result = self.result
        if result.interrupted:
            return result.status, f"interrupted ({result.interrupted}); what was written is kept"
        if result.fatal:
            return 1, result.fatal
        status = exit_status(self.outcomes.values())
        failed = [f"{s} ({o})" for s, o in self.outcomes.items() if o in FAILED_OUTCOMES]
        if status == 1:
            return status, "every site failed: " + ", ".join(failed)
        if status:
            return status, f"{len(failed)} of {len(self.outcomes)} sites failed: " + ", ".join(
                failed
            )
        return 0, None

    def as_json(self) -> dict[str, Any]:
        status, message = self.status_and_message()
        result = self.result
        return {
            "run_id": self.run_id, "started_at": self.started_at,
            "finished_at": self.finished_at, "elapsed_seconds": round(self.elapsed, 3),
            "status": status, "message": message, "finish_reason": result.finish_reason,
            "interrupted": result.interrupted, "fatal": result.fatal,
            "articles": result.articles, "pages": result.pages, "errors": result.errors,
            "unreachable": result.unreachable, "sites": self.sites,
        }  # fmt: skip


def write_json(path: Path, data: dict[str, Any]) -> None:
    """Write `data` to `path` atomically: a reader never sees half a summary."""
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(data, out, ensure_ascii=False, indent=2)
            out.write("\n")
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def record_runs(path: Path, report: CrawlReport, via: str) -> None:
    """One history row per site; a history that cannot be written is a warning, never a failure."""
    status, message = report.status_and_message()
    try:
        log = RunLog(path)
        try:
            for site, entry in report.sites.items():
                row = log.start(report.run_id, site, via, started_at=report.started_at)
                outcome = "interrupted" if report.result.interrupted else str(entry["outcome"])
                log.finish(row, outcome, articles=int(entry["articles"]),
                           errors=int(entry["errors"]), exit_status=status,
                           detail=entry["unreachable"] or message,
                           error_kinds=kinds_from_json(entry.get("error_kinds")))  # fmt: skip
        finally:
            log.close()
    except (OSError, sqlite3.Error) as exc:
        print(f"newscrawl: warning: run not recorded in {path}: {exc}", file=sys.stderr)


def conclude(report: CrawlReport, *, json_path: Path | None, history: Path | None,
             via: str = "crawl") -> int:  # fmt: skip
    """Report the crawl's end on stderr, in the JSON summary and the history; the exit status."""
    for origin, reason in report.result.unreachable.items():
        print(f"newscrawl: unreachable: {origin} ({reason})", file=sys.stderr)
    status, message = report.status_and_message()
    if message:
        print(f"newscrawl: {message}", file=sys.stderr)
    if json_path is not None:
        try:
            write_json(json_path, report.as_json())
        except OSError as exc:
            print(f"newscrawl: warning: cannot write {json_path}: {exc}", file=sys.stderr)
    if history is not None:
        record_runs(history, report, via)
    return status
