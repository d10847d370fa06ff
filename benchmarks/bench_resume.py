"""Resume after kill -9: newscrawl against a plain Scrapy crawl (JOBDIR + `-o x.jsonl`).

Both crawl the same synthetic Arabic site (tests/state_site.py) served on loopback, are killed
with SIGKILL after random numbers of article pages served, resumed, and finally run to the end.
Then the union of their outputs is checked: articles lost, written twice, malformed lines.

    /work/venv/bin/python benchmarks/bench_resume.py [--articles 320] [--kills 2] [--seed 7]

This file is also the baseline spider: `scrapy runspider benchmarks/bench_resume.py -a base=URL`.
"""

from __future__ import annotations

import argparse
import random
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import scrapy
from scrapy.http import Response

REPO = Path(__file__).resolve().parents[1]


class BaselineSpider(scrapy.Spider):
    """A plain Scrapy crawl of the site: home page → article links → {url, title} items."""

    name = "baseline"

    def __init__(self, base: str = "", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.base = base

    async def start(self) -> Any:
        yield scrapy.Request(self.base, dont_filter=True)  # as start_urls requests are

    def parse(self, response: Response) -> Iterator[Any]:
        for href in response.css("a::attr(href)").getall():
            if href.startswith("/news/"):
                yield response.follow(href, self.parse_article)

    def parse_article(self, response: Response) -> Iterator[dict[str, Any]]:
        yield {"url": response.url, "title": response.css("h1::text").get()}


def baseline_command(base_url: str, work: Path) -> list[str]:
    return [
        sys.executable, "-m", "scrapy", "runspider", str(Path(__file__).resolve()),
        "-a", f"base={base_url}", "-o", str(work / "baseline.jsonl"),
        "-s", f"JOBDIR={work / 'job'}", "-s", "LOG_LEVEL=WARNING",
        "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=8", "-s", "DOWNLOAD_DELAY=0",
    ]  # fmt: skip


def kill_after(command: list[str], server: Any, articles: int, cwd: Path) -> None:
    from tests.state_site import article_requests

    before = len(article_requests(server.paths()))
    process = subprocess.Popen(
        command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    started = time.monotonic()
    while process.poll() is None and time.monotonic() - started < 60:
        if len(article_requests(server.paths())) - before >= articles:
            process.send_signal(signal.SIGKILL)
            break
        time.sleep(0.002)
    process.wait(timeout=60)


def measure(name: str, command: list[str], output: Path, site: Any, kills: list[int],
            cwd: Path) -> dict[str, Any]:  # fmt: skip
    from newscrawl.demo.server import serving
    from tests.state_site import article_requests, read_output

    with serving(site.route) as server:
        full = [part.replace("BASE_URL", server.base_url) for part in command]
        for articles in kills:
            kill_after(full, server, articles, cwd)
        subprocess.run(full, cwd=cwd, capture_output=True, timeout=120, check=False)
        fetched = len(article_requests(server.paths()))
        expected = {server.base_url.rstrip("/") + a.path for a in site.articles}
    records, malformed, _ = read_output(output)
    counts = Counter(r.get("url") for r in records)
    return {
        "crawler": name,
        "kills": len(kills),
        "articles": len(expected),
        "records": len(records),
        "lost": len(expected - set(counts)),
        "duplicated": sum(n - 1 for n in counts.values()),
        "malformed": malformed,
        "article pages fetched": fetched,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=320)
    parser.add_argument("--kills", type=int, default=2)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    sys.path.insert(0, str(REPO))
    from tests.state_site import SyntheticSite, crawl_command

    rng = random.Random(args.seed)
    kills = sorted(rng.randint(20, args.articles // 3) for _ in range(args.kills))
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        (work / "plain").mkdir()
        rows.append(measure("plain Scrapy (JOBDIR, -o)", baseline_command("BASE_URL", work),
                            work / "baseline.jsonl", SyntheticSite(args.articles), kills,
                            work / "plain"))  # fmt: skip
        ours = crawl_command("BASE_URL", str(work / "out.jsonl"), str(work / "state"))
        rows.append(measure("newscrawl (--state, -o)", ours, work / "out.jsonl",
                            SyntheticSite(args.articles), kills, REPO))  # fmt: skip
    columns = list(rows[0])
    print(f"kills after {kills} article pages; seed {args.seed}\n")
    print("| " + " | ".join(columns) + " |")
    print("|" + "---|" * len(columns))
    for row in rows:
        print("| " + " | ".join(str(row[c]) for c in columns) + " |")


if __name__ == "__main__":
    main()
