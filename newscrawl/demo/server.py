"""A small threaded HTTP server on loopback, for the demo and for tests.

Routing is a plain function from a `ServedRequest` to a `Reply`, so a test can serve a static site,
a fault (status sequences, slow bodies, redirects) or a site that changes between runs. Every
request is logged with a server-side timestamp, so tests judge what the crawler really fetched.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass(frozen=True)
class ServedRequest:
    """One request as the server saw it."""

    method: str
    path: str
    headers: dict[str, str]
    time: float


@dataclass
class Reply:
    """What the server answers; `body` may be bytes or an iterator of chunks (streamed)."""

    status: int = 200
    body: bytes | Iterator[bytes] = b""
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str = "text/html; charset=utf-8"


Router = Callable[[ServedRequest], Reply]


def not_found(_: ServedRequest) -> Reply:
    return Reply(404, b"<html><body><h1>404</h1></body></html>")


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        self._serve(send_body=True)

    def do_HEAD(self) -> None:
        self._serve(send_body=False)

    def _serve(self, *, send_body: bool) -> None:
        request = ServedRequest(self.command, self.path, dict(self.headers.items()), time.time())
        with self.server.log_lock:
            self.server.log.append(request)
        reply = self.server.router(request)
        self.send_response(reply.status)
        headers = {"Content-Type": reply.content_type, **reply.headers}
        for name, value in headers.items():
            self.send_header(name, value)
        if isinstance(reply.body, bytes):
            self.send_header("Content-Length", str(len(reply.body)))
            self.end_headers()
            if send_body:
                self.wfile.write(reply.body)
            return
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        try:
            for chunk in reply.body:
                if send_body:
                    self.wfile.write(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up on purpose (size caps), not an error here

    def log_message(self, format: str, *args: object) -> None:
        pass  # the request log above is the record; stderr noise helps nobody


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    router: Router
    log: list[ServedRequest]
    log_lock: threading.Lock

    def handle_error(self, request: Any, client_address: Any) -> None:
        # crash and kill tests hang up on purpose; their resets are not server errors
        if not isinstance(sys.exc_info()[1], ConnectionResetError | BrokenPipeError):
            super().handle_error(request, client_address)


class SiteServer:
    """A running loopback server: `base_url`, `port` and the request `log`."""

    def __init__(self, router: Router, host: str = "127.0.0.1", port: int = 0) -> None:
        self._httpd = _Server((host, port), _Handler)
        self._httpd.router = router
        self._httpd.log = []
        self._httpd.log_lock = threading.Lock()
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    @property
    def port(self) -> int:
        return int(self._httpd.server_address[1])

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    @property
    def log(self) -> list[ServedRequest]:
        with self._httpd.log_lock:
            return list(self._httpd.log)

    def paths(self) -> list[str]:
        """Requested paths, in arrival order."""
        return [r.path for r in self.log]

    def set_router(self, router: Router) -> None:
        self._httpd.router = router

    def start(self) -> SiteServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)


@contextmanager
def serving(router: Router) -> Iterator[SiteServer]:
    """Serve `router` on a free loopback port for the duration of the block."""
    server = SiteServer(router).start()
    try:
        yield server
    finally:
        server.stop()
