"""Which sites a `newscrawl schedule` runs, and each one's plan (profile keys, then options).

The interval of a site is, in order: `--every SITE=DUR`, `--every DUR`, the profile's `every`.
An ad-hoc URL has no profile, so it needs one of the options. `--jitter` and `--active-hours`
replace the profile's `jitter` and `active_hours` for every site.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, timedelta, timezone, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo

from newscrawl.profiles import SiteProfile, load_profiles
from newscrawl.profiles.timing import parse_active_hours, parse_duration, parse_interval
from newscrawl.scheduling.plan import SitePlan
from newscrawl.targets import parse_target

_OFFSET = re.compile(r"([+-])(\d{2}):(\d{2})")


class PlanError(ValueError):
    """A site cannot be scheduled as asked (one line for the user)."""


def zone_of(name: str | None) -> tzinfo:
    """The zone active hours are read in: the profile's timezone, else the machine's.

    >>> zone_of("+03:00"), zone_of("Asia/Riyadh")
    (datetime.timezone(datetime.timedelta(seconds=10800)), zoneinfo.ZoneInfo(key='Asia/Riyadh'))
    """
    if not name:
        from tzlocal import get_localzone  # APScheduler's own dependency

        return get_localzone() or UTC
    found = _OFFSET.fullmatch(name)
    if found:
        sign, hours, minutes = found.groups()
        offset = timedelta(hours=int(hours), minutes=int(minutes))
        return timezone(-offset if sign == "-" else offset)
    return ZoneInfo(name)


def split_every(values: Sequence[str]) -> tuple[timedelta | None, dict[str, timedelta]]:
    """`--every` values: one for every site (`30m`) and per site (`waha=10m`).

    >>> split_every(["30m", "waha=10s"])
    (datetime.timedelta(seconds=1800), {'waha': datetime.timedelta(seconds=10)})
    """
    default: timedelta | None = None
    per_site: dict[str, timedelta] = {}
    for value in values:
        site, sep, text = value.rpartition("=")
        try:
            duration = parse_interval(text)
        except ValueError as exc:
            raise PlanError(f"--every: {exc}") from None
        if sep:
            per_site[site] = duration
        else:
            default = duration
    return default, per_site


def _parsed(profile: SiteProfile, key: str, text: str | None) -> str | None:
    return text if text is not None else getattr(profile, key)


def plan_for(
    spec: str, every: Sequence[str], jitter: str | None, active_hours: str | None,
    profiles_dir: Path | None,
) -> SitePlan:  # fmt: skip
    """The plan of one target spec (profile name, URL, or PROFILE=URL)."""
    target = parse_target(spec, profiles_dir)
    profile = target.profile
    default, per_site = split_every(every)
    interval = per_site.get(target.site) or per_site.get(spec) or default
    if interval is None and profile.every:
        interval = parse_interval(profile.every)
    if interval is None:
        raise PlanError(
            f"no interval for {target.site}: give --every or set `every` in its profile"
        )
    try:
        jitter_text = _parsed(profile, "jitter", jitter)
        hours_text = _parsed(profile, "active_hours", active_hours)
        return SitePlan(
            site=target.site, spec=spec.strip(), every=interval,
            jitter=parse_duration(jitter_text) if jitter_text else timedelta(0),
            active_hours=parse_active_hours(hours_text) if hours_text else None,
            zone=zone_of(profile.timezone),
        )  # fmt: skip
    except ValueError as exc:
        raise PlanError(str(exc)) from None


def plans_for(
    specs: Sequence[str], every: Sequence[str], jitter: str | None, active_hours: str | None,
    profiles_dir: Path | None,
) -> list[SitePlan]:  # fmt: skip
    """Every site's plan; without specs, every profile that sets `every`."""
    if not specs:
        specs = [n for n, p in sorted(load_profiles(profiles_dir).items()) if p.every]
        if not specs:
            raise PlanError("no site to schedule: name sites, or set `every` in site profiles")
    plans = [plan_for(spec, every, jitter, active_hours, profiles_dir) for spec in specs]
    seen: set[str] = set()
    for plan in plans:
        if plan.site in seen:
            raise PlanError(f"site {plan.site} is given twice")
        seen.add(plan.site)
    return plans
