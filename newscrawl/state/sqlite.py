"""The embedded `StateStore`: one SQLite file (WAL mode) in the state directory, or in memory.

One crawl at a time per state directory: an exclusive `flock` on `DIR/lock` makes a second crawl
fail fast instead of interleaving done marks (the lock dies with the process, even on kill -9).
"""

from __future__ import annotations

import fcntl
import os
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

from newscrawl.state.base import DoneMark, KnownArticle, RunInfo, Validators

STATE_FILE = "state.sqlite3"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS articles(
    url TEXT PRIMARY KEY, site TEXT NOT NULL, content_hash TEXT, modified_at TEXT,
    lastmod TEXT, done_at TEXT NOT NULL, output TEXT);
CREATE INDEX IF NOT EXISTS articles_by_content ON articles(content_hash);
CREATE TABLE IF NOT EXISTS aliases(alias TEXT PRIMARY KEY, url TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS signatures(
    seq INTEGER PRIMARY KEY AUTOINCREMENT, url TEXT NOT NULL UNIQUE, signature BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS validators(
    url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, saved_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS outputs(path TEXT PRIMARY KEY, committed_offset INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS runs(
    run_id TEXT PRIMARY KEY, started_at TEXT NOT NULL, finished_at TEXT, finish_reason TEXT);
CREATE TABLE IF NOT EXISTS sites(site TEXT PRIMARY KEY, last_run TEXT, last_emitted_at TEXT);
CREATE TABLE IF NOT EXISTS site_facts(
    site TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, saved_at TEXT NOT NULL,
    PRIMARY KEY(site, key));
"""


class StateLockedError(RuntimeError):
    """Another crawl holds the state directory."""


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class SqliteStateStore:
    """`StateStore` on SQLite; `state_dir=None` gives a private in-memory store (same code)."""

    def __init__(self, state_dir: str | os.PathLike[str] | None = None) -> None:
        self._lock: IO[bytes] | None = None
        self._run_id: str | None = None
        if state_dir is None:
            self._db = sqlite3.connect(":memory:")
        else:
            directory = Path(state_dir)
            directory.mkdir(parents=True, exist_ok=True)
            self._lock = _acquire_lock(directory / "lock")
            self._db = sqlite3.connect(directory / STATE_FILE)
            self._db.execute("PRAGMA journal_mode=WAL")
            # NORMAL survives process kills; an OS crash may roll back the last commits, which
            # rolls back their output offsets too, so reconciliation re-derives them from the file.
            self._db.execute("PRAGMA synchronous=NORMAL")
            # Keep the WAL small (checkpoint every ~256 KB, truncate back to that): on a nearly
            # full disk, state must not need much more room than the data it describes.
            self._db.execute("PRAGMA wal_autocheckpoint=64")
            self._db.execute("PRAGMA journal_size_limit=262144")
        self._db.executescript(f"BEGIN;{_SCHEMA}COMMIT;")
        self._migrate()

    def _migrate(self) -> None:
        # states written before articles recorded their output file
        columns = {row[1] for row in self._db.execute("PRAGMA table_info(articles)")}
        if "output" not in columns:
            with self._db:
                self._db.execute("ALTER TABLE articles ADD COLUMN output TEXT")

    def known_article(self, url: str) -> KnownArticle | None:
        row = self._db.execute(
            "SELECT url, content_hash, modified_at, lastmod FROM articles WHERE url = ?"
            " UNION ALL SELECT a.url, a.content_hash, a.modified_at, a.lastmod"
            " FROM aliases JOIN articles a ON a.url = aliases.url WHERE alias = ? LIMIT 1",
            (url, url),
        ).fetchone()
        return KnownArticle(*row) if row else None

    def url_for_content(self, content_hash: str) -> str | None:
        row = self._db.execute(
            "SELECT url FROM articles WHERE content_hash = ? LIMIT 1", (content_hash,)
        ).fetchone()
        return str(row[0]) if row else None

    def commit_done(self, marks: Sequence[DoneMark], offsets: Mapping[str, int]) -> None:
        now = _now()
        with self._db:
            self._db.executemany(
                "INSERT OR REPLACE INTO articles VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    (m.url, m.site, m.content_hash, m.modified_at, m.lastmod, now, m.output)
                    for m in marks
                ],
            )
            self._db.executemany(
                "INSERT OR REPLACE INTO aliases VALUES (?, ?)",
                [(a, m.url) for m in marks for a in m.aliases if a != m.url],
            )
            self._db.executemany(
                "INSERT OR IGNORE INTO signatures(url, signature) VALUES (?, ?)",
                [(m.url, m.signature) for m in marks if m.signature is not None],
            )
            self._db.executemany(
                "INSERT OR REPLACE INTO outputs VALUES (?, ?)", list(offsets.items())
            )
            self._db.executemany(
                "INSERT OR REPLACE INTO sites VALUES (?, ?, ?)",
                [(site, self._run_id, now) for site in sorted({m.site for m in marks})],
            )

    def add_aliases(self, url: str, aliases: Sequence[str]) -> None:
        with self._db:
            self._db.executemany(
                "INSERT OR IGNORE INTO aliases VALUES (?, ?)", [(a, url) for a in aliases]
            )

    def signatures(self) -> Iterator[tuple[str, bytes]]:
        rows = self._db.execute("SELECT url, signature FROM signatures ORDER BY seq")
        for url, signature in rows:
            yield str(url), bytes(signature)

    def replace_signatures(self, signatures: Mapping[str, bytes]) -> None:
        """Rewrite stored signatures in place (keeping their order): a format migration."""
        with self._db:
            self._db.executemany(
                "UPDATE signatures SET signature = ? WHERE url = ?",
                [(signature, url) for url, signature in signatures.items()],
            )

    def validators(self, url: str) -> Validators | None:
        row = self._db.execute(
            "SELECT etag, last_modified FROM validators WHERE url = ?", (url,)
        ).fetchone()
        return Validators(*row) if row else None

    def save_validators(self, validators: Mapping[str, Validators]) -> None:
        now = _now()
        with self._db:
            self._db.executemany(
                "INSERT OR REPLACE INTO validators VALUES (?, ?, ?, ?)",
                [(url, v.etag, v.last_modified, now) for url, v in validators.items()],
            )

    def forget_lost(self, output: str, present: set[str], *, unattributed: bool) -> list[str]:
        query = "SELECT url FROM articles WHERE output = ?" + (
            " OR output IS NULL" if unattributed else ""
        )
        lost = [str(u) for (u,) in self._db.execute(query, (output,)) if u not in present]
        with self._db:
            for table in ("articles", "aliases", "signatures"):
                self._db.executemany(f"DELETE FROM {table} WHERE url = ?", [(u,) for u in lost])
            if lost:  # a sitemap or feed answering 304 would hide the lost articles for good
                self._db.execute("DELETE FROM validators")
        return lost

    def output_offsets(self) -> dict[str, int]:
        return {str(p): int(o) for p, o in self._db.execute("SELECT * FROM outputs")}

    def register_output(self, path: str, offset: int) -> None:
        with self._db:
            self._db.execute("INSERT OR IGNORE INTO outputs VALUES (?, ?)", (path, offset))

    def start_run(self, run_id: str) -> None:
        self._run_id = run_id
        with self._db:
            self._db.execute("INSERT INTO runs(run_id, started_at) VALUES (?, ?)", (run_id, _now()))

    def finish_run(self, run_id: str, reason: str) -> None:
        with self._db:
            self._db.execute(
                "UPDATE runs SET finished_at = ?, finish_reason = ? WHERE run_id = ?",
                (_now(), reason, run_id),
            )

    def last_run(self) -> RunInfo | None:
        row = self._db.execute(
            "SELECT run_id, started_at, finished_at, finish_reason FROM runs"
            " ORDER BY started_at DESC, rowid DESC LIMIT 1"
        ).fetchone()
        return RunInfo(*row) if row else None

    def site_last_run(self, site: str) -> RunInfo | None:
        row = self._db.execute(
            "SELECT r.run_id, r.started_at, r.finished_at, r.finish_reason"
            " FROM sites s JOIN runs r ON r.run_id = s.last_run WHERE s.site = ?",
            (site,),
        ).fetchone()
        return RunInfo(*row) if row else None

    def site_fact(self, site: str, key: str) -> str | None:
        row = self._db.execute(
            "SELECT value FROM site_facts WHERE site = ? AND key = ?", (site, key)
        ).fetchone()
        return str(row[0]) if row else None

    def save_site_fact(self, site: str, key: str, value: str) -> None:
        with self._db:
            self._db.execute(
                "INSERT OR REPLACE INTO site_facts VALUES (?, ?, ?, ?)", (site, key, value, _now())
            )

    def close(self) -> None:
        self._db.close()
        if self._lock is not None:
            self._lock.close()
            self._lock = None


def _acquire_lock(path: Path) -> IO[bytes]:
    handle = path.open("ab")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.close()
        message = f"state directory {path.parent} is in use by another crawl"
        raise StateLockedError(message) from None
    return handle
