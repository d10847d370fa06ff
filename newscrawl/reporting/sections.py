"""The report's sections as HTML fragments: per-day charts, coverage, duplicates, errors, runs.

Text from the crawl (titles, site names) is escaped and marked `dir="auto"`, so Arabic reads
right to left inside an otherwise left-to-right page, and a Latin site name stays left to right.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from html import escape

from newscrawl.reporting.state_view import StateView
from newscrawl.reporting.summary import COVERAGE_FIELDS, UNKNOWN_DAY, Summary
from newscrawl.reporting.svg import legend, meter, stacked_bars

COLLECTED_DAYS = 92
PUBLISHED_DAYS = 30
COVERAGE_LABELS = {
    "published_at": "published date",
    "authors": "authors",
    "related_links": "related links",
    "image": "image",
}
NOT_AVAILABLE = '<span class="na">n/a</span>'


def text(value: object) -> str:
    """Crawled text for a cell: escaped, its direction taken from its own first letters.

    >>> text("المدار")
    '<bdi dir="auto">المدار</bdi>'
    """
    return f'<bdi dir="auto">{escape(str(value))}</bdi>'


def prose(value: object) -> str:
    """A longer crawled text (a title): its own block, so Arabic also aligns to the right.

    >>> prose("عنوان")
    '<div dir="auto">عنوان</div>'
    """
    return f'<div dir="auto">{escape(str(value))}</div>'


def table(headers: Sequence[str], rows: Sequence[Sequence[str]], name: str) -> str:
    """A table of already-escaped cells; numeric-looking cells are right aligned by CSS."""
    head = "".join(f"<th>{h}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return (
        f'<div class="scroll"><table data-table="{name}"><thead><tr>{head}</tr></thead>'
        f"<tbody>{body}</tbody></table></div>"
    )


def section(anchor: str, title: str, *parts: str) -> str:
    return f'<section id="{anchor}"><h2>{escape(title)}</h2>{"".join(parts)}</section>'


def note(message: str) -> str:
    return f'<p class="note">{message}</p>'


def overview(summary: Summary, state: StateView) -> str:
    failing = [s for s in state.sites.values() if s.failure_streak]
    cards = [
        ("articles", summary.articles),
        ("sites", len(summary.sites)),
        ("older revisions", sum(s.revisions for s in summary.sites.values())),
        ("near-duplicates", sum(s.near_duplicates for s in summary.sites.values())),
        ("unreadable lines", summary.unreadable),
        ("sites failing now", len(failing) if state.history_path else "n/a"),
    ]
    items = "".join(
        f'<div class="card"><div class="value">{escape(str(v))}</div>'
        f'<div class="label">{escape(k)}</div></div>'
        for k, v in cards
    )
    return f'<div class="cards">{items}</div>'


def calendar_days(days: Iterable[str], last: int) -> list[str]:
    """Every day from the earliest to the latest of `days` (gaps filled), the `last` ones only.

    >>> calendar_days(["2026-03-01", "2026-02-27", "unknown"], 10)
    ['2026-02-27', '2026-02-28', '2026-03-01']
    >>> calendar_days(["2026-03-01", "2025-03-01"], 2)
    ['2026-02-28', '2026-03-01']
    """
    known = sorted(d for d in days if d != UNKNOWN_DAY)
    if not known:
        return []
    end = dt.date.fromisoformat(known[-1])
    start = max(dt.date.fromisoformat(known[0]), end - dt.timedelta(days=last - 1))
    return [(start + dt.timedelta(days=n)).isoformat() for n in range((end - start).days + 1)]


def _left_out(counts: Mapping[str, Mapping[str, int]], shown: Sequence[str]) -> int:
    return sum(n for c in counts.values() for d, n in c.items() if d not in shown)


def _collected(summary: Summary) -> list[str]:
    counts = {name: site.collected for name, site in summary.sites.items()}
    days = calendar_days({d for c in counts.values() for d in c}, COLLECTED_DAYS)
    if any(UNKNOWN_DAY in c for c in counts.values()):
        days.append(UNKNOWN_DAY)
    hidden = _left_out(counts, days)
    return [
        "<h3>Collected per day</h3>",
        note(
            "Articles by the day (UTC) newscrawl first fetched them, stacked by site"
            + (f"; {hidden} collected earlier are not shown." if hidden else ".")
        ),
        stacked_bars(days, counts, "Articles collected per site per day", "articles"),
        legend(list(summary.sites)),
    ]


def _published(summary: Summary) -> list[str]:
    counts = {name: site.published for name, site in summary.sites.items()}
    days = calendar_days({d for c in counts.values() for d in c}, PUBLISHED_DAYS)
    if not days:
        return [note("No article has a publication date.")]
    earlier = _left_out(counts, days)
    undated = summary.articles - sum(sum(c.values()) for c in counts.values())
    return [
        "<h3>Published per day</h3>",
        note(
            f"By the site's own publication day, the {len(days)} days up to the latest one; "
            f"{earlier} articles published earlier and {undated} without a publication date "
            "are not shown."
        ),
        stacked_bars(days, counts, "Articles published per site per day", "articles"),
        legend(list(summary.sites)),
    ]


def per_day(summary: Summary) -> str:
    if not summary.sites:
        return section("per-day", "Articles per site per day", note("No articles."))
    return section(
        "per-day", "Articles per site per day", *_collected(summary), *_published(summary)
    )


def _share(value: int, total: int) -> str:
    percent = f"{100 * value / total:.0f}%" if total else "–"
    return f'{meter(value, total, 90)} <span class="share">{percent}</span> <small>{value}</small>'


def coverage(summary: Summary, titles: Mapping[str, str]) -> str:
    headers = ["site", "name", "articles", *(COVERAGE_LABELS[f] for f in COVERAGE_FIELDS)]
    rows = [
        [
            text(name),
            prose(titles.get(name, "")),
            str(site.articles),
            *(_share(site.coverage[f], site.articles) for f in COVERAGE_FIELDS),
        ]
        for name, site in summary.sites.items()
    ]
    return section(
        "coverage",
        "Field coverage per site",
        note("Share of each site's articles (latest revisions) where the field is not empty."),
        table(headers, rows, "coverage"),
    )


def duplicates(summary: Summary) -> str:
    rows = [
        [
            text(name), str(site.articles), str(site.revisions), str(site.near_duplicates),
            str(site.near_duplicates_cross_site),
        ]
        for name, site in summary.sites.items()
    ]  # fmt: skip
    headers = ["site", "articles", "older revisions", "near-duplicates", "of another site's"]
    parts = [
        table(headers, rows, "duplicates"),
        note(
            "Near-duplicates are written with <code>near_duplicate_of</code> set. Exact duplicates "
            "(same URL or same body) are dropped before writing, so the output cannot show them: "
            "each crawl counts them in its stats (<code>newscrawl/dropped/…</code>, shown with "
            "<code>-s LOG_LEVEL=INFO</code>), which are not stored."
        ),
    ]
    examples = summary.near_duplicate_examples
    if examples:
        rows = [
            [
                text(e.site),
                prose(e.title),
                text(e.original_site or "?"),
                prose(e.original_title or e.original_url),
            ]
            for e in examples
        ]
        parts += [
            "<h3>Examples</h3>",
            table(
                ["site", "title", "first seen on", "first-seen title"],
                rows,
                "near-duplicate-examples",
            ),
        ]
    return section("duplicates", "Duplicates and near-duplicates", *parts)
