"""Micro-benchmarks: extraction ms/page against trafilatura, and `parse_date` µs/call.

    python -m benchmarks.perf.micro [--pages 200] [--corpus DIR] [--date-rounds 5]
        [--profile TOP] [--json OUT.json] [--timeout 900]

Extraction: generated article pages (the crawl benchmark's site, rendered in memory) and the
real pages of the shared corpus (read in place, never copied). Each call is timed alone after a
warm-up; newscrawl gets the page's bytes (`extract_page` decodes them, as in a crawl) and
trafilatura the decoded text (as Scrapy hands it `response.text`), both as in the crawl
comparison, plus trafilatura's bare default call. `parse_date`: every row of
tests/date_cases.py, in several rounds. --profile prints a cProfile of `extract_page` over the
generated pages (the functions that cost most).
"""

from __future__ import annotations

import argparse
import cProfile
import gzip
import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import trafilatura

from benchmarks.perf.layout import SiteSpec, article_meta
from benchmarks.perf.pages import render_article
from benchmarks.perf.runner import (
    REPO,
    describe_machine,
    machine,
    markdown_table,
    profile_text,
    publish,
)
from newscrawl.dates import parse_date
from newscrawl.extraction import UndecodablePage, extract_page
from newscrawl.extraction.site_blocks import BlockLearner
from newscrawl.extraction.site_container import ContainerLearner
from newscrawl.extraction.site_learning import SiteLearner
from tests.date_cases import CASES

CONTENT_TYPE = "text/html; charset=utf-8"
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"
COLUMNS = ["pages", "extractor", "calls", "found", "median_ms", "p90_ms", "mean_ms"]
DATE_COLUMNS = ["rows", "rounds", "calls", "parsed", "median_us", "p90_us", "mean_us"]


def _stats(timings_ns: list[int], scale: float) -> dict[str, float]:
    values = [t / scale for t in timings_ns]
    p90 = statistics.quantiles(values, n=10)[-1] if len(values) > 1 else values[0]
    return {"median": statistics.median(values), "p90": p90, "mean": statistics.fmean(values)}


Page = tuple[str, bytes, str]  # url, body, label (template or language)
Extractor = Callable[[str, bytes], object]


def _newscrawl(url: str, body: bytes) -> object:
    try:
        return extract_page(body, url, content_type=CONTENT_TYPE)
    except UndecodablePage:
        return None


_LEARNERS: dict[str, SiteLearner] = {}


def _newscrawl_learning(url: str, body: bytes) -> object:
    """As in a crawl: one learner per site (titles, recurring blocks, body container)."""
    host = urlsplit(url).netloc
    learner = _LEARNERS.setdefault(
        host, SiteLearner(blocks=BlockLearner(), body=ContainerLearner())
    )
    try:
        return extract_page(body, url, content_type=CONTENT_TYPE, learned=learner)
    except UndecodablePage:
        return None


def _trafilatura_json(url: str, body: bytes) -> object:
    text = body.decode("utf-8", "replace")
    return trafilatura.extract(text, url=url, output_format="json", with_metadata=True)


def _trafilatura_bare(url: str, body: bytes) -> object:
    return trafilatura.extract(body.decode("utf-8", "replace"))


EXTRACTORS: dict[str, Extractor] = {
    "newscrawl extract_page": _newscrawl,
    "newscrawl extract_page, learning the site (as in a crawl)": _newscrawl_learning,
    "trafilatura.extract json+metadata (as b)": _trafilatura_json,
    "trafilatura.extract default": _trafilatura_bare,
}


