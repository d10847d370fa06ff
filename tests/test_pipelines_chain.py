"""The item pipelines in settings order, on a real crawler object and a real state directory."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem
from scrapy.utils.misc import build_from_crawler
from scrapy.utils.test import get_crawler

from newscrawl import settings as project_settings
from newscrawl.items import Article, Image
from newscrawl.pipelines.output_files import ARTICLE_FIELDS
from newscrawl.state.extension import StateExtension

BODY = (
    "أعلنت وزارة المياه اليوم بدء تنفيذ مشروع لتحلية مياه البحر على الساحل الجنوبي بكلفة تقارب "
    "مئتي مليون دولار.\n\nوقال الوزير في مؤتمر صحفي إن المحطة ستوفر مياه الشرب لنحو نصف مليون "
    "نسمة عند اكتمالها بعد ثلاث سنوات، مشيرا إلى أن شركات محلية ستشارك في أعمال البناء."
)
OTHER_BODY = (
    "افتتح معرض الكتاب الدولي أبوابه أمس بمشاركة أكثر من خمسمئة دار نشر من عشرين بلدا، "
    "وتضمن برنامجه ندوات عن الترجمة وأدب الأطفال وأمسيات شعرية يومية."
)


def article(url: str, body: str = BODY, **fields: Any) -> Article:
    return Article(url=url, site="s", title="عنوان الخبر", body=body, **fields)


class Chain:
    """The project's ITEM_PIPELINES, instantiated from a crawler, fed items one by one."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        crawler.signals.send_catch_log(signals.spider_opened, spider=None)
        order = sorted(project_settings.ITEM_PIPELINES.items(), key=lambda kv: kv[1])
        self.pipelines = [build_from_crawler(_load(path), crawler) for path, _ in order]
        for pipeline in self.pipelines:
            getattr(pipeline, "open_spider", lambda: None)()

    def feed(self, item: Any) -> Any | None:
        try:
            for pipeline in self.pipelines:
                item = pipeline.process_item(item)
        except DropItem:
            return None
        return item

    def stat(self, key: str) -> Any:
        assert self.crawler.stats is not None
        return self.crawler.stats.get_value(key)

    def close(self, reason: str = "finished") -> None:
        for pipeline in self.pipelines:
            getattr(pipeline, "close_spider", lambda: None)()
        self.crawler.signals.send_catch_log(signals.spider_closed, spider=None, reason=reason)


def _load(path: str) -> Any:
    module, _, name = path.rpartition(".")
    return getattr(__import__(module, fromlist=[name]), name)


@contextmanager
def chain(tmp_path: Path, **settings: Any) -> Iterator[Chain]:
    base = {
        "EXTENSIONS": project_settings.EXTENSIONS,
        "NEWSCRAWL_STATE_DIR": str(tmp_path / "state"),
        "NEWSCRAWL_OUTPUT": str(tmp_path / "out.jsonl"),
        "NEWSCRAWL_FSYNC_SECONDS": 0,
    }
    running = Chain(get_crawler(settings_dict={**base, **settings}))
    try:
        yield running
    finally:
        running.close()


def lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_bytes().splitlines()]


def test_records_are_complete_ordered_and_arabic_is_not_escaped(tmp_path: Path) -> None:
    with chain(tmp_path) as c:
        c.feed(article("https://s.example/1", image=Image("https://s.example/i.jpg")))
    raw = (tmp_path / "out.jsonl").read_text(encoding="utf-8")
    assert "وزارة المياه" in raw and "\\u0" not in raw
    [record] = lines(tmp_path / "out.jsonl")
    assert list(record) == ARTICLE_FIELDS
    assert record["image"] == {"url": "https://s.example/i.jpg", "caption": None}
    assert record["authors"] == [] and record["near_duplicate_of"] is None
    assert len(record["content_hash"]) == 64


def test_invalid_items_are_dropped_and_counted(tmp_path: Path) -> None:
    with chain(tmp_path) as c:
        assert c.feed(article("https://s.example/1", body="  ")) is None
        assert c.feed({"url": "mailto:x@y", "site": "s", "title": "t", "body": "b"}) is None
        assert c.stat("newscrawl/dropped/invalid/missing_body") == 1
        assert c.stat("newscrawl/dropped/invalid/bad_url") == 1
    assert (tmp_path / "out.jsonl").read_bytes() == b""


