"""`newscrawl report`: its numbers equal counts made here from the JSONL, it needs no network,
it reads state and run history without locks, and it renders in headless Chromium.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from newscrawl.cli import main
from newscrawl.state.base import DoneMark
from newscrawl.state.runs import RunLog
from newscrawl.state.sqlite import SqliteStateStore
from tests.clirun import newscrawl
from tests.report_data import expected, make_lines, write_partitioned

DATA_BLOCK = re.compile(r'<script type="application/json" id="report-data">(.*?)</script>', re.S)
RECT = re.compile(r'<rect [^>]*data-site="([^"]*)" data-day="([^"]*)" data-count="(\d+)"')


def page_data(page: str) -> dict[str, Any]:
    found = DATA_BLOCK.search(page)
    assert found, "the page embeds its numbers"
    return json.loads(found.group(1).replace("<\\/", "</"))


@pytest.fixture(autouse=True)
def elsewhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run from an empty folder: a data/runs.sqlite3 where the tests run must not count."""
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def dataset(tmp_path: Path) -> tuple[list[dict[str, Any]], list[Path]]:
    """Most lines in the partitioned layout, the last ones in a `-o` file: both are inputs."""
    lines = make_lines()
    write_partitioned(tmp_path / "data", lines[:-12])
    single = tmp_path / "out.jsonl"
    single.write_text(
        "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines[-12:]), encoding="utf-8"
    )
    return lines, [tmp_path / "data", single]


def report(tmp_path: Path, *args: str) -> tuple[int, str]:
    output = tmp_path / "report.html"
    status = main(["report", *args, "-o", str(output)])
    return status, output.read_text(encoding="utf-8") if output.exists() else ""


def test_the_numbers_equal_counts_made_from_the_jsonl(tmp_path: Path, dataset: Any) -> None:
    lines, inputs = dataset
    status, page = report(tmp_path, *map(str, inputs))
    assert status == 0
    data = page_data(page)["output"]
    want = expected(lines)
    assert data["articles"] == len({line["url"] for line in lines}) == 72
    assert data["lines"] == len(lines) + 1 and data["unreadable_lines"] == 1  # the torn line
    for site, counts in want.items():
        got = data["sites"][site]
        assert {k: got[k] for k in counts} == counts, site
    assert sum(s["revisions"] for s in data["sites"].values()) == 10
    assert sum(s["near_duplicates_cross_site"] for s in want.values()) > 0


def test_the_chart_bars_carry_the_same_numbers(tmp_path: Path, dataset: Any) -> None:
    lines, inputs = dataset
    _, page = report(tmp_path, *map(str, inputs))
    collected_chart = page.split('aria-label="Articles collected per site per day"')[1]
    collected_chart = collected_chart.split("</svg>")[0]
    bars = {(site, day): int(n) for site, day, n in RECT.findall(collected_chart)}
    want = {
        (site, day): n
        for site, counts in expected(lines).items()
        for day, n in counts["collected_per_day"].items()
    }
    assert bars == want
    for site in ("waha", "127.0.0.1:8080", "واحة"):
        assert f'<bdi dir="auto">{site}</bdi>' in page


def test_since_leaves_out_articles_first_fetched_earlier(tmp_path: Path, dataset: Any) -> None:
    lines, inputs = dataset
    _, page = report(tmp_path, *map(str, inputs), "--since", "2026-02-27")
    data = page_data(page)["output"]
    days = Counter(
        day
        for counts in expected(lines).values()
        for day, n in counts["collected_per_day"].items()
        for _ in range(n)
    )
    assert data["articles"] == sum(n for day, n in days.items() if day >= "2026-02-27")
    assert data["outside_since"] == sum(n for day, n in days.items() if day < "2026-02-27")


def test_the_page_needs_no_network(tmp_path: Path, dataset: Any) -> None:
    _, page = report(tmp_path, *map(str, dataset[1]))
    markup = DATA_BLOCK.sub("", page)
    assert not re.search(r"<(script|img|link|iframe|object|embed)\b", markup)
    assert not re.search(r"\b(src|href)=|url\(|@import", markup)
    assert "default-src 'none'" in markup and '<meta charset="utf-8">' in markup
    assert page.count("<svg") >= 4  # charts and the coverage meters are inline SVG


