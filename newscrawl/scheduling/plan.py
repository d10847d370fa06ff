"""When each site runs: its interval, jitter and active hours, and the backoff after failures.

Pure functions over datetimes (aware, UTC); the scheduler feeds them the run history's last
start time and failure streak, so a restart picks up where the last process left off.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta, tzinfo

MAX_DOUBLINGS = 30  # beyond this every * 2**n overflows long before any cap matters
SAFE_NAME = re.compile(r"[^\w.\-]")


def safe_name(site: str) -> str:
    """A site name usable as one file or folder name.

    >>> safe_name("127.0.0.1:8080"), safe_name("waha"), safe_name("[::1]:80")
    ('127.0.0.1_8080', 'waha', '___1__80')
    """
    return SAFE_NAME.sub("_", site) or "_"


@dataclass(frozen=True)
class SitePlan:
    """How one site is scheduled."""

    site: str
    """The site name (profile name, or host[:port] of an ad-hoc URL): the run history's key."""
    spec: str
    """The crawl target as given: profile name, URL or PROFILE=URL."""
    every: timedelta
    jitter: timedelta = timedelta(0)
    active_hours: tuple[time, time] | None = None
    zone: tzinfo = UTC
    """Where `active_hours` are read: the profile's timezone, else the machine's."""


def backoff_delay(every: timedelta, failures: int, cap: timedelta) -> timedelta:
    """The wait before the next run: `every`, doubled for each failed run in a row, up to `cap`.

    The cap never shortens the normal interval.

    >>> every, cap = timedelta(minutes=10), timedelta(hours=1)
    >>> [backoff_delay(every, n, cap) // timedelta(minutes=1) for n in range(5)]
    [10, 20, 40, 60, 60]
    >>> backoff_delay(timedelta(hours=2), 3, cap)
    datetime.timedelta(seconds=7200)
    """
    delay = every * 2 ** min(failures, MAX_DOUBLINGS)
    return max(every, min(delay, cap))


def in_window(moment: time, start: time, end: time) -> bool:
    """Whether a time of day lies in [start, end), a window that may wrap past midnight.

    >>> in_window(time(23), time(22), time(6)), in_window(time(12), time(22), time(6))
    (True, False)
    """
    if start < end:
        return start <= moment < end
    return moment >= start or moment < end


def into_active_hours(due: datetime, hours: tuple[time, time] | None, zone: tzinfo) -> datetime:
    """`due`, or the next start of the active window when `due` falls outside it.

    >>> hours = (time(6), time(22))
    >>> into_active_hours(datetime(2026, 1, 1, 12, tzinfo=UTC), hours, UTC).hour
    12
    >>> into_active_hours(datetime(2026, 1, 1, 23, tzinfo=UTC), hours, UTC).isoformat()
    '2026-01-02T06:00:00+00:00'
    >>> into_active_hours(datetime(2026, 1, 1, 3, tzinfo=UTC), hours, UTC).isoformat()
    '2026-01-01T06:00:00+00:00'
    """
    if hours is None:
        return due
    start, end = hours
    local = due.astimezone(zone)
    if in_window(local.time(), start, end):
        return due
    opening = datetime.combine(local.date(), start, tzinfo=zone)
    if opening <= local:
        opening = datetime.combine(local.date() + timedelta(days=1), start, tzinfo=zone)
    return opening.astimezone(UTC)


@dataclass(frozen=True)
class Policy:
    """The scheduling rules shared by every site: the backoff cap and the source of jitter."""

    max_backoff: timedelta = timedelta(hours=6)
    rng: random.Random = random.Random()  # noqa: RUF009 (one shared generator is the point)

    def jitter(self, plan: SitePlan) -> timedelta:
        seconds = plan.jitter.total_seconds()
        return timedelta(seconds=self.rng.uniform(0, seconds)) if seconds > 0 else timedelta(0)

    def delay(self, plan: SitePlan, failures: int) -> timedelta:
        return backoff_delay(plan.every, failures, self.max_backoff)

    def next_run(
        self, plan: SitePlan, last_started: datetime | None, failures: int, now: datetime
    ) -> datetime:
        """When `plan`'s site runs next: now if it never ran, else after its (backed-off) delay.

        >>> plan = SitePlan("a", "a", timedelta(minutes=30))
        >>> now = datetime(2026, 1, 1, 12, tzinfo=UTC)
        >>> Policy().next_run(plan, None, 0, now) == now
        True
        >>> Policy().next_run(plan, now - timedelta(minutes=10), 0, now).minute
        20
        >>> Policy().next_run(plan, now - timedelta(minutes=10), 1, now).minute
        50
        """
        due = now if last_started is None else last_started + self.delay(plan, failures)
        return into_active_hours(max(due, now) + self.jitter(plan), plan.active_hours, plan.zone)

    def is_due(
        self, plan: SitePlan, last_started: datetime | None, failures: int, now: datetime
    ) -> bool:
        """For `--once`: whether the site's (backed-off) interval has passed, in active hours.

        Jitter does not apply: cron already decides when `--once` runs.
        """
        if plan.active_hours and not in_window(
            now.astimezone(plan.zone).time(), *plan.active_hours
        ):
            return False
        return last_started is None or last_started + self.delay(plan, failures) <= now
