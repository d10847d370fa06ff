"""The whole performance suite, each part in its own process, one after the other.

    python -m benchmarks.perf [--articles 5000] [--out DIR] [--quick] [--python-server]
        [--only crawl,micro,scale,multisite] [--cache-dir DIR]

Prints each part's report and writes its JSON to OUT/<part>.json (default: a new temporary
directory, named at the end). `--quick` shrinks every part (CI-sized: a few seconds each); the
figures are then only a check that everything runs, not measurements.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.perf.runner import REPO, python_env

PARTS = ("crawl", "micro", "scale", "multisite")
QUICK = {
    "crawl": ["--articles", "12", "--timeout", "120"],
    "micro": ["--pages", "6", "--site-articles", "50", "--corpus-pages", "3",
              "--date-rounds", "1", "--timeout", "60"],
    "scale": ["--state-urls", "3000", "--neardup-articles", "3000", "--timeout", "60"],
    "multisite": ["--sites", "3", "--articles-per-site", "4", "--timeout", "120"],
}  # fmt: skip
TIMEOUTS = {"crawl": 3600, "micro": 900, "scale": 1800, "multisite": 900}


def part_arguments(part: str, args: argparse.Namespace, out: Path) -> list[str]:
    chosen = list(QUICK[part]) if args.quick else []
    if part == "crawl" and not args.quick:
        chosen += ["--articles", str(args.articles)]
    if part in ("crawl", "multisite"):
        chosen += ["--python-server"] if args.python_server else []
        chosen += ["--cache-dir", str(args.cache_dir)] if args.cache_dir else []
    return [*chosen, "--json", str(out / f"{part}.json")]


def run_part(part: str, args: argparse.Namespace, out: Path) -> int:
    command = [sys.executable, "-m", f"benchmarks.perf.{part}", *part_arguments(part, args, out)]
    print(f"\n## {part}: {' '.join(command[1:])}\n", flush=True)
    bound = TIMEOUTS[part] + 120  # the part bounds itself; this catches a part that cannot
    try:
        return subprocess.run(command, cwd=REPO, env=python_env(), timeout=bound).returncode
    except subprocess.TimeoutExpired:
        print(f"{part}: killed after {bound} s", flush=True)
        return 1


def main(argv: list[str] | None = None) -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--articles", type=int, default=5000, help="crawl comparison site size")
    options.add_argument("--out", type=Path, help="directory for the JSON results")
    options.add_argument("--quick", action="store_true", help="tiny sizes: a smoke run")
    options.add_argument("--python-server", action="store_true", help="skip nginx")
    options.add_argument("--cache-dir", type=Path, help="where generated sites are kept")
    options.add_argument("--only", default=",".join(PARTS), help="comma-separated parts")
    args = options.parse_args(argv)
    parts = [p for p in args.only.split(",") if p]
    if not set(parts) <= set(PARTS):
        options.error(f"--only takes parts among {', '.join(PARTS)}")
    out = args.out or Path(tempfile.mkdtemp(prefix="newscrawl-perf-"))
    out.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    failed = [part for part in parts if run_part(part, args, out) != 0]
    print(f"\nsuite done in {time.monotonic() - started:.0f} s; JSON results in {out}")
    if failed:
        print(f"FAILED parts: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
