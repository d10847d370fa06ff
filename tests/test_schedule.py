"""Issue 11, item 2: `newscrawl schedule` against loopback sites, judged from the servers' logs.

Real scheduler processes running real crawl processes: what is tested is process handling
(locks, signals, overlap), which in-process calls would not exercise. Bounded in time: the
long-running scheduler gets SIGTERM after a fixed window and must be gone within seconds.
"""

from __future__ import annotations

import itertools
import signal
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

from newscrawl.demo.server import Reply, ServedRequest, SiteServer, serving
from newscrawl.scheduling.launch import Layout
from newscrawl.scheduling.locks import SiteLock, is_locked
from newscrawl.state.runs import RunLog, RunRecord
from tests.clirun import REPO, newscrawl
from tests.state_site import SyntheticSite, article_requests, read_output

QUICK = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "RETRY_TIMES=0",
         "-s", "NEWSCRAWL_FSYNC_ITEMS=5", "-s", "NEWSCRAWL_FSYNC_SECONDS=0.2"]  # fmt: skip
WINDOW = 20.0  # seconds the long-running scheduler is left alone
GOOD_EVERY, FAILING_EVERY = 3.0, 2.0


def failing_route(request: ServedRequest) -> Reply:
    """A site whose pages all fail (robots.txt is simply missing)."""
    if request.path == "/robots.txt":
        return Reply(404, b"")
    return Reply(500, b"<html><body>error</body></html>")


def start_schedule(state: Path, *args: str) -> subprocess.Popen[str]:
    command = [sys.executable, "-m", "newscrawl.cli", "schedule", "--state", str(state),
               "-s", f"NEWSCRAWL_DATA_DIR={state.parent / 'data'}", *QUICK, *args]  # fmt: skip
    return subprocess.Popen(command, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)  # fmt: skip


def stop(process: subprocess.Popen[str], sig: int = signal.SIGTERM) -> tuple[float, str]:
    """Send `sig`; (seconds until the scheduler was gone, its stderr)."""
    process.send_signal(sig)
    sent = time.monotonic()
    _, stderr = process.communicate(timeout=90)
    return time.monotonic() - sent, stderr


def runs_of(state: Path, site: str) -> list[RunRecord]:
    log = RunLog(Layout(state).history)
    try:
        return sorted(log.recent(site, 1000), key=lambda r: r.started_at)
    finally:
        log.close()


def stamp(iso: str) -> float:
    return datetime.fromisoformat(iso).timestamp()


def site_name(server: SiteServer) -> str:
    return f"127.0.0.1:{server.port}"


def no_torn_output(data: Path) -> list[dict]:
    """Every output line of every run is whole JSON; the records, each URL once."""
    records = []
    for path in sorted(data.rglob("*.jsonl")):
        lines, malformed, complete = read_output(path)
        assert malformed == 0 and complete, path
        records.extend(lines)
    assert len({r["url"] for r in records}) == len(records)
    return records


def assert_runs_never_overlap(server: SiteServer, runs: list[RunRecord], every: float) -> None:
    """Runs start ≥ `every` apart and never overlap; the server saw one robots.txt per run and
    each of its requests inside exactly one run, so no two crawls of the site ever interleaved."""
    assert all(r.finished_at for r in runs), runs
    spans = [(stamp(r.started_at), stamp(r.finished_at or "")) for r in runs]
    for (start, end), (next_start, _) in itertools.pairwise(spans):
        assert end <= next_start and next_start - start >= every - 0.05, (start, end, next_start)
    robots = [r.time for r in server.log if r.path == "/robots.txt"]
    # the last run may have been stopped before it fetched anything
    finished = [r for r in runs if r.outcome != "interrupted"]
    assert len(finished) <= len(robots) <= len(runs), (robots, runs)
    for request in server.log:
        inside = [span for span in spans if span[0] <= request.time <= span[1]]
        assert len(inside) == 1, (request, spans)
    # per run on the server: its robots.txt first, all its requests before the next run's
    for start, end in spans:
        seen = [r for r in server.log if start <= r.time <= end]
        assert not seen or seen[0].path == "/robots.txt", seen[:3]


def test_two_sites_on_short_intervals_never_overlap_and_the_failing_one_backs_off(
    tmp_path: Path,
) -> None:
    state = tmp_path / "state"
    with serving(SyntheticSite(6, delay=(0.05, 0.1)).route) as good, serving(failing_route) as bad:
        good_site, bad_site = site_name(good), site_name(bad)
        process = start_schedule(state, good.base_url, bad.base_url,
                                 "--every", f"{good_site}={GOOD_EVERY}",
                                 "--every", f"{bad_site}={FAILING_EVERY}")  # fmt: skip
        time.sleep(WINDOW)
        took, stderr = stop(process)
        good_runs, bad_runs = runs_of(state, good_site), runs_of(state, bad_site)
        assert_runs_never_overlap(good, good_runs, GOOD_EVERY)
        assert_runs_never_overlap(bad, bad_runs, FAILING_EVERY)
    assert process.returncode == 143, stderr[-3000:]
    assert took < 15, f"SIGTERM took {took:.1f}s"
    assert "Traceback" not in stderr
    # the healthy site ran again and again: its first run wrote the articles, later ones nothing
    assert 3 <= len(good_runs) <= WINDOW / GOOD_EVERY + 1, stderr[-3000:]
    assert [r.outcome for r in good_runs[:2]] == ["ok", "empty"], good_runs
    assert sum(r.articles for r in good_runs) == 6
    # the failing site: failed every time, each wait twice the one before (2 s → 4 s → 8 s …)
    assert 2 <= len(bad_runs) <= 4, bad_runs
    assert {r.outcome for r in bad_runs if r.outcome != "interrupted"} == {"failed"}
    starts = [stamp(r.started_at) for r in bad_runs]
    for k, (a, b) in enumerate(itertools.pairwise(starts)):
        assert b - a >= FAILING_EVERY * 2 ** (k + 1) - 0.05, (k, b - a)
    assert len(bad_runs) < len(good_runs)
    assert not any(r.outcome == "running" for r in good_runs + bad_runs)
    assert not is_locked(Layout(state).lock(good_site))
    assert len(no_torn_output(tmp_path / "data")) == 6


