"""How a crawl ended for each site: `ok`, `partial`, `empty`, `unreachable` or `failed`.

A leaf module read by three layers: the spider and the writer count per-site facts into the
crawl stats under `newscrawl/site/<site>/…`; the CLI (and the scheduler, from the run summary)
turn those counts into one outcome per site and the crawl's exit status. Site names never hold
a "/" (profile names, or host[:port]), so the stats keys split back unambiguously.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

SITE_PREFIX = "site/"
"""Per-site counters live under `newscrawl/site/<site>/<what>`."""
FETCHED, FAILED, WRITTEN, UNREACHABLE = "fetched", "failed", "written", "unreachable"
ERROR = "error"
"""`site/<site>/error/<kind>`: the site's `failed` count split by kind (`failures.ERROR_KINDS`)."""

OUTCOMES = ("ok", "partial", "empty", "unreachable", "failed")
FAILED_OUTCOMES = frozenset({"unreachable", "failed"})

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_SOME_FAILED = 3
"""Some sites failed or were unreachable, others did not (1 is kept for "every site")."""


def site_key(site: str, what: str) -> str:
    """The stats key (under `newscrawl/`) of one per-site counter.

    >>> site_key("127.0.0.1:8080", FETCHED)
    'site/127.0.0.1:8080/fetched'
    """
    return f"{SITE_PREFIX}{site}/{what}"


def error_kind_key(site: str, kind: str) -> str:
    """The stats key (under `newscrawl/`) of one site's failures of one kind.

    >>> error_kind_key("waha", "timeout")
    'site/waha/error/timeout'
    """
    return site_key(site, f"{ERROR}/{kind}")


def error_kinds(stats: Mapping[str, object], site: str) -> dict[str, int]:
    """`site`'s failures by kind, read from a crawl's stats; they sum to its `failed` count.

    >>> error_kinds({"newscrawl/site/a/error/timeout": 2, "newscrawl/site/a/failed": 3,
    ...              "newscrawl/site/a/error/http_5xx": 1, "newscrawl/site/ab/error/dns": 1}, "a")
    {'http_5xx': 1, 'timeout': 2}
    """
    prefix = f"newscrawl/{site_key(site, ERROR)}/"
    return {
        key[len(prefix) :]: value
        for key, value in sorted(stats.items())
        if key.startswith(prefix) and isinstance(value, int) and value > 0
    }


def kinds_from_json(value: object) -> dict[str, int] | None:
    """Error kinds as read back from JSON (a summary, a job log, the run history), or None
    when absent or malformed: a count that cannot be trusted is not made up.

    >>> kinds_from_json({"timeout": 2}), kinds_from_json(None), kinds_from_json({"x": "2"})
    ({'timeout': 2}, None, None)
    """
    if not isinstance(value, dict):
        return None
    if not all(isinstance(k, str) and type(v) is int and v >= 0 for k, v in value.items()):
        return None
    return dict(value)


@dataclass(frozen=True)
class SiteCounts:
    """What one crawl did for one site."""

    fetched: int = 0
    """Pages and documents that answered (robots.txt and guessed locations not counted)."""
    failed: int = 0
    """Fetches that failed after their retries, and pages that could not be processed."""
    written: int = 0
    """Articles written (durably) this run: new ones and new revisions."""
    unreachable: str | None = None
    """Why the site's own origin was given up as unreachable, if it was."""


def site_counts(stats: Mapping[str, object], site: str) -> SiteCounts:
    """The counters of `site` read back from a crawl's stats.

    >>> site_counts({"newscrawl/site/waha/fetched": 3, "newscrawl/site/waha/written": 2}, "waha")
    SiteCounts(fetched=3, failed=0, written=2, unreachable=None)
    """

    def number(what: str) -> int:
        value = stats.get(f"newscrawl/{site_key(site, what)}", 0)
        return value if isinstance(value, int) else 0

    reason = stats.get(f"newscrawl/{site_key(site, UNREACHABLE)}")
    return SiteCounts(
        number(FETCHED), number(FAILED), number(WRITTEN), str(reason) if reason else None
    )


def site_outcome(counts: SiteCounts, *, fatal: bool = False, interrupted: bool = False) -> str:
    """One site's outcome.

    `unreachable`: its origin never answered. `failed`: the crawl itself failed (write or state
    error), or every fetch of the site failed. `partial`: some fetches failed, or the crawl was
    stopped before it finished. `empty`: nothing failed and nothing new was written. `ok`: new
    articles were written and nothing failed.

    >>> site_outcome(SiteCounts(fetched=5, written=3))
    'ok'
    >>> site_outcome(SiteCounts(fetched=5)), site_outcome(SiteCounts(fetched=5, failed=1))
    ('empty', 'partial')
    >>> site_outcome(SiteCounts(unreachable="dns")), site_outcome(SiteCounts(failed=4))
    ('unreachable', 'failed')
    >>> site_outcome(SiteCounts(fetched=5, written=3), interrupted=True)
    'partial'
    """
    if counts.unreachable and not counts.fetched:
        return "unreachable"
    if fatal or (counts.failed and not counts.fetched):
        return "failed"
    if interrupted or counts.failed or counts.unreachable:
        return "partial"
    return "ok" if counts.written else "empty"


def exit_status(outcomes: Iterable[str]) -> int:
    """0 when no site failed, 1 when every site failed or was unreachable, 3 when some did.

    >>> exit_status(["ok", "empty", "partial"]), exit_status(["unreachable", "failed"])
    (0, 1)
    >>> exit_status(["ok", "unreachable"]), exit_status([])
    (3, 0)
    """
    failed = [outcome in FAILED_OUTCOMES for outcome in outcomes]
    if not any(failed):
        return EXIT_OK
    return EXIT_FAILED if all(failed) else EXIT_SOME_FAILED


NORMAL_FINISH = frozenset(
    {"finished", "closespider_itemcount", "max_articles", "closespider_pagecount"}
)
"""Finish reasons of a crawl that ran to its end (or to the limit it was given)."""
SUMMARY_MARK = "newscrawl run summary: "
"""Starts the log line (INFO) with the JSON run summary, read back from Scrapyd job logs."""


def sites_summary(
    stats: Mapping[str, object], sites: Iterable[str], *, fatal: bool, interrupted: bool
) -> dict[str, dict[str, object]]:
    """Site → its outcome and counters, as `--json-summary` and the run summary log carry them.

    >>> sites_summary({"newscrawl/site/a/written": 1, "newscrawl/site/a/fetched": 2}, ["a"],
    ...               fatal=False, interrupted=False)["a"]
    {'outcome': 'ok', 'articles': 1, 'fetched': 2, 'errors': 0, 'unreachable': None, \
'error_kinds': {}}
    """
    summary: dict[str, dict[str, object]] = {}
    for site in sites:
        counts = site_counts(stats, site)
        summary[site] = {
            "outcome": site_outcome(counts, fatal=fatal, interrupted=interrupted),
            "articles": counts.written,
            "fetched": counts.fetched,
            "errors": counts.failed,
            "unreachable": counts.unreachable,
            "error_kinds": error_kinds(stats, site),  # `errors` by kind, summing to it
        }
    return summary
