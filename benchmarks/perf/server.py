"""Serve generated sites on loopback: Debian's nginx when installed, else a threaded Python server.

nginx runs as a non-daemon child with a config generated in a private directory, one `server`
block per site (each site on its own 127.0.0.x address, so Scrapy gives each its own download
slot, as real sites on different hosts get). Both servers write the same access log line,
`msec address status uri`, which the benchmarks count requests from. Without nginx, the
fallback is this module run as a child
(`python -m benchmarks.perf.server PORT LOG HOST PAGES DOCUMENTS [HOST PAGES DOCUMENTS]...`).
"""

from __future__ import annotations

import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

REPO = Path(__file__).resolve().parents[2]
DOCUMENTS = ("/robots.txt", "/sitemap.xml", "/feed.xml", "/sitemaps/")
"""Served from a site's per-run documents directory: they carry the origin, the pages do not."""
TYPES = {"html": "text/html", "xml": "application/xml", "txt": "text/plain",
         "jpg": "image/jpeg", "svg": "image/svg+xml"}  # fmt: skip


@dataclass(frozen=True)
class SiteRoot:
    """A site to serve: its address, its pages and its per-run documents (see DOCUMENTS)."""

    host: str
    pages: Path
    documents: Path


@dataclass(frozen=True)
class LogLine:
    when: float
    host: str
    status: int
    uri: str


def _free_port(hosts: list[str]) -> int:
    """A port free on every host (sites share one port, each on its own address)."""
    for _ in range(50):
        with socket.socket() as probe:
            probe.bind((hosts[0], 0))
            port = int(probe.getsockname()[1])
        try:
            for host in hosts[1:]:
                with socket.socket() as other:
                    other.bind((host, port))
        except OSError:
            continue
        return port
    raise RuntimeError("no port free on every loopback address")


def _server_block(site: SiteRoot, port: int) -> str:
    documents = "".join(
        f"location {'^~' if path.endswith('/') else '='} {path} {{ root {site.documents}; }} "
        for path in DOCUMENTS
    )
    return (
        f"server {{ listen {site.host}:{port}; root {site.pages}; index index.html; "
        f"{documents}location / {{ try_files $uri $uri/ =404; }} }}\n"
    )


def nginx_config(sites: list[SiteRoot], port: int, prefix: Path) -> str:
    """An nginx.conf serving each site on host:port, logging to prefix/access.log."""
    types = " ".join(f"{kind} {ext};" for ext, kind in TYPES.items())
    # As root, workers would drop to `nobody`, who may not read a private temp dir.
    owner = pwd.getpwuid(sites[0].pages.stat().st_uid).pw_name if os.geteuid() == 0 else ""
    servers = "".join(_server_block(site, port) for site in sites)
    temp = " ".join(f"{name}_temp_path {prefix}/{name};" for name in
                    ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))  # fmt: skip
    return (
        f"{f'user {owner};' if owner else ''}\ndaemon off; worker_processes 1;\n"
        f"pid {prefix}/nginx.pid; error_log {prefix}/error.log warn;\n"
        "events { worker_connections 1024; }\n"
        f"http {{ types {{ {types} }} default_type application/octet-stream;\n"
        "charset utf-8; charset_types text/html text/plain application/xml;\n"
        "log_format bench '$msec $server_addr $status $request_uri';\n"
        f"access_log {prefix}/access.log bench; {temp}\n"
        "sendfile on; keepalive_timeout 65; keepalive_requests 100000; server_tokens off;\n"
        f"{servers}}}\n"
    )


