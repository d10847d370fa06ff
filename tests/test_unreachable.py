"""Issue 14 item 10: a dead or unresponsive site is given up quickly, and SIGTERM stops at once.

The slow server accepts connections and then sends one byte a second, forever: a download only
ends at DOWNLOAD_TIMEOUT, and Scrapy's graceful stop would wait for every one in flight.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.clirun import REPO, newscrawl
from tests.state_site import FAST_CRAWL


@contextmanager
def trickling_server() -> Iterator[str]:
    """An HTTP server on loopback that answers every request at one byte a second."""
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.2)
    stop = threading.Event()

    def trickle(conn: socket.socket) -> None:
        with conn:
            try:
                conn.recv(4096)
                conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n")
                while not stop.wait(1.0):
                    conn.sendall(b"x")
            except OSError:
                return

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                continue
            threading.Thread(target=trickle, args=(conn,), daemon=True).start()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/"
    finally:
        stop.set()
        thread.join(timeout=5)
        listener.close()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_sigterm_stops_a_crawl_stuck_on_slow_downloads_within_seconds(tmp_path: Path) -> None:
    with trickling_server() as url:
        command = [sys.executable, "-m", "newscrawl.cli", "crawl", url,
                   "-o", str(tmp_path / "o.jsonl"), *FAST_CRAWL]  # fmt: skip
        process = subprocess.Popen(command, cwd=REPO, stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, text=True)  # fmt: skip
        time.sleep(4)  # start-up, then robots.txt is trickling in
        process.terminate()
        sent = time.monotonic()
        _, stderr = process.communicate(timeout=60)
        took = time.monotonic() - sent
    assert process.returncode == 143, stderr[-2000:]
    assert took < 10, f"SIGTERM took {took:.1f}s"
    assert "Traceback" not in stderr


def test_an_unresponsive_site_is_given_up_after_robots_txt(tmp_path: Path) -> None:
    with trickling_server() as url:
        result = newscrawl("crawl", url, "-o", str(tmp_path / "o.jsonl"), *FAST_CRAWL,
                           "-s", "DOWNLOAD_TIMEOUT=1", timeout=60)  # fmt: skip
    assert result.returncode == 1
    assert f"newscrawl: unreachable: {url.rstrip('/')} (timeout)" in result.stderr
    assert "every site is unreachable" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_dead_port_is_one_line_and_exit_1(tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{free_port()}/"
    started = time.monotonic()
    result = newscrawl("crawl", url, "-o", str(tmp_path / "o.jsonl"), timeout=60)
    assert time.monotonic() - started < 20
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"newscrawl: unreachable: {url.rstrip('/')} (connection_refused)",
        "newscrawl: nothing could be fetched: every site is unreachable",
    ]
    errors = result.stdout.split(" errors")[0].rsplit(" ", 1)[-1]
    assert errors == "1", result.stdout  # robots.txt, the one URL that was tried
