"""Inline SVG charts, written out directly: the report must open offline, with no script or CDN.

Every mark carries a `<title>` (the browser shows it on hover) and `data-*` attributes with its
exact value, so the numbers can be read back from the page as well as seen.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from html import escape

PALETTE = (
    "#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00",
    "#8c6d31", "#7570b3", "#66a61e", "#e7298a", "#a6761d", "#666666",
)  # fmt: skip
"""Okabe-Ito's colour-blind-safe colours first, then distinct darker ones for more sites."""

WIDTH = 960
HEIGHT = 280
_LEFT, _RIGHT, _TOP, _BOTTOM = 48, 40, 12, 40


def colour(index: int) -> str:
    """The colour of the `index`-th series (cycling when there are more series than colours).

    >>> colour(0), colour(len(PALETTE))
    ('#0072b2', '#0072b2')
    """
    return PALETTE[index % len(PALETTE)]


def nice_step(largest: float, ticks: int = 5) -> int:
    """A round tick step (1, 2 or 5 times a power of ten), about `ticks` ticks up to `largest`.

    >>> nice_step(7), nice_step(32), nice_step(480), nice_step(0)
    (2, 10, 100, 1)
    """
    raw = max(largest / ticks, 1)
    power = 1
    while power * 10 <= raw:
        power *= 10
    return next(power * m for m in (1, 2, 5, 10) if power * m >= raw)


def _attr(value: object) -> str:
    return escape(str(value), quote=True)


def _axis(top: int, step: int, plot_height: float, scale: float) -> list[str]:
    """Horizontal grid lines with their labels, from 0 to `top` by `step`."""
    parts = []
    for value in range(0, top + 1, step):
        y = _TOP + plot_height - value * scale
        parts.append(
            f'<line class="grid" x1="{_LEFT}" x2="{WIDTH - _RIGHT}" y1="{y:.1f}" y2="{y:.1f}"/>'
            f'<text class="tick" x="{_LEFT - 6}" y="{y + 4:.1f}" text-anchor="end">{value}</text>'
        )
    return parts


def _day_labels(days: Sequence[str], x_of: Sequence[float], slot: float) -> list[str]:
    # about 84 px per label keeps dates from overlapping, however many days there are
    every = max(1, math.ceil(84 / slot)) if slot else 1
    y = _TOP + (HEIGHT - _TOP - _BOTTOM) + 16
    return [
        f'<text class="tick" x="{x + slot / 2:.1f}" y="{y}" text-anchor="middle">'
        f"{_attr(day)}</text>"
        for i, (day, x) in enumerate(zip(days, x_of, strict=True))
        if i % every == 0
    ]


