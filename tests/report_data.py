"""A synthetic crawl output for report and export tests: several sites, days, revisions, copies.

Lines are made here, not by the code under test, and `expected` recomputes what a reader of the
output should find with plain Python, independently of `newscrawl.reporting`.
"""

from __future__ import annotations

import json
import random
from collections import Counter, defaultdict
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

SITES = ("waha", "madar", "127.0.0.1:8080", "واحة")
"""A profile, another, an ad-hoc host:port (":" is not path-safe) and an Arabic name."""
TITLES = ("ارتفاع أسعار الذهب", "افتتاح معرض الكتاب", "فوز المنتخب في المباراة", "أمطار غزيرة")
FIRST_DAY = datetime(2026, 2, 24, 6, 0, tzinfo=UTC)


def _record(rng: random.Random, site: str, n: int) -> dict[str, Any]:
    fetched = FIRST_DAY + timedelta(days=rng.randrange(6), hours=rng.randrange(17))
    zone = timezone(timedelta(hours=rng.choice((0, 1, 3))))
    published = fetched - timedelta(hours=rng.randrange(2, 200))
    host = site if site[0].isdigit() else "example.com"
    return {
        "url": f"https://{host}/{site}/news/{n}",
        "site": site,
        "title": f"{rng.choice(TITLES)} {n}",
        "body": "فقرة أولى من الخبر.\n\nفقرة ثانية.",
        "published_at": published.astimezone(zone).isoformat() if rng.random() < 0.8 else None,
        "modified_at": None,
        "authors": ["سارة أحمد"] if rng.random() < 0.6 else [],
        "section": "اقتصاد",
        "tags": ["ذهب"] if rng.random() < 0.5 else [],
        "image": {"url": f"https://{host}/i/{n}.jpg", "caption": "صورة"}
        if rng.random() < 0.7
        else None,
        "related_links": [{"url": f"https://{host}/x/{n}", "title": "اقرأ أيضا", "position": "end"}]
        if rng.random() < 0.4
        else [],
        "language": "ar",
        "fetched_at": fetched.isoformat(timespec="seconds"),
        "content_hash": f"{n:064x}",
        "near_duplicate_of": None,
    }


def _revision(rng: random.Random, record: dict[str, Any], step: int) -> dict[str, Any]:
    """A later line of the same article: newer modified_at (in a different offset), new title."""
    fetched = datetime.fromisoformat(record["fetched_at"]) + timedelta(days=1, hours=step)
    base = datetime.fromisoformat(record["published_at"] or record["fetched_at"])
    modified = base + timedelta(hours=step)
    # written in +03:00 then in UTC: the later instant can sort first as text
    zone = timezone(timedelta(hours=3)) if step == 1 else UTC
    return {
        **record,
        "title": f"{record['title']} (تحديث {step})",
        "modified_at": modified.astimezone(zone).isoformat(),
        "fetched_at": fetched.isoformat(timespec="seconds"),
        "authors": ["سارة أحمد", "علي"],
    }


def make_lines(seed: int = 11, per_site: int = 18) -> list[dict[str, Any]]:
    """The output lines, in the order a sequence of crawls would write them."""
    rng = random.Random(seed)
    lines = [_record(rng, site, n) for site in SITES for n in range(per_site)]
    firsts = {site: lines[i * per_site]["url"] for i, site in enumerate(SITES)}
    for line in lines[1::5]:  # wire copies, some of another site's story
        source = rng.choice(SITES)
        if firsts[source] != line["url"]:
            line["near_duplicate_of"] = firsts[source]
    revised = rng.sample(lines, 7)
    lines += [_revision(rng, r, 1) for r in revised]
    lines += [_revision(rng, r, 2) for r in revised[:3]]
    return lines


def write_partitioned(root: Path, lines: list[dict[str, Any]]) -> list[Path]:
    """Lines under root/articles/site=…/date=…/run.jsonl, a torn last line in one file."""
    files: dict[Path, list[str]] = defaultdict(list)
    for line in lines:
        safe = "".join(c if c.isalnum() or c in "._-" else "_" for c in line["site"])
        path = root / "articles" / f"site={safe}" / f"date={line['fetched_at'][:10]}" / "r.jsonl"
        files[path].append(json.dumps(line, ensure_ascii=False))
    for path, rows in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    torn = sorted(files)[0]
    with torn.open("a", encoding="utf-8") as handle:
        handle.write('{"url": "https://example.com/torn", "site": "wa')
    return sorted(files)


def _instant(stamp: str | None) -> datetime:
    if stamp is None:
        return datetime.min.replace(tzinfo=UTC)
    return datetime.fromisoformat(stamp)


def latest(lines: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """url → its latest line: greatest modified_at instant, then fetched_at, then file order."""
    best: dict[str, tuple[tuple[datetime, datetime, int], dict[str, Any]]] = {}
    for order, line in enumerate(lines):
        key = (_instant(line["modified_at"]), _instant(line["fetched_at"]), order)
        if line["url"] not in best or key > best[line["url"]][0]:
            best[line["url"]] = (key, line)
    return {url: line for url, (_, line) in best.items()}


def expected(lines: list[dict[str, Any]]) -> dict[str, Any]:
    """Per site: articles, older revisions, first-fetch days, publication days, coverage, copies."""
    newest = latest(lines)
    line_count = Counter(line["url"] for line in lines)
    first_fetch = {
        url: min(_instant(x["fetched_at"]) for x in lines if x["url"] == url) for url in newest
    }
    site_of = {url: line["site"] for url, line in newest.items()}
    sites: dict[str, Any] = {}
    for url, line in newest.items():
        site = sites.setdefault(
            line["site"],
            {"articles": 0, "revisions": 0, "collected_per_day": Counter(),
             "published_per_day": Counter(), "near_duplicates": 0,
             "near_duplicates_cross_site": 0,
             "coverage": dict.fromkeys(("published_at", "authors", "related_links", "image"), 0)},
        )  # fmt: skip
        site["articles"] += 1
        site["revisions"] += line_count[url] - 1
        site["collected_per_day"][first_fetch[url].date().isoformat()] += 1
        if line["published_at"]:
            site["published_per_day"][line["published_at"][:10]] += 1
        for name in site["coverage"]:
            site["coverage"][name] += bool(line[name])
        if line["near_duplicate_of"]:
            site["near_duplicates"] += 1
            site["near_duplicates_cross_site"] += site_of[line["near_duplicate_of"]] != line["site"]
    for site in sites.values():
        site["collected_per_day"] = dict(site["collected_per_day"])
        site["published_per_day"] = dict(site["published_per_day"])
    return sites
