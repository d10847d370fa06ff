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


def quiet_tracebacks(settings: Settings) -> None:
    """Install `OneLineErrors` on the root handlers unless the user asked for DEBUG logs."""
    if str(settings.get("LOG_LEVEL")).upper() == "DEBUG":
        return
    for handler in logging.getLogger().handlers:
        if not any(isinstance(f, OneLineErrors) for f in handler.filters):
            handler.addFilter(OneLineErrors())