def generated_pages(count: int, spec: SiteSpec) -> list[Page]:
    """`count` article pages spread over the site (both templates, all sizes)."""
    step = max(1, spec.articles // count) | 1  # odd, so both templates (every 4th) are sampled
    numbers = range(1, spec.articles + 1, step)[:count]
    origin = "http://127.0.0.1:8080"
    return [(origin + article_meta(spec, n).href, render_article(spec, n),
             article_meta(spec, n).template) for n in numbers]  # fmt: skip


def corpus_pages(corpus: Path) -> list[Page]:
    truth = corpus / "real" / "ground_truth.jsonl"
    found = []
    for line in truth.read_text(encoding="utf-8").splitlines():
        page = json.loads(line)
        data = (corpus / "real" / page["file"]).read_bytes()
        body = gzip.decompress(data) if page["file"].endswith(".gz") else data
        url = page.get("url") or f"https://{page.get('domain') or 'example.com'}/"
        found.append((url, body, page.get("language") or "?"))
    return found


def time_extractor(name: str, pages: list[Page], label: str, deadline: float) -> dict[str, Any]:
    call = EXTRACTORS[name]
    for url, body, _ in pages[:5]:  # models, caches and lazy imports are one-off costs
        call(url, body)
    timings, found = [], 0
    for url, body, _ in pages:
        if time.monotonic() > deadline:
            break
        start = time.perf_counter_ns()
        result = call(url, body)
        timings.append(time.perf_counter_ns() - start)
        found += result is not None
    ms = _stats(timings, 1e6) if timings else {"median": 0, "p90": 0, "mean": 0}
    return {"pages": label, "extractor": name, "calls": len(timings), "found": found,
            **{f"{k}_ms": round(v, 2) for k, v in ms.items()}}  # fmt: skip


def extraction(pages: list[Page], label: str, deadline: float) -> list[dict[str, Any]]:
    rows = [time_extractor(name, pages, label, deadline) for name in EXTRACTORS]
    for template in sorted({p[2] for p in pages}):
        subset = [p for p in pages if p[2] == template]
        if len(subset) < len(pages):
            rows.append(time_extractor("newscrawl extract_page", subset,
                                       f"{label}, {template} only", deadline))  # fmt: skip
    return rows


def dates(rounds: int) -> dict[str, Any]:
    """`parse_date` over every tests/date_cases.py row, each call timed alone."""
    calls = [(c.text, datetime.fromisoformat(c.now), c.tz) for c in CASES]
    for text, now, tz in calls:
        parse_date(text, now=now, tz=tz)
    timings, parsed = [], 0
    for _ in range(rounds):
        for text, now, tz in calls:
            start = time.perf_counter_ns()
            result = parse_date(text, now=now, tz=tz)
            timings.append(time.perf_counter_ns() - start)
            parsed += result is not None
    us = _stats(timings, 1e3)
    return {"rows": len(calls), "rounds": rounds, "calls": len(timings), "parsed": parsed,
            **{f"{k}_us": round(v, 1) for k, v in us.items()}}  # fmt: skip


def profile(pages: list[Page], top: int) -> str:
    profiler = cProfile.Profile()
    profiler.enable()
    for url, body, _ in pages:
        _newscrawl(url, body)
    profiler.disable()
    return profile_text(profiler, top)


def benchmark(args: argparse.Namespace) -> dict[str, Any]:
    deadline = time.monotonic() + args.timeout
    facts = machine()
    generated = generated_pages(args.pages, SiteSpec(args.site_articles))
    rows = extraction(generated, f"generated ({len(generated)})", deadline)
    corpus = corpus_pages(args.corpus) if (args.corpus / "real").is_dir() else []
    if args.corpus_pages:
        corpus = corpus[: args.corpus_pages]
    if corpus:
        rows += [time_extractor(name, corpus, f"corpus ({len(corpus)})", deadline)
                 for name in EXTRACTORS]  # fmt: skip
        arabic = [p for p in corpus if p[2] == "ar"]
        rows += [time_extractor(name, arabic, f"corpus ar ({len(arabic)})", deadline)
                 for name in EXTRACTORS if arabic]  # fmt: skip
    return {
        "machine": facts, "extraction": rows, "dates": dates(args.date_rounds),
        "corpus": str(args.corpus) if corpus else None,
        "profile": profile(generated, args.profile) if args.profile else "",
        "timed_out": time.monotonic() > deadline,
        "load_at_end": [round(x, 2) for x in os.getloadavg()],
    }  # fmt: skip


def report(results: dict[str, Any]) -> str:
    lines = [
        describe_machine(results["machine"]), f"load average at end {results['load_at_end']}", "",
        "extraction, ms per page (each call timed alone, after a 5-page warm-up):", "",
        markdown_table(results["extraction"], COLUMNS), "",
        f"corpus: {results['corpus'] or 'not found: skipped'}", "",
        "parse_date over tests/date_cases.py:", "",
        markdown_table([results["dates"]], DATE_COLUMNS),
    ]  # fmt: skip
    if results["timed_out"]:
        lines += ["", "TIMED OUT: some figures cover fewer pages"]
    return "\n".join(lines + ([results["profile"]] if results["profile"] else []))


def main(argv: list[str] | None = None) -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--pages", type=int, default=200, help="generated pages to time")
    options.add_argument("--site-articles", type=int, default=5000, help="site they come from")
    options.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    options.add_argument("--corpus-pages", type=int, default=0, help="only the first N (0: all)")
    options.add_argument("--date-rounds", type=int, default=5)
    options.add_argument("--profile", type=int, default=0, metavar="TOP")
    options.add_argument("--timeout", type=float, default=900.0)
    options.add_argument("--json", type=Path, metavar="PATH")
    args = options.parse_args(argv)
    results = benchmark(args)
    publish(report(results), results, args.json)
    return 1 if results["timed_out"] else 0


if __name__ == "__main__":
    sys.exit(main())
