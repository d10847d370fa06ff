"""Issue 11: the run history keeps each run's fetch errors by kind, per site.

Units here: the `error_kinds` column (round trip, migration of a history made before it), how
failures map to kinds, what a Scrapyd job's log gives, and how the report shows runs whose kinds
are unknown. tests/test_error_kinds_crawl.py checks the same against a real crawl.
"""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest
from OpenSSL import SSL
from scrapy.exceptions import DownloadFailedError, DownloadTimeoutError, IgnoreRequest
from scrapy.http import Request, Response
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure
from twisted.web._newclient import ResponseNeverReceived

from newscrawl.cli import main
from newscrawl.failures import ERROR_KINDS, error_kind
from newscrawl.outcomes import sites_summary
from newscrawl.reporting.state_view import read_state
from newscrawl.scheduling.launch import result_from_summary
from newscrawl.scheduling.scrapyd import result_from_log
from newscrawl.state.runs import RunLog

OLD_SCHEMA = """
CREATE TABLE run_log(
    id INTEGER PRIMARY KEY AUTOINCREMENT, run_id TEXT NOT NULL, site TEXT NOT NULL,
    started_at TEXT NOT NULL, finished_at TEXT, outcome TEXT NOT NULL,
    articles INTEGER NOT NULL DEFAULT 0, errors INTEGER NOT NULL DEFAULT 0,
    exit_status INTEGER, via TEXT NOT NULL, detail TEXT);
CREATE INDEX run_log_by_site ON run_log(site, started_at);
"""
DATA_BLOCK = re.compile(r'<script type="application/json" id="report-data">(.*?)</script>', re.S)


def columns(path: Path) -> list[str]:
    db = sqlite3.connect(path)
    try:
        return [row[1] for row in db.execute("PRAGMA table_info(run_log)")]
    finally:
        db.close()


def test_kinds_round_trip_and_unknown_stays_distinct_from_none(tmp_path: Path) -> None:
    log = RunLog(tmp_path / "runs.sqlite3")
    try:
        kinds = {"http_5xx": 2, "timeout": 1}
        for n, (errors, recorded) in enumerate([(3, kinds), (0, {}), (4, None)]):
            row = log.start(f"r{n}", "waha", "crawl", started_at=f"2026-03-01T0{n}:00:00+00:00")
            log.finish(row, "partial", articles=1, errors=errors, error_kinds=recorded)
        log.start("r9", "waha", "schedule", started_at="2026-03-01T09:00:00+00:00")  # running
        runs = {r.run_id: r for r in log.recent("waha")}
    finally:
        log.close()
    assert runs["r0"].error_kinds == kinds and runs["r0"].errors == 3
    assert runs["r1"].error_kinds == {}  # known: no errors
    assert runs["r2"].error_kinds is None and runs["r2"].errors == 4  # unknown, total kept
    assert runs["r9"].error_kinds is None and runs["r9"].outcome == "running"
    db = sqlite3.connect(tmp_path / "runs.sqlite3")
    stored = db.execute("SELECT error_kinds FROM run_log WHERE run_id = 'r0'").fetchone()[0]
    db.close()
    assert stored == '{"http_5xx":2,"timeout":1}'  # compact, stable order


def test_a_history_made_before_kinds_is_migrated_and_keeps_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "runs.sqlite3"
    db = sqlite3.connect(path)
    db.executescript(OLD_SCHEMA)
    db.execute(
        "INSERT INTO run_log(run_id, site, started_at, finished_at, outcome, articles, errors,"
        " exit_status, via, detail) VALUES ('old', 'waha', '2026-02-01T00:00:00+00:00',"
        " '2026-02-01T00:01:00+00:00', 'partial', 5, 2, 0, 'schedule', NULL)"
    )
    db.commit()
    db.close()
    assert "error_kinds" not in columns(path)

    log = RunLog(path)
    try:
        row = log.start("new", "waha", "crawl", started_at="2026-03-01T00:00:00+00:00")
        log.finish(row, "partial", articles=1, errors=1, error_kinds={"dns": 1})
    finally:
        log.close()
    assert columns(path).count("error_kinds") == 1
    again = RunLog(path)  # a second open finds the column: nothing to do, no error
    try:
        runs = {r.run_id: r for r in again.recent()}
    finally:
        again.close()
    assert columns(path).count("error_kinds") == 1
    assert (runs["old"].errors, runs["old"].error_kinds, runs["old"].articles) == (2, None, 5)
    assert runs["new"].error_kinds == {"dns": 1}


