"""When a known article counts as changed: timestamp comparison for lastmod revisits."""

from __future__ import annotations

from datetime import UTC, datetime


def _parse(stamp: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(stamp.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def is_newer(candidate: str | None, reference: str | None) -> bool:
    """Whether timestamp `candidate` is strictly later than `reference`.

    A missing or unreadable candidate is never newer; a missing reference is older than any
    readable candidate. Naive times are taken as UTC.

    >>> is_newer("2026-03-02T10:00:00+03:00", "2026-03-02T06:00:00Z")
    True
    >>> is_newer("2026-03-02", "2026-03-02T00:00:00+00:00")
    False
    >>> is_newer("2026-03-02", None), is_newer(None, "2026-03-02"), is_newer("soon", None)
    (True, False, False)
    """
    new = _parse(candidate) if candidate else None
    if new is None:
        return False
    old = _parse(reference) if reference else None
    return old is None or new > old
