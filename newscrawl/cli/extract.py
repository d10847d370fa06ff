"""`newscrawl extract FILE.html…`: the crawl's extraction, on saved pages."""

from __future__ import annotations

import argparse
import contextlib
import json
import signal
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path
from types import FrameType
from typing import Any

from newscrawl.cli.errors import UsageError, fail
from newscrawl.extraction import extract_page
from newscrawl.extraction.encoding import UndecodablePage
from newscrawl.fingerprints import content_fingerprint
from newscrawl.profiles import ProfileError, SiteProfile, load_profile, profiles_dir_from
from newscrawl.settings import DOWNLOAD_MAXSIZE

DEFAULT_MAX_BYTES = DOWNLOAD_MAXSIZE
# generous for any real page (tens of ms); bounds pathological markup
DEFAULT_TIMEOUT = 30.0


def add_parser(commands: Any) -> None:
    parser = commands.add_parser(
        "extract",
        help="extract articles from saved HTML pages",
        description="Print one JSON line per FILE: the record a crawl would produce for it.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE.html")
    parser.add_argument("--url", help="the URL the page was fetched from (resolves links)")
    parser.add_argument("--site", metavar="NAME", help="site profile to extract with")
    parser.add_argument(
        "--max-bytes", type=int, default=DEFAULT_MAX_BYTES, metavar="N",
        help="skip a page larger than N bytes (default: the crawl's DOWNLOAD_MAXSIZE)",
    )  # fmt: skip
    parser.add_argument(
        "--timeout", type=float, default=DEFAULT_TIMEOUT, metavar="SECONDS",
        help=f"give up a page after this long (default {DEFAULT_TIMEOUT:g})",
    )  # fmt: skip
    parser.set_defaults(run=run)


class ExtractionTimeout(Exception):
    """A page took longer than `--timeout` to extract."""


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise `ExtractionTimeout` in this (main) thread once `seconds` have passed."""

    def expire(signum: int, frame: FrameType | None) -> None:
        raise ExtractionTimeout(f"gave up after {seconds:g}s (--timeout)")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def read_page(path: Path, max_bytes: int) -> bytes:
    """The saved page's bytes; `UsageError` when unreadable or over the size cap.

    Only `max_bytes + 1` bytes are read: a huge file costs nothing to refuse.
    """
    try:
        with path.open("rb") as handle:
            body = handle.read(max_bytes + 1)
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror}") from None
    if len(body) > max_bytes:
        raise UsageError(f"{path}: larger than {max_bytes} bytes (--max-bytes)")
    return body


def extract_file(
    path: Path, url: str, profile: SiteProfile | None, *, max_bytes: int = 0, timeout: float = 0
) -> dict[str, Any]:
    """The Article fields extracted from one saved page, with its content hash."""
    body = read_page(path, max_bytes or DEFAULT_MAX_BYTES)
    try:
        with time_limit(timeout or DEFAULT_TIMEOUT):
            article = extract_page(body, url, profile=profile)
    except UndecodablePage as exc:
        return {"file": str(path), "error": f"undecodable page: {exc}"}
    except ExtractionTimeout as exc:
        return {"file": str(path), "error": str(exc)}
    if article is None:
        if not url.startswith(("http://", "https://")):
            return {"file": str(path), "error": "no article found (or no canonical URL: use --url)"}
        return {"file": str(path), "error": "no article found"}
    record = asdict(article)
    record["content_hash"] = content_fingerprint(article.body)
    return record


def run(args: argparse.Namespace) -> int:
    try:
        profile = load_profile(args.site, profiles_dir_from(None)) if args.site else None
    except (ProfileError, ValueError) as exc:
        return fail(str(exc))
    if args.max_bytes <= 0 or not args.timeout > 0:
        return fail("--max-bytes and --timeout must be > 0")
    status = 0
    for name in args.files:
        path = Path(name)
        url = args.url or path.resolve().as_uri()
        try:
            record = extract_file(
                path, url, profile, max_bytes=args.max_bytes, timeout=args.timeout
            )
        except UsageError as exc:
            status = fail(str(exc), status=1)
            continue
        print(json.dumps(record, ensure_ascii=False))
        status = status or (1 if "error" in record else 0)
    return status
