"""What every part of the suite shares: bounded child runs with their own rusage, machine facts.

Each measured pipeline is a child process so its CPU time and peak RSS are its own (`os.wait4`),
not the benchmark's. Every child is killed at the run's deadline, so a benchmark always ends.
"""

from __future__ import annotations

import cProfile
import io
import json
import os
import platform
import pstats
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class ChildRun:
    exit: int
    wall_s: float
    cpu_s: float
    peak_rss_mb: float
    """The largest single process of the run (the child or one of its descendants)."""
    peak_tree_rss_mb: float
    """The most the child and its descendants (extraction workers) held together, sampled."""
    load_before: float
    timed_out: bool


def load_1min() -> float:
    return round(os.getloadavg()[0], 2)


def run_child(
    command: list[str], log: Path, deadline: float, *, cwd: Path | None = None,
    env: dict[str, str] | None = None,
) -> ChildRun:  # fmt: skip
    """Run `command` to completion or until `deadline` (then kill it); its own rusage."""
    load = load_1min()
    with log.open("wb") as sink:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd or REPO, env=env, stdout=sink,
                                   stderr=subprocess.STDOUT)  # fmt: skip
        killed = threading.Event()

        def kill() -> None:
            killed.set()
            process.kill()

        killer = threading.Timer(max(deadline - time.monotonic(), 0.0), kill)
        killer.start()
        tree = TreeRss(process.pid)
        try:
            _, status, usage = os.wait4(process.pid, 0)  # this child's rusage alone
        finally:
            killer.cancel()
            tree.stop()
        wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    return ChildRun(
        exit=process.returncode, wall_s=round(wall, 2),
        cpu_s=round(usage.ru_utime + usage.ru_stime, 2),
        peak_rss_mb=round(usage.ru_maxrss / 1024, 1),  # Linux reports kilobytes
        peak_tree_rss_mb=round(max(tree.peak_kb, usage.ru_maxrss) / 1024, 1),
        load_before=load, timed_out=killed.is_set(),
    )  # fmt: skip


class TreeRss:
    """Samples (every 0.2 s) the RSS of a process and all its descendants, summed: `wait4`
    gives the largest process only, and a crawl with extraction workers is several."""

    def __init__(self, pid: int) -> None:
        self.pid, self.peak_kb = pid, 0
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _sample(self) -> None:
        while not self._done.wait(0.2):
            self.peak_kb = max(self.peak_kb, sum(map(_rss_kb, _tree(self.pid))))

    def stop(self) -> None:
        self._done.set()
        self._thread.join()


def _tree(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry.name))
    found, pending = [], [root]
    while pending:
        pid = pending.pop()
        found.append(pid)
        pending.extend(children.get(pid, []))
    return found


def _rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def python_env() -> dict[str, str]:
    """The environment for children: the repository importable, whatever their cwd."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    return env


def newscrawl_command() -> list[str]:
    """The `newscrawl` console script next to this interpreter, as a user runs it."""
    script = Path(sys.executable).parent / "newscrawl"
    return [str(script)] if script.exists() else [sys.executable, "-m", "newscrawl.cli"]


def machine() -> dict[str, Any]:
    import lxml.etree
    import scrapy
    import trafilatura

    return {
        "nproc": os.cpu_count(), "platform": platform.platform(),
        "cpu": _cpu_model(), "python": platform.python_version(),
        "scrapy": scrapy.__version__, "trafilatura": trafilatura.__version__,
        "lxml": ".".join(map(str, lxml.etree.LXML_VERSION[:3])),
        "load_at_start": [round(x, 2) for x in os.getloadavg()],
    }  # fmt: skip


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def line_count(path: Path) -> int:
    if not path.exists():
        return 0
    with path.open("rb") as data:
        return sum(chunk.count(b"\n") for chunk in iter(lambda: data.read(1 << 20), b""))


def profile_text(profiler: cProfile.Profile, top: int) -> str:
    """The `top` functions of a profile by cumulative time, then by own time."""
    text = io.StringIO()
    stats = pstats.Stats(profiler, stream=text).strip_dirs()
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)
    return text.getvalue()


def publish(text: str, results: dict[str, Any], path: Path | None) -> None:
    """Print a benchmark's report and, given a path, write its results there as JSON."""
    print(text)
    if path:
        path.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n")


def exit_status(results: dict[str, Any]) -> int:
    """1 when the benchmark ran out of time or one of its measured commands failed, else 0."""
    failed = results["timed_out"] or any(row["exit"] != 0 for row in results["rows"])
    return 1 if failed else 0


def markdown_table(rows: list[dict[str, Any]], columns: list[str]) -> str:
    """Rows as a Markdown table over `columns`.

    >>> print(markdown_table([{"a": 1, "b": "x"}], ["a", "b"]))
    | a | b |
    |---|---|
    | 1 | x |
    """
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(str(row.get(c, "")) for c in columns) + " |" for row in rows]
    return "\n".join(lines)


def describe_machine(facts: dict[str, Any]) -> str:
    return (
        f"machine: nproc={facts['nproc']} ({facts['cpu']}), {facts['platform']}, "
        f"Python {facts['python']}, Scrapy {facts['scrapy']}, trafilatura {facts['trafilatura']}, "
        f"lxml {facts['lxml']}; load average at start {facts['load_at_start']}"
    )
