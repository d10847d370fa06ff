"""Find and read crawl output, keeping the latest revision of each article.

A crawl writes a revised article again as a new line with the same `url` and a newer
`modified_at`, so readers first pick one line per URL. The scan keeps only a small index per
article (where its latest line is, plus what the caller projects out of it), so a data set larger
than memory can still be exported: `read_latest` reads the chosen lines back by byte offset.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Generic, TypeVar

T = TypeVar("T")

DEFAULT_INPUTS = (Path("data"),)
"""Without inputs: every JSONL file under `data/` (the partitioned layout and the demo's)."""

_EPOCH = datetime.min.replace(tzinfo=UTC)


class InputError(ValueError):
    """An input path that does not exist or holds no JSONL file."""


def find_inputs(paths: Sequence[Path]) -> list[Path]:
    """The `.jsonl` files named in `paths` or found below the named directories, each once."""
    found: dict[Path, Path] = {}  # by resolved path: a file named twice is read once
    for path in paths:
        if path.is_dir():
            found.update((p.resolve(), p) for p in sorted(path.rglob("*.jsonl")) if p.is_file())
        elif path.is_file():
            found.setdefault(path.resolve(), path)
        else:
            raise InputError(f"no such file or directory: {path}")
    if not found:
        named = ", ".join(str(p) for p in paths)
        raise InputError(f"no .jsonl files in {named}")
    return list(found.values())


def inputs_of(named: Sequence[Path]) -> list[Path]:
    """The files of the inputs a user named, or of the default ones (with a hint when absent)."""
    if named:
        return find_inputs(named)
    try:
        return find_inputs(DEFAULT_INPUTS)
    except InputError as exc:
        hint = "crawl without -o or run `newscrawl demo` first, or name the JSONL files"
        raise InputError(f"{exc} ({hint})") from None


def instant(stamp: object) -> datetime | None:
    """An ISO-8601 time as an aware datetime (naive means UTC), or None when unreadable.

    >>> instant("2026-03-02T10:00:00+03:00") == instant("2026-03-02T07:00:00Z")
    True
    >>> instant("2026-03-02").tzinfo is UTC, instant("soon"), instant(None)
    (True, None, None)
    """
    if not isinstance(stamp, str):
        return None
    try:
        moment = datetime.fromisoformat(stamp.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def day_of(stamp: object) -> str | None:
    """The calendar day an ISO-8601 time is written in (its own offset), or None.

    It is the day of the partitioned layout for `fetched_at` (always UTC), and the local day of
    publication for `published_at`.

    >>> day_of("2026-03-02T01:00:00+03:00"), day_of("2026-03-02"), day_of("2 March"), day_of(7)
    ('2026-03-02', '2026-03-02', None, None)
    """
    moment = instant(stamp)
    return moment.date().isoformat() if moment and isinstance(stamp, str) else None


def revision_key(record: dict[str, Any], order: int) -> tuple[datetime, datetime, int]:
    """Sort key of a line among the lines of its URL: the greatest key is the latest revision.

    Greatest `modified_at` first (compared as instants, whatever their offsets); a line without
    one loses to any line with one; then the later `fetched_at`, then the later line.

    >>> a = revision_key({"modified_at": "2026-03-02T10:00:00+03:00"}, 2)
    >>> b = revision_key({"modified_at": "2026-03-02T08:00:00Z"}, 1)
    >>> b > a, revision_key({}, 3) < a
    (True, True)
    """
    modified = instant(record.get("modified_at")) or _EPOCH
    fetched = instant(record.get("fetched_at")) or _EPOCH
    return (modified, fetched, order)


@dataclass(slots=True)
class Entry(Generic[T]):
    """One article: where its latest line is and what the caller kept of it."""

    key: tuple[datetime, datetime, int]
    file: int
    offset: int
    value: T
    lines: int = 1
    first_fetched: str | None = None


@dataclass
class Scan(Generic[T]):
    """The articles of a set of output files, by URL."""

    files: list[Path]
    entries: dict[str, Entry[T]] = field(default_factory=dict)
    lines: int = 0
    unreadable: int = 0
    """Lines that are not a JSON object with a string `url` (a torn tail, a stray edit)."""


def _lines(path: Path) -> Iterator[tuple[int, bytes]]:
    """(byte offset, line) of a file, binary so that offsets are exact."""
    offset = 0
    with path.open("rb") as handle:
        for line in handle:
            yield offset, line
            offset += len(line)


def _parse(line: bytes) -> dict[str, Any] | None:
    try:
        record = json.loads(line)
    except (ValueError, UnicodeDecodeError):
        return None
    if not isinstance(record, dict) or not isinstance(record.get("url"), str):
        return None
    return record


def _earlier(a: str | None, b: object) -> str | None:
    """The earlier of two fetch times; unreadable ones never win."""
    if not isinstance(b, str) or instant(b) is None:
        return a
    if a is None:
        return b
    moment_a, moment_b = instant(a), instant(b)
    return b if moment_a is None or (moment_b is not None and moment_b < moment_a) else a


def scan(files: Sequence[Path], keep: Callable[[dict[str, Any]], T]) -> Scan[T]:
    """Read every line once; `keep` projects what a caller needs from an article's latest line."""
    result: Scan[T] = Scan(files=list(files))
    order = 0
    for number, path in enumerate(result.files):
        for offset, line in _lines(path):
            if not line.strip():
                continue
            result.lines += 1
            record = _parse(line)
            if record is None:
                result.unreadable += 1
                continue
            order += 1
            key = revision_key(record, order)
            entry = result.entries.get(record["url"])
            if entry is None:
                entry = Entry(key, number, offset, keep(record))
                result.entries[record["url"]] = entry
            else:
                entry.lines += 1
                if key > entry.key:
                    entry.key, entry.file, entry.offset = key, number, offset
                    entry.value = keep(record)
            entry.first_fetched = _earlier(entry.first_fetched, record.get("fetched_at"))
    return result


def read_latest(found: Scan[T]) -> Iterator[tuple[Entry[T], dict[str, Any]]]:
    """Each article's entry with its latest line, read back file by file in offset order."""
    wanted: dict[int, list[Entry[T]]] = {}
    for entry in found.entries.values():
        wanted.setdefault(entry.file, []).append(entry)
    for number, entries in sorted(wanted.items()):
        with found.files[number].open("rb") as handle:
            for entry in sorted(entries, key=lambda e: e.offset):
                handle.seek(entry.offset)
                record = _parse(handle.readline())
                if record is not None:  # rewritten since the scan: skip rather than misreport
                    yield entry, record
