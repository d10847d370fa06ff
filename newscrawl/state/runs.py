"""The run history: one row per site and run (start, end, outcome, articles, errors).

It lives in its own SQLite file, `runs.sqlite3`, beside the crawl state (`--state DIR`) or in the
data directory, not in `state.sqlite3`: a scheduler records the runs of crawls that hold their
state directory's lock, and `newscrawl runs` reads it while crawls run. WAL mode and a busy
timeout let those few writers and readers share it.

A row is inserted as `running` when a scheduled run starts and completed when it ends; a row
still `running` when its site's lock is next taken belonged to a process that died, and becomes
`crashed`. The scheduler reads its last start times (a restart does not run everything at once)
and failure streaks (backoff) back from here.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

HISTORY_FILE = "runs.sqlite3"
RUNNING = "running"
CRASHED = "crashed"
INTERRUPTED = "interrupted"
FAILING = ("failed", "unreachable", CRASHED)
"""Outcomes that lengthen a site's backoff; an interrupted run changes nothing; others reset it."""

_SCHEMA = """
CREATE TABLE IF NOT EXISTS run_log(
    id INTEGER PRIMARY KEY AUTOINCREMENT, run_id TEXT NOT NULL, site TEXT NOT NULL,
    started_at TEXT NOT NULL, finished_at TEXT, outcome TEXT NOT NULL,
    articles INTEGER NOT NULL DEFAULT 0, errors INTEGER NOT NULL DEFAULT 0,
    exit_status INTEGER, via TEXT NOT NULL, detail TEXT);
CREATE INDEX IF NOT EXISTS run_log_by_site ON run_log(site, started_at);
"""
_COLUMNS = (
    "id, run_id, site, started_at, finished_at, outcome, articles, errors, exit_status, via, detail"
)


def now_iso() -> str:
    """The current UTC time, ISO-8601 with milliseconds (runs may be seconds apart)."""
    return datetime.now(UTC).isoformat(timespec="milliseconds")


@dataclass(frozen=True)
class RunRecord:
    """One site's part of one run."""

    id: int
    run_id: str
    site: str
    started_at: str
    finished_at: str | None
    outcome: str
    articles: int
    errors: int
    exit_status: int | None
    via: str
    """What started it: "crawl", "demo", "schedule" (local process) or "scrapyd"."""
    detail: str | None

    @property
    def seconds(self) -> float | None:
        """How long it ran, when it has ended."""
        if self.finished_at is None:
            return None
        started = datetime.fromisoformat(self.started_at)
        return (datetime.fromisoformat(self.finished_at) - started).total_seconds()


class RunLog:
    """The run history in one SQLite file (created on first use)."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(path, timeout=30)
        try:
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.executescript(f"BEGIN;{_SCHEMA}COMMIT;")
        except sqlite3.Error:
            self._db.close()
            raise

    def start(self, run_id: str, site: str, via: str, started_at: str | None = None) -> int:
        """Record a run of `site` as running; returns its row id."""
        with self._db:
            cursor = self._db.execute(
                "INSERT INTO run_log(run_id, site, started_at, outcome, via)"
                " VALUES (?, ?, ?, ?, ?)",
                (run_id, site, started_at or now_iso(), RUNNING, via),
            )
        return int(cursor.lastrowid or 0)

    def finish(
        self, row: int, outcome: str, *, articles: int = 0, errors: int = 0,
        exit_status: int | None = None, detail: str | None = None,
    ) -> None:  # fmt: skip
        with self._db:
            self._db.execute(
                "UPDATE run_log SET finished_at = ?, outcome = ?, articles = ?, errors = ?,"
                " exit_status = ?, detail = ? WHERE id = ?",
                (now_iso(), outcome, articles, errors, exit_status, detail, row),
            )

    def abandon_running(self, site: str) -> int:
        """Mark `site`'s rows left running (their process died) as crashed; how many."""
        with self._db:
            cursor = self._db.execute(
                "UPDATE run_log SET outcome = ?, detail = 'the run ended without a record'"
                " WHERE site = ? AND outcome = ?",
                (CRASHED, site, RUNNING),
            )
        return cursor.rowcount

    def recent(self, site: str | None = None, last: int = 20) -> list[RunRecord]:
        """The `last` most recent runs (of `site`, or of every site), newest first."""
        where, params = ("WHERE site = ?", [site]) if site else ("", [])
        rows = self._db.execute(
            f"SELECT {_COLUMNS} FROM run_log {where} ORDER BY started_at DESC, id DESC LIMIT ?",
            (*params, last),
        )
        return [RunRecord(*row) for row in rows]

    def last_started(self, site: str) -> datetime | None:
        row = self._db.execute(
            "SELECT max(started_at) FROM run_log WHERE site = ?", (site,)
        ).fetchone()
        return datetime.fromisoformat(row[0]) if row and row[0] else None

    def failure_streak(self, site: str) -> int:
        """How many of `site`'s latest finished runs in a row failed (0 after a good one)."""
        streak = 0
        for (outcome,) in self._db.execute(
            "SELECT outcome FROM run_log WHERE site = ? AND outcome NOT IN (?, ?)"
            " ORDER BY started_at DESC, id DESC",
            (site, RUNNING, INTERRUPTED),
        ):
            if outcome not in FAILING:
                break
            streak += 1
        return streak

    def close(self) -> None:
        self._db.close()


def history_path(state_dir: str | os.PathLike[str] | None, data_dir: str = "data") -> Path:
    """Where runs are recorded: in the state directory, else in the data directory.

    >>> str(history_path("state/")), str(history_path(None)), str(history_path(None, "out"))
    ('state/runs.sqlite3', 'data/runs.sqlite3', 'out/runs.sqlite3')
    """
    return Path(state_dir if state_dir is not None else data_dir) / HISTORY_FILE
