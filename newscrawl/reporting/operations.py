"""The report's operational sections, from the run history: fetch errors, runs and backoff."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import timedelta
from html import escape

from newscrawl.failures import ERROR_KINDS
from newscrawl.profiles.timing import parse_interval
from newscrawl.reporting.sections import NOT_AVAILABLE, note, section, table, text
from newscrawl.reporting.state_view import UNKNOWN_KIND, SiteState, StateView
from newscrawl.reporting.svg import horizontal_bars, legend, stacked_rows
from newscrawl.state.runs import RunRecord


def duration(span: timedelta) -> str:
    """A short human duration.

    >>> duration(timedelta(minutes=90)), duration(timedelta(hours=48)), duration(timedelta(0))
    ('1h30m', '2d', '0s')
    """
    seconds = int(span.total_seconds())
    parts = []
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60), ("s", 1)):
        count, seconds = divmod(seconds, size)
        if count:
            parts.append(f"{count}{unit}")
    return "".join(parts[:2]) or "0s"


def backoff(streak: int | None, every: str | None) -> str:
    """What the scheduler's backoff is for a site, from its failure streak and profile interval.

    >>> backoff(0, "30m"), backoff(2, "30m"), backoff(1, None)
    ('none', '2 failed runs in a row: 30m ×4 = 2h (up to the cap)', '1 failed run in a row: ×2')
    """
    if streak is None:
        return NOT_AVAILABLE
    if streak == 0:
        return "none"
    runs = "run" if streak == 1 else "runs"
    factor = 2**streak
    interval = f"×{factor}"  # without a profile interval (ad hoc, or given on the command line)
    if every:
        try:
            span = duration(parse_interval(every) * factor)
            interval = f"{every} ×{factor} = {span} (up to the cap)"
        except (ValueError, OverflowError):
            pass
    return f"{streak} failed {runs} in a row: {interval}"


KIND_ORDER = (*ERROR_KINDS, UNKNOWN_KIND)
KINDS_NOTE = (
    "Fetches that failed after their retries, summed over the recorded runs, by kind: "
    "<code>timeout</code>, <code>connection_refused</code>, <code>dns</code>, <code>tls</code>, "
    "<code>connection</code> (dropped or failed otherwise), <code>http_4xx</code>, "
    "<code>http_5xx</code>, <code>too_large</code> (over the size cap, or a decompression bomb), "
    "<code>processing</code> (fetched but could not be processed), <code>other</code>."
)


def _kinds_chart(state: StateView) -> list[str]:
    """Failed fetches per site, split by kind; runs that recorded no kinds show as unknown."""
    rows = {site: kinds for site, kinds in state.errors_by_kind.items() if sum(kinds.values())}
    if not rows:
        return [note(KINDS_NOTE), note("No failed fetches.")]
    shown = [kind for kind in KIND_ORDER if any(kinds.get(kind) for kinds in rows.values())]
    shown += sorted({k for kinds in rows.values() for k in kinds} - set(KIND_ORDER))
    parts = [
        note(KINDS_NOTE),
        stacked_rows(rows, shown, "Failed fetches per site by kind", "failed fetches"),
        legend(shown),
    ]
    unknown = {site: kinds[UNKNOWN_KIND] for site, kinds in rows.items() if kinds[UNKNOWN_KIND]}
    if unknown:
        counts = ", ".join(f"{text(site)} {n}" for site, n in sorted(unknown.items()))
        parts.append(note(
            f"<code>{UNKNOWN_KIND}</code>: failed fetches whose kind the run did not report "
            f"(Scrapyd jobs of an older deployment, runs recorded before kinds were): {counts}."
        ))  # fmt: skip
    return parts


def errors(state: StateView) -> str:
    title = "Fetch errors by kind"
    if state.history_path is None:
        return section("errors", title, note(f"{NOT_AVAILABLE}: no run history found."))
    parts = [
        "<h3>Runs that failed, by kind</h3>",
        horizontal_bars(state.failed_runs, "Failed runs by kind", "runs")
        if state.failed_runs
        else note("No failed runs."),
        "<h3>Failed fetches per site, by kind</h3>",
        *_kinds_chart(state),
    ]
    return section("errors", title, *parts)


def _run_cell(run: RunRecord | None) -> str:
    if run is None:
        return NOT_AVAILABLE
    return f"{escape(run.started_at[:19])} <small>({escape(run.outcome)})</small>"


def _site_row(name: str, site: SiteState, every: str | None) -> list[str]:
    return [
        text(name),
        NOT_AVAILABLE if site.articles is None else str(site.articles),
        _run_cell(site.last_success),
        _run_cell(site.last_run),
        backoff(site.failure_streak, every),
    ]


def _run_row(run: RunRecord) -> list[str]:
    detail = f'<div dir="auto">{escape(run.detail)}</div>' if run.detail else ""
    return [
        escape(run.started_at[:19]), text(run.site), escape(run.outcome),
        str(run.articles), str(run.errors), escape(run.via), detail,
    ]  # fmt: skip


def runs(state: StateView, sites: Sequence[str], intervals: Mapping[str, str]) -> str:
    names = sorted(set(sites) | set(state.sites))
    rows = [_site_row(n, state.sites.get(n) or SiteState(), intervals.get(n)) for n in names]
    headers = ["site", "articles in state", "last successful run", "last run", "current backoff"]
    recent = [_run_row(run) for run in state.recent_runs]
    run_headers = ["started", "site", "outcome", "articles", "errors", "via", "detail"]
    sources = (
        f"State: {escape(state.state_path or 'none')}; "
        f"run history: {escape(state.history_path or 'none')}."
    )
    return section(
        "runs",
        "Runs and backoff per site",
        note(sources),
        table(headers, rows, "sites"),
        "<h3>Recent runs</h3>",
        table(run_headers, recent, "runs") if recent else note("No runs recorded."),
        *(note(f"{NOT_AVAILABLE}: {escape(m)}.") for m in state.missing),
    )