def _http_error(status: int) -> Failure:
    response = Response("http://x/a", status=status, request=Request("http://x/a"))
    return Failure(HttpError(response, "ignored"))


def test_failures_map_to_a_few_stable_kinds() -> None:
    tls = DownloadFailedError("handshake")
    tls.__cause__ = ResponseNeverReceived([Failure(SSL.Error([("SSL routines", "", "bad")]))])
    cases = {
        "http_4xx": _http_error(404),
        "http_5xx": _http_error(503),
        "timeout": Failure(DownloadTimeoutError("slow")),
        "tls": Failure(tls),
        "connection": Failure(DownloadFailedError("reset by peer")),
        "too_large": Failure(IgnoreRequest("... exceeded DOWNLOAD_MAXSIZE (10 B) during ...")),
        "other": Failure(ValueError("x")),
    }
    assert {kind: error_kind(failure) for kind, failure in cases.items()} == {
        kind: kind for kind in cases
    }
    assert set(cases) <= set(ERROR_KINDS)


def test_the_summary_splits_each_sites_errors_by_kind() -> None:
    stats = {
        "newscrawl/site/a/fetched": 5, "newscrawl/site/a/failed": 3,
        "newscrawl/site/a/error/http_5xx": 2, "newscrawl/site/a/error/timeout": 1,
        "newscrawl/site/b/fetched": 2,
    }  # fmt: skip
    summary = sites_summary(stats, ["a", "b"], fatal=False, interrupted=False)
    assert summary["a"]["error_kinds"] == {"http_5xx": 2, "timeout": 1}
    assert summary["a"]["errors"] == 3 and summary["b"]["error_kinds"] == {}


def test_scheduled_runs_carry_kinds_only_when_their_summary_has_them() -> None:
    entry = {"outcome": "partial", "articles": 2, "errors": 3, "unreachable": None}
    with_kinds = {**entry, "error_kinds": {"http_4xx": 3}}
    local = result_from_summary({"sites": {"w": with_kinds}, "message": None}, "w", 0)
    assert local.error_kinds == {"http_4xx": 3}
    old_job = "x INFO: newscrawl run summary: " + json.dumps({"finish_reason": "finished",
                                                              "sites": {"w": entry}})  # fmt: skip
    assert result_from_log(old_job, "w").error_kinds is None  # an older deployment: unknown
    new_job = old_job.replace('"unreachable": null', '"unreachable": null, "error_kinds": '
                              '{"timeout": 3}')  # fmt: skip
    assert result_from_log(new_job, "w").error_kinds == {"timeout": 3}


def test_the_report_shows_unknown_for_runs_without_kinds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # no data/ of the repository in the way
    history = tmp_path / "runs.sqlite3"
    log = RunLog(history)
    runs = [("waha", 3, {"http_5xx": 2, "dns": 1}, "crawl", "2026-03-02"),
            ("waha", 4, None, "scrapyd", "2026-03-03"),
            ("madar", 1, {"timeout": 1}, "crawl", "2026-03-03"),
            ("madar", 9, {"timeout": 9}, "crawl", "2026-02-01")]  # fmt: skip
    for n, (site, errors, kinds, via, day) in enumerate(runs):
        row = log.start(f"r{n}", site, via, started_at=f"{day}T10:00:00+00:00")
        log.finish(row, "partial", articles=1, errors=errors, error_kinds=kinds)
    log.close()
    view = read_state(None, history, [], since="2026-03-01")
    assert {s: dict(k) for s, k in view.errors_by_kind.items()} == {
        "waha": {"http_5xx": 2, "dns": 1, "unknown": 4}, "madar": {"timeout": 1},
    }  # fmt: skip
    (tmp_path / "out.jsonl").write_text("", encoding="utf-8")
    page_path = tmp_path / "x.html"
    status = main(["report", str(tmp_path / "out.jsonl"), "--history", str(history),
                   "--since", "2026-03-01", "-o", str(page_path)])  # fmt: skip
    assert status == 0
    page = page_path.read_text(encoding="utf-8")
    found = DATA_BLOCK.search(page)
    assert found
    assert json.loads(found.group(1))["state"]["errors_by_kind"]["waha"]["unknown"] == 4
    assert 'data-site="waha" data-kind="unknown" data-count="4"' in page
    assert 'data-site="madar" data-kind="timeout" data-count="1"' in page  # not the 9 before
    assert "fetch errors by kind (timeout, http_404" not in page  # the old fallback note
