"""Run each site's crawl when it is due: APScheduler for the timing, our rules for the rest.

APScheduler (3.x) runs one job per site on a thread pool (`--max-parallel`), never two instances
of a job at once (`max_instances=1`), with a trigger that asks our `Policy` when the site is due
next. After each run the job is moved to the time the run history now implies: the interval
counted from this run's start, doubled per failure in a row (backoff). The first time comes from
the history too, so a restart does not run every site at once.

`run_site` is one run: the site's flock (no second run of a site, whichever process asks), a
`running` row in the history, the launcher (local process or Scrapyd), then the row completed.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime

from apscheduler.events import EVENT_JOB_ERROR, EVENT_JOB_EXECUTED, JobExecutionEvent
from apscheduler.executors.pool import ThreadPoolExecutor as PoolExecutor
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.base import BaseTrigger

from newscrawl.outcomes import exit_status
from newscrawl.scheduling.launch import Launcher, Layout, RunResult
from newscrawl.scheduling.locks import SiteBusy, SiteLock
from newscrawl.scheduling.plan import Policy, SitePlan
from newscrawl.state.extension import new_run_id
from newscrawl.state.runs import RunLog

Say = Callable[[str], None]


class SiteTrigger(BaseTrigger):
    """An APScheduler trigger: when the history says `plan`'s site is due next."""

    def __init__(self, plan: SitePlan, policy: Policy, history: Callable[[], RunLog]) -> None:
        self.plan, self.policy, self.history = plan, policy, history

    def __str__(self) -> str:  # APScheduler names the trigger in its log lines
        return f"every {self.plan.every} (run history: {self.plan.site})"

    def _past(self) -> tuple[datetime | None, int]:
        log = self.history()
        try:
            return log.last_started(self.plan.site), log.failure_streak(self.plan.site)
        finally:
            log.close()

    def get_next_fire_time(
        self, previous_fire_time: datetime | None, now: datetime
    ) -> datetime | None:
        if previous_fire_time is None:  # the job is being added: continue from the history
            last, failures = self._past()
            return self.policy.next_run(self.plan, last, failures, now)
        # The job is being submitted. When its run ends, `Scheduler._after_run` sets the real
        # next time; this one is only a fallback, far enough that a long run is never due again
        # while it lasts (APScheduler would skip it with a warning).
        return previous_fire_time + self.policy.max_backoff + self.plan.every


