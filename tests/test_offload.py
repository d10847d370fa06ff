"""Extraction in worker processes (`--processes`, issue 13): through the real engine, a worker
extracts what the crawler would have, its learners' facts reach the state store, and a worker
that dies or an extractor that raises costs one page at most, never the crawl."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

import pytest

from newscrawl.cli.errors import UsageError
from newscrawl.cli.overrides import check_overrides
from newscrawl.demo.server import Reply, serving
from newscrawl.extraction.site_learning import FACT_NAME
from newscrawl.spiders.offload import Extracted
from newscrawl.state.sqlite import SqliteStateStore
from tests.crawl_harness import PARAGRAPHS, REPO, run_crawl, site_router, urlset

HEADLINES = [
    "ارتفاع أسعار الخضر في الأسواق الشعبية", "انطلاق موسم الحصاد مبكرا هذا العام",
    "مهرجان الكتاب يفتح أبوابه للزوار", "افتتاح جسر جديد على النهر الكبير",
    "تراجع درجات الحرارة مع نهاية الأسبوع", "فوز فريق المدينة بكأس البطولة",
    "إطلاق حملة وطنية لتشجير المدارس", "تمديد ساعات عمل المكتبات العامة",
]  # fmt: skip
REAL = {"NEWSCRAWL_EXTRACTOR": "newscrawl.extraction.extract_page", "NEWSCRAWL_LANGUAGE": "any"}
WORKER = {**REAL, "NEWSCRAWL_PROCESSES": 2}


def _page(headline: str, n: int) -> bytes:
    # only <title> shows the headline, behind the site's name: only a learner can cut it
    paragraphs = "".join(f"<p>{p} ({n})</p>" for p in PARAGRAPHS)
    return (
        f'<html lang="ar"><head><meta charset="utf-8"><title>جريدة الضفتين - {headline}</title>'
        f'<meta property="og:type" content="article"></head><body><div class="text">'
        f"{paragraphs}</div></body></html>"
    ).encode()


def _site(base: str) -> dict[str, Reply]:
    paths = [f"/akhbar/2024/05/{1 + n:02d}/{100 + n}-khabar" for n in range(len(HEADLINES))]
    replies = {
        "/robots.txt": Reply(body=f"User-agent: *\nSitemap: {base}/sitemap.xml\n".encode()),
        "/sitemap.xml": Reply(
            body=urlset([base + p for p in paths]), content_type="application/xml"
        ),
    }
    for n, (path, headline) in enumerate(zip(paths, HEADLINES, strict=True)):
        replies[path] = Reply(body=_page(headline, n))
    return replies


def _comparable(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(({**i, "fetched_at": None} for i in items), key=lambda i: i["url"])


def test_a_worker_extracts_what_the_crawler_would_have() -> None:
    # one worker sees the pages in the crawler's order: its learners learn as the crawler's do
    settings = {"CONCURRENT_REQUESTS_PER_DOMAIN": 1}
    with serving(site_router(_site)) as server:
        alone = run_crawl(server.base_url, settings={**REAL, **settings})
        pooled = run_crawl(server.base_url, settings={**WORKER, **settings})
    assert len(alone.items) == len(HEADLINES)
    assert _comparable(pooled.items) == _comparable(alone.items)
    assert pooled.stat("offload/extracted") == len(HEADLINES)
    assert alone.stat("offload/extracted") == 0
    # the learnt affix was cut from all but the first pages, in the worker too
    assert sum(i["title"] in HEADLINES for i in pooled.items) >= len(HEADLINES) - 2


def test_what_workers_learn_is_saved_for_the_next_run(tmp_path: Path) -> None:
    state = {"NEWSCRAWL_STATE_DIR": str(tmp_path)}
    with serving(site_router(_site)) as server:
        first = run_crawl(server.base_url, settings={**WORKER, **state})
    assert len(first.items) == len(HEADLINES)
    store = SqliteStateStore(tmp_path)
    try:
        facts = store._db.execute("SELECT value FROM site_facts WHERE key = ?", (FACT_NAME,))
        assert any("جريدة الضفتين" in value for (value,) in facts)
    finally:
        store.close()


def test_a_dead_worker_is_counted_and_the_crawl_extracts_in_process() -> None:
    settings = {**WORKER, "NEWSCRAWL_EXTRACTOR": "crawl_harness.dying_extract"}
    with serving(site_router(_site)) as server:
        result = run_crawl(server.base_url, settings=settings)
    assert result.stat("offload/broken") == 1
    assert len(result.items) == len(HEADLINES)  # the page the worker died on included
    assert "extraction workers are gone" in result.log


def test_an_extractor_raising_in_a_worker_costs_that_page_only() -> None:
    settings = {**WORKER, "NEWSCRAWL_EXTRACTOR": "crawl_harness.raising_extract"}
    with serving(site_router(_site)) as server:
        result = run_crawl(server.base_url, settings=settings)
    assert len(result.items) == len(HEADLINES) - 1
    assert result.stat("failed/parse/article") == 1
    assert result.stat("offload/broken") == 0
    assert "cannot read page 103" in result.log


def test_an_answer_read_with_another_clock_is_not_used() -> None:
    answer = Extracted(None, timezone=None, hints={"title": "t"})
    assert answer.fits(None, {"title": "t"})
    assert not answer.fits("Asia/Amman", {"title": "t"})  # the clock learnt from this page
    assert not answer.fits(None, {"title": "t", "published_at": "2024-05-01T10:00:00+03:00"})


POOL_THEN_KILL9 = """
import os, signal, sys
sys.path.insert(0, {repo!r})
from newscrawl.spiders.offload import ExtractionPool, _observe_listing
from newscrawl.spiders.titlelearning import TitleLearners

