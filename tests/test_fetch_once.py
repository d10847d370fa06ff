"""Issue 14 item 10 (part): an unreachable robots.txt is fetched once and counted once."""

from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path

from newscrawl.demo.server import Reply, ServedRequest, serving
from tests.clirun import REPO
from tests.state_site import FAST_CRAWL, SyntheticSite, read_output


def test_robots_timeout_is_fetched_once_and_counted_once(tmp_path: Path) -> None:
    site = SyntheticSite(4, delay=(0, 0))

    def route(request: ServedRequest) -> Reply:
        if request.path == "/robots.txt":
            time.sleep(1.5)  # past DOWNLOAD_TIMEOUT: robots.txt cannot be fetched
        return site.route(request)

    output = tmp_path / "out.jsonl"
    with serving(route) as server:
        command = [sys.executable, "-m", "newscrawl.cli", "crawl", server.base_url,
                   "-o", str(output), *FAST_CRAWL,
                   "-s", "DOWNLOAD_TIMEOUT=1", "-s", "RETRY_TIMES=1"]  # fmt: skip
        result = subprocess.run(command, cwd=REPO, capture_output=True, text=True,
                                timeout=120, check=False)  # fmt: skip
        robots_fetches = [p for p in server.paths() if p == "/robots.txt"]
    assert result.returncode == 0, result.stderr[-2000:]
    assert len(robots_fetches) == 2  # one fetch and its one retry, not a second fetch
    assert len(read_output(output)[0]) == 4  # the usual sitemap location still works
    errors = re.search(r"(\d+) errors", result.stdout)
    assert errors is not None and int(errors.group(1)) == 1, result.stdout  # one failed URL