def test_exact_duplicates_within_and_across_runs(tmp_path: Path) -> None:
    with chain(tmp_path) as c:
        assert c.feed(article("https://s.example/1?utm_source=x")) is not None
        assert c.feed(article("https://s.example/1")) is None  # same canonical URL
        assert c.feed(article("https://t.example/copy", body=BODY.replace("،", ","))) is None
        assert c.stat("newscrawl/dropped/duplicate_url") == 1
        assert c.stat("newscrawl/dropped/duplicate_content") == 1
    with chain(tmp_path) as c:
        assert c.feed(article("https://s.example/1")) is None
        assert c.feed(article("https://u.example/again")) is None
        assert c.feed(article("https://s.example/2", body=OTHER_BODY)) is not None
        assert c.stat("newscrawl/dropped/duplicate_url") == 1
        assert c.stat("newscrawl/dropped/duplicate_content") == 1
        store = c.crawler.get_extension(StateExtension).store
        known = store.known_article("https://t.example/copy")  # the copy is an alias now
        assert known is not None and known.url == "https://s.example/1"
    assert [r["url"] for r in lines(tmp_path / "out.jsonl")] == [
        "https://s.example/1",
        "https://s.example/2",
    ]


def test_a_newer_changed_article_is_written_again_as_a_revision(tmp_path: Path) -> None:
    url = "https://s.example/1"
    with chain(tmp_path) as c:
        c.feed(article(url, modified_at="2026-03-01T10:00:00+00:00"))
    with chain(tmp_path) as c:
        older = article(url, body=BODY + " تحديث", modified_at="2026-03-01T09:00:00+00:00")
        assert c.feed(older) is None  # not newer: a duplicate
        assert c.feed(article(url, modified_at="2026-03-02T10:00:00+00:00")) is None  # same body
        revised = article(url, body=BODY + "\n\nوأضاف الوزير أن العمل يبدأ الشهر المقبل.",
                          modified_at="2026-03-02T10:00:00+00:00")  # fmt: skip
        assert c.feed(revised) is not None
        assert c.stat("newscrawl/revisions") == 1
        assert c.stat("newscrawl/dropped/duplicate_url") == 2
    records = lines(tmp_path / "out.jsonl")
    assert [r["url"] for r in records] == [url, url]
    assert records[1]["modified_at"] == "2026-03-02T10:00:00+00:00"
    assert records[1]["near_duplicate_of"] is None  # a revision is not a copy of itself


def test_near_duplicates_are_marked_across_runs_or_dropped(tmp_path: Path) -> None:
    republished = "(وكالات) " + BODY + "\n\nويأتي المشروع ضمن خطة وطنية لمواجهة شح المياه."
    with chain(tmp_path) as c:
        c.feed(article("https://s.example/1"))
    with chain(tmp_path) as c:
        assert c.stat("newscrawl/neardup/index_loaded") == 1
        marked = c.feed(article("https://other.example/wire", body=republished))
        assert marked is not None and marked.near_duplicate_of == "https://s.example/1"
        assert c.feed(article("https://s.example/2", body=OTHER_BODY)).near_duplicate_of is None
        assert c.stat("newscrawl/near_duplicates/marked") == 1
    with chain(tmp_path, NEWSCRAWL_NEAR_DUPLICATES="drop") as c:
        assert c.feed(article("https://third.example/x", body=republished + " انتهى")) is None
        assert c.stat("newscrawl/dropped/near_duplicate") == 1


