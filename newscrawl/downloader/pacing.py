"""Per-host pacing: robots.txt `Crawl-delay` and `Retry-After` as "not before" times per host."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a `Retry-After` header (delay-seconds or HTTP-date), or None.

    >>> retry_after_seconds("2"), retry_after_seconds(" 0 "), retry_after_seconds("soon")
    (2.0, 0.0, None)
    >>> moment = datetime(2024, 5, 1, 12, 0, 0, tzinfo=UTC)
    >>> retry_after_seconds("Wed, 01 May 2024 12:00:30 GMT", now=moment)
    30.0
    >>> retry_after_seconds("Wed, 01 May 2024 11:00:00 GMT", now=moment)
    0.0
    """
    if value is None:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


@dataclass
class HostPacer:
    """When each host may next be contacted; one instance per crawl (owned by a middleware).

    >>> pacer = HostPacer()
    >>> pacer.set_interval("a", 2.0)
    >>> pacer.reserve("a", now=100.0), pacer.reserve("a", now=100.5), pacer.reserve("b", now=100.5)
    (0.0, 1.5, 0.0)
    >>> pacer.hold("b", until=110.0)
    >>> pacer.reserve("b", now=101.0)
    9.0
    """

    not_before: dict[str, float] = field(default_factory=dict)
    intervals: dict[str, float] = field(default_factory=dict)

    def set_interval(self, host: str, seconds: float) -> None:
        self.intervals[host] = max(0.0, seconds)

    def hold(self, host: str, *, until: float) -> None:
        """No request to `host` may start before `until` (monotonic seconds)."""
        self.not_before[host] = max(self.not_before.get(host, 0.0), until)

    def reserve(self, host: str, *, now: float) -> float:
        """Book the next start time for a request to `host`; returns how long to wait first."""
        start = max(now, self.not_before.get(host, 0.0))
        interval = self.intervals.get(host, 0.0)
        if interval or start > now:
            self.not_before[host] = start + interval
        return start - now
