"""One-line errors for the command line: no tracebacks for mistakes a user can fix."""

from __future__ import annotations

import sys


class UsageError(Exception):
    """A bad argument; the message is one line that says what to fix."""


class BusyError(Exception):
    """What the crawl needs is held by another running crawl (exit status 1, one line)."""


def fail(message: str, status: int = 2) -> int:
    """Print `newscrawl: message` on stderr and return the exit status to use."""
    print(f"newscrawl: {message}", file=sys.stderr)
    return status
