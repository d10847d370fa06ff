"""What the report counts from the output: articles per site and day, field coverage, duplicates.

Every count is over articles (one per URL, its latest revision), never over lines, so a revised
article counts once. The same numbers go into the page's charts and its machine-readable JSON.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from newscrawl.reporting.records import Entry, Scan, day_of

COVERAGE_FIELDS = ("published_at", "authors", "related_links", "image")
"""The fields whose share per site the report shows (present: not null, not empty)."""

UNKNOWN_DAY = "unknown"
UNKNOWN_SITE = "(no site)"
EXAMPLES = 12


@dataclass(frozen=True, slots=True)
class Facts:
    """What the report needs of an article's latest revision (a small projection of its line)."""

    site: str
    title: str
    near_duplicate_of: str | None
    published_day: str | None
    covered: tuple[str, ...]


def facts_of(record: dict[str, Any]) -> Facts:
    """The report's projection of one output line.

    >>> facts_of({"url": "u", "site": "waha", "title": "عنوان", "authors": ["أ"], "image": None,
    ...           "published_at": "2026-03-01T23:30:00+01:00", "related_links": []})
    Facts(site='waha', title='عنوان', near_duplicate_of=None, published_day='2026-03-01', \
covered=('published_at', 'authors'))
    """
    original = record.get("near_duplicate_of")
    return Facts(
        site=str(record.get("site") or UNKNOWN_SITE),
        title=str(record.get("title") or ""),
        near_duplicate_of=original if isinstance(original, str) and original else None,
        published_day=day_of(record.get("published_at")),
        covered=tuple(name for name in COVERAGE_FIELDS if record.get(name)),
    )


@dataclass
class SiteSummary:
    """The counts of one site."""

    articles: int = 0
    revisions: int = 0
    collected: Counter[str] = field(default_factory=Counter)
    """Articles by the (UTC) day they were first fetched."""
    published: Counter[str] = field(default_factory=Counter)
    """Articles by their local day of publication (those with a publication date)."""
    coverage: Counter[str] = field(default_factory=Counter)
    near_duplicates: int = 0
    near_duplicates_cross_site: int = 0
    """Near-duplicates whose first-seen article is on another site (wire copy)."""


@dataclass(frozen=True)
class NearDuplicate:
    """One near-duplicate and the first-seen article it repeats (for the examples table)."""

    site: str
    title: str
    url: str
    original_url: str
    original_site: str | None
    original_title: str | None


@dataclass
class Summary:
    """Everything the report shows that comes from the output files."""

    inputs: list[str]
    since: str | None
    lines: int
    unreadable: int
    outside_since: int = 0
    sites: dict[str, SiteSummary] = field(default_factory=dict)
    near_duplicate_examples: list[NearDuplicate] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    """The inputs as the user named them (files or folders), for the page's header."""

    @property
    def articles(self) -> int:
        return sum(site.articles for site in self.sites.values())


def summarize(found: Scan[Facts], since: str | None = None) -> Summary:
    """Count the scanned articles, leaving out those first fetched before day `since`."""
    summary = Summary(
        inputs=[str(p) for p in found.files],
        since=since,
        lines=found.lines,
        unreadable=found.unreadable,
    )
    for url, entry in found.entries.items():
        collected = day_of(entry.first_fetched) or UNKNOWN_DAY
        # ISO days compare as text; an unknown day cannot be shown to be after `since`
        if since and (collected == UNKNOWN_DAY or collected < since):
            summary.outside_since += 1
            continue
        _count(summary, url, entry, collected, found)
    summary.sites = dict(sorted(summary.sites.items()))
    return summary


def _count(summary: Summary, url: str, entry: Entry[Facts], day: str, found: Scan[Facts]) -> None:
    facts = entry.value
    site = summary.sites.setdefault(facts.site, SiteSummary())
    site.articles += 1
    site.revisions += entry.lines - 1
    site.collected[day] += 1
    if facts.published_day:
        site.published[facts.published_day] += 1
    site.coverage.update(facts.covered)
    if facts.near_duplicate_of is None:
        return
    site.near_duplicates += 1
    original = found.entries.get(facts.near_duplicate_of)
    original_site = original.value.site if original else None
    if original_site is not None and original_site != facts.site:
        site.near_duplicates_cross_site += 1
    if len(summary.near_duplicate_examples) < EXAMPLES:
        summary.near_duplicate_examples.append(
            NearDuplicate(
                site=facts.site, title=facts.title, url=url,
                original_url=facts.near_duplicate_of, original_site=original_site,
                original_title=original.value.title if original else None,
            )
        )  # fmt: skip


def summary_data(summary: Summary) -> dict[str, Any]:
    """The summary as plain JSON data (embedded in the page for scripts and tests)."""
    return {
        "inputs": summary.inputs,
        "since": summary.since,
        "lines": summary.lines,
        "unreadable_lines": summary.unreadable,
        "articles": summary.articles,
        "outside_since": summary.outside_since,
        "sites": {
            name: {
                "articles": site.articles,
                "revisions": site.revisions,
                "collected_per_day": dict(sorted(site.collected.items())),
                "published_per_day": dict(sorted(site.published.items())),
                "coverage": {name: site.coverage[name] for name in COVERAGE_FIELDS},
                "near_duplicates": site.near_duplicates,
                "near_duplicates_cross_site": site.near_duplicates_cross_site,
            }
            for name, site in summary.sites.items()
        },
    }
