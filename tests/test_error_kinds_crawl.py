"""Issue 11: a real `newscrawl crawl` of two loopback sites whose articles fail in known ways
(HTTP 500, HTTP 404, a timeout) records each site's errors by kind in `--json-summary`, the run
history (`newscrawl runs`) and `newscrawl report`.

The expected counts are made here from each server's own log of what it answered, not from
anything newscrawl computed.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from newscrawl.demo.server import Reply, ServedRequest, serving
from tests.clirun import newscrawl
from tests.state_site import FAST_CRAWL, SyntheticSite

TIMEOUT = 1
SLOW = 2.5  # seconds a "slow" article takes: well past TIMEOUT, so it times out every attempt
ARGS = [*FAST_CRAWL, "-s", "RETRY_TIMES=1", "-s", f"DOWNLOAD_TIMEOUT={TIMEOUT}"]
DATA_BLOCK = re.compile(r'<script type="application/json" id="report-data">(.*?)</script>', re.S)
BAR = re.compile(r'<rect [^>]*data-site="([^"]*)" data-kind="([^"]*)" data-count="(\d+)"')


@dataclass
class FaultySite:
    """A synthetic site whose listed article paths answer 500, 404, or too slowly."""

    site: SyntheticSite
    failing: dict[str, int]
    slow: set[str] = field(default_factory=set)
    answers: list[tuple[str, int | None]] = field(default_factory=list)
    """(path, status) per request as served; None for an answer held past the client timeout."""
    lock: threading.Lock = field(default_factory=threading.Lock)

    def route(self, request: ServedRequest) -> Reply:
        path = request.path.split("?", 1)[0]
        if path in self.slow:
            self._answered(path, None)
            time.sleep(SLOW)  # the client has given up by now; the late answer hits a closed socket
            return self.site.route(request)
        reply = Reply(self.failing[path], b"<html>error</html>") if path in self.failing else None
        reply = reply or self.site.route(request)
        self._answered(path, reply.status)
        return reply

    def _answered(self, path: str, status: int | None) -> None:
        with self.lock:
            self.answers.append((path, status))

    def expected_kinds(self) -> dict[str, int]:
        """Failed article URLs by kind, from the answers: each URL once, by its last answer."""
        last = dict(self.answers)  # later answers (retries) replace earlier ones
        others = {p: s for p, s in last.items() if not p.startswith("/news/")}
        assert all(s is not None and s < 400 for s in others.values()), others
        kinds: Counter[str] = Counter()
        for path, status in last.items():
            if path.startswith("/news/") and (status is None or status >= 400):
                kinds["timeout" if status is None else f"http_{status // 100}xx"] += 1
        return dict(kinds)


def page_data(page: str) -> dict:
    found = DATA_BLOCK.search(page)
    assert found
    return json.loads(found.group(1).replace("<\\/", "</"))


def test_a_crawl_records_each_sites_errors_by_kind_in_summary_history_and_report(
    tmp_path: Path,
) -> None:
    first = FaultySite(SyntheticSite(8, delay=(0, 0)), {"/news/2.html": 500,
                       "/news/3.html": 500, "/news/4.html": 404}, {"/news/5.html"})  # fmt: skip
    second = FaultySite(SyntheticSite(5, delay=(0, 0)), {"/news/1.html": 404,
                        "/news/2.html": 404, "/news/3.html": 503})  # fmt: skip
    state, summary = tmp_path / "state", tmp_path / "summary.json"
    with serving(first.route) as one, serving(second.route) as two:
        crawl = newscrawl("crawl", one.base_url, two.base_url, "-o", str(tmp_path / "o.jsonl"),
                          "--state", str(state), "--json-summary", str(summary), *ARGS,
                          cwd=tmp_path, timeout=60)  # fmt: skip
    assert crawl.returncode == 0, crawl.stderr[-3000:]
    sites = {f"127.0.0.1:{one.port}": first, f"127.0.0.1:{two.port}": second}
    want = {name: site.expected_kinds() for name, site in sites.items()}
    assert want[f"127.0.0.1:{one.port}"] == {"http_5xx": 2, "http_4xx": 1, "timeout": 1}
    assert want[f"127.0.0.1:{two.port}"] == {"http_4xx": 2, "http_5xx": 1}
    retried = Counter(path for path, _ in first.answers)
    assert retried["/news/2.html"] == 2 and retried["/news/5.html"] == 2  # one retry each

    reported = json.loads(summary.read_text(encoding="utf-8"))["sites"]
    for name, kinds in want.items():
        assert reported[name]["error_kinds"] == kinds, name
        assert reported[name]["errors"] == sum(kinds.values())
        assert reported[name]["outcome"] == "partial"

    runs = newscrawl("runs", "--state", str(state), "--json", cwd=tmp_path)
    rows = {row["site"]: row for row in map(json.loads, runs.stdout.splitlines())}
    assert {name: rows[name]["error_kinds"] for name in sites} == want
    assert {name: rows[name]["errors"] for name in sites} == {
        name: sum(kinds.values()) for name, kinds in want.items()
    }
    table = newscrawl("runs", "--state", str(state), cwd=tmp_path).stdout
    assert "http_5xx:2,http_4xx:1,timeout:1" in table

    report = newscrawl("report", str(tmp_path / "o.jsonl"), "--state", str(state),
                       "-o", str(tmp_path / "x.html"), cwd=tmp_path)  # fmt: skip
    assert report.returncode == 0, report.stderr
    page = (tmp_path / "x.html").read_text(encoding="utf-8")
    assert page_data(page)["state"]["errors_by_kind"] == want
    chart = page.split('aria-label="Failed fetches per site by kind"')[1].split("</svg>")[0]
    bars: dict[str, dict[str, int]] = {}
    for site, kind, count in BAR.findall(chart):
        bars.setdefault(site, {})[kind] = int(count)
    assert bars == want
