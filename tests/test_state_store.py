"""The SQLite state store and crash reconciliation, on real files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newscrawl.fingerprints import content_fingerprint
from newscrawl.items import Article
from newscrawl.pipelines.output_files import LineEncoder
from newscrawl.state.base import DoneMark, Validators
from newscrawl.state.reconcile import reconcile_outputs, repair_torn_tail
from newscrawl.state.sqlite import SqliteStateStore, StateLockedError

URL_A = "https://a.example/news/1"
URL_B = "https://b.example/news/2"


def test_done_marks_aliases_and_content_survive_reopening(tmp_path: Path) -> None:
    store = SqliteStateStore(tmp_path)
    mark = DoneMark(URL_A, "a", "h1", "2026-03-01T10:00:00+00:00", aliases=(URL_A + "?x=1",))
    store.commit_done([mark], {str(tmp_path / "out.jsonl"): 120})
    store.close()

    store = SqliteStateStore(tmp_path)
    known = store.known_article(URL_A + "?x=1")
    assert known is not None and known.url == URL_A and known.content_hash == "h1"
    assert store.url_for_content("h1") == URL_A
    assert store.known_article(URL_B) is None
    assert store.output_offsets() == {str(tmp_path / "out.jsonl"): 120}
    store.close()


def test_aliases_of_an_unwritten_article_do_not_count_as_known() -> None:
    store = SqliteStateStore()  # in memory, same code path
    store.add_aliases(URL_A, [URL_B])
    assert store.known_article(URL_B) is None
    store.commit_done([DoneMark(URL_A, "a")], {})
    known = store.known_article(URL_B)
    assert known is not None and known.url == URL_A
    store.close()


def test_signatures_keep_first_seen_order_and_validators_round_trip() -> None:
    store = SqliteStateStore()
    store.commit_done([DoneMark(URL_B, "b", signature=b"2"), DoneMark(URL_A, "a")], {})
    store.commit_done([DoneMark(URL_A, "a", signature=b"1")], {})
    store.commit_done([DoneMark(URL_B, "b", signature=b"changed")], {})  # first one stays
    assert list(store.signatures()) == [(URL_B, b"2"), (URL_A, b"1")]
    store.save_validators({"https://a.example/sitemap.xml": Validators('"e1"', None)})
    assert store.validators("https://a.example/sitemap.xml") == Validators('"e1"', None)
    assert store.validators("https://a.example/feed") is None
    store.close()


def test_runs_are_recorded_overall_and_per_site() -> None:
    store = SqliteStateStore()
    assert store.last_run() is None
    store.start_run("r1")
    store.commit_done([DoneMark(URL_A, "a")], {})
    store.finish_run("r1", "finished")
    store.start_run("r2")
    store.commit_done([DoneMark(URL_B, "b")], {})
    run = store.last_run()
    assert run is not None and (run.run_id, run.finish_reason) == ("r2", None)
    site_a = store.site_last_run("a")
    assert site_a is not None and (site_a.run_id, site_a.finish_reason) == ("r1", "finished")
    assert store.site_last_run("nowhere") is None
    store.close()


def test_a_second_crawl_on_the_same_state_dir_fails_fast(tmp_path: Path) -> None:
    store = SqliteStateStore(tmp_path)
    with pytest.raises(StateLockedError, match="in use by another crawl"):
        SqliteStateStore(tmp_path)
    store.close()
    SqliteStateStore(tmp_path).close()


def _line(url: str, body: str) -> bytes:
    return LineEncoder().encode(Article(url=url, site="a", title="عنوان", body=body))


def test_torn_tail_is_cut_to_the_last_newline(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    whole = _line(URL_A, "نص كامل")
    path.write_bytes(whole + b'{"url": "https://a.exa')
    assert repair_torn_tail(path) is True
    assert path.read_bytes() == whole
    assert repair_torn_tail(path) is False
    path.write_bytes(b'{"url"')
    assert repair_torn_tail(path) is True and path.read_bytes() == b""


def test_reconcile_marks_lines_written_after_the_last_commit(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    committed = _line(URL_A, "الخبر الأول")
    path.write_bytes(committed)
    store = SqliteStateStore(tmp_path / "state")
    store.register_output(str(path), len(committed))
    store.commit_done([DoneMark(URL_A, "a")], {str(path): len(committed)})
    # A crash after the fsync of the next batch but before its commit, inside a third write:
    with path.open("ab") as handle:
        handle.write(_line(URL_B, "الخبر الثاني") + b"not json\n" + b'{"url": "https://c.ex')

    report = reconcile_outputs(store)

    assert (report.torn_lines, report.recovered, report.unreadable) == (1, 1, 1)
    known = store.known_article(URL_B)
    assert known is not None and known.content_hash == content_fingerprint("الخبر الثاني")
    assert store.output_offsets()[str(path)] == path.stat().st_size
    assert [json.loads(x)["url"] for x in path.read_bytes().splitlines()[:2]] == [URL_A, URL_B]
    assert next(iter(store.signatures()))[0] == URL_B
    assert reconcile_outputs(store).recovered == 0
    store.close()


def test_reconcile_reports_output_files_that_are_gone(tmp_path: Path) -> None:
    store = SqliteStateStore(tmp_path / "state")
    kept, gone = tmp_path / "kept.jsonl", tmp_path / "gone.jsonl"
    kept.write_bytes(b"")
    store.register_output(str(kept), 0)
    store.register_output(str(gone), 0)
    report = reconcile_outputs(store)
    store.close()
    assert report.missing == (str(gone),)
