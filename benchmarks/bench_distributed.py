"""Distributed crawling: throughput with 1 and 2 workers, and what Redis holds per URL.

Run from the repository root (needs `redis-server` on the PATH):

    python -m benchmarks.bench_distributed [--articles 600] [--urls 100000] [--delay MIN MAX]
        [--json out.json]

1. Throughput: the synthetic site of the resume tests (tests/state_site.py, article pages
   served after `--delay MIN MAX` seconds, default 5-15 ms) on a loopback port, crawled to
   the end by `newscrawl crawl --redis` alone, then by it plus one `newscrawl worker`, each
   time on a fresh redis-server. Pages/s =
   pages the server answered / seconds from the first process start until the last article page
   was served (start-up included, the workers' idle wait at the end excluded).
2. Memory: Redis `used_memory` before and after `--urls` article requests are queued through
   the frontier as a worker queues them (JSON request, duplicate-filter fingerprint, the site's
   seen-URL claim), then after as many articles are committed to the state store (done mark,
   content fingerprint, near-duplicate signature and LSH bands).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np
import redis

from newscrawl.demo.server import serving
from newscrawl.discovery.requests import build_request
from newscrawl.distributed import serializer
from newscrawl.distributed.frontier import Frontier
from newscrawl.distributed.keys import CrawlKeys
from newscrawl.distributed.sitefacts import RedisSiteFacts
from newscrawl.fingerprints import (
    MINHASH_PERMUTATIONS,
    SKETCH_SIZE,
    BodyFingerprint,
    fingerprint_bytes,
)
from newscrawl.spiders.news import NewsSpider
from newscrawl.state.base import DoneMark
from newscrawl.state.redis_store import RedisStateStore
from newscrawl.urls import same_page_key
from tests.redis_server import running_redis
from tests.state_site import FAST_CRAWL, SyntheticSite, article_requests

SETTINGS = [*FAST_CRAWL, "-s", "NEWSCRAWL_REDIS_IDLE_TIMEOUT=1", "-s", "LOG_LEVEL=ERROR"]


def crawl(workers: int, articles: int, delay: tuple[float, float], work: Path) -> dict[str, Any]:
    site = SyntheticSite(articles, delay=delay)
    with running_redis(work / f"redis-{workers}") as server, serving(site.route) as http:
        base = [sys.executable, "-m", "newscrawl.cli"]
        out = ["--redis", server.url, "-o", str(work / f"out{workers}.jsonl"), *SETTINGS]
        started = time.monotonic()
        processes = [subprocess.Popen([*base, "crawl", http.base_url, *out])]
        processes += [subprocess.Popen([*base, "worker", *out]) for _ in range(workers - 1)]
        while len(article_requests(http.paths())) < articles:
            time.sleep(0.01)
            if time.monotonic() - started > 600:
                raise SystemExit("the crawl did not finish in 10 minutes")
        elapsed = time.monotonic() - started
        statuses = [p.wait(timeout=120) for p in processes]
        pages = len(http.paths())
    written = sum(1 for p in work.glob(f"out{workers}.*.jsonl") for _ in p.open("rb"))
    return {
        "workers": workers, "server_delay_s": list(delay), "pages": pages,
        "articles_written": written, "seconds": elapsed,
        "pages_per_second": pages / elapsed, "exit_statuses": statuses,
    }  # fmt: skip


def used(client: redis.Redis) -> int:
    return int(client.info("memory")["used_memory"])


def queue_urls(client: redis.Redis, count: int) -> None:
    spider = NewsSpider(targets="https://www.example-news.com/")
    keys = CrawlKeys("bench", "c1")
    frontier = Frontier(client, keys, "w1")
    facts = RedisSiteFacts(client, keys, "www.example-news.com")
    for n in range(count):
        url = f"https://www.example-news.com/news/2026/03/{n:07d}-اخبار-محلية.html"
        hints = {"lastmod": "2026-03-01T10:00:00+00:00"}
        request = build_request(
            url, site="www.example-news.com", kind="article", depth=1,
            callback=spider.parse, errback=spider.on_error, hints=hints,
        )  # fmt: skip
        facts.claim(same_page_key(url), "https://www.example-news.com/sitemap.xml", "pages", count)
        data = serializer.dumps(request.to_dict(spider=spider))
        frontier.push(data, -request.priority, f"{n:040x}", None)


def _signature(rng: np.random.Generator) -> bytes:
    """A current near-duplicate signature (MinHash + full 512-hash sketch: a long article)."""
    minhash = rng.integers(0, 2**32, MINHASH_PERMUTATIONS, dtype=np.uint32)
    sketch = np.unique(rng.integers(0, 2**32, SKETCH_SIZE, dtype=np.uint32))
    return fingerprint_bytes(BodyFingerprint(minhash, sketch, 700))


def commit_articles(client: redis.Redis, count: int) -> None:
    state = RedisStateStore(client, "newscrawl:bench", owner="w1")
    rng = np.random.default_rng(1)
    for start in range(0, count, 500):
        marks = [
            DoneMark(
                url=f"https://www.example-news.com/news/2026/03/{n:07d}-اخبار-محلية.html",
                site="www.example-news.com", content_hash=f"{n:064x}",
                modified_at="2026-03-01T10:00:00+00:00", lastmod="2026-03-01T10:00:00+00:00",
                signature=_signature(rng),
                output="/data/articles/site=www.example-news.com/date=2026-03-01/w1.jsonl",
            )
            for n in range(start, min(count, start + 500))
        ]  # fmt: skip
        state.commit_done(marks, {})


def memory(urls: int, work: Path) -> dict[str, Any]:
    with running_redis(work / "redis-memory") as server:
        client = server.client()
        empty = used(client)
        queue_urls(client, urls)
        queued = used(client)
        commit_articles(client, urls)
        committed = used(client)
    return {
        "urls": urls,
        "queued_and_seen_bytes": queued - empty,
        "queued_and_seen_bytes_per_url": (queued - empty) / urls,
        "state_bytes": committed - queued,
        "state_bytes_per_article": (committed - queued) / urls,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=600)
    parser.add_argument("--urls", type=int, default=100_000, help="0: no memory measure")
    parser.add_argument(
        "--delay", type=float, nargs=2, default=[0.005, 0.015], metavar=("MIN", "MAX"),
        help="seconds the site takes to serve an article page (uniform in [MIN, MAX])",
    )  # fmt: skip
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        delay = (args.delay[0], args.delay[1])
        results = {
            "throughput": [crawl(n, args.articles, delay, work) for n in (1, 2)],
            "memory": memory(args.urls, work) if args.urls else None,
        }
    print(json.dumps(results, indent=2))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
