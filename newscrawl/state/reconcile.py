"""Bring the store and the output files back in line after a crash.

Two things a kill can leave behind: a torn last line (the process died inside a write), and
complete lines written after the last commit of done marks. The first is cut off (its article was
never marked done, so it is fetched again); the second is read back and marked done, so the next
run does not write it a second time.

A third comes from outside: an output file shorter than what was committed to it (cut, or an
older copy restored). The articles whose lines are gone are made undone, so the next fetch
writes them again instead of skipping them as done forever.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newscrawl.fingerprints import body_fingerprint, content_fingerprint, fingerprint_bytes
from newscrawl.state.base import DoneMark, StateStore

_CHUNK = 64 * 1024


@dataclass(frozen=True)
class ReconcileReport:
    torn_lines: int = 0
    recovered: int = 0
    unreadable: int = 0
    missing: tuple[str, ...] = ()
    """Output files the store wrote to that are gone: their articles stay done (not refetched)."""
    shortened: tuple[str, ...] = ()
    """Output files shorter than their committed length: lines were lost after being written."""
    lost: int = 0
    """Articles whose lines are gone from a shortened file: undone, so fetched again."""


def last_newline_end(path: Path) -> int:
    """Length of the file up to and including its last newline (0 when there is none)."""
    with path.open("rb") as handle:
        position = handle.seek(0, os.SEEK_END)
        while position > 0:
            start = max(0, position - _CHUNK)
            handle.seek(start)
            index = handle.read(position - start).rfind(b"\n")
            if index >= 0:
                return start + index + 1
            position = start
    return 0


def repair_torn_tail(path: Path) -> bool:
    """Cut a partial last line off `path`; True when there was one."""
    size = path.stat().st_size
    end = last_newline_end(path)
    if end == size:
        return False
    fd = os.open(path, os.O_WRONLY)
    try:
        os.ftruncate(fd, end)
        os.fsync(fd)
    finally:
        os.close(fd)
    return True


def mark_from_record(record: dict[str, Any], output: str | None = None) -> DoneMark:
    """The done mark of an article read back from an output line of the file `output`."""
    body = str(record.get("body") or "")
    content_hash = record.get("content_hash") or content_fingerprint(body)
    indexed = record.get("near_duplicate_of") is None and bool(body)
    site = str(record.get("site") or "")
    return DoneMark(
        url=str(record["url"]),
        site=site,
        content_hash=content_hash,
        modified_at=record.get("modified_at"),
        # The request's lastmod hint is not in the record; the article's own dates stand in.
        lastmod=record.get("modified_at") or record.get("published_at"),
        signature=fingerprint_bytes(body_fingerprint(body, site)) if indexed else None,
        output=output,
    )


def _read_marks(lines: Iterable[bytes], output: str) -> tuple[list[DoneMark], int]:
    marks: list[DoneMark] = []
    unreadable = 0
    for line in lines:
        try:
            record = json.loads(line)
            marks.append(mark_from_record(record, output))
        except (ValueError, KeyError, TypeError):
            unreadable += 1
    return marks, unreadable


def urls_in(path: Path) -> set[str]:
    """The article URLs of every readable line of an output file."""
    urls: set[str] = set()
    with path.open("rb") as handle:
        for line in handle:
            try:
                urls.add(str(json.loads(line)["url"]))
            except (ValueError, KeyError, TypeError):
                continue
    return urls


def reconcile_outputs(store: StateStore) -> ReconcileReport:
    """Repair torn tails, mark done lines past the committed offset, undo lines lost since."""
    torn = recovered = unreadable = lost = 0
    missing: list[str] = []
    shortened: list[str] = []
    offsets = store.output_offsets()
    for name, offset in offsets.items():
        path = Path(name)
        if not path.is_file():
            missing.append(name)
            continue
        torn += repair_torn_tail(path)
        size = path.stat().st_size
        if size == offset:
            continue
        if size < offset:
            shortened.append(name)
            lost += len(store.forget_lost(name, urls_in(path), unattributed=len(offsets) == 1))
            store.commit_done([], {name: size})
            continue
        with path.open("rb") as handle:
            handle.seek(offset)
            tail = handle.read(size - offset)
        marks, bad = _read_marks((line for line in tail.split(b"\n") if line.strip()), name)
        store.commit_done(marks, {name: size})
        recovered += len(marks)
        unreadable += bad
    return ReconcileReport(torn, recovered, unreadable, tuple(missing), tuple(shortened), lost)