def test_sigterm_stops_a_running_crawl_keeps_its_lines_and_leaves_no_lock(tmp_path: Path) -> None:
    state, data = tmp_path / "state", tmp_path / "data"
    site = SyntheticSite(150, delay=(0.05, 0.1))
    with serving(site.route) as server:
        name = site_name(server)
        process = start_schedule(state, server.base_url, "--every", "1h")
        deadline = time.monotonic() + 60
        while len(article_requests(server.paths())) < 10 and time.monotonic() < deadline:
            time.sleep(0.05)
        took, stderr = stop(process)
        assert process.returncode == 143, stderr[-3000:]
        assert took < 15, f"SIGTERM took {took:.1f}s"
        [run] = runs_of(state, name)
        assert (run.outcome, run.exit_status) == ("interrupted", 143), run
        assert not is_locked(Layout(state).lock(name))
        assert not is_locked(Layout(state).site_state(name) / "lock")  # the crawl's own lock
        first = no_torn_output(data)
        assert 0 < len(first) < 150
        # an interrupted run does not count as a failure: --once runs the site again at once
        again = newscrawl("schedule", server.base_url, "--state", str(state), "--once",
                          "--every", "1s", "-s", f"NEWSCRAWL_DATA_DIR={data}", *QUICK)  # fmt: skip
    assert again.returncode == 0, again.stderr[-3000:]
    assert len(no_torn_output(data)) == 150  # the rest, and nothing twice


def test_once_runs_only_what_is_due_and_a_restart_does_not_rerun_everything(
    tmp_path: Path,
) -> None:
    state = tmp_path / "state"
    common = ["--state", str(state), "-s", f"NEWSCRAWL_DATA_DIR={tmp_path / 'data'}", *QUICK]
    with serving(SyntheticSite(3, delay=(0, 0)).route) as a, serving(failing_route) as b:
        first = newscrawl("schedule", a.base_url, b.base_url, "--once", "--every", "1h", *common)
        second = newscrawl("schedule", a.base_url, b.base_url, "--once", "--every", "1h", *common)
        served = len(a.log) + len(b.log)
        # the long-running mode continues from the history too: nothing is due for an hour
        process = start_schedule(state, a.base_url, b.base_url, "--every", "1h")
        time.sleep(4)
        _, stderr = stop(process, signal.SIGINT)
        assert len(a.log) + len(b.log) == served
    assert first.returncode == 3, first.stderr[-3000:]  # one site failed, the other did not
    assert second.returncode == 0 and "nothing is due" in second.stderr, second.stderr
    assert process.returncode == 130, stderr[-3000:]
    assert "next run at" in stderr
    runs = newscrawl("runs", "--state", str(state))
    assert runs.returncode == 0
    assert runs.stdout.count(" ok ") == 1 and runs.stdout.count(" failed ") == 1, runs.stdout


def test_a_site_already_running_elsewhere_is_skipped_not_run_twice(tmp_path: Path) -> None:
    state = tmp_path / "state"
    with serving(SyntheticSite(2, delay=(0, 0)).route) as server:
        name = site_name(server)
        with SiteLock(Layout(state).lock(name)):  # as a running scheduler would hold it
            result = newscrawl("schedule", server.base_url, "--state", str(state), "--once",
                               "--every", "1m", *QUICK)  # fmt: skip
        assert server.log == []
    assert result.returncode == 0, result.stderr[-2000:]
    assert "skipped" in result.stderr and "another process" in result.stderr


def test_bad_schedule_arguments_are_one_line_and_exit_2(tmp_path: Path) -> None:
    state = str(tmp_path / "state")
    cases = [
        (["http://127.0.0.1:9/", "--state", state], "no interval for 127.0.0.1:9"),
        (["waha=http://127.0.0.1:9/", "--state", state, "--every", "soon"], "not a duration"),
        (["waha=http://127.0.0.1:9/", "--state", state, "--every", "1m",
          "--active-hours", "25:00-03:00"],
         "not active hours"),
        (["nosuchsite", "--state", state, "--every", "1m"], "unknown site profile"),
    ]  # fmt: skip
    for args, message in cases:
        result = newscrawl("schedule", *args)
        assert result.returncode == 2, (args, result.stderr)
        assert result.stderr.count("\n") == 1 and message in result.stderr, result.stderr
