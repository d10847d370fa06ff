"""What the report reads beside the output: the state store and the run history.

The state store (`state.sqlite3`) is opened read-only through SQLite's URI (`mode=ro`) and its
lock is not taken, so a report can be made while a crawl runs; it gives the articles each site
has done. The run history (`runs.sqlite3`, one row per site and run, see `state.runs`) gives the
outcomes, errors (by kind), last successful run and failure streak (the scheduler's backoff).
Whatever a directory does not hold is listed in `missing`, for the page to say so.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from newscrawl.outcomes import FAILED_OUTCOMES, OUTCOMES
from newscrawl.state.runs import RunLog, RunRecord
from newscrawl.state.sqlite import STATE_FILE

RECENT_RUNS = 20
SITE_RUNS = 1000
"""How far back each site's history is read for its last success and its error counts."""
SUCCESS = frozenset(OUTCOMES) - FAILED_OUTCOMES
"""ok, partial, empty: the run got through to the site."""
DETAIL_CHARS = 60
UNKNOWN_KIND = "unknown"
"""Errors of runs that recorded no kinds (a Scrapyd job of an older deployment, an old row)."""


class StateReadError(ValueError):
    """A state store or run history that exists but cannot be read."""


@dataclass
class SiteState:
    """What the state and the history say about one site."""

    articles: int | None = None
    """Articles the state store holds as done (by any run), None without a store."""
    last_success: RunRecord | None = None
    last_run: RunRecord | None = None
    failure_streak: int | None = None
    """Failed runs in a row, latest first (the scheduler doubles the interval for each)."""


@dataclass
class StateView:
    """Everything the report takes from the state directory and run history."""

    state_path: str | None = None
    history_path: str | None = None
    recent_runs: list[RunRecord] = field(default_factory=list)
    sites: dict[str, SiteState] = field(default_factory=dict)
    failed_runs: Counter[str] = field(default_factory=Counter)
    """Runs that did not succeed, by outcome (and, for unreachable sites, the reason)."""
    errors_by_site: Counter[str] = field(default_factory=Counter)
    """Failed fetches (after retries) recorded per site in the runs since the report's day."""
    errors_by_kind: dict[str, Counter[str]] = field(default_factory=dict)
    """The same failed fetches, site → kind → count; `unknown` for runs that recorded no kinds."""
    missing: list[str] = field(default_factory=list)


def failure_kind(run: RunRecord) -> str | None:
    """How a run failed, as the report groups it; None when it succeeded or is still running.

    >>> from newscrawl.state.runs import RunRecord as R
    >>> failure_kind(R(1, "r", "a", "t", "t", "unreachable", 0, 1, 1, "crawl", "dns"))
    'unreachable: dns'
    >>> failure_kind(R(1, "r", "a", "t", "t", "failed", 0, 0, 1, "crawl", "every site failed"))
    'failed'
    >>> failure_kind(R(1, "r", "a", "t", None, "running", 0, 0, None, "crawl", None))
    """
    if run.outcome in SUCCESS or run.finished_at is None:
        return None
    if run.outcome == "unreachable" and run.detail:
        return f"unreachable: {run.detail[:DETAIL_CHARS]}"
    return run.outcome


def kinds_of(run: RunRecord) -> dict[str, int]:
    """A run's errors by kind; what its record does not explain is `unknown`, never guessed.

    >>> from newscrawl.state.runs import RunRecord as R
    >>> kinds_of(R(1, "r", "a", "t", "t", "partial", 2, 3, 0, "crawl", None, {"timeout": 3}))
    {'timeout': 3}
    >>> kinds_of(R(1, "r", "a", "t", "t", "partial", 2, 3, 0, "scrapyd", None))
    {'unknown': 3}
    """
    kinds = {kind: n for kind, n in (run.error_kinds or {}).items() if n > 0}
    unexplained = run.errors - sum(kinds.values())
    if unexplained > 0:
        kinds[UNKNOWN_KIND] = unexplained
    return kinds


def done_articles(state_dir: Path) -> dict[str, int]:
    """Articles done per site, read without taking the store's lock (a crawl may hold it)."""
    path = state_dir / STATE_FILE
    try:
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            rows = db.execute("SELECT site, count(*) FROM articles GROUP BY site").fetchall()
        finally:
            db.close()
    except sqlite3.Error as exc:
        raise StateReadError(f"cannot read the state store {path}: {exc}") from exc
    return {str(site): int(count) for site, count in rows}


def read_state(
    state_dir: Path | None, history: Path | None, sites: list[str], since: str | None = None
) -> StateView:
    """Read what exists of the state store and the run history (either may be None)."""
    view = StateView()
    if state_dir is not None and (state_dir / STATE_FILE).is_file():
        view.state_path = str(state_dir)
        for site, count in done_articles(state_dir).items():
            view.sites.setdefault(site, SiteState()).articles = count
    elif state_dir is not None:
        view.missing.append(f"no state store in {state_dir}")
    if history is not None and history.is_file():
        view.history_path = str(history)
        try:
            _read_history(view, history, sites, since)
        except sqlite3.Error as exc:
            raise StateReadError(f"cannot read the run history {history}: {exc}") from exc
    else:
        where = f" ({history} does not exist)" if history else ""
        view.missing.append(f"run history: none found{where}")
    return view


def _read_history(view: StateView, path: Path, sites: list[str], since: str | None) -> None:
    log = RunLog(path)
    try:
        view.recent_runs = [
            r for r in log.recent(last=RECENT_RUNS) if not since or r.started_at >= since
        ]
        names = dict.fromkeys([*sites, *view.sites, *(r.site for r in log.recent(last=500))])
        for site in names:
            runs = log.recent(site, last=SITE_RUNS)
            state = view.sites.setdefault(site, SiteState())
            state.last_run = runs[0] if runs else None
            state.last_success = next((r for r in runs if r.outcome in SUCCESS), None)
            state.failure_streak = log.failure_streak(site) if runs else None
            for run in runs:
                if since and run.started_at < since:
                    break  # newest first: the rest is older still
                view.errors_by_site[site] += run.errors
                view.errors_by_kind.setdefault(site, Counter()).update(kinds_of(run))
                kind = failure_kind(run)
                if kind:
                    view.failed_runs[kind] += 1
    finally:
        log.close()