def _state_dir(tmp_path: Path, lines: list[dict[str, Any]]) -> Path:
    state = tmp_path / "state"
    store = SqliteStateStore(state)
    store.commit_done([DoneMark(url=x["url"], site=x["site"]) for x in lines], {})
    store.close()
    log = RunLog(state / "runs.sqlite3")
    runs = [
        ("waha", "ok", 10, 0, None), ("waha", "unreachable", 0, 1, "dns"),
        ("madar", "partial", 5, 2, None), ("waha", "unreachable", 0, 1, "dns"),
    ]  # fmt: skip
    for n, (site, outcome, articles, errors, detail) in enumerate(runs):
        row = log.start(f"r{n}", site, "schedule", started_at=f"2026-03-01T0{n}:00:00+00:00")
        log.finish(row, outcome, articles=articles, errors=errors, detail=detail)
    log.close()
    return state


def test_state_and_history_give_runs_errors_and_backoff(tmp_path: Path, dataset: Any) -> None:
    lines, inputs = dataset
    state = _state_dir(tmp_path, lines)
    holder = SqliteStateStore(state)  # a crawl holding the state's lock: the report still reads
    try:
        status, page = report(tmp_path, *map(str, inputs), "--state", str(state))
    finally:
        holder.close()
    assert status == 0
    got = page_data(page)["state"]
    assert got["sites"]["waha"]["articles"] == len({x["url"] for x in lines if x["site"] == "waha"})
    assert got["sites"]["waha"]["failure_streak"] == 2
    assert got["sites"]["waha"]["last_success"]["run_id"] == "r0"
    assert got["sites"]["madar"]["failure_streak"] == 0
    assert got["failed_runs"] == {"unreachable: dns": 2}
    assert got["errors_by_site"] == {"waha": 2, "madar": 2}
    assert "2 failed runs in a row: ×4" in page


def test_without_state_the_runs_show_as_not_available(tmp_path: Path, dataset: Any) -> None:
    status, page = report(tmp_path, *map(str, dataset[1]))
    assert status == 0
    assert page_data(page)["state"]["history_path"] is None
    assert "n/a</span>: no run history found" in page


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--since", "March"], "--since must be a date"),
        (["nowhere/"], "no such file or directory"),
    ],
)
def test_bad_arguments_are_one_line_and_status_2(
    tmp_path: Path, args: list[str], message: str, capsys: Any
) -> None:
    assert report(tmp_path, *args)[0] == 2
    assert message in capsys.readouterr().err


def test_after_the_demo_report_works_with_no_arguments(tmp_path: Path) -> None:
    assert newscrawl("demo", cwd=tmp_path).returncode == 0
    result = newscrawl("report", "-o", "report.html", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    data = page_data((tmp_path / "report.html").read_text(encoding="utf-8"))
    demo = (tmp_path / "data/demo/articles.jsonl").read_text(encoding="utf-8").splitlines()
    assert data["output"]["articles"] == len(demo) > 0
    assert set(data["output"]["sites"]) == {"madar", "waha"}
    if (tmp_path / "data/runs.sqlite3").exists():  # the demo records its run: the report finds it
        assert data["state"]["sites"]["waha"]["last_success"]["via"] == "demo"


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(
    CHROMIUM is None, reason="headless check needs Debian's chromium (apt-get install chromium)"
)
def test_the_report_renders_in_headless_chromium(tmp_path: Path, dataset: Any) -> None:
    status, page = report(tmp_path, *map(str, dataset[1]))
    assert status == 0
    url = (tmp_path / "report.html").as_uri()
    flags = [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"]
    shot = tmp_path / "report.png"
    subprocess.run(
        [*flags, f"--screenshot={shot}", "--window-size=1400,2400", url],
        capture_output=True, timeout=120, check=True,
    )  # fmt: skip
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 50_000, "a blank page compresses to a few kilobytes"
    dom = subprocess.run(
        [*flags, "--dump-dom", url], capture_output=True, text=True, timeout=120, check=True
    ).stdout
    for anchor in ("per-day", "coverage", "duplicates", "errors", "runs"):
        assert f'<section id="{anchor}">' in dom
    assert dom.count("<rect") == page.count("<rect")