def stacked_bars(
    days: Sequence[str], series: Mapping[str, Mapping[str, int]], name: str, unit: str
) -> str:
    """Vertical bars, one per day, stacked by site; `series` is site → day → count."""
    totals = [sum(counts.get(day, 0) for counts in series.values()) for day in days]
    step = nice_step(max(totals, default=0))
    top = max(step, -(-max(totals, default=0) // step) * step)
    plot_width, plot_height = WIDTH - _LEFT - _RIGHT, HEIGHT - _TOP - _BOTTOM
    scale = plot_height / top
    slot = plot_width / max(len(days), 1)
    bar = max(1.0, min(48.0, slot * 0.75))
    x_of = [_LEFT + i * slot for i in range(len(days))]
    parts = _axis(top, step, plot_height, scale)
    for i, day in enumerate(days):
        base = float(_TOP + plot_height)
        for index, (site, counts) in enumerate(series.items()):
            count = counts.get(day, 0)
            if not count:
                continue
            height = count * scale
            base -= height
            parts.append(
                f'<rect x="{x_of[i] + (slot - bar) / 2:.1f}" y="{base:.1f}" width="{bar:.1f}" '
                f'height="{height:.1f}" fill="{colour(index)}" data-site="{_attr(site)}" '
                f'data-day="{_attr(day)}" data-count="{count}">'
                f"<title>{_attr(site)} · {_attr(day)}: {count} {unit}</title></rect>"
            )
    parts += _day_labels(days, x_of, slot)
    return _svg(name, parts)


def meter(value: int, total: int, width: int = 120) -> str:
    """A small horizontal bar showing `value` out of `total` (a share in a table cell).

    >>> 'width="60.0"' in meter(1, 2)
    True
    """
    filled = width * value / total if total else 0.0
    return (
        f'<svg class="meter" width="{width}" height="10" role="img" aria-hidden="true">'
        f'<rect width="{width}" height="10" rx="2" class="meter-bg"/>'
        f'<rect width="{filled:.1f}" height="10" rx="2" class="meter-fill"/></svg>'
    )


def horizontal_bars(counts: Mapping[str, int], name: str, unit: str) -> str:
    """One labelled horizontal bar per key, longest first."""
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    largest = max((v for _, v in ordered), default=0) or 1
    row, label_width, bar_width = 24, 260, WIDTH - 260 - 80
    parts = []
    for i, (label, value) in enumerate(ordered):
        y = _TOP + i * row
        length = bar_width * value / largest
        parts.append(
            f'<text class="label" x="{label_width - 8}" y="{y + 15}" text-anchor="end">'
            f"{_attr(label)}</text>"
            f'<rect x="{label_width}" y="{y + 3}" width="{length:.1f}" height="16" '
            f'fill="{colour(5)}" data-kind="{_attr(label)}" data-count="{value}">'
            f"<title>{_attr(label)}: {value} {unit}</title></rect>"
            f'<text class="value" x="{label_width + length + 6:.1f}" y="{y + 15}">{value}</text>'
        )
    return _svg(name, parts, height=_TOP * 2 + row * len(ordered))


def stacked_rows(
    rows: Mapping[str, Mapping[str, int]], parts: Sequence[str], name: str, unit: str
) -> str:
    """One horizontal bar per row (a site), split into `parts` (kinds) in that order and colour;
    `rows` is row → part → count. Parts not in `parts` are not drawn."""
    totals = {label: sum(counts.get(p, 0) for p in parts) for label, counts in rows.items()}
    largest = max(totals.values(), default=0) or 1
    row, label_width, bar_width = 24, 260, WIDTH - 260 - 80
    marks = []
    for i, (label, counts) in enumerate(rows.items()):
        y, x = _TOP + i * row, float(label_width)
        marks.append(
            f'<text class="label" x="{label_width - 8}" y="{y + 15}" text-anchor="end">'
            f"{_attr(label)}</text>"
        )
        for index, part in enumerate(parts):
            count = counts.get(part, 0)
            if not count:
                continue
            length = bar_width * count / largest
            marks.append(
                f'<rect x="{x:.1f}" y="{y + 3}" width="{length:.1f}" height="16" '
                f'fill="{colour(index)}" data-site="{_attr(label)}" data-kind="{_attr(part)}" '
                f'data-count="{count}"><title>{_attr(label)} · {_attr(part)}: {count} {unit}'
                "</title></rect>"
            )
            x += length
        marks.append(f'<text class="value" x="{x + 6:.1f}" y="{y + 15}">{totals[label]}</text>')
    return _svg(name, marks, height=_TOP * 2 + row * len(rows))


def legend(names: Sequence[str]) -> str:
    """HTML legend matching the colours `stacked_bars` (or `stacked_rows`) gives the series
    (the parts), in the same order."""
    items = "".join(
        f'<li><span class="swatch" style="background:{colour(i)}"></span>{escape(name)}</li>'
        for i, name in enumerate(names)
    )
    return f'<ul class="legend">{items}</ul>'


def _svg(name: str, parts: Sequence[str], height: int = HEIGHT) -> str:
    return (
        f'<svg class="chart" viewBox="0 0 {WIDTH} {height}" width="100%" role="img" '
        f'aria-label="{_attr(name)}" xmlns="http://www.w3.org/2000/svg">'
        f"<title>{escape(name)}</title>{''.join(parts)}</svg>"
    )
