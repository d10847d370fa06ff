"""Issue 14, items 1, 8 and 9: custom profiles, bad `-s` values, interrupted crawls.

Real processes against a real loopback site: the faults are in argument handling, process
start-up and signal handling, which in-process calls would not exercise.
"""

from __future__ import annotations

import contextlib
import io
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newscrawl.cli import main
from newscrawl.cli.runner import CrawlResult
from newscrawl.demo.server import serving
from tests.clirun import REPO, newscrawl
from tests.state_site import FAST_CRAWL, SyntheticSite, article_requests, read_output

PROFILE = """\
name = "{name}"
title = "موقعي"
domains = ["mysite.example"]
"""


def write_profile(folder: Path, name: str, text: str | None = None) -> None:
    folder.mkdir(exist_ok=True)
    (folder / f"{name}.toml").write_text(text or PROFILE.format(name=name), encoding="utf-8")


def no_traceback(result: subprocess.CompletedProcess) -> None:
    assert "Traceback" not in result.stderr, result.stderr[-3000:]


# --- item 1: custom profiles --------------------------------------------------------------


def test_custom_profile_from_the_s_setting_crawls(tmp_path: Path) -> None:
    profiles, output = tmp_path / "profiles", tmp_path / "out.jsonl"
    write_profile(profiles, "mysite")
    with serving(SyntheticSite(5, delay=(0, 0)).route) as server:
        result = newscrawl(
            "crawl", f"mysite={server.base_url}", "-o", str(output), *FAST_CRAWL,
            "-s", f"NEWSCRAWL_PROFILES_DIR={profiles}",
        )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    records, _, _ = read_output(output)
    assert len(records) == 5
    assert {r["site"] for r in records} == {"mysite"}


def test_custom_profile_from_the_environment_crawls(tmp_path: Path) -> None:
    profiles, output = tmp_path / "profiles", tmp_path / "out.jsonl"
    write_profile(profiles, "mysite")
    env = {**os.environ, "NEWSCRAWL_PROFILES_DIR": str(profiles)}
    with serving(SyntheticSite(3, delay=(0, 0)).route) as server:
        command = [sys.executable, "-m", "newscrawl.cli", "crawl", f"mysite={server.base_url}",
                   "-o", str(output), *FAST_CRAWL]  # fmt: skip
        result = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True,
                                timeout=120, check=False)  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    assert {r["site"] for r in read_output(output)[0]} == {"mysite"}
    listed = subprocess.run([sys.executable, "-m", "newscrawl.cli", "sites"], cwd=REPO, env=env,
                            capture_output=True, text=True, timeout=60, check=False)  # fmt: skip
    assert "mysite" in listed.stdout and "waha" in listed.stdout  # bundled ones stay


def test_bad_custom_profile_reusing_a_bundled_name_is_one_line(tmp_path: Path) -> None:
    profiles = tmp_path / "profiles"
    write_profile(profiles, "waha", 'name = "waha"\ndomains = "not a list"\n')
    result = newscrawl(
        "crawl", "waha=http://127.0.0.1:9/", "-s", f"NEWSCRAWL_PROFILES_DIR={profiles}"
    )
    assert result.returncode == 2
    no_traceback(result)
    assert result.stderr.count("\n") == 1 and "waha.toml" in result.stderr


def test_missing_profiles_folder_is_one_line(tmp_path: Path) -> None:
    result = newscrawl("crawl", "http://127.0.0.1:9/", "-s", "NEWSCRAWL_PROFILES_DIR=/nope/x")
    assert result.returncode == 2
    assert "profiles folder does not exist" in result.stderr


# --- item 8: bad -s values and targets ------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-s", "LOG_LEVEL=BOGUS"], "bad setting LOG_LEVEL"),
        (["-s", "DOWNLOAD_TIMEOUT=-5"], "must be > 0"),
        (["-s", "CONCURRENT_REQUESTS=0"], "must be > 0"),
        (["-s", "DOWNLOAD_DELAY=-1"], "must be ≥ 0"),
        (["-s", "DOWNLOAD_DELAY=nan"], "finite number"),
        (["-s", "NEWSCRAWL_NEAR_DUPLICATE_THRESHOLD=3"], "must be in (0, 1]"),
        (["-s", "SCHEDULER=no.such.Scheduler"], "cannot import"),
        (["-s", "ITEM_PIPELINES={oops"], "expected a JSON object"),
    ],
)
def test_bad_setting_values_exit_2_with_one_line(args: list[str], message: str) -> None:
    result = newscrawl("crawl", "http://127.0.0.1:9/", *args)
    assert result.returncode == 2
    no_traceback(result)
    assert result.stderr.count("\n") == 1 and message in result.stderr


@pytest.mark.parametrize("target", ["", "   "])
def test_empty_target_exits_2_with_one_line(target: str) -> None:
    result = newscrawl("crawl", target)
    assert result.returncode == 2
    no_traceback(result)
    assert "empty target" in result.stderr


def test_unknown_setting_name_warns_and_suggests(tmp_path: Path) -> None:
    with serving(SyntheticSite(2, delay=(0, 0)).route) as server:
        result = newscrawl("crawl", server.base_url, "-o", str(tmp_path / "o.jsonl"),
                           *FAST_CRAWL, "-s", "DOWNLOAD_DELAYS=1", "-s", "FOO=bar")  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    assert "unknown setting DOWNLOAD_DELAYS (did you mean DOWNLOAD_DELAY?)" in result.stderr
    assert "unknown setting FOO" in result.stderr


