"""How a fetch failed: typed skips, short stats-key reasons, and what counts as an HTML page.

A leaf module: the downloader middlewares (which raise the typed skips and count faults), the
spider (which counts failed fetches per request kind) and the state extension (which reads those
counts back) all decide the same way by importing it.
"""

from __future__ import annotations

import ssl
from collections.abc import Mapping

from OpenSSL import SSL
from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadFailedError,
    DownloadTimeoutError,
    IgnoreRequest,
    ResponseDataLossError,
)
from scrapy.http import Headers, HtmlResponse, Response, TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure


class NotModified(IgnoreRequest):
    """A conditional GET answered 304: nothing new since the last crawl, not a failure."""


STATS_NAMESPACE = "newscrawl/"
"""Every newscrawl stat lives under this prefix (the spider's `count` adds it)."""
HTML_TYPES = ("text/html", "application/xhtml+xml")

_REASONS: tuple[tuple[type[BaseException], str], ...] = (
    (DownloadTimeoutError, "timeout"),
    (DownloadCancelledError, "too_large"),  # Scrapy's DOWNLOAD_MAXSIZE cut, while downloading
    (CannotResolveHostError, "dns"),
    (DownloadConnectionRefusedError, "connection_refused"),
    (ResponseDataLossError, "data_loss"),
    (DownloadFailedError, "connection"),
    (NotModified, "not_modified"),
    (IgnoreRequest, "ignored"),
)


def failed_fetch_key(kind: str, reason: str) -> str:
    """The stats key (under `STATS_NAMESPACE`) of a failed fetch of a request `kind`.

    >>> failed_fetch_key("article", "timeout")
    'failed/article/timeout'
    """
    return f"failed/{kind}/{reason}"


def failed_fetches(stats: Mapping[str, object], kind: str) -> int:
    """How many fetches of request `kind` failed, read from a crawl's stats.

    >>> failed_fetches({"newscrawl/failed/article/timeout": 2, "newscrawl/failed/feed/dns": 1,
    ...                 "newscrawl/failed/parse/article": 1}, "article")
    2
    """
    prefix = STATS_NAMESPACE + failed_fetch_key(kind, "")
    return sum(v for k, v in stats.items() if k.startswith(prefix) and isinstance(v, int))


def is_decompression_cap(error: object) -> bool:
    """Whether Scrapy's HttpCompressionMiddleware refused a body that inflated past the cap.

    Scrapy reports this as a plain IgnoreRequest (chained from a private exception, with no
    public type or signal), so its message is the only public mark; this is the one place that
    reads it, and tests/test_failure_types.py crawls a real gzip bomb to catch a Scrapy change.

    >>> is_decompression_cap(IgnoreRequest("... exceeded DOWNLOAD_MAXSIZE (10 B) during ..."))
    True
    >>> is_decompression_cap(IgnoreRequest("forbidden by robots.txt"))
    False
    """
    return isinstance(error, IgnoreRequest) and "DOWNLOAD_MAXSIZE" in str(error)


def is_deliberate_skip(error: object) -> bool:
    """Whether a middleware refused the request on purpose (known URL, 304, robots, scope).

    Such skips are counted by whoever raised them; they are not faults.

    >>> is_deliberate_skip(NotModified("http://x/")), is_deliberate_skip(DownloadTimeoutError())
    (True, False)
    """
    return isinstance(error, IgnoreRequest) and not is_decompression_cap(error)


def failure_reason(failure: Failure) -> str:
    """A stats-key reason for a failed request: "http_404", "timeout", "too_large", ...

    >>> failure_reason(Failure(DownloadTimeoutError("slow")))
    'timeout'
    >>> failure_reason(Failure(IgnoreRequest("... exceeded DOWNLOAD_MAXSIZE (10 B) ...")))
    'too_large'
    >>> failure_reason(Failure(ValueError("x")))
    'valueerror'
    """
    error = failure.value
    if isinstance(error, HttpError):
        return f"http_{error.response.status}"
    if is_decompression_cap(error):
        return "too_large"
    for kind, reason in _REASONS:
        if isinstance(error, kind):
            return reason
    return type(error).__name__.lower()


ERROR_KINDS = (
    "timeout", "connection_refused", "dns", "tls", "connection", "http_4xx", "http_5xx",
    "too_large", "processing", "other",
)  # fmt: skip
"""What a site's failed fetches are counted under, per site and run (a small, stable set).

Coarser than `failure_reason` (which names every HTTP status and exception type): these are
stored in the run history and charted, so they must stay few and keep their meaning. `tls` is
a failed TLS handshake or certificate; `connection` any other dropped or failed connection;
`too_large` a body over DOWNLOAD_MAXSIZE or a decompression bomb; `processing` a page that was
fetched but could not be processed; `other` the rest (an HTTP status outside 4xx/5xx...).
"""
PROCESSING = "processing"
_TLS_ERRORS = (SSL.Error, ssl.SSLError)


