"""Accuracy and speed of ``newscrawl.dates.parse_date`` against plain dateparser.

Run from the repository root:  python -m benchmarks.bench_dates [--rounds N]

Every row of tests/date_cases.py is parsed by three contenders:
* newscrawl: ``parse_date(text, now=row.now, tz=row.tz)``
* dateparser: ``dateparser.parse(text)`` (default settings)
* dateparser-ar: ``dateparser.parse(text, languages=["ar"])``

Accuracy: share of rows whose result equals the expected value to the minute. A row expecting
None is right only when the result is None. Plain dateparser knows nothing of the row's zone,
so an aware result is compared as an instant and a naive one as wall-clock time against the
expected value's wall-clock time. To give it a fair chance on relative rows ("منذ 3 ساعات"),
the accuracy pass hands it ``RELATIVE_BASE`` = the row's ``now`` as wall-clock time in the
row's zone (its only non-default setting); the timing pass uses the exact calls above.

Speed: after one warm-up pass, each row is timed alone (``time.perf_counter_ns``) in every
round; the figures are the median and 90th percentile over all those calls, in µs.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from datetime import datetime

import dateparser

from newscrawl.dates import parse_date
from newscrawl.dates.zones import now_in, zone_or_utc
from tests.date_cases import CASES, GROUPS, DateCase

Parser = Callable[[DateCase], datetime | None]


def _reference_now(case: DateCase) -> datetime:
    return now_in(datetime.fromisoformat(case.now), zone_or_utc(case.tz))


def run_newscrawl(case: DateCase) -> datetime | None:
    return parse_date(case.text, now=datetime.fromisoformat(case.now), tz=case.tz)


def _plain(case: DateCase, languages: list[str] | None) -> datetime | None:
    base = _reference_now(case).replace(tzinfo=None)
    return dateparser.parse(case.text, languages=languages, settings={"RELATIVE_BASE": base})


def is_right(case: DateCase, result: datetime | None) -> bool:
    if case.expected is None or result is None:
        return case.expected is None and result is None
    expected = datetime.fromisoformat(case.expected).replace(second=0, microsecond=0)
    result = result.replace(second=0, microsecond=0)
    if result.tzinfo is None:
        return result == expected.replace(tzinfo=None)
    return result == expected


def accuracy(parser: Parser, cases: list[DateCase]) -> float:
    return sum(is_right(case, parser(case)) for case in cases) / len(cases)


def cost_us(call: Callable[[DateCase], object], rounds: int) -> tuple[float, float]:
    """Median and 90th percentile of the per-call cost, in microseconds."""
    for case in CASES:
        call(case)
    timings: list[int] = []
    for _ in range(rounds):
        for case in CASES:
            start = time.perf_counter_ns()
            call(case)
            timings.append(time.perf_counter_ns() - start)
    deciles = statistics.quantiles(timings, n=10)
    return statistics.median(timings) / 1000, deciles[-1] / 1000


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--rounds", type=int, default=5)
    rounds = options.parse_args().rounds
    contenders: dict[str, tuple[Parser, Callable[[DateCase], object]]] = {
        "newscrawl parse_date": (run_newscrawl, run_newscrawl),
        "dateparser.parse": (lambda c: _plain(c, None), lambda c: dateparser.parse(c.text)),
        "dateparser.parse ar": (
            lambda c: _plain(c, ["ar"]),
            lambda c: dateparser.parse(c.text, languages=["ar"]),
        ),
    }
    print(f"{len(CASES)} rows, {rounds} timed rounds\n")
    print("| parser | accuracy | median µs/call | p90 µs/call |\n|---|---|---|---|")
    for name, (parser, timed) in contenders.items():
        median, p90 = cost_us(timed, rounds)
        print(f"| {name} | {accuracy(parser, CASES):.1%} | {median:.0f} | {p90:.0f} |")
    print("\n| group | rows | " + " | ".join(contenders) + " |")
    print("|---|---|" + "---|" * len(contenders))
    for group, cases in GROUPS.items():
        scores = " | ".join(f"{accuracy(p, cases):.0%}" for p, _ in contenders.values())
        print(f"| {group} | {len(cases)} | {scores} |")


if __name__ == "__main__":
    main()