class Scheduler:
    """The sites' plans, their run history, and how runs are launched."""

    def __init__(
        self, plans: Sequence[SitePlan], layout: Layout, launcher: Launcher, *,
        policy: Policy | None = None, max_parallel: int = 2, say: Say = print,
    ) -> None:  # fmt: skip
        self.plans = list(plans)
        self.layout = layout
        self.launcher = launcher
        self.policy = policy or Policy()
        self.max_parallel = max_parallel
        self.say = say
        self.stopping = threading.Event()
        self._active = 0
        self._idle = threading.Condition()

    def history(self) -> RunLog:
        """A connection of the calling thread's own (SQLite objects stay in their thread)."""
        return RunLog(self.layout.history)

    def run_site(self, plan: SitePlan) -> RunResult | None:
        """One run of `plan`'s site, recorded; None when it did not start (busy, stopping)."""
        if self.stopping.is_set():
            return None
        try:
            lock = SiteLock(self.layout.lock(plan.site)).acquire()
        except SiteBusy as exc:
            self.say(f"{plan.site}: skipped, {exc}")
            return None
        with lock, self._counted():
            log = self.history()
            try:
                return self._recorded_run(plan, lock, log)
            finally:
                log.close()

    def _recorded_run(self, plan: SitePlan, lock: SiteLock, log: RunLog) -> RunResult:
        if log.abandon_running(plan.site):  # ours now: whoever left it running is gone
            self.say(f"{plan.site}: an earlier run ended without a record (crashed)")
        row = log.start(new_run_id(), plan.site, self.launcher.via)
        self.say(f"{plan.site}: run started")
        started = time.monotonic()
        try:
            result = self.launcher.run(plan, lock)
        except Exception as exc:  # a launcher fault (Scrapyd down): a failed run, not a crash
            result = RunResult("failed", detail=f"{type(exc).__name__}: {exc}")
        log.finish(row, result.outcome, articles=result.articles, errors=result.errors,
                   exit_status=result.exit_status, detail=result.detail,
                   error_kinds=result.error_kinds)  # fmt: skip
        took = time.monotonic() - started
        detail = f" ({result.detail})" if result.detail else ""
        self.say(f"{plan.site}: {result.outcome}, {result.articles} articles, "
                 f"{result.errors} errors in {took:.1f}s{detail}")  # fmt: skip
        return result

    def _counted(self) -> _Active:
        return _Active(self)

    def wait_idle(self, timeout: float) -> bool:
        """Wait until no run is active; False on timeout."""
        with self._idle:
            return self._idle.wait_for(lambda: self._active == 0, timeout)

    # --- --once ---------------------------------------------------------------------------

    def due_now(self) -> list[SitePlan]:
        now = datetime.now(UTC)
        log = self.history()
        try:
            return [
                plan for plan in self.plans
                if self.policy.is_due(plan, log.last_started(plan.site),
                                      log.failure_streak(plan.site), now)
            ]  # fmt: skip
        finally:
            log.close()

    def once(self) -> int:
        """Run every site that is due now (at most `max_parallel` at a time); the exit status."""
        due = self.due_now()
        if not due:
            self.say("nothing is due")
            return 0
        with ThreadPoolExecutor(self.max_parallel, thread_name_prefix="run") as pool:
            results = list(pool.map(self.run_site, due))
        # a run stopped by our own stop is no failure; the caller reports the signal
        return exit_status(r.outcome for r in results if r is not None)

    # --- long-running ---------------------------------------------------------------------

    def start(self) -> BackgroundScheduler:
        """Start the APScheduler jobs (one per site) in the background."""
        aps = BackgroundScheduler(
            executors={"default": PoolExecutor(self.max_parallel)},
            job_defaults={"max_instances": 1, "coalesce": True, "misfire_grace_time": None},
            timezone=UTC,
        )
        for plan in self.plans:
            trigger = SiteTrigger(plan, self.policy, self.history)
            aps.add_job(self.run_site, trigger, args=[plan], id=plan.site, name=plan.site)
        aps.add_listener(lambda event: self._after_run(aps, event),
                         EVENT_JOB_EXECUTED | EVENT_JOB_ERROR)  # fmt: skip
        aps.start()
        for job in aps.get_jobs():
            self.say(f"{job.id}: next run at {job.next_run_time:%Y-%m-%d %H:%M:%S %Z}")
        return aps

    def _after_run(self, aps: BackgroundScheduler, event: JobExecutionEvent) -> None:
        """Move the site's next run to what its history now implies (interval, backoff)."""
        plan = next((p for p in self.plans if p.site == event.job_id), None)
        if plan is None or self.stopping.is_set():
            return
        log = self.history()
        try:
            last, failures = log.last_started(plan.site), log.failure_streak(plan.site)
        finally:
            log.close()
        due = self.policy.next_run(plan, last, failures, datetime.now(UTC))
        try:
            aps.modify_job(plan.site, next_run_time=due)
        except Exception:  # the scheduler is shutting down under us: nothing left to plan
            return
        backoff = f" (backoff after {failures} failed runs)" if failures else ""
        self.say(f"{plan.site}: next run at {due:%H:%M:%S %Z}{backoff}")

    def stop(self, aps: BackgroundScheduler | None, timeout: float) -> bool:
        """Start no more runs, ask running ones to stop, wait; kill what is left after `timeout`.

        True when every run stopped gracefully.
        """
        self.stopping.set()
        if aps is not None:
            aps.shutdown(wait=False)
        self.launcher.stop_all()
        if self.wait_idle(timeout):
            return True
        self.say(f"runs still going after {timeout:.0f}s: killing them")
        self.launcher.kill_all()
        self.wait_idle(10)
        return False


class _Active:
    """Counts a run as active while it lasts (so a stop can wait for the last one)."""

    def __init__(self, scheduler: Scheduler) -> None:
        self.scheduler = scheduler

    def __enter__(self) -> None:
        with self.scheduler._idle:
            self.scheduler._active += 1

    def __exit__(self, *exc: object) -> None:
        with self.scheduler._idle:
            self.scheduler._active -= 1
            self.scheduler._idle.notify_all()
