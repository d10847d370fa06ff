"""Analysis-ready export: the latest revision of each article as Parquet or CSV, with pyarrow.

Layout (hive style, so pandas, DuckDB, polars and Spark read `site` and `date` back as columns)::

    DIR/site=<site>/date=<YYYY-MM-DD>/part-0.parquet      (or .csv)
    DIR/_newscrawl_export.json                            what was exported, from what

`date` is the UTC day of the exported revision's `fetched_at`, as in `data/articles/`. Parquet
keeps the output schema's types (lists, the image struct, related-link structs, timestamps in
UTC); CSV cannot hold nested values, so lists and objects are written as JSON text.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.dataset as ds

from newscrawl.reporting.export_layout import FORMATS, MARKER
from newscrawl.reporting.records import Entry, Scan, day_of, instant, read_latest

BATCH_ROWS = 1_000
"""pyarrow reads a few batches ahead: small batches keep a big export's memory small."""
UNKNOWN_DAY = "unknown"

_TIME = pa.timestamp("us", tz="UTC")
_LINK = pa.struct([("url", pa.string()), ("title", pa.string()), ("position", pa.string())])
_IMAGE = pa.struct([("url", pa.string()), ("caption", pa.string())])
_NESTED = ("authors", "tags", "image", "related_links")

PARQUET_SCHEMA = pa.schema(
    [
        ("article_id", pa.string()), ("url", pa.string()), ("title", pa.string()),
        ("body", pa.string()), ("published_at", _TIME), ("modified_at", _TIME),
        ("authors", pa.list_(pa.string())), ("section", pa.string()),
        ("tags", pa.list_(pa.string())), ("image", _IMAGE), ("related_links", pa.list_(_LINK)),
        ("language", pa.string()), ("fetched_at", _TIME), ("first_fetched_at", _TIME),
        ("content_hash", pa.string()), ("near_duplicate_of", pa.string()),
        ("revisions", pa.int32()), ("site", pa.string()), ("date", pa.string()),
    ]
)  # fmt: skip
"""Column order and types of the export; `site` and `date` become the partition folders."""
CSV_SCHEMA = pa.schema(
    [pa.field(f.name, pa.string()) if f.name in _NESTED else f for f in PARQUET_SCHEMA]
)
PARTITIONING = ds.partitioning(
    pa.schema([("site", pa.string()), ("date", pa.string())]), flavor="hive"
)


def article_id(url: str) -> str:
    """A stable article id: the first 16 hex digits (64 bits) of SHA-256 of its canonical URL.

    The same URL gives the same id in every export and on every machine; revisions share it.

    >>> article_id("https://www.example.com/news/1")
    '13b02a450db38344'
    """
    return hashlib.sha256(url.encode("utf-8")).hexdigest()[:16]


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _strings(value: object) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def _image(value: object) -> dict[str, str | None] | None:
    if not isinstance(value, dict) or not isinstance(value.get("url"), str):
        return None
    return {"url": value["url"], "caption": _text(value.get("caption"))}


def _links(value: object) -> list[dict[str, str | None]]:
    links = value if isinstance(value, list) else []
    return [
        {
            "url": link["url"],
            "title": _text(link.get("title")),
            "position": _text(link.get("position")),
        }
        for link in links
        if isinstance(link, dict) and isinstance(link.get("url"), str)
    ]


def export_row(entry: Entry[Any], record: dict[str, Any]) -> dict[str, Any]:
    """One article's row; values the schema cannot hold (a malformed field) become null."""
    return {
        "article_id": article_id(record["url"]), "url": record["url"],
        "title": _text(record.get("title")), "body": _text(record.get("body")),
        "published_at": instant(record.get("published_at")),
        "modified_at": instant(record.get("modified_at")),
        "authors": _strings(record.get("authors")), "section": _text(record.get("section")),
        "tags": _strings(record.get("tags")), "image": _image(record.get("image")),
        "related_links": _links(record.get("related_links")),
        "language": _text(record.get("language")),
        "fetched_at": instant(record.get("fetched_at")),
        "first_fetched_at": instant(entry.first_fetched),
        "content_hash": _text(record.get("content_hash")),
        "near_duplicate_of": _text(record.get("near_duplicate_of")), "revisions": entry.lines,
        "site": _text(record.get("site")) or "_",
        "date": day_of(record.get("fetched_at")) or UNKNOWN_DAY,
    }  # fmt: skip


def _as_csv(row: dict[str, Any]) -> dict[str, Any]:
    return {**row, **{name: json.dumps(row[name], ensure_ascii=False) for name in _NESTED}}


def _batches(rows: Iterable[dict[str, Any]], schema: pa.Schema) -> Iterator[pa.RecordBatch]:
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) == BATCH_ROWS:
            yield pa.RecordBatch.from_pylist(batch, schema=schema)
            batch = []
    if batch:
        yield pa.RecordBatch.from_pylist(batch, schema=schema)


@dataclass(frozen=True)
class ExportResult:
    rows: int
    files: int


def write_export(found: Scan[Any], directory: Path, fmt: str) -> ExportResult:
    """Write every article's latest revision under `directory` (which must not exist yet)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    schema = PARQUET_SCHEMA if fmt == "parquet" else CSV_SCHEMA
    convert = (lambda row: row) if fmt == "parquet" else _as_csv
    count = [0]

    def rows() -> Iterator[dict[str, Any]]:
        for entry, record in read_latest(found):
            count[0] += 1
            yield convert(export_row(entry, record))

    written: list[str] = []
    ds.write_dataset(
        _batches(rows(), schema), directory, schema=schema, format=fmt,
        partitioning=PARTITIONING, basename_template=f"part-{{i}}.{fmt}",
        existing_data_behavior="error", file_visitor=lambda f: written.append(f.path),
    )  # fmt: skip
    result = ExportResult(rows=count[0], files=len(written))
    _write_marker(directory, found.files, fmt, result)
    return result


def _write_marker(directory: Path, inputs: Sequence[Path], fmt: str, result: ExportResult) -> None:
    directory.mkdir(parents=True, exist_ok=True)  # no article at all: still a valid export
    marker = {
        "format": fmt,
        "rows": result.rows,
        "files": result.files,
        "inputs": [str(p) for p in inputs],
        "partitioning": "hive: site=<site>/date=<UTC day of fetched_at>",
        "article_id": "first 16 hex digits of SHA-256 of the canonical URL (UTF-8)",
    }
    (directory / MARKER).write_text(json.dumps(marker, indent=1, ensure_ascii=False) + "\n")
