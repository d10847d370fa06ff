"""How a fetch ended, as a short stats key: failures and non-HTML responses."""

from __future__ import annotations

from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadFailedError,
    DownloadTimeoutError,
    IgnoreRequest,
    ResponseDataLossError,
)
from scrapy.http import HtmlResponse, Response, TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

_REASONS: tuple[tuple[type[BaseException], str], ...] = (
    (DownloadTimeoutError, "timeout"),
    (DownloadCancelledError, "too_large"),
    (CannotResolveHostError, "dns"),
    (DownloadConnectionRefusedError, "connection_refused"),
    (ResponseDataLossError, "data_loss"),
    (DownloadFailedError, "connection"),
    (IgnoreRequest, "ignored"),
)
HTML_TYPES = ("text/html", "application/xhtml+xml")


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
    if isinstance(error, IgnoreRequest) and "DOWNLOAD_MAXSIZE" in str(error):
        return "too_large"  # HttpCompressionMiddleware cut a decompression bomb
    for kind, reason in _REASONS:
        if isinstance(error, kind):
            return reason
    return type(error).__name__.lower()


def is_not_modified(failure: Failure) -> bool:
    """Whether a failure is a 304 answer (raw, or turned into a skip by conditional GET).

    >>> is_not_modified(Failure(IgnoreRequest("not modified since the last crawl: http://x/")))
    True
    >>> is_not_modified(Failure(IgnoreRequest("Forbidden by robots.txt")))
    False
    """
    error = failure.value
    if isinstance(error, HttpError):
        return error.response.status == 304
    return isinstance(error, IgnoreRequest) and "not modified" in str(error).lower()


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
