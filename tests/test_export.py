"""`newscrawl export`: read back with pyarrow, the latest revision of each article, stable ids,
hive partitions by site and day, and the README's pandas and DuckDB snippets run as written.
"""

from __future__ import annotations

import hashlib
import json
import re
from datetime import datetime
from pathlib import Path
from typing import Any

import pyarrow.dataset as ds
import pytest
from pyarrow import csv

from newscrawl.cli import main
from newscrawl.reporting.export import CSV_SCHEMA
from tests.clirun import REPO
from tests.report_data import latest, make_lines, write_partitioned


def read_back(directory: Path, fmt: str = "parquet") -> dict[str, dict[str, Any]]:
    """The exported rows by URL, partition columns included."""
    form: Any = fmt
    if fmt == "csv":  # bodies hold newlines inside quoted fields; no guessing of column types
        types = {f.name: f.type for f in CSV_SCHEMA if f.name not in ("site", "date")}
        form = ds.CsvFileFormat(
            parse_options=csv.ParseOptions(newlines_in_values=True),
            convert_options=csv.ConvertOptions(column_types=types),
        )
    table = ds.dataset(directory, format=form, partitioning="hive").to_table()
    rows = table.to_pylist()
    assert len(rows) == len({row["url"] for row in rows}), "one row per article"
    return {row["url"]: row for row in rows}


@pytest.fixture
def data(tmp_path: Path) -> tuple[list[dict[str, Any]], Path]:
    lines = make_lines()
    write_partitioned(tmp_path / "data", lines)
    return lines, tmp_path / "data"


def export(*args: str) -> int:
    return main(["export", *args])


def test_parquet_holds_the_latest_revision_of_each_article(tmp_path: Path, data: Any) -> None:
    lines, inputs = data
    assert export(str(inputs), "-o", str(tmp_path / "out")) == 0
    rows = read_back(tmp_path / "out")
    newest = latest(lines)
    assert rows.keys() == newest.keys()
    for url, line in newest.items():
        row = rows[url]
        assert row["title"] == line["title"]
        assert row["site"] == line["site"]  # also "127.0.0.1:8080" and "واحة", from folder names
        assert row["date"] == line["fetched_at"][:10]
        assert row["revisions"] == sum(x["url"] == url for x in lines)
        assert row["authors"] == line["authors"] and row["image"] == line["image"]
        assert row["related_links"] == line["related_links"]
        if line["modified_at"]:
            assert row["modified_at"] == datetime.fromisoformat(line["modified_at"])
    assert sum(row["revisions"] > 1 for row in rows.values()) == 7


def test_article_id_is_a_hash_of_the_url_and_stable_across_exports(
    tmp_path: Path, data: Any
) -> None:
    lines, inputs = data
    out = tmp_path / "out"
    assert export(str(inputs), "-o", str(out)) == 0
    first = {url: row["article_id"] for url, row in read_back(out).items()}
    assert first == {url: hashlib.sha256(url.encode()).hexdigest()[:16] for url in first}
    # a new revision fetched on a later day moves its article to another partition
    revised = {**lines[0], "title": "عنوان جديد", "modified_at": "2027-01-01T00:00:00+00:00",
               "fetched_at": "2027-01-02T00:00:00+00:00"}  # fmt: skip
    (inputs / "later.jsonl").write_text(json.dumps(revised, ensure_ascii=False) + "\n")
    assert export(str(inputs), "-o", str(out)) == 0  # replaces the earlier export whole
    again = read_back(out)
    assert {url: row["article_id"] for url, row in again.items()} == first
    assert again[revised["url"]]["title"] == "عنوان جديد"
    assert again[revised["url"]]["date"] == "2027-01-02"


def test_csv_round_trip_with_nested_fields_as_json(tmp_path: Path, data: Any) -> None:
    lines, inputs = data
    assert export(str(inputs), "--format", "csv", "-o", str(tmp_path / "csv")) == 0
    assert list((tmp_path / "csv").glob("site=waha/date=*/part-0.csv"))
    rows = read_back(tmp_path / "csv", "csv")
    for url, line in latest(lines).items():
        assert json.loads(rows[url]["related_links"]) == line["related_links"]
        assert json.loads(rows[url]["authors"]) == line["authors"]
        assert rows[url]["title"] == line["title"]


def test_a_folder_that_is_not_an_export_is_refused(tmp_path: Path, data: Any, capsys: Any) -> None:
    keep = tmp_path / "mine"
    keep.mkdir()
    (keep / "notes.txt").write_text("mine")
    assert export(str(data[1]), "-o", str(keep)) == 2
    assert "holds no earlier export" in capsys.readouterr().err
    assert [p.name for p in keep.iterdir()] == ["notes.txt"]


def readme_snippets(language: str) -> list[str]:
    """The code blocks of one language in the README's "Reports and exports" section."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    part = readme.split("## Reports and exports", 1)[1].split("\n## ", 1)[0]
    return re.findall(rf"```{language}\n(.*?)```", part, re.S)


def test_the_readme_reads_the_export_with_pandas_and_duckdb(
    tmp_path: Path, data: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("pandas")
    duckdb = pytest.importorskip("duckdb")
    lines, inputs = data
    monkeypatch.chdir(tmp_path)
    assert export(str(inputs), "-o", "export") == 0
    python = [code for code in readme_snippets("python") if "import polars" not in code]
    assert python and any("pandas" in code for code in python)
    for code in python:
        scope: dict[str, Any] = {}
        exec(compile(code, "README.md", "exec"), scope)
        if "df" in scope:
            assert len(scope["df"]) == len(latest(lines))
    queries = [q for code in readme_snippets("sql") for q in code.split(";") if q.strip()]
    assert queries
    for query in queries:
        assert duckdb.sql(query).fetchall()
