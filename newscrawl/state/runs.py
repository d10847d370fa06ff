"""The run history: one row per site and run (start, end, outcome, articles, errors).

It lives in its own SQLite file, `runs.sqlite3`, beside the crawl state (`--state DIR`) or in the
data directory, not in `state.sqlite3`: a scheduler records the runs of crawls that hold their
state directory's lock, and `newscrawl runs` reads it while crawls run. WAL mode and a busy
timeout let those few writers and readers share it.

A row is inserted as `running` when a scheduled run starts and completed when it ends; a row
still `running` when its site's lock is next taken belonged to a process that died, and becomes
`crashed`. The scheduler reads its last start times (a restart does not run everything at once)
and failure streaks (backoff) back from here.

`error_kinds` (compact JSON, `{"http_5xx":2,"timeout":1}`) splits `errors` by kind; it was added
after the first release, so opening a history without it adds the column (rows already there
keep NULL: kinds unknown, as for a run whose report carried none).
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from newscrawl.outcomes import kinds_from_json

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
    exit_status INTEGER, via TEXT NOT NULL, detail TEXT, error_kinds TEXT);
CREATE INDEX IF NOT EXISTS run_log_by_site ON run_log(site, started_at);
"""
_COLUMNS = (
    "id, run_id, site, started_at, finished_at, outcome, articles, errors, exit_status, via, detail"
)
KINDS_COLUMN = "error_kinds"


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
    error_kinds: dict[str, int] | None = None
    """`errors` by kind (`newscrawl.failures.ERROR_KINDS`: timeout, http_5xx, ...), summing to it;
    `{}` for a run without errors. None when unknown: the run reported no kinds (a Scrapyd job
    of an older deployment, a run recorded before kinds were, one that never finished)."""

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
            self._kinds = self._add_kinds_column()
        except sqlite3.Error:
            self._db.close()
            raise

    def _columns(self) -> set[str]:
        return {str(row[1]) for row in self._db.execute("PRAGMA table_info(run_log)")}

    def _add_kinds_column(self) -> bool:
        """Migrate a history made before `error_kinds`; False when it cannot be (read-only file).

        Checked again under the write lock: two processes may open the same old file at once.
        """
        if KINDS_COLUMN in self._columns():
            return True
        try:
            with self._db:
                self._db.execute("BEGIN IMMEDIATE")
                if KINDS_COLUMN not in self._columns():
                    self._db.execute(f"ALTER TABLE run_log ADD COLUMN {KINDS_COLUMN} TEXT")
        except sqlite3.OperationalError:
            # another process added it meanwhile; or the file is read-only: still readable,
            # its rows' kinds then read as unknown
            return KINDS_COLUMN in self._columns()
        return True

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
        error_kinds: Mapping[str, int] | None = None,
    ) -> None:  # fmt: skip
        """Complete a run's row; `error_kinds` None records its kinds as unknown."""
        kinds = None if error_kinds is None else json.dumps(dict(error_kinds), sort_keys=True,
                                                            separators=(",", ":"))  # fmt: skip
        with self._db:
            self._db.execute(
                "UPDATE run_log SET finished_at = ?, outcome = ?, articles = ?, errors = ?,"
                f" exit_status = ?, detail = ?, {KINDS_COLUMN} = ? WHERE id = ?",
                (now_iso(), outcome, articles, errors, exit_status, detail, kinds, row),
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
        kinds = KINDS_COLUMN if self._kinds else "NULL"
        rows = self._db.execute(
            f"SELECT {_COLUMNS}, {kinds} FROM run_log {where}"
            " ORDER BY started_at DESC, id DESC LIMIT ?",
            (*params, last),
        )
        return [_record(list(row)) for row in rows]

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


def _record(row: list[Any]) -> RunRecord:
    row[-1] = _decode_kinds(row[-1])  # the kinds, stored as JSON, come last
    return RunRecord(*row)


def _decode_kinds(text: str | None) -> dict[str, int] | None:
    """The stored JSON back as a dict; None (unknown) when absent or unreadable.

    >>> _decode_kinds('{"timeout":2}'), _decode_kinds(None), _decode_kinds("{torn")
    ({'timeout': 2}, None, None)
    """
    if text is None:
        return None
    try:
        return kinds_from_json(json.loads(text))
    except ValueError:
        return None


def history_path(state_dir: str | os.PathLike[str] | None, data_dir: str = "data") -> Path:
    """Where runs are recorded: in the state directory, else in the data directory.

    >>> str(history_path("state/")), str(history_path(None)), str(history_path(None, "out"))
    ('state/runs.sqlite3', 'data/runs.sqlite3', 'out/runs.sqlite3')
    """
    return Path(state_dir if state_dir is not None else data_dir) / HISTORY_FILE
