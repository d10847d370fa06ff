"""The command line: help, argument errors, sites, extract."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.clirun import newscrawl


def test_help_documents_every_command() -> None:
    result = newscrawl("--help")
    assert result.returncode == 0
    for command in ("crawl", "extract", "demo", "sites"):
        assert command in result.stdout
    crawl_help = newscrawl("crawl", "--help").stdout
    for option in ("--output", "--state", "--max-articles", "-s NAME=VALUE", "--since"):
        assert option in crawl_help


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["crawl", "no_such_site"], "unknown site profile 'no_such_site'"),
        (["crawl", "http://"], "not an http(s) URL"),
        (["crawl", "ftp://example.com/"], "not an http(s) URL"),
        (["crawl", "http://example.com:99999/"], "malformed URL"),
        (["crawl", "http://127.0.0.1/", "-o", "/nonexistent-dir/out.jsonl"], "does not exist"),
        (["crawl", "http://127.0.0.1/", "-o", "out.txt"], "must be a .jsonl file"),
        (["crawl", "http://127.0.0.1/", "-s", "NOEQUALS"], "expects NAME=VALUE"),
        (["crawl", "http://127.0.0.1/", "--since", "yesterday"], "expects YYYY-MM-DD"),
        (["crawl", "http://127.0.0.1/", "-s", "NEWSCRAWL_FSYNC_ITEMS=abc"], "expected int"),
        (["crawl", "http://127.0.0.1/", "-s", "NEWSCRAWL_NEAR_DUPLICATES=bogus"], "one of mark"),
        (["extract", "x.html", "--site", "no_such_site"], "unknown site profile"),
    ],
)
def test_bad_arguments_give_one_line_and_nonzero_exit(args: list[str], message: str) -> None:
    result = newscrawl(*args)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("newscrawl: ")
    assert message in lines[0]


@pytest.mark.parametrize(
    ("option", "path"),
    [("-o", "/proc/newscrawl-test.jsonl"), ("--state", "/proc/newscrawl-state")],
)
def test_unwritable_output_or_state_is_refused(option: str, path: str) -> None:
    result = newscrawl("crawl", "http://127.0.0.1/", option, path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("newscrawl: ")
    assert "writable" in result.stderr or "cannot use state directory" in result.stderr


def test_sites_lists_profiles() -> None:
    result = newscrawl("sites")
    assert result.returncode == 0
    names = [line.split()[0] for line in result.stdout.splitlines()]
    assert {"waha", "madar"} <= set(names)
    assert len(names) >= 8


def test_extract_prints_one_json_line_per_file(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>خبر - موقع</title>"
        '<link rel="canonical" href="https://example.com/news/1"></head><body>'
        "<h1>الحكومة تعلن خطة جديدة للنقل العام</h1><article>"
        + "".join(
            f"<p>أعلنت الحكومة اليوم عن خطة جديدة لتطوير النقل العام في المدن الكبرى، وقالت إن "
            f"المرحلة {i} ستبدأ خلال الأشهر المقبلة بتمويل مشترك بين القطاعين العام والخاص.</p>"
            for i in range(1, 5)
        )
        + "</article></body></html>",
        encoding="utf-8",
    )
    result = newscrawl("extract", str(page), str(page), "--url", "https://example.com/news/1")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    record = json.loads(lines[0])
    assert record["title"] == "الحكومة تعلن خطة جديدة للنقل العام"
    assert record["url"] == "https://example.com/news/1"
    assert record["body"].count("\n\n") == 3
    assert len(record["content_hash"]) == 64
    assert "\\u" not in lines[0]


def test_extract_without_url_uses_the_declared_canonical() -> None:
    page = Path(__file__).parent / "fixtures" / "pages" / "annahar.html"
    expected = json.loads(page.with_suffix(".expected.json").read_text(encoding="utf-8"))
    result = newscrawl("extract", str(page), "--site", "annahar")
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["url"] == expected["url"]
    assert record["title"] == expected["title"]


def test_extract_reports_a_page_without_article(tmp_path: Path) -> None:
    page = tmp_path / "empty.html"
    page.write_text("<html><body><nav>الرئيسية</nav></body></html>", encoding="utf-8")
    result = newscrawl("extract", str(page), "--url", "https://example.com/x")
    assert result.returncode == 1
    assert json.loads(result.stdout)["error"] == "no article found"
