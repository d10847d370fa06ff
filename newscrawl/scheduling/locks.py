"""One run of a site at a time, across processes: an exclusive `flock` per site.

The kernel releases an flock when the last descriptor of its open file closes, so a crashed
scheduler (even `kill -9`) leaves no stale lock. The local launcher hands the descriptor to the
crawl it starts (`pass_fds`): if the scheduler dies first, the lock lives on in the crawl until
that crawl ends, and a restarted scheduler (or a cron `--once`) cannot start a second run.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path


class SiteBusy(RuntimeError):
    """Another process is running this site."""


class SiteLock:
    """An exclusive, non-blocking flock on `path`; a context manager."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    def acquire(self) -> SiteLock:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise SiteBusy(f"{self.path.stem} is being crawled by another process") from None
        self._fd = fd
        return self

    @property
    def fd(self) -> int:
        """The locked descriptor (to pass to a child process)."""
        if self._fd is None:
            raise RuntimeError("lock not held")
        return self._fd

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> SiteLock:
        return self if self._fd is not None else self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()


def is_locked(path: Path) -> bool:
    """Whether some process holds the lock at `path` (tests and `newscrawl runs` ask)."""
    if not path.exists():
        return False
    try:
        with SiteLock(path):
            return False
    except SiteBusy:
        return True