def _is_tls(error: BaseException | None) -> bool:
    """Whether a TLS error caused `error`: Scrapy wraps it in DownloadFailedError, from
    Twisted's ResponseNeverReceived whose `reasons` hold the OpenSSL failure (httpx and aiohttp
    handlers chain Python's ssl.SSLError instead)."""
    seen = [error] if error is not None else []
    for cause in seen:  # grows while walked; capped, should a chain ever loop or sprawl
        if isinstance(cause, _TLS_ERRORS):
            return True
        reasons = getattr(cause, "reasons", None) or []
        linked = [r.value for r in reasons if isinstance(r, Failure)]
        linked += [cause.__cause__, cause.__context__]
        seen += [e for e in linked if e is not None and all(e is not s for s in seen)]
        if len(seen) > 16:
            break
    return False


def kind_of_reason(reason: str) -> str:
    """The `ERROR_KINDS` entry of a `failure_reason`.

    >>> [kind_of_reason(r) for r in ("http_404", "http_503", "http_302", "data_loss", "dns")]
    ['http_4xx', 'http_5xx', 'other', 'connection', 'dns']
    >>> kind_of_reason("valueerror")
    'other'
    """
    if reason.startswith("http_") and reason[5:].isdigit():
        status = int(reason[5:])
        return "http_4xx" if 400 <= status < 500 else "http_5xx" if 500 <= status < 600 else "other"
    if reason == "data_loss":  # the connection dropped mid-body
        return "connection"
    return reason if reason in ERROR_KINDS else "other"


def error_kind(failure: Failure) -> str:
    """The `ERROR_KINDS` entry a failed fetch is counted under for its site.

    >>> error_kind(Failure(DownloadTimeoutError("slow")))
    'timeout'
    >>> tls = DownloadFailedError("handshake")
    >>> tls.__cause__ = SSL.Error([("SSL routines", "", "wrong version number")])
    >>> error_kind(Failure(tls)), error_kind(Failure(DownloadFailedError("reset")))
    ('tls', 'connection')
    """
    reason = failure_reason(failure)
    if reason == "connection" and _is_tls(failure.value):
        return "tls"
    return kind_of_reason(reason)


UNREACHABLE_REASONS = frozenset({"timeout", "dns", "connection_refused", "connection"})
"""Reasons that say nothing answers at that host at all (not a page-level fault)."""


def unreachable_reason(error: BaseException) -> str | None:
    """The reason when `error` means the host itself cannot be reached, else None.

    >>> unreachable_reason(DownloadConnectionRefusedError()), unreachable_reason(ValueError())
    ('connection_refused', None)
    """
    reason = failure_reason(Failure(error))
    return reason if reason in UNREACHABLE_REASONS else None


def is_not_modified(failure: Failure) -> bool:
    """Whether a failure is a 304 answer (raw, or turned into `NotModified` by conditional GET).

    >>> is_not_modified(Failure(NotModified("not modified since the last crawl: http://x/")))
    True
    >>> is_not_modified(Failure(IgnoreRequest("not modified, says the message")))
    False
    """
    error = failure.value
    if isinstance(error, HttpError):
        return error.response.status == 304
    return isinstance(error, NotModified)


def declares_non_html(headers: Headers) -> bool:
    """Whether response headers name a content type that is certainly not an HTML page.

    >>> declares_non_html(Headers({"Content-Type": "application/pdf"}))
    True
    >>> declares_non_html(Headers({"Content-Type": "text/html; charset=utf-8"}))
    False
    >>> declares_non_html(Headers({}))
    False
    """
    declared = (headers.get("Content-Type") or b"").decode("latin-1").strip().lower()
    return bool(declared) and not declared.startswith((*HTML_TYPES, "text/plain"))


def is_html(response: Response) -> bool:
    """Whether a response is an HTML page (declared, or sniffed by Scrapy when undeclared).

    >>> is_html(HtmlResponse("http://x/", body=b"<html></html>"))
    True
    >>> pdf = {"Content-Type": "application/pdf"}
    >>> is_html(Response("http://x/a.pdf", body=b"%PDF-1.7", headers=pdf))
    False
    """
    if isinstance(response, HtmlResponse):
        return True
    declared = (response.headers.get("Content-Type") or b"").decode("latin-1").lower()
    if declared and not declared.startswith(HTML_TYPES):
        return False
    return isinstance(response, TextResponse) and b"<html" in response.body[:2048].lower()