# --- item 9: interrupted crawls ---------------------------------------------------------------


@pytest.mark.parametrize(("sig", "status"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_interrupted_crawl_exits_with_the_signal_status(
    tmp_path: Path, sig: signal.Signals, status: int
) -> None:
    site = SyntheticSite(200, delay=(0.02, 0.05))
    output = tmp_path / "out.jsonl"
    with serving(site.route) as server:
        command = [sys.executable, "-m", "newscrawl.cli", "crawl", server.base_url,
                   "-o", str(output), *FAST_CRAWL]  # fmt: skip
        process = subprocess.Popen(command, cwd=REPO, stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, text=True)  # fmt: skip
        deadline = time.monotonic() + 60
        while len(article_requests(server.paths())) < 5 and time.monotonic() < deadline:
            time.sleep(0.02)
        process.send_signal(sig)
        _, stderr = process.communicate(timeout=60)
    assert process.returncode == status, stderr[-2000:]
    assert f"interrupted ({sig.name})" in stderr
    assert "Traceback" not in stderr
    records, malformed, complete = read_output(output)
    assert malformed == 0 and complete
    assert len({r["url"] for r in records}) == len(records)


# --- property: any -s NAME=VALUE and any target ends in 0, 1 or 2, never a traceback -----------

COMMON_SETTINGS = [
    "LOG_LEVEL", "DOWNLOAD_TIMEOUT", "DOWNLOAD_DELAY", "CONCURRENT_REQUESTS",
    "CONCURRENT_REQUESTS_PER_DOMAIN", "RETRY_TIMES", "RETRY_ENABLED", "DOWNLOAD_MAXSIZE",
    "AUTOTHROTTLE_ENABLED", "AUTOTHROTTLE_START_DELAY", "AUTOTHROTTLE_TARGET_CONCURRENCY",
    "REDIRECT_MAX_TIMES", "USER_AGENT", "ROBOTSTXT_OBEY", "DEPTH_LIMIT", "CLOSESPIDER_ITEMCOUNT",
    "NEWSCRAWL_MAX_DEPTH", "NEWSCRAWL_MAX_PAGES_PER_SITE", "NEWSCRAWL_FSYNC_ITEMS",
    "NEWSCRAWL_FSYNC_SECONDS", "NEWSCRAWL_NEAR_DUPLICATES", "NEWSCRAWL_NEAR_DUPLICATE_THRESHOLD",
    "NEWSCRAWL_MAX_SITEMAP_BYTES", "NEWSCRAWL_MAX_RETRY_AFTER", "NEWSCRAWL_EXTRACTOR",
    "NEWSCRAWL_PROFILES_DIR", "NEWSCRAWL_ARTICLE_LINK_HARVEST", "ITEM_PIPELINES", "SCHEDULER",
    "NEWSCRAWL_FRONTIER_WINDOW",
]  # fmt: skip
# what a command line can carry: no NUL, no lone surrogates
argv_chars = st.characters(exclude_characters="\x00", exclude_categories=("Cs",))
names = st.sampled_from(COMMON_SETTINGS) | st.text(argv_chars, min_size=1, max_size=20)
# small numbers: a legal DOWNLOAD_DELAY of hours would make a legal, but endless, test crawl
values = (
    st.integers(-3, 3).map(str) | st.floats(-3, 3).map(str) | st.sampled_from(["True", "no"])
    | st.text(argv_chars, max_size=20)
)  # fmt: skip
targets = st.text(argv_chars, max_size=30) | st.sampled_from(
    ["http://", "http://[::1", "waha=", "=x"]
)


@given(name=names, value=values, target=targets)
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_any_setting_and_target_is_checked_before_the_crawl(
    name: str, value: str, target: str
) -> None:
    """In-process, fast: the checks never raise, whatever they are given."""
    reached = []

    def fake_crawl(*args: object, **kwargs: object) -> CrawlResult:
        reached.append(args)
        return CrawlResult(stats={"finish_reason": "finished"})

    stderr = io.StringIO()
    with (
        mock.patch("newscrawl.cli.crawl.run_crawl", fake_crawl),
        contextlib.redirect_stderr(stderr),
        contextlib.redirect_stdout(io.StringIO()),
    ):
        try:
            status = main(["crawl", target, "-s", f"{name}={value}"])
        except SystemExit as exit_:  # argparse's own usage errors: one line, status 2
            status = int(exit_.code or 0)
    assert status in (0, 1, 2)
    assert "internal error" not in stderr.getvalue()
    assert status == 0 or not reached


@pytest.fixture(scope="module")
def tiny_site() -> Iterator[str]:
    with serving(SyntheticSite(2, delay=(0, 0)).route) as server:
        yield server.base_url


@given(name=names, value=values, live=st.booleans(), target=targets)
@settings(
    max_examples=12, deadline=None, database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)  # fmt: skip
def test_any_setting_and_target_ends_in_0_1_or_2_without_traceback(
    tiny_site: str, tmp_path: Path, name: str, value: str, live: bool, target: str
) -> None:
    """Real processes and a real crawl of a 2-article loopback site, for values that pass."""
    output = tmp_path / f"{time.monotonic_ns()}.jsonl"
    result = newscrawl(
        "crawl", tiny_site if live else target, "-o", str(output), "-s", "DOWNLOAD_DELAY=0",
        "-s", "AUTOTHROTTLE_ENABLED=False", "-s", f"{name}={value}", timeout=90,
    )  # fmt: skip
    assert result.returncode in (0, 1, 2), result.stderr[-2000:]
    no_traceback(result)
