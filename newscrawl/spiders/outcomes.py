"""Per-site bookkeeping for run outcomes: what the spider counts, and what it logs at the end.

The download handler gives up an unreachable origin (stat `newscrawl/unreachable/<origin>`); only
the spider knows which site an origin belongs to, so at the close it marks the sites whose own
origin was given up. It then logs one INFO line with the run summary (per-site outcome and
counters) in JSON, which a scheduler can read back from a job log it cannot share stats with
(Scrapyd); the `newscrawl` command computes the same summary from the stats directly.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Mapping, Sequence

from scrapy.statscollectors import StatsCollector
from twisted.python.failure import Failure

from newscrawl.failures import PROCESSING, error_kind
from newscrawl.outcomes import (
    FAILED,
    FETCHED,
    NORMAL_FINISH,
    SUMMARY_MARK,
    UNREACHABLE,
    error_kind_key,
    site_key,
    sites_summary,
)
from newscrawl.spiders.sitecrawl import SiteCrawl
from newscrawl.urls import endpoint

logger = logging.getLogger(__name__)

UNCOUNTED_KINDS = frozenset({"robots"})
"""A missing or broken robots.txt means "no rules": not a failed fetch of the site."""


def counts_as_fetch(kind: str) -> bool:
    """Whether an answer to a request of `kind` counts as a fetch of the site.

    >>> counts_as_fetch("article"), counts_as_fetch("robots")
    (True, False)
    """
    return kind not in UNCOUNTED_KINDS


def fetched_key(site: str) -> str:
    return site_key(site, FETCHED)


def failed_key(site: str) -> str:
    return site_key(site, FAILED)


def count_failure(count: Callable[[str], None], site: str, failure: Failure | None = None) -> None:
    """Count one failed fetch of `site` (`failure` None: a page that could not be processed)
    in its total and under its kind.

    One function for both counters, so the kinds always sum to the total the outcome reads.
    """
    count(failed_key(site))
    count(error_kind_key(site, PROCESSING if failure is None else error_kind(failure)))


def _origin(value: str) -> str | None:
    where = endpoint(value.rstrip("/") + "/")
    return where.origin if where else None


def mark_unreachable_sites(stats: StatsCollector, origins: Mapping[str, Sequence[str]]) -> None:
    """Mark each site (→ its start origins) whose origin the download handler gave up."""
    prefix = "newscrawl/unreachable/"
    given_up = {
        _origin(key[len(prefix) :]): str(reason)
        for key, reason in stats.get_stats().items()
        if key.startswith(prefix)
    }
    for site, site_origins in origins.items():
        reasons = [given_up[o] for o in map(_origin, site_origins) if o in given_up]
        if reasons:
            stats.set_value(f"newscrawl/{site_key(site, UNREACHABLE)}", reasons[0])


def log_run_summary(stats: StatsCollector, sites: Sequence[str], reason: str) -> None:
    """One INFO line: the summary marker, then the run summary as JSON."""
    interrupted = reason == "shutdown"  # Scrapy's reason for a stop by signal
    fatal = bool(stats.get_value("newscrawl/fatal")) or reason not in {*NORMAL_FINISH, "shutdown"}
    outcomes = sites_summary(stats.get_stats(), sites, fatal=fatal, interrupted=interrupted)
    summary = {"finish_reason": reason, "sites": outcomes}
    logger.info("%s%s", SUMMARY_MARK, json.dumps(summary, ensure_ascii=False))


def close_sites(stats: StatsCollector, sites: Mapping[str, SiteCrawl], reason: str) -> None:
    """At the spider's close: mark the unreachable sites, then log the run summary."""
    mark_unreachable_sites(stats, {name: site.origins for name, site in sites.items()})
    log_run_summary(stats, list(sites), reason)
