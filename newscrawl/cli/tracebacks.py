"""One line per logged error on the terminal; full tracebacks only with LOG_LEVEL=DEBUG.

The CLI promises one clear line for every fault a user can meet. Scrapy logs failures of
components with their traceback: useful to us, noise to a user running a scheduled crawl. The
error is still logged and counted (`log_count/ERROR`), only its traceback is folded into its
last line.
"""

from __future__ import annotations

import logging

from scrapy.settings import Settings

TRACEBACK_START = "Traceback (most recent call last)"


def fold_traceback(text: str) -> str:
    """`text` with any traceback it carries folded into the traceback's last line.

    >>> text = "Unhandled error\\nTraceback (most recent call last):\\n  x\\nValueError: bad"
    >>> fold_traceback(text)
    'Unhandled error (ValueError: bad)'
    >>> fold_traceback("plain message")
    'plain message'
    """
    head, found, tail = text.partition(TRACEBACK_START)
    if not found:
        return text
    lines = [line for line in tail.splitlines() if line.strip()]
    last = lines[-1].strip() if lines else "error"
    return f"{head.rstrip()} ({last})"


class OneLineErrors(logging.Filter):
    """Replaces a record's traceback with its exception type and message."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and record.exc_info[1] is not None:
            error = record.exc_info[1]
            record.msg = f"{record.getMessage()} ({type(error).__name__}: {error})"
            record.args = None
            record.exc_info = None
            record.exc_text = None
        elif isinstance(record.msg, str) and TRACEBACK_START in record.getMessage():
            record.msg = fold_traceback(record.getMessage())
            record.args = None
        return True


class CountedGiveUps(logging.Filter):
    """Hides the retry middleware's per-URL "Gave up retrying" errors from the terminal.

    Each failed URL is in the summary's error count (and the stats); at the CLI's default
    WARNING level one log line per failed URL would bury the one-line messages that matter.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.name.startswith(RETRY_LOGGER)


RETRY_LOGGER = "scrapy.downloadermiddlewares.retry"


def quiet_tracebacks(settings: Settings) -> None:
    """Fold tracebacks (and hide counted give-ups) on the terminal, unless logs were asked for.

    Only stream handlers get the filters: Scrapy's log counter is a root handler too, and it
    must still count every error.
    """
    level = str(settings.get("LOG_LEVEL")).upper()
    if level == "DEBUG":
        return
    wanted = [OneLineErrors()] + ([CountedGiveUps()] if level == "WARNING" else [])
    for handler in logging.getLogger().handlers:
        if not isinstance(handler, logging.StreamHandler):
            continue
        for new in wanted:
            if not any(isinstance(f, type(new)) for f in handler.filters):
                handler.addFilter(new)
