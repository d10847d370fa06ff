"""Issue 14 item 3: two crawls on one output file must not write everything twice."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import pytest

from newscrawl.demo.server import Reply, ServedRequest, serving
from newscrawl.pipelines.output_files import OutputFile, OutputInUseError, check_output_free
from tests.clirun import REPO
from tests.state_site import FAST_CRAWL, SyntheticSite, article_requests, read_output


def test_an_open_output_file_is_locked_against_a_second_writer(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    first = OutputFile(path)
    with pytest.raises(OutputInUseError):
        OutputFile(path)
    with pytest.raises(OutputInUseError):
        check_output_free(path)
    first.close()
    check_output_free(path)  # released with the file
    OutputFile(path).close()


def test_second_crawl_on_the_same_output_exits_1_and_nothing_is_written_twice(
    tmp_path: Path,
) -> None:
    output = tmp_path / "same.jsonl"
    site = SyntheticSite(40, delay=(0.02, 0.04))
    second_done, served = threading.Event(), Counter[str]()

    def route(request: ServedRequest) -> Reply:
        # the first crawl's articles after its first few wait for the second crawl to end:
        # however fast the first one is, it is still writing when the second one starts
        if article_requests([request.path]):
            served["articles"] += 1
            if served["articles"] > 3:
                second_done.wait(60)
        return site.route(request)

    with serving(route) as server:
        command = [sys.executable, "-m", "newscrawl.cli", "crawl", server.base_url,
                   "-o", str(output), *FAST_CRAWL]  # fmt: skip
        first = subprocess.Popen(command, cwd=REPO, stdout=subprocess.DEVNULL,
                                 stderr=subprocess.PIPE, text=True)  # fmt: skip
        deadline = time.monotonic() + 60
        while not article_requests(server.paths()) and time.monotonic() < deadline:
            time.sleep(0.02)
        second = subprocess.run(command, cwd=REPO, capture_output=True, text=True,
                                timeout=120, check=False)  # fmt: skip
        second_done.set()
        _, first_stderr = first.communicate(timeout=120)
    assert first.returncode == 0, first_stderr[-2000:]
    assert second.returncode == 1
    assert second.stderr == f"newscrawl: output file is in use by another crawl: {output}\n"
    records, malformed, complete = read_output(output)
    counts = Counter(r["url"] for r in records)
    assert malformed == 0 and complete
    assert len(counts) == 40 and max(counts.values()) == 1
