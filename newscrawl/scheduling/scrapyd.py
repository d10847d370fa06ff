"""`newscrawl schedule --scrapyd URL`: each run is a Scrapyd job instead of a local process.

The project is deployed to Scrapyd as a normal Scrapy project (`scrapyd-deploy`, see scrapy.cfg);
a run is `schedule.json` (spider `news`, the target as its `targets` argument, the site's state
directory and the `-s` overrides as settings), then `status.json` until the job has finished.
Its outcome comes from the job log over HTTP: the spider ends every crawl with one INFO line
holding the run summary (`newscrawl.outcomes.SUMMARY_MARK`), so Scrapyd and the scheduler need
not share a disk. The scheduler keeps the site's lock for as long as the job runs; stopping the
scheduler cancels its jobs with SIGTERM, which stops a crawl as gracefully as a local one.
"""

from __future__ import annotations

import contextlib
import json
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from typing import Any

from newscrawl.outcomes import SUMMARY_MARK, kinds_from_json
from newscrawl.scheduling.launch import Layout, RunResult
from newscrawl.scheduling.locks import SiteLock
from newscrawl.scheduling.plan import SitePlan
from newscrawl.state.runs import INTERRUPTED

SPIDER = "news"
TIMEOUT = 30  # seconds for one HTTP call to Scrapyd


class ScrapydError(RuntimeError):
    """Scrapyd refused a call or could not be reached."""


def summary_from_log(text: str) -> dict[str, Any] | None:
    """The run summary in a job log (the last one, should a log hold several).

    >>> log = '2026-01-01 [x] INFO: newscrawl run summary: {"finish_reason": "finished"}\\n'
    >>> summary_from_log(log)
    {'finish_reason': 'finished'}
    >>> summary_from_log("no summary here") is None
    True
    """
    for line in reversed(text.splitlines()):
        _, mark, payload = line.partition(SUMMARY_MARK)
        if mark:
            try:
                data = json.loads(payload)
            except ValueError:
                continue
            return data if isinstance(data, dict) else None
    return None


def result_from_log(text: str, site: str) -> RunResult:
    """A Scrapyd job's result, read from its log."""
    summary = summary_from_log(text)
    entry = (summary or {}).get("sites", {}).get(site)
    if summary is None or entry is None:
        return RunResult("failed", detail="the job ended without a run summary (see its log)")
    interrupted = summary.get("finish_reason") == "shutdown"
    # a job of a deployment older than the kinds logs none: recorded as unknown, not as zero
    return RunResult(
        INTERRUPTED if interrupted else str(entry["outcome"]),
        int(entry.get("articles", 0)), int(entry.get("errors", 0)),
        detail=entry.get("unreachable") or None,
        error_kinds=kinds_from_json(entry.get("error_kinds")),
    )  # fmt: skip


class ScrapydLauncher:
    """Runs crawls as jobs of the Scrapyd at `url` (project `project`, already deployed)."""

    via = "scrapyd"

    def __init__(
        self, url: str, layout: Layout, settings: dict[str, str], *,
        project: str = "newscrawl", poll: float = 1.0,
    ) -> None:  # fmt: skip
        self.url = url.rstrip("/") + "/"
        self.layout = layout
        self.settings = settings
        self.project = project
        self.poll = poll
        self._jobs: set[str] = set()
        self._lock = threading.Lock()
        self._stopping = False

    def _call(self, endpoint: str, data: list[tuple[str, str]] | None = None) -> dict[str, Any]:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        try:
            with urllib.request.urlopen(self.url + endpoint, body, timeout=TIMEOUT) as response:
                answer = json.loads(response.read().decode("utf-8"))
        except (OSError, ValueError) as exc:
            raise ScrapydError(f"scrapyd {endpoint}: {exc}") from None
        if not isinstance(answer, dict) or answer.get("status") != "ok":
            message = answer.get("message") if isinstance(answer, dict) else answer
            raise ScrapydError(f"scrapyd {endpoint}: {message}")
        return answer

    def job_settings(self, plan: SitePlan) -> list[tuple[str, str]]:
        state = str(self.layout.site_state(plan.site).resolve())
        values = {"NEWSCRAWL_STATE_DIR": state, **self.settings}
        return [("setting", f"{name}={value}") for name, value in values.items()]

    def run(self, plan: SitePlan, lock: SiteLock) -> RunResult:
        form = [("project", self.project), ("spider", SPIDER), ("targets", plan.spec)]
        job = str(self._call("schedule.json", form + self.job_settings(plan))["jobid"])
        with self._lock:
            self._jobs.add(job)
            stopping = self._stopping
        try:
            if stopping:
                self._cancel(job)
            self._wait(job)
        finally:
            with self._lock:
                self._jobs.discard(job)
        return result_from_log(self._log(job), plan.site)

    def _wait(self, job: str) -> None:
        query = urllib.parse.urlencode({"job": job, "project": self.project})
        # None: Scrapyd no longer knows the job (it forgets old finished ones, or restarted)
        while self._call(f"status.json?{query}").get("currstate") not in ("finished", None):
            time.sleep(self.poll)

    def _log(self, job: str) -> str:
        path = "/".join(urllib.parse.quote(part) for part in (self.project, SPIDER, job))
        try:
            with urllib.request.urlopen(f"{self.url}logs/{path}.log", timeout=TIMEOUT) as reply:
                return str(reply.read().decode("utf-8", "replace"))
        except (OSError, urllib.error.URLError):
            return ""

    def _cancel(self, job: str, signal: str = "TERM") -> None:
        with contextlib.suppress(ScrapydError):  # it has just finished
            self._call("cancel.json", [("project", self.project), ("job", job), ("signal", signal)])

    def _cancel_all(self, signal: str) -> None:
        with self._lock:
            self._stopping = True
            jobs = list(self._jobs)
        for job in jobs:
            self._cancel(job, signal)

    def stop_all(self) -> None:
        self._cancel_all("TERM")

    def kill_all(self) -> None:
        self._cancel_all("KILL")
