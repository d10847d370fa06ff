"""Issue 11, items 1 and 5: per-site outcomes, exit statuses, `--json-summary`, `newscrawl runs`.

Real crawls of loopback sites, one per outcome: ok, partial, empty, unreachable, failed.
"""

from __future__ import annotations

import json
import socket
import time
from pathlib import Path

from newscrawl.demo.server import Reply, Router, ServedRequest, serving
from tests.clirun import REPO, newscrawl
from tests.state_site import FAST_CRAWL, SyntheticSite

QUICK = [*FAST_CRAWL, "-s", "RETRY_TIMES=0"]


def dead_url() -> str:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{probe.getsockname()[1]}/"


def summary(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def outcomes(path: Path) -> dict[str, str]:
    return {site: entry["outcome"] for site, entry in summary(path)["sites"].items()}


def failing_route(request: ServedRequest) -> Reply:
    return Reply(404 if request.path == "/robots.txt" else 500, b"<html>error</html>")


def with_missing_article(site: SyntheticSite) -> Router:
    """The site, its first sitemap listing one more article, which answers 404."""
    served: list[str] = []

    def route(request: ServedRequest) -> Reply:
        reply = site.route(request)
        if request.path == "/sitemap.xml" and not served and isinstance(reply.body, bytes):
            served.append(request.path)
            host = request.headers.get("Host", "")
            extra = f"<url><loc>http://{host}/news/999.html</loc></url></urlset>"
            reply = Reply(200, reply.body.replace(b"</urlset>", extra.encode()),
                          content_type="application/xml")  # fmt: skip
        return reply

    return route


def test_an_unreachable_only_target_ends_fast_with_outcome_unreachable_and_exit_1(
    tmp_path: Path,
) -> None:
    url, report = dead_url(), tmp_path / "summary.json"
    started = time.monotonic()
    result = newscrawl("crawl", url, "-o", str(tmp_path / "o.jsonl"), "--json-summary",
                       str(report), timeout=60)  # fmt: skip
    took = time.monotonic() - started
    assert took < 10, f"{took:.1f}s"
    assert result.returncode == 1, result.stderr
    site = url.removeprefix("http://").rstrip("/")
    assert f"sites: {site} unreachable" in result.stdout
    data = summary(report)
    assert data["status"] == 1 and data["sites"][site]["outcome"] == "unreachable"
    assert data["sites"][site]["unreachable"] == "connection_refused"


def test_some_sites_failing_is_exit_3_and_every_site_failing_is_exit_1(tmp_path: Path) -> None:
    with serving(SyntheticSite(3, delay=(0, 0)).route) as good, serving(failing_route) as bad:
        some = newscrawl("crawl", good.base_url, dead_url(), "-o", str(tmp_path / "a.jsonl"),
                         "--json-summary", str(tmp_path / "a.json"), *QUICK)  # fmt: skip
        every = newscrawl("crawl", bad.base_url, "-o", str(tmp_path / "b.jsonl"),
                          "--json-summary", str(tmp_path / "b.json"), *QUICK)  # fmt: skip
    assert some.returncode == 3, some.stderr[-2000:]
    assert sorted(outcomes(tmp_path / "a.json").values()) == ["ok", "unreachable"]
    assert "1 of 2 sites failed" in some.stderr
    assert every.returncode == 1, every.stderr[-2000:]
    assert list(outcomes(tmp_path / "b.json").values()) == ["failed"]
    assert "every site failed" in every.stderr


def test_partial_then_empty_and_every_run_is_recorded_in_the_state(tmp_path: Path) -> None:
    state, report = tmp_path / "state", tmp_path / "s.json"
    args = ["--state", str(state), "--json-summary", str(report), *QUICK]
    with serving(with_missing_article(SyntheticSite(4, delay=(0, 0)))) as server:
        first = newscrawl("crawl", server.base_url, *args)
        partial = outcomes(report)
        second = newscrawl("crawl", server.base_url, *args)
        empty = outcomes(report)
    assert (first.returncode, second.returncode) == (0, 0), first.stderr + second.stderr
    assert list(partial.values()) == ["partial"] and list(empty.values()) == ["empty"]
    site = next(iter(partial))
    listed = newscrawl("runs", "--state", str(state), "--site", site, "--json")
    rows = [json.loads(line) for line in listed.stdout.splitlines()]
    assert [(r["outcome"], r["articles"], r["errors"]) for r in rows] == [
        ("empty", 0, 0), ("partial", 4, 1)
    ]  # fmt: skip
    last = newscrawl("runs", "--state", str(state), "--last", "1")
    assert last.returncode == 0 and len(last.stdout.splitlines()) == 2  # header and one run


def test_bad_json_summary_path_is_exit_2_and_missing_history_exit_1(tmp_path: Path) -> None:
    bad = newscrawl("crawl", "http://127.0.0.1:9/", "--json-summary", str(tmp_path / "no/x.json"))
    assert bad.returncode == 2 and "--json-summary" in bad.stderr
    missing = newscrawl("runs", "--state", str(tmp_path / "nothing"))
    assert missing.returncode == 1 and "no run history" in missing.stderr


def test_after_the_demo_runs_lists_its_sites_and_deploy_files_exist(tmp_path: Path) -> None:
    demo = newscrawl("demo", cwd=tmp_path)
    assert demo.returncode == 0, demo.stderr[-2000:]
    runs = newscrawl("runs", cwd=tmp_path)
    assert runs.returncode == 0, runs.stderr
    lines = runs.stdout.splitlines()
    assert lines[0].split()[:3] == ["started", "site", "outcome"]
    assert sorted(line.split()[2] for line in lines[1:]) == ["madar", "waha"]
    assert {line.split()[3] for line in lines[1:]} == {"ok"}
    deploy = REPO / "deploy"
    assert (deploy / "newscrawl-schedule.service").is_file()
    assert "newscrawl schedule" in (deploy / "newscrawl-schedule.service").read_text()
    assert "--once" in (deploy / "newscrawl.cron").read_text()
