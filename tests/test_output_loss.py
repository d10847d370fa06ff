"""Issue 14 item 2: an output file that loses lines makes their articles undone, not lost."""

from __future__ import annotations

import os
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from newscrawl.demo.server import serving
from tests.state_site import SyntheticSite, crawl_command, read_output

ARTICLES = 20


def crawl(command: list[str]) -> subprocess.CompletedProcess:
    result = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    return result


@pytest.mark.parametrize("damage", ["cut_tail", "cut_half", "older_copy"])
def test_lost_lines_are_noticed_counted_and_fetched_again(tmp_path: Path, damage: str) -> None:
    site = SyntheticSite(ARTICLES, delay=(0, 0))
    output, state = tmp_path / "out.jsonl", tmp_path / "state"
    with serving(site.route) as server:
        command = crawl_command(server.base_url, str(output), str(state))
        if damage == "older_copy":
            site.articles = site.articles[:8]
            crawl(command)
            older = output.read_bytes()
            site.add_articles(ARTICLES - 8)
        crawl(command)
        assert len(read_output(output)[0]) == ARTICLES
        if damage == "cut_tail":
            os.truncate(output, output.stat().st_size - 300)
        elif damage == "cut_half":
            os.truncate(output, output.stat().st_size // 2)
        else:
            output.write_bytes(older)
        again = crawl(command)
    records, malformed, complete = read_output(output)
    counts = Counter(r["url"] for r in records)
    assert "shorter than what was written to it" in again.stderr
    assert (malformed, complete) == (0, True)  # the torn line left by the cut is removed
    assert len(counts) == ARTICLES and max(counts.values()) == 1


def test_a_state_from_before_output_tracking_is_migrated(tmp_path: Path) -> None:
    import sqlite3

    from newscrawl.state.base import DoneMark
    from newscrawl.state.sqlite import STATE_FILE, SqliteStateStore

    db = sqlite3.connect(tmp_path / STATE_FILE)
    db.execute(
        "CREATE TABLE articles(url TEXT PRIMARY KEY, site TEXT NOT NULL, content_hash TEXT,"
        " modified_at TEXT, lastmod TEXT, done_at TEXT NOT NULL)"
    )
    db.execute("INSERT INTO articles VALUES ('https://a.example/1', 'a', 'h', NULL, NULL, 'x')")
    db.commit()
    db.close()
    store = SqliteStateStore(tmp_path)
    store.commit_done([DoneMark("https://a.example/2", "a", output="/o.jsonl")], {"/o.jsonl": 9})
    assert sorted(store.forget_lost("/o.jsonl", set(), unattributed=True)) == [
        "https://a.example/1", "https://a.example/2",
    ]  # fmt: skip
    assert store.known_article("https://a.example/1") is None
    store.close()