def test_partitioned_layout_when_no_output_file(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with chain(tmp_path, NEWSCRAWL_OUTPUT=None, NEWSCRAWL_DATA_DIR=str(data)) as c:
        run_id = c.crawler.get_extension(StateExtension).run_id
        c.feed(article("https://s.example/1", fetched_at="2026-03-01T10:00:00+00:00"))
        c.feed(article("https://s.example/2", body=OTHER_BODY, fetched_at="2026-03-02T01:00:00Z"))
    files = sorted(p.relative_to(data).as_posix() for p in data.rglob("*.jsonl"))
    assert files == [
        f"articles/site=s/date=2026-03-01/{run_id}.jsonl",
        f"articles/site=s/date=2026-03-02/{run_id}.jsonl",
    ]


def test_done_marks_follow_fsynced_batches(tmp_path: Path) -> None:
    with chain(tmp_path, NEWSCRAWL_FSYNC_ITEMS=3) as c:
        store = c.crawler.get_extension(StateExtension).store
        bodies = [f"{OTHER_BODY} رقم {n} {'كلمة ' * n}" for n in range(4)]
        for n, body in enumerate(bodies):
            c.feed(article(f"https://s.example/{n}", body=body))
        output = tmp_path / "out.jsonl"
        assert len(lines(output)) == 3  # one batch on disk, the fourth item still queued
        assert store.known_article("https://s.example/2") is not None
        assert store.known_article("https://s.example/3") is None
        assert store.output_offsets()[str(output)] == output.stat().st_size
    assert len(lines(output)) == 4


def test_a_write_error_stops_the_crawl_and_marks_nothing(tmp_path: Path) -> None:
    with chain(tmp_path, NEWSCRAWL_OUTPUT="/dev/full", NEWSCRAWL_FSYNC_ITEMS=2) as c:
        store = c.crawler.get_extension(StateExtension).store
        c.feed(article("https://s.example/1"))
        c.feed(article("https://s.example/2", body=OTHER_BODY))
        assert c.feed(article("https://s.example/3", body=OTHER_BODY + " ثالث")) is None
        assert c.stat("newscrawl/fatal").startswith("write error: [Errno 28] No space left")
        assert c.stat("newscrawl/dropped/write_error") == 2
        assert c.stat("newscrawl/dropped/after_write_error") == 1
        assert store.known_article("https://s.example/1") is None
    assert c.stat("finish_reason") == "write_error"


def test_fetched_aliases_are_committed_with_the_article(tmp_path: Path) -> None:
    with chain(tmp_path) as c:
        extension = c.crawler.get_extension(StateExtension)
        extension.extras("https://s.example/1").aliases.add("https://s.example/?p=1")
        c.feed(article("https://s.example/1"))
    with chain(tmp_path) as c:
        known = c.crawler.get_extension(StateExtension).store.known_article(
            "https://s.example/?p=1"
        )
        assert known is not None and known.url == "https://s.example/1"


def test_max_articles_stops_after_n_durable_records(tmp_path: Path) -> None:
    with chain(tmp_path, NEWSCRAWL_MAX_ARTICLES=2) as c:
        assert c.feed(article("https://s.example/1")) is not None
        assert c.feed(article("https://s.example/2", body=OTHER_BODY)) is not None
        assert lines(tmp_path / "out.jsonl")[-1]["url"] == "https://s.example/2"  # flushed
        assert c.feed(article("https://s.example/3", body=OTHER_BODY + " آخر")) is None
        assert c.stat("newscrawl/dropped/after_closespider_itemcount") == 1
        assert c.stat("newscrawl/writer/written") == 2


def test_an_existing_output_file_counts_as_done_even_without_a_state_dir(tmp_path: Path) -> None:
    output = tmp_path / "out.jsonl"
    with chain(tmp_path) as c:
        c.feed(article("https://s.example/1"))
    with output.open("ab") as handle:
        handle.write(b'{"url": "https://s.example/9", "si')  # a writer killed mid-line
    wire_copy = "(وكالات) " + BODY + "\n\nويأتي المشروع ضمن خطة وطنية لمواجهة شح المياه."
    with chain(tmp_path, NEWSCRAWL_STATE_DIR=None) as c:
        assert c.stat("newscrawl/writer/torn_lines_repaired") == 1
        assert c.stat("newscrawl/state/reconciled_items") == 1
        assert c.feed(article("https://s.example/1")) is None
        copy = c.feed(article("https://t.example/wire", body=wire_copy))
        assert copy.near_duplicate_of == "https://s.example/1"
        assert c.feed(article("https://s.example/2", body=OTHER_BODY)) is not None
    assert [r["url"] for r in lines(output)] == [
        "https://s.example/1",
        "https://t.example/wire",
        "https://s.example/2",
    ]


def test_a_revision_that_copies_another_body_is_not_counted_as_a_revision(tmp_path: Path) -> None:
    other_body = "نص آخر مختلف تماما عن الأول في موضوعه وتفاصيله " * 20
    with chain(tmp_path) as first:
        first.feed(article("https://a.example/1", modified_at="2026-01-01T10:00:00+00:00"))
        first.feed(
            article("https://a.example/2", body=other_body, modified_at="2026-01-01T10:00:00+00:00")
        )
    with chain(tmp_path) as second:
        result = second.feed(
            article("https://a.example/2", modified_at="2026-01-05T10:00:00+00:00")
        )
        assert result is None
        assert second.stat("newscrawl/dropped/duplicate_content") == 1
        assert not second.stat("newscrawl/revisions")


def test_a_copy_of_an_article_past_the_in_memory_window_is_still_dropped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # only the latest content hashes stay in memory; older ones are committed by then and the
    # state store answers for them (a 100,000-article run holds 10,000, not 100,000)
    monkeypatch.setattr("newscrawl.pipelines.dedup.RECENT_CONTENTS", 3)
    with chain(tmp_path, NEWSCRAWL_FSYNC_ITEMS=1) as c:
        assert c.feed(article("https://s.example/1")) is not None
        for n in range(2, 8):  # pushes the first body out of the window
            assert c.feed(article(f"https://s.example/{n}", body=f"{OTHER_BODY} {n}")) is not None
        assert c.feed(article("https://t.example/copy", body=BODY)) is None
        assert c.stat("newscrawl/dropped/duplicate_content") == 1
        dedup = next(p for p in c.pipelines if hasattr(p, "_contents"))
        assert len(dedup._contents) <= 3
