"""The one place that builds `scrapy.Request`s, so every request carries `meta["newscrawl"]`.

`meta["newscrawl"]` = {"site", "kind", "depth", "hints"}: the state middleware skips known articles
by `kind`, conditional GET applies to "feed" and "sitemap", and the scope middleware reads `site`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

from scrapy import Request

RequestKind = Literal["article", "listing", "sitemap", "feed", "robots", "home"]

DOCUMENT_KINDS: frozenset[RequestKind] = frozenset({"robots", "sitemap", "feed"})
"""Machine-readable discovery documents; a site's home page waits until all have answered."""
ENTRY_POINT_KINDS: frozenset[RequestKind] = DOCUMENT_KINDS | {"home"}
"""Where a site's new articles are found: never skipped as an already-known article."""

# Discovery first (it decides what else is needed), then articles before more navigation.
PRIORITIES: dict[str, int] = {
    "robots": 100,
    "sitemap": 80,
    "feed": 70,
    "home": 60,
    "article": 20,
    "listing": 0,
}
# Discovery documents are tracked by the spider's own phase bookkeeping, which needs a callback
# for every one of them: the duplicate filter must not swallow any.
_UNFILTERED = frozenset({"robots", "sitemap", "feed", "home"})


def crawl_meta(request_or_meta: Request | dict[str, Any]) -> dict[str, Any]:
    """The `newscrawl` metadata of a request (or its meta dict); {} when absent.

    >>> crawl_meta({"newscrawl": {"site": "s", "kind": "feed"}})["kind"]
    'feed'
    >>> crawl_meta({})
    {}
    """
    meta = request_or_meta if isinstance(request_or_meta, dict) else request_or_meta.meta
    value = meta.get("newscrawl")
    return value if isinstance(value, dict) else {}


def build_request(
    url: str,
    *,
    site: str,
    kind: RequestKind,
    depth: int,
    callback: Callable[..., Any],
    errback: Callable[..., Any],
    hints: dict[str, Any] | None = None,
) -> Request:
    """A request for a discovered URL, tagged for the middlewares and the spider.

    >>> r = build_request("http://x.com/a", site="x", kind="article", depth=1,
    ...     callback=print, errback=print, hints={"title": "t"})
    >>> r.meta["newscrawl"], r.priority, r.dont_filter
    ({'site': 'x', 'kind': 'article', 'depth': 1, 'hints': {'title': 't'}}, 20, False)
    """
    meta: dict[str, Any] = {
        "newscrawl": {"site": site, "kind": kind, "depth": depth, "hints": dict(hints or {})}
    }
    if kind == "robots":
        # the politeness middleware serves the robots.txt it fetched itself: one fetch per host
        meta["dont_obey_robotstxt"] = True
    return Request(
        url,
        callback=callback,
        errback=errback,
        meta=meta,
        priority=PRIORITIES[kind],
        dont_filter=kind in _UNFILTERED,
    )
