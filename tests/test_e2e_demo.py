"""End to end: the real crawler (engine, downloader, middlewares, pipelines) on the demo sites.

The demo sites are served on loopback by this test process; the crawl runs as a user runs it, in
a `newscrawl` subprocess, and every record is checked against the JSON Schema and, field by
field, against the demo's expected values.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from newscrawl.demo.catalog import DEMO_SITES, expected_records, site_router
from newscrawl.demo.server import SiteServer, serving
from tests.clirun import newscrawl
from tests.test_schema import CONTRACT, load_schema

COMPARED = [f for f in CONTRACT if f not in ("fetched_at", "content_hash", "near_duplicate_of")]


@pytest.fixture(scope="module")
def demo_servers() -> Iterator[dict[str, SiteServer]]:
    with ExitStack() as stack:
        yield {site: stack.enter_context(serving(site_router(site))) for site in DEMO_SITES}


@pytest.fixture(scope="module")
def crawled(demo_servers: dict[str, SiteServer], tmp_path_factory: Any) -> list[dict[str, Any]]:
    output = tmp_path_factory.mktemp("e2e") / "out.jsonl"
    targets = [f"{site}={server.base_url}" for site, server in demo_servers.items()]
    result = newscrawl("crawl", *targets, "-o", str(output), "-s", "DOWNLOAD_DELAY=0",
                       "-s", "AUTOTHROTTLE_ENABLED=False")  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    assert "articles written" in result.stdout
    lines = output.read_text(encoding="utf-8").splitlines()
    assert all("\\u0" not in line for line in lines), "Arabic must not be \\u-escaped"
    return [json.loads(line) for line in lines]


def expected_by_url(demo_servers: dict[str, SiteServer]) -> dict[str, dict[str, Any]]:
    return {
        record["url"]: record
        for site, server in demo_servers.items()
        for record in expected_records(site, server.base_url)
    }


def test_every_demo_article_is_crawled_once(crawled: list, demo_servers: dict) -> None:
    urls = [record["url"] for record in crawled]
    assert len(urls) == len(set(urls)), "an article was written twice"
    assert set(urls) == set(expected_by_url(demo_servers))
    assert len(urls) >= 30


def test_records_validate_against_schema(crawled: list[dict[str, Any]]) -> None:
    schema = load_schema()
    for record in crawled:
        jsonschema.validate(record, schema)
        assert list(record) == CONTRACT
        assert record["published_at"] is not None
        assert len(record["content_hash"]) == 64


@pytest.mark.parametrize("field", COMPARED)
def test_field_equals_expected(field: str, crawled: list, demo_servers: dict) -> None:
    expected = expected_by_url(demo_servers)
    mismatches = [
        (record["url"], record[field], expected[record["url"]][field])
        for record in crawled
        if record["url"] in expected and record[field] != expected[record["url"]][field]
    ]
    assert not mismatches, f"{len(mismatches)} mismatches, first: {mismatches[0]}"


def test_read_also_pages_have_related_links(crawled: list, demo_servers: dict) -> None:
    expected = expected_by_url(demo_servers)
    with_related = [url for url, record in expected.items() if record["related_links"]]
    assert len(with_related) >= 10
    got = {record["url"]: record["related_links"] for record in crawled}
    assert all(got[url] for url in with_related)


def test_crawl_stays_on_each_site(demo_servers: dict[str, SiteServer]) -> None:
    for server in demo_servers.values():
        assert all(request.path.startswith("/") for request in server.log)
        assert server.log, "every demo site was visited"


def test_demo_command(tmp_path: Path) -> None:
    output = tmp_path / "demo.jsonl"
    result = newscrawl("demo", "-o", str(output))
    assert result.returncode == 0, result.stderr[-3000:]
    assert "articles from 2 sites" in result.stdout
    assert "sample title:" in result.stdout
    records = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    assert len(records) >= 30
    schema = load_schema()
    for record in records:
        jsonschema.validate(record, schema)


def test_ad_hoc_url_crawl_stays_on_its_host_and_port(tmp_path: Path) -> None:
    with serving(site_router("madar")) as madar, serving(site_router("waha")) as other:
        output = tmp_path / "adhoc.jsonl"
        result = newscrawl("crawl", madar.base_url, "-o", str(output), "-s", "DOWNLOAD_DELAY=0")
        expected = {r["url"]: r for r in expected_records("madar", madar.base_url)}
        assert result.returncode == 0, result.stderr[-3000:]
        assert other.log == []
    records = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    assert {r["url"] for r in records} == set(expected)
    assert {r["site"] for r in records} == {f"127.0.0.1:{madar.port}"}
    assert all(r["title"] == expected[r["url"]]["title"] for r in records)
    assert all(r["body"] == expected[r["url"]]["body"] for r in records)
