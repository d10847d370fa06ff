"""Build and serve a set of families: plan their articles, render, start one server each."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta

from benchmarks.sitezoo.families import BY_NAME, SPECS
from benchmarks.sitezoo.plan import plan_family
from benchmarks.sitezoo.site import ZooSite

DEFAULT_SEED = 9


def default_anchor() -> datetime:
    """The newest article's ceiling: a little before now, so nothing is dated in the future."""
    return datetime.now(UTC).replace(second=0, microsecond=0) - timedelta(minutes=5)


def build_sites(families: Sequence[str], *, articles: int, new: int, seed: int = DEFAULT_SEED,
                anchor: datetime | None = None) -> list[ZooSite]:  # fmt: skip
    """Unstarted sites for `families` (stage 1 once started)."""
    when = anchor or default_anchor()
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)  # a bare --anchor is read as UTC
    sites = []
    for name in families:
        spec = BY_NAME[name]
        planned = plan_family(spec, SPECS, seed=seed, articles=articles, new=new, anchor=when)
        sites.append(ZooSite(spec, planned, when))
    return sites


@contextmanager
def serving(families: Sequence[str], *, articles: int, new: int, seed: int = DEFAULT_SEED,
            anchor: datetime | None = None) -> Iterator[list[ZooSite]]:  # fmt: skip
    """Serve `families` at stage 1 for the duration of the block."""
    sites = build_sites(families, articles=articles, new=new, seed=seed, anchor=anchor)
    started = []
    try:
        for site in sites:
            started.append(site.start())
        yield sites
    finally:
        for site in started:
            site.stop()
