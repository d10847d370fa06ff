"""The report as one self-contained HTML page: inline CSS and SVG, no script, no network.

The numbers behind the charts are embedded too, as JSON in
`<script type="application/json" id="report-data">` (data, never run), so scripts and tests can
read exactly what the page shows.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import asdict
from html import escape
from typing import Any

from newscrawl.profiles import SiteProfile
from newscrawl.reporting import operations, sections
from newscrawl.reporting.state_view import StateView
from newscrawl.reporting.summary import Summary, summary_data

DATA_ID = "report-data"
CSP = "default-src 'none'; style-src 'unsafe-inline'"
"""Nothing may load: a page that needed the network would show that as missing, not fetch."""

CSS = """
:root { color-scheme: light; --ink: #1f2933; --muted: #616e7c; --line: #d9e2ec; --bg: #f5f7fa; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--ink);
  font: 15px/1.45 "DejaVu Sans", "Segoe UI", Tahoma, "Noto Sans Arabic", sans-serif; }
header { background: #102a43; color: #fff; padding: 20px 32px; }
header h1 { margin: 0 0 4px; font-size: 24px; }
header p { margin: 2px 0; color: #bcccdc; font-size: 13px; }
main { max-width: 1100px; margin: 0 auto; padding: 8px 24px 40px; }
section { background: #fff; border: 1px solid var(--line); border-radius: 8px;
  padding: 16px 20px; margin: 16px 0; }
h2 { margin: 0 0 8px; font-size: 19px; } h3 { margin: 16px 0 4px; font-size: 15px; }
.note { color: var(--muted); font-size: 13px; margin: 4px 0 10px; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(140px, 1fr));
  gap: 12px; margin: 16px 0; }
.scroll { overflow-x: auto; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 12px; }
.card .value { font-size: 26px; font-weight: bold; } .card .label { color: var(--muted); }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { text-align: start; padding: 6px 10px; border-bottom: 1px solid var(--line);
  vertical-align: middle; }
th { background: #f0f4f8; font-weight: 600; white-space: nowrap; }
td bdi { unicode-bidi: isolate; }
td { white-space: nowrap; }
[data-table="near-duplicate-examples"] td { white-space: normal; }
.na { color: var(--muted); font-style: italic; }
.share { display: inline-block; min-width: 3em; text-align: end; }
.meter { vertical-align: middle; } .meter-bg { fill: #e4e7eb; } .meter-fill { fill: #2680c2; }
.chart { display: block; margin: 4px 0; }
.chart .grid { stroke: #e4e7eb; } .chart .tick, .chart .label, .chart .value
  { font-size: 12px; fill: var(--muted); }
.chart .label { fill: var(--ink); }
.legend { list-style: none; padding: 0; margin: 4px 0 8px; display: flex; flex-wrap: wrap;
  gap: 6px 18px; font-size: 13px; }
.swatch { display: inline-block; width: 12px; height: 12px; border-radius: 2px;
  margin-inline-end: 6px; vertical-align: -1px; }
code { background: #f0f4f8; padding: 0 3px; border-radius: 3px; }
"""


def report_data(summary: Summary, state: StateView, generated_at: str) -> dict[str, Any]:
    """The page's numbers as JSON data: the summary of the output and what the state gave."""
    return {
        "generated_at": generated_at,
        "output": summary_data(summary),
        "state": {
            "state_path": state.state_path,
            "history_path": state.history_path,
            "failed_runs": dict(state.failed_runs),
            "errors_by_site": dict(state.errors_by_site),
            "errors_by_kind": {site: dict(kinds) for site, kinds in state.errors_by_kind.items()},
            "sites": {name: asdict(site) for name, site in state.sites.items()},
            "recent_runs": [asdict(run) for run in state.recent_runs],
            "missing": state.missing,
        },
    }


def _json_block(data: Mapping[str, Any]) -> str:
    # "</" inside a script element would end it early, whatever the type
    payload = json.dumps(data, ensure_ascii=False, indent=1).replace("</", "<\\/")
    return f'<script type="application/json" id="{DATA_ID}">{payload}</script>'


def _header(summary: Summary, generated_at: str) -> str:
    named = summary.sources or summary.inputs
    inputs = ", ".join(named[:3]) + (f" and {len(named) - 3} more" if len(named) > 3 else "")
    since = f"articles first fetched on or after {summary.since}" if summary.since else "all"
    return (
        "<header><h1>newscrawl report</h1>"
        f"<p>Generated {escape(generated_at)} · {escape(since)}"
        f"{f' ({summary.outside_since} earlier left out)' if summary.outside_since else ''}</p>"
        f"<p>Output: {escape(inputs)} ({len(summary.inputs)} files, {summary.lines} lines)</p>"
        "</header>"
    )


def render(
    summary: Summary,
    state: StateView,
    sites: Mapping[str, SiteProfile],
    generated_at: str,
) -> str:
    """The whole page; `sites` are the profiles known (display titles, scheduling intervals)."""
    titles = {name: p.title for name, p in sites.items() if p.title}
    intervals = {name: p.every for name, p in sites.items() if p.every}
    body = "".join(
        [
            sections.overview(summary, state),
            sections.per_day(summary),
            sections.coverage(summary, titles),
            sections.duplicates(summary),
            operations.errors(state),
            operations.runs(state, list(summary.sites), intervals),
        ]
    )
    return (
        '<!DOCTYPE html>\n<html lang="en" dir="ltr"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>newscrawl report · {escape(generated_at)}</title><style>{CSS}</style></head>"
        f"<body>{_header(summary, generated_at)}<main>{body}</main>"
        f"{_json_block(report_data(summary, state, generated_at))}</body></html>\n"
    )
