"""Where articles go on disk, and one append-only output file with explicit durability.

Partitioned layout (when NEWSCRAWL_OUTPUT is not set), one glob for DuckDB or pandas::

    DATA_DIR/articles/site=<site>/date=<YYYY-MM-DD of fetch>/<run-id>.jsonl
"""

from __future__ import annotations

import errno
import fcntl
import io
import os
import re
from dataclasses import fields
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from scrapy.exporters import JsonLinesItemExporter

from newscrawl.items import Article

ARTICLE_FIELDS = [f.name for f in fields(Article)]
_UNSAFE_PATH_CHARS = re.compile(r"[^\w.\-]")


def partition_path(data_dir: Path, site: str, fetched_at: str | None, run_id: str) -> Path:
    """The partitioned output file of one site and fetch day for a run.

    >>> str(partition_path(Path("data"), "127.0.0.1:8080", "2026-03-01T10:00:00+00:00", "r1"))
    'data/articles/site=127.0.0.1_8080/date=2026-03-01/r1.jsonl'
    >>> str(partition_path(Path("d"), "واحة", None, "r1")).startswith("d/articles/site=واحة/date=")
    True
    """
    day = (fetched_at or "")[:10]
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", day):
        day = datetime.now(UTC).strftime("%Y-%m-%d")
    safe_site = _UNSAFE_PATH_CHARS.sub("_", site) or "_"
    return data_dir / "articles" / f"site={safe_site}" / f"date={day}" / f"{run_id}.jsonl"


class LineEncoder:
    """One item → one JSON line: UTF-8, Arabic as is, every Article field in schema order."""

    def __init__(self) -> None:
        self._buffer = io.BytesIO()
        self._exporter = JsonLinesItemExporter(
            self._buffer, encoding="utf-8", ensure_ascii=False, fields_to_export=ARTICLE_FIELDS
        )

    def encode(self, item: Any) -> bytes:
        r"""The item's line, newline included.

        >>> line = LineEncoder().encode(
        ...     Article(url="https://a.example/1", site="a", title="عنوان", body="أ\u2028ب")
        ... ).decode()
        >>> line.startswith('{"url": "https://a.example/1", "site": "a", "title": "عنوان",')
        True
        >>> '"body": "أ\\u2028ب"' in line  # one line, and Arabic stays readable
        True
        >>> import json; list(json.loads(line)) == ARTICLE_FIELDS, line.endswith("null}\n")
        (True, True)
        """
        self._buffer.seek(0)
        self._buffer.truncate()
        self._exporter.export_item(item)
        # JSON allows raw U+2028/U+2029, but some line splitters break on them; escaped, they can't.
        return (
            self._buffer.getvalue()
            .replace(b"\xe2\x80\xa8", b"\\u2028")
            .replace(b"\xe2\x80\xa9", b"\\u2029")
        )


class OutputInUseError(OSError):
    """Another crawl holds the output file: two writers would write every article twice."""


def lock_exclusively(fd: int, path: Path) -> None:
    """An exclusive `flock` on `fd`, or `OutputInUseError`; it dies with the process (kill -9)."""
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        raise OutputInUseError(
            errno.EBUSY, "output file is in use by another crawl", str(path)
        ) from None


def check_output_free(path: Path) -> None:
    """`OutputInUseError` when another crawl writes `path` now (nothing is created or kept)."""
    if not path.exists():
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        lock_exclusively(fd, path)
    finally:
        os.close(fd)  # releases the probe's lock


class OutputFile:
    """An append-only file; appended lines reach the disk only at `flush` (write + fsync).

    The file is locked for the life of the object, so a second crawl on the same file fails
    at its start instead of writing every article a second time.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            lock_exclusively(self._fd, path)
        except OutputInUseError:
            os.close(self._fd)
            raise
        self.durable = os.fstat(self._fd).st_size
        self._pending = bytearray()

    @property
    def has_pending(self) -> bool:
        return bool(self._pending)

    def append(self, line: bytes) -> None:
        self._pending += line

    def flush(self) -> int:
        """Write and fsync the pending lines; returns the new durable length."""
        try:
            self._write_all(bytes(self._pending))
            os.fsync(self._fd)
        except OSError as exc:
            code = exc.errno or errno.EIO
            raise OSError(code, exc.strerror or os.strerror(code), str(self.path)) from exc
        self.durable += len(self._pending)
        self._pending.clear()
        return self.durable

    def _write_all(self, data: bytes) -> None:
        view = memoryview(data)
        while view:
            written = os.write(self._fd, view)
            if written <= 0:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            view = view[written:]

    def rollback(self) -> None:
        """After a failed flush: forget pending lines and cut any part of them off the file."""
        self._pending.clear()
        os.ftruncate(self._fd, self.durable)

    def close(self) -> None:
        os.close(self._fd)