if __name__ == "__main__":
    pool = ExtractionPool(1, "newscrawl.extraction.extract_page", TitleLearners(), ["s"], print)
    pool._executor.submit(_observe_listing, "s", "http://s/", b"<p>x</p>", None).result()
    print(*pool._executor._processes, flush=True)
    os.kill(os.getpid(), signal.SIGKILL)
"""


def test_workers_do_not_outlive_a_crawler_killed_with_sigkill(tmp_path: Path) -> None:
    script = tmp_path / "kill9.py"
    script.write_text(textwrap.dedent(POOL_THEN_KILL9.format(repo=str(REPO))))
    run = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=60, check=False
    )
    assert run.returncode == -signal.SIGKILL, run.stderr
    worker = int(run.stdout.split()[0])
    deadline = time.monotonic() + 15
    while _alive(worker) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not _alive(worker), "the worker outlived its crawler"


def _alive(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return status.rsplit(")", 1)[1].split()[0] != "Z"  # a zombie has exited


def test_the_cli_takes_processes_and_refuses_fewer_than_one(tmp_path: Path) -> None:
    output = tmp_path / "out.jsonl"
    with serving(site_router(_site)) as server:
        command = [sys.executable, "-m", "newscrawl.cli", "crawl", server.base_url, "-o"]
        run = subprocess.run(
            [*command, str(output), "--processes", "2", "-s", "NEWSCRAWL_LANGUAGE=any",
             "--history", "none"],
            capture_output=True, text=True, timeout=120, check=False, cwd=REPO,
        )  # fmt: skip
        assert run.returncode == 0, run.stderr[-3000:]
        assert len(output.read_text(encoding="utf-8").splitlines()) == len(HEADLINES)
        refused = subprocess.run(
            [*command, str(tmp_path / "no.jsonl"), "--processes", "0"],
            capture_output=True, text=True, timeout=60, check=False, cwd=REPO,
        )  # fmt: skip
    assert refused.returncode == 2 and "--processes must be ≥ 1" in refused.stderr
    with pytest.raises(UsageError, match="must be ≥ 0"):
        check_overrides({"NEWSCRAWL_PROCESSES": "-1"})
