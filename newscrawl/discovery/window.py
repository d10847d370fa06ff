"""The `since` date window: skip articles that sitemaps or feeds already date as too old."""

from __future__ import annotations

from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime


def parse_since(text: str | None) -> date | None:
    """The `-a since=YYYY-MM-DD` argument; ValueError with a clear message when malformed.

    >>> parse_since("2024-05-01")
    datetime.date(2024, 5, 1)
    >>> parse_since(None) is None
    True
    >>> parse_since("May 1")
    Traceback (most recent call last):
    ...
    ValueError: since must be YYYY-MM-DD, got 'May 1'
    """
    if not text:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(f"since must be YYYY-MM-DD, got {text!r}") from None


def hint_datetime(text: str | None) -> datetime | None:
    """A sitemap (W3C/ISO) or feed (RFC 822) date as an aware datetime in its own offset.

    >>> hint_datetime("2024-05-01T08:00:00Z")
    datetime.datetime(2024, 5, 1, 8, 0, tzinfo=datetime.timezone.utc)
    >>> hint_datetime("Wed, 01 May 2024 08:00:00 +0300").hour
    8
    >>> hint_datetime("2024-05-01").day, hint_datetime("yesterday")
    (1, None)
    """
    if not text:
        return None
    text = text.strip()
    parsed: datetime | None
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        try:
            parsed = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def is_before(text: str | None, since: date | None) -> bool:
    """Whether a dated entry falls before the window (by the site's own calendar day).

    Undated entries are always kept: only the article page can date them.

    >>> is_before("2024-04-30T23:00:00Z", date(2024, 5, 1))
    True
    >>> is_before("2024-05-01T00:10:00+03:00", date(2024, 5, 1)), is_before(None, date(2024, 5, 1))
    (False, False)
    """
    if since is None:
        return False
    moment = hint_datetime(text)
    return moment is not None and moment.date() < since
