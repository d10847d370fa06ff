"""The printed tables of a zoo run."""

from __future__ import annotations

from typing import Any

MAIN = [
    ("arts", "articles"), ("recall", "recall"), ("non-art", "non_article_records"),
    ("title", "title_exact"), ("body", "body_f1"), ("related", "related_f1"),
    ("pub-min", "published_minute"), ("nd-P", "near_dup_precision"),
    ("nd-R", "near_dup_recall"), ("req/art", "requests_per_article"),
    ("inc-new", "inc_new_articles"), ("inc-got", "inc_new_written"),
    ("inc-extra", "inc_extra_records"), ("inc-oldget", "inc_old_written_fetches"),
]  # fmt: skip
SECONDARY = [
    ("authors", "authors_exact"), ("house>auth", "house_byline_as_author"),
    ("section", "section_exact"), ("tags", "tags_f1"), ("image", "image_url"),
    ("caption", "caption_exact"), ("tatweel", "tatweel_kept"), ("mod-min", "modified_minute"),
    ("alias-url", "alias_url_records"), ("dups", "duplicate_records"),
    ("unknown", "unknown_records"), ("nd-tmplFP", "near_dup_template_false"),
    ("requests", "requests"), ("inc-oldget-all", "inc_old_article_fetches"),
    ("inc-req", "inc_requests"),
]  # fmt: skip


# The figures that show each failure class of issue 9, over the families that carry it.
CLASS_METRICS = {
    1: ["recall", "title_exact", "body_f1", "tatweel_kept"],
    2: ["non_article_records", "requests_per_article"],
    3: ["related_f1"],
    4: ["published_minute", "modified_minute"],
    5: ["near_dup_precision", "near_dup_recall", "near_dup_marks", "near_dup_template_false"],
    6: ["alias_url_records", "duplicate_records", "unknown_records"],
    7: ["house_byline_as_author", "authors_exact"],
    8: ["tatweel_kept", "body_f1"],
    9: ["published_minute"],
}


def class_table(results: dict[str, Any]) -> str:
    lines = []
    for number, row in results["by_failure_class"].items():
        figures = ", ".join(f"{k} {_cell(v)}" for k, v in row["figures"].items())
        lines.append(f"class {number} ({', '.join(row['families'])}): {figures}")
    return "\n".join(lines)


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


def table(results: dict[str, Any], columns: list[tuple[str, str]]) -> str:
    """One row per family (T = tuning, H = held out, F = fresh), then the sums of each split
    present (TUNING, HELD_OUT, FRESH) and of the whole run (ALL)."""
    held = set(results["split"]["held_out"])
    fresh = set(results["split"].get("fresh", ()))
    rows = [
        [f"{name} ({'F' if name in fresh else 'H' if name in held else 'T'})",
         *(_cell(r[k]) for _, k in columns)]
        for name, r in results["families"].items()
    ]  # fmt: skip
    rows.append(["-" * 8] + ["" for _ in columns])
    for label in ("tuning", "held_out", "fresh", "all"):
        if label in results and results[label]["articles"]:
            rows.append([label.upper(), *(_cell(results[label][k]) for _, k in columns)])
    header = ["family", *(h for h, _ in columns)]
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]
    lines = ["  ".join(str(c).rjust(w) if i else str(c).ljust(w)
                       for i, (c, w) in enumerate(zip(row, widths, strict=True)))
             for row in [header, *rows]]  # fmt: skip
    return "\n".join(lines)


def print_report(results: dict[str, Any]) -> None:
    print(table(results, MAIN))
    print()
    print(table(results, SECONDARY))
    print()
    print(class_table(results))
    for run in results["runs"]:
        print(f"\n{run['name']}: exit {run['returncode']} in {run['seconds']} s: {run['summary']}")
