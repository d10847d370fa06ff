"""Issue 11, item 2: schedule plans from profiles and options, backoff from the run history.

In-process and fast: the profile keys `every`, `jitter` and `active_hours`, their validation,
and the rules that turn a site's run history into its next run.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from pathlib import Path

import pytest

from newscrawl.profiles import ProfileError, load_profile
from newscrawl.scheduling.plan import Policy, SitePlan
from newscrawl.scheduling.sites import PlanError, plans_for
from newscrawl.state.runs import RunLog
from tests.clirun import newscrawl

PROFILE = """\
name = "{name}"
domains = ["{name}.example"]
start_urls = ["https://www.{name}.example/"]
timezone = "Asia/Riyadh"
{extra}
"""


def write_profile(folder: Path, name: str, extra: str = "") -> None:
    folder.mkdir(exist_ok=True)
    (folder / f"{name}.toml").write_text(PROFILE.format(name=name, extra=extra), encoding="utf-8")


def test_plans_come_from_profile_keys_and_options_override_them(tmp_path: Path) -> None:
    write_profile(tmp_path, "alpha", 'every = "30m"\njitter = "2m"\nactive_hours = "06:00-23:00"')
    write_profile(tmp_path, "beta", 'every = "2h"')
    write_profile(tmp_path, "gamma")  # no `every`: not scheduled unless named
    plans = {p.site: p for p in plans_for([], [], None, None, tmp_path)}
    assert set(plans) == {"alpha", "beta"}
    alpha = plans["alpha"]
    assert (alpha.every, alpha.jitter) == (timedelta(minutes=30), timedelta(minutes=2))
    assert alpha.active_hours == (time(6), time(23)) and str(alpha.zone) == "Asia/Riyadh"
    [beta] = plans_for(["beta"], ["alpha=5m", "10m"], "0s", "00:00-01:00", tmp_path)
    assert (beta.every, beta.jitter, beta.active_hours) == (
        timedelta(minutes=10), timedelta(0), (time(0), time(1))
    )  # fmt: skip
    [ad_hoc] = plans_for(["http://127.0.0.1:8080/"], ["127.0.0.1:8080=45s"], None, None, None)
    assert (ad_hoc.site, ad_hoc.every) == ("127.0.0.1:8080", timedelta(seconds=45))


def test_plan_errors_are_one_line(tmp_path: Path) -> None:
    write_profile(tmp_path, "gamma")
    with pytest.raises(PlanError, match="no interval for gamma"):
        plans_for(["gamma"], [], None, None, tmp_path)
    with pytest.raises(PlanError, match="given twice"):
        plans_for(["gamma", "gamma"], ["1m"], None, None, tmp_path)
    with pytest.raises(PlanError, match="no site to schedule"):
        plans_for([], [], None, None, tmp_path)


@pytest.mark.parametrize(
    ("extra", "message"),
    [('every = "soon"', "every: not a duration"), ('every = "0m"', "longer than zero"),
     ('jitter = "2 parsecs"', "jitter: not a duration"), ("every = 30", "expected str"),
     ('active_hours = "6-22"', "active_hours: not active hours")],
)  # fmt: skip
def test_bad_schedule_keys_in_a_profile_name_the_file_and_key(
    tmp_path: Path, extra: str, message: str
) -> None:
    write_profile(tmp_path, "delta", extra)
    with pytest.raises(ProfileError, match=message) as error:
        load_profile("delta", tmp_path)
    assert "delta.toml" in str(error.value)
    result = newscrawl("schedule", "--state", str(tmp_path / "s"), "-s",
                       f"NEWSCRAWL_PROFILES_DIR={tmp_path}")  # fmt: skip
    assert result.returncode == 2 and "delta.toml" in result.stderr, result.stderr


def test_the_history_drives_restarts_and_backoff(tmp_path: Path) -> None:
    log = RunLog(tmp_path / "runs.sqlite3")
    plan, policy = SitePlan("s", "s", timedelta(minutes=10)), Policy(timedelta(hours=1))
    now = datetime.now(UTC)
    assert log.last_started("s") is None  # never ran: due at once
    assert policy.next_run(plan, None, 0, now) == now
    for outcome in ("ok", "failed", "interrupted", "unreachable", "crashed"):
        log.finish(log.start("r", "s", "schedule"), outcome)
    assert log.failure_streak("s") == 3  # interrupted neither counts nor breaks the streak
    last = log.last_started("s")
    assert last is not None and now - timedelta(seconds=5) < last <= datetime.now(UTC)
    assert policy.next_run(plan, last, 3, last) == last + timedelta(hours=1)  # capped
    assert policy.is_due(plan, last, 3, last + timedelta(minutes=59)) is False
    log.finish(log.start("r", "s", "schedule"), "empty")
    assert log.failure_streak("s") == 0
    row = log.start("r", "s", "schedule")
    assert log.abandon_running("s") == 1
    assert log.recent("s", 1)[0].outcome == "crashed" and log.recent("s", 1)[0].id == row
    log.close()


def test_active_hours_hold_a_run_until_the_window_opens() -> None:
    plan = SitePlan("s", "s", timedelta(minutes=10), active_hours=(time(6), time(22)))
    night = datetime(2026, 5, 1, 23, 30, tzinfo=UTC)
    assert Policy().next_run(plan, None, 0, night) == datetime(2026, 5, 2, 6, tzinfo=UTC)
    assert Policy().is_due(plan, None, 0, night) is False
    assert Policy().is_due(plan, None, 0, night.replace(hour=12)) is True
