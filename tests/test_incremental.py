"""Incremental crawls: a second run fetches no known article page and emits exactly the new ones;
a changed article (newer sitemap lastmod) is fetched again and written as a new revision."""

from __future__ import annotations

import subprocess
from pathlib import Path

from newscrawl.demo.server import SiteServer, serving
from tests.state_site import SyntheticSite, article_requests, crawl_command, read_output


def crawl(server: SiteServer, output: Path, state: Path) -> tuple[list[str], str]:
    """One crawl to the end; the paths it requested and its summary line."""
    already = len(server.log)
    command = crawl_command(server.base_url, str(output), str(state))
    result = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    return [r.path for r in server.log[already:]], result.stdout


def test_second_run_emits_only_new_articles_without_refetching_old_ones(tmp_path: Path) -> None:
    site = SyntheticSite(40, delay=(0.0, 0.002))
    output, state = tmp_path / "out.jsonl", tmp_path / "state"
    with serving(site.route) as server:
        first, _ = crawl(server, output, state)
        old_pages = set(article_requests(first))
        assert len(old_pages) == 40
        first_urls = [r["url"] for r in read_output(output)[0]]

        new = site.add_articles(7)
        second, summary = crawl(server, output, state)
        assert "7 articles written" in summary
        assert set(article_requests(second)) == {a.path for a in new}  # no old page requested

        before_third = len(server.log)
        third, summary = crawl(server, output, state)
        sitemap_requests = [r for r in server.log if r.path == "/sitemap.xml"]
        third_paths = [r.path for r in server.log[before_third:]]

    assert "0 articles written" in summary
    assert article_requests(third) == []
    # the sitemap answered 304: its articles are known, so no home or listing page either
    assert sorted(third_paths) == ["/robots.txt", "/sitemap.xml"]
    assert "If-None-Match" in sitemap_requests[-1].headers  # conditional GET on the sitemap
    records, malformed, complete = read_output(output)
    assert malformed == 0 and complete
    urls = [r["url"] for r in records]
    assert len(urls) == len(set(urls)) == 47
    assert urls[:40] == first_urls  # appended after the first run's records
    assert {u.rsplit("/", 1)[1] for u in urls[40:]} == {a.path.rsplit("/", 1)[1] for a in new}


def test_a_changed_article_is_revisited_by_lastmod_and_written_as_a_revision(
    tmp_path: Path,
) -> None:
    site = SyntheticSite(20, delay=(0.0, 0.002))
    output, state = tmp_path / "out.jsonl", tmp_path / "state"
    with serving(site.route) as server:
        crawl(server, output, state)
        revised = site.revise(5, "وفي تطور لاحق، أعلنت الجهة المعنية تأجيل موعد التنفيذ أسبوعين.")
        second, summary = crawl(server, output, state)
        assert article_requests(second) == [revised.path]  # only the changed one
        assert "1 article written" in summary
        third, _ = crawl(server, output, state)
        assert article_requests(third) == []

    records, malformed, _ = read_output(output)
    assert malformed == 0 and len(records) == 21
    first, latest = [r for r in records if r["url"].endswith(revised.path)]
    assert latest is records[-1]
    assert first["modified_at"] is None and latest["modified_at"] is not None
    assert (
        "تأجيل موعد التنفيذ" in latest["body"] and latest["content_hash"] != first["content_hash"]
    )
