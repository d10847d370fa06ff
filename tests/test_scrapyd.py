"""Issue 11, item 3: the project deploys to a real Scrapyd on loopback and crawls through it.

The test starts `scrapyd` in a temporary folder on a free port, deploys a copy of the project
with `scrapyd-deploy` (scrapyd-client), as a user would from a clone, then lets
`newscrawl schedule --scrapyd` run crawls of loopback sites as Scrapyd jobs.
"""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from newscrawl.demo.server import serving
from newscrawl.scheduling.launch import Layout
from newscrawl.state.runs import RunLog
from tests.clirun import REPO, newscrawl
from tests.state_site import SyntheticSite, read_output

BIN = Path(sys.executable).parent
CONF = """\
[scrapyd]
bind_address = 127.0.0.1
http_port = {port}
eggs_dir = {root}/eggs
logs_dir = {root}/logs
dbs_dir = {root}/dbs
items_dir =
poll_interval = 0.2
max_proc = 2
"""
QUICK = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "RETRY_TIMES=0"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def answering(url: str) -> bool:
    try:
        with urllib.request.urlopen(url + "daemonstatus.json", timeout=2) as reply:
            return bool(json.loads(reply.read()).get("status") == "ok")
    except OSError:
        return False


@pytest.fixture(scope="module")
def scrapyd(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A Scrapyd on loopback with the project deployed; its URL."""
    executable = shutil.which("scrapyd", path=str(BIN))
    if executable is None:
        pytest.skip("scrapyd is not installed (pip install -e '.[test]')")
    root = tmp_path_factory.mktemp("scrapyd")
    port = free_port()
    (root / "scrapyd.conf").write_text(CONF.format(port=port, root=root), encoding="utf-8")
    log = (root / "scrapyd.out").open("wb")
    process = subprocess.Popen([executable], cwd=root, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 30
    while not answering(url) and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.2)
    try:
        if not answering(url):
            pytest.skip(f"scrapyd did not start: {(root / 'scrapyd.out').read_text()[-500:]}")
        deploy(url, root / "project")
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


def deploy(url: str, project: Path) -> None:
    """`scrapyd-deploy` from a copy of the project, so the work tree is left untouched."""
    project.mkdir()
    shutil.copytree(REPO / "newscrawl", project / "newscrawl",
                    ignore=shutil.ignore_patterns("__pycache__"))  # fmt: skip
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(REPO / name, project / name)
    config = (REPO / "scrapy.cfg").read_text(encoding="utf-8")
    config += f"\n[deploy:loopback]\nurl = {url}\nproject = newscrawl\n"
    (project / "scrapy.cfg").write_text(config, encoding="utf-8")
    done = subprocess.run([str(BIN / "scrapyd-deploy"), "loopback"], cwd=project,
                          capture_output=True, text=True, timeout=180, check=False)  # fmt: skip
    assert done.returncode == 0 and '"status": "ok"' in done.stdout, done.stdout + done.stderr


def test_schedule_runs_a_crawl_as_a_scrapyd_job(scrapyd: str, tmp_path: Path) -> None:
    state, data = tmp_path / "state", tmp_path / "data"
    with serving(SyntheticSite(5, delay=(0, 0)).route) as server:
        result = newscrawl("schedule", server.base_url, "--state", str(state), "--once",
                           "--every", "1m", "--scrapyd", scrapyd,
                           "-s", f"NEWSCRAWL_DATA_DIR={data}", *QUICK, timeout=180)  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    [run] = RunLog(Layout(state).history).recent()
    assert (run.via, run.outcome, run.articles) == ("scrapyd", "ok", 5), run
    records = [r for path in data.rglob("*.jsonl") for r in read_output(path)[0]]
    assert len(records) == 5
    with urllib.request.urlopen(scrapyd + "listjobs.json?project=newscrawl", timeout=10) as reply:
        jobs = json.loads(reply.read())
    assert any(job["spider"] == "news" for job in jobs["finished"])


def test_an_unreachable_site_through_scrapyd_is_recorded_as_unreachable(
    scrapyd: str, tmp_path: Path
) -> None:
    state = tmp_path / "state"
    dead = f"http://127.0.0.1:{free_port()}/"
    result = newscrawl("schedule", dead, "--state", str(state), "--once", "--every", "1m",
                       "--scrapyd", scrapyd, *QUICK, timeout=180)  # fmt: skip
    assert result.returncode == 1, result.stderr[-3000:]
    [run] = RunLog(Layout(state).history).recent()
    assert (run.via, run.outcome, run.detail) == ("scrapyd", "unreachable", "connection_refused")
