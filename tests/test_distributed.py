"""Distributed crawling end to end: real redis-server, real workers, kill -9 and Redis restarts.

Each test starts `redis-server` on a free loopback port (append-only file, as the README asks of
a cluster) and the synthetic site on another, runs `newscrawl crawl … --redis` and `newscrawl
worker` as separate processes, and checks the union of the workers' part files: every article
exactly once, no broken line.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from newscrawl.demo.server import SiteServer, serving
from tests.redis_server import RedisServer, needs_redis, running_redis
from tests.state_site import FAST_CRAWL, SyntheticSite, article_requests, read_output

pytestmark = needs_redis

ARTICLES = 320
# short leases and idle time keep each test well under a minute
CLUSTER = [
    *FAST_CRAWL, "-s", "NEWSCRAWL_REDIS_LEASE_SECONDS=2", "-s", "NEWSCRAWL_REDIS_IDLE_TIMEOUT=1",
    "-s", "NEWSCRAWL_REDIS_PATIENCE=20", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=4",
]  # fmt: skip


def start(tmp_path: Path, redis_url: str, *command: str, name: str) -> subprocess.Popen[bytes]:
    args = [sys.executable, "-m", "newscrawl.cli", *command, "--redis", redis_url]
    args += ["-o", str(tmp_path / "out.jsonl"), *CLUSTER]
    with (tmp_path / f"{name}.log").open("ab") as log:  # the child keeps its own descriptor
        return subprocess.Popen(args, stdout=log, stderr=log)


def wait_for_articles(server: SiteServer, count: int, timeout: float = 40) -> None:
    deadline = time.monotonic() + timeout
    while len(article_requests(server.paths())) < count:
        assert time.monotonic() < deadline, f"fewer than {count} articles fetched in {timeout}s"
        time.sleep(0.01)


def finish(process: subprocess.Popen[bytes], tmp_path: Path, name: str) -> int:
    try:
        return process.wait(timeout=60)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        log = (tmp_path / f"{name}.log").read_text(errors="replace")
        pytest.fail(f"{name} did not stop:\n{log[-3000:]}")


def union(tmp_path: Path, base_url: str, site: SyntheticSite) -> tuple[Counter[str], int]:
    """(article URL → lines, broken lines) over every part file; checks titles on the way."""
    counts: Counter[str] = Counter()
    broken = 0
    expected = {base_url.rstrip("/") + a.path: a.title for a in site.articles}
    for part in sorted(tmp_path.glob("out.*.jsonl")):
        records, malformed, _complete = read_output(part)
        broken += malformed
        for record in records:
            counts[record["url"]] += 1
            assert record["title"] == expected[record["url"]]
    return counts, broken


def assert_exactly_once(counts: Counter[str], broken: int, base_url: str, site: SyntheticSite):
    expected = {base_url.rstrip("/") + a.path for a in site.articles}
    lost = expected - set(counts)
    twice = {url: n for url, n in counts.items() if n > 1}
    assert (len(lost), twice, broken) == (0, {}, 0)
    assert set(counts) == expected


def assert_drained(redis: RedisServer) -> None:
    client = redis.client()
    assert client.hget("newscrawl:default:crawl", "state") == b"finished"
    assert not list(client.scan_iter(match="newscrawl:default:c:*"))


def test_two_workers_one_killed_mid_crawl(tmp_path: Path) -> None:
    site = SyntheticSite(ARTICLES, delay=(0.01, 0.03))
    with running_redis(tmp_path / "redis") as redis, serving(site.route) as server:
        first = start(tmp_path, redis.url, "crawl", server.base_url, name="first")
        second = start(tmp_path, redis.url, "worker", name="second")
        wait_for_articles(server, 100)
        first.send_signal(signal.SIGKILL)
        first.wait()  # reaped: its pid is gone, as it is once a shell reaps a killed worker
        status = finish(second, tmp_path, "second")
        log = (tmp_path / "second.log").read_text(errors="replace")
        assert status == 0, log[-3000:]
        assert "requests back in the queue" in log  # the survivor took the dead one's work
        assert_drained(redis)
        counts, broken = union(tmp_path, server.base_url, site)
    assert_exactly_once(counts, broken, server.base_url, site)
    assert len(list(tmp_path.glob("out.*.jsonl"))) == 2  # one part file per worker


def test_redis_restarted_mid_crawl_loses_nothing(tmp_path: Path) -> None:
    site = SyntheticSite(ARTICLES, delay=(0.01, 0.03))
    with running_redis(tmp_path / "redis") as redis, serving(site.route) as server:
        first = start(tmp_path, redis.url, "crawl", server.base_url, name="first")
        second = start(tmp_path, redis.url, "worker", name="second")
        wait_for_articles(server, 100)
        redis.stop()  # SIGTERM: Redis syncs its append-only file, then the workers wait
        time.sleep(1.5)
        redis.start()
        statuses = [finish(first, tmp_path, "first"), finish(second, tmp_path, "second")]
        assert statuses == [0, 0], (tmp_path / "first.log").read_text(errors="replace")[-3000:]
        assert_drained(redis)
        counts, broken = union(tmp_path, server.base_url, site)
    assert_exactly_once(counts, broken, server.base_url, site)


def test_a_stopped_worker_puts_its_work_back(tmp_path: Path) -> None:
    site = SyntheticSite(200, delay=(0.01, 0.03))
    with running_redis(tmp_path / "redis") as redis, serving(site.route) as server:
        first = start(tmp_path, redis.url, "crawl", server.base_url, name="first")
        wait_for_articles(server, 60)
        first.send_signal(signal.SIGTERM)  # its downloads in flight are cancelled: not done
        assert finish(first, tmp_path, "first") == 143
        second = start(tmp_path, redis.url, "worker", name="second")
        assert finish(second, tmp_path, "second") == 0
        assert_drained(redis)
        counts, broken = union(tmp_path, server.base_url, site)
    assert_exactly_once(counts, broken, server.base_url, site)


def test_workers_give_up_when_redis_stays_down(tmp_path: Path) -> None:
    site = SyntheticSite(120, delay=(0.02, 0.05))
    with running_redis(tmp_path / "redis") as redis, serving(site.route) as server:
        args = [*CLUSTER, "-s", "NEWSCRAWL_REDIS_PATIENCE=2"]
        command = [sys.executable, "-m", "newscrawl.cli", "crawl", server.base_url]
        command += ["--redis", redis.url, "-o", str(tmp_path / "out.jsonl"), *args]
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        wait_for_articles(server, 20)
        redis.stop()
        stopped = time.monotonic()
        _out, err = process.communicate(timeout=30)
    lines = [line for line in err.decode().splitlines() if line.startswith("newscrawl:")]
    assert process.returncode == 1
    assert time.monotonic() - stopped < 15
    assert len(lines) == 1 and "redis unavailable at redis://127.0.0.1:" in lines[0], err[-2000:]
    counts, broken = union(tmp_path, server.base_url, site)
    assert broken == 0 and all(n == 1 for n in counts.values())  # what was written is whole