class Server:
    """The sites' server as a child process; use as a context manager."""

    def __init__(self, sites: list[SiteRoot], workdir: Path, *, nginx: bool = True):
        self.sites = sites
        self.workdir = workdir
        self.binary = shutil.which("nginx") or (
            "/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None
        )
        self.use_nginx = nginx and self.binary is not None
        self.port = _free_port([site.host for site in sites])
        self.process: subprocess.Popen[bytes] | None = None
        self.rusage: Any = None
        self._log_offset = 0

    @property
    def name(self) -> str:
        if self.use_nginx:
            version = subprocess.run([self.binary or "nginx", "-v"], capture_output=True, text=True)
            return version.stderr.strip().replace("nginx version: ", "") + " (Debian package)"
        why = "--python-server" if self.binary else "nginx not found"
        return f"Python ThreadingHTTPServer (benchmarks.perf.server; {why})"

    @property
    def origins(self) -> list[str]:
        return [f"http://{site.host}:{self.port}" for site in self.sites]

    @property
    def log_path(self) -> Path:
        return self.workdir / "access.log"

    def __enter__(self) -> Server:
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.log_path.touch()
        if self.use_nginx:
            conf = self.workdir / "nginx.conf"
            conf.write_text(nginx_config(self.sites, self.port, self.workdir))
            command = [self.binary or "nginx", "-p", str(self.workdir), "-c", str(conf),
                       "-e", str(self.workdir / "error.log")]  # fmt: skip
        else:
            triples = [str(part) for site in self.sites
                       for part in (site.host, site.pages, site.documents)]  # fmt: skip
            command = [sys.executable, "-m", "benchmarks.perf.server", str(self.port),
                       str(self.log_path), *triples]  # fmt: skip
        self.process = subprocess.Popen(command, cwd=REPO, stderr=subprocess.DEVNULL)
        self._wait_ready()
        return self

    def _wait_ready(self, timeout: float = 15.0) -> None:
        deadline = time.monotonic() + timeout
        waiting = [site.host for site in self.sites]
        while waiting:
            if (
                self.process is None
                or self.process.poll() is not None
                or time.monotonic() > deadline
            ):
                self.__exit__()
                raise RuntimeError(f"server did not start ({self.name}); see {self.workdir}")
            try:
                socket.create_connection((waiting[0], self.port), timeout=1).close()
                waiting.pop(0)
            except OSError:
                time.sleep(0.05)

    def __exit__(self, *_: object) -> None:
        if self.process is None or self.process.returncode is not None:
            return
        self.process.send_signal(signal.SIGTERM if not self.use_nginx else signal.SIGQUIT)
        timer = threading.Timer(10, self.process.kill)  # a stuck server must not hang the run
        timer.start()
        try:
            _, status, self.rusage = os.wait4(self.process.pid, 0)
            self.process.returncode = os.waitstatus_to_exitcode(status)
        finally:
            timer.cancel()

    def cpu_seconds(self) -> float:
        """CPU used so far by the server process and its live workers (Linux /proc)."""
        if self.process is None:
            return 0.0
        return _tree_cpu(self.process.pid)

    def new_requests(self) -> list[LogLine]:
        """Requests logged since the previous call."""
        with self.log_path.open("rb") as log:
            log.seek(self._log_offset)
            data = log.read()
        complete = data[: data.rfind(b"\n") + 1]
        self._log_offset += len(complete)
        lines = []
        for raw in complete.decode("utf-8", "replace").splitlines():
            when, host, status, uri = raw.split(" ", 3)
            lines.append(LogLine(float(when), host, int(status), uri))
        return lines


def _tree_cpu(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return 0.0
    ticks = os.sysconf("SC_CLK_TCK")
    own = sum(int(v) for v in fields[11:15]) / ticks  # utime, stime, reaped children's too
    return own + sum(_tree_cpu(int(child)) for child in children)


class _Handler(SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as nginx does
    extensions_map: ClassVar[dict[str, str]] = {
        f".{ext}": f"{kind}; charset=utf-8" if "xml" in kind or "text" in kind else kind
        for ext, kind in TYPES.items()
    }
    log_sink: Any = None
    log_lock = threading.Lock()

    def __init__(self, *args: Any, documents: str, **kwargs: Any) -> None:
        self.documents = documents
        super().__init__(*args, **kwargs)

    def translate_path(self, path: str) -> str:
        plain = path.split("?", 1)[0]
        if any(plain == d or (d.endswith("/") and plain.startswith(d)) for d in DOCUMENTS):
            return str(Path(self.documents) / plain.lstrip("/"))
        return super().translate_path(path)

    def log_request(self, code: Any = "-", size: Any = "-") -> None:
        address = self.server.server_address[0]
        with self.log_lock:
            self.log_sink.write(f"{time.time():.3f} {address} {int(code)} {self.path}\n")
            self.log_sink.flush()

    def log_message(self, format: str, *args: Any) -> None:
        pass  # errors are visible in the access log's statuses


def serve_forever(port: int, log: Path, sites: list[SiteRoot]) -> None:
    _Handler.log_sink = log.open("a", encoding="utf-8")
    servers = [
        ThreadingHTTPServer((site.host, port), partial(
            _Handler, directory=str(site.pages), documents=str(site.documents)))
        for site in sites
    ]  # fmt: skip
    for server in servers[1:]:
        threading.Thread(target=server.serve_forever, daemon=True).start()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    servers[0].serve_forever()


if __name__ == "__main__":
    arguments = sys.argv[1:]
    hosts, pages, documents = arguments[2::3], arguments[3::3], arguments[4::3]
    sites = [SiteRoot(h, Path(p), Path(d)) for h, p, d in zip(hosts, pages, documents, strict=True)]
    serve_forever(int(arguments[0]), Path(arguments[1]), sites)
