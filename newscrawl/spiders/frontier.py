"""Article requests not handed to Scrapy's scheduler yet, kept compact and released a few at a
time as the site's earlier requests are answered.

A site's sitemaps may list 100,000 articles. As `Request`s (about 1 KB each with their meta,
plus what the scheduler's queues add) they made the frontier the biggest thing in a large
crawl's memory. Here each waits as a `Lead` (URL, depth and hints in one string; the spider
makes leads directly from sitemap entries, so no request is built and dropped for each, which
left the allocator's memory fragmented), and only `window` of a site's article requests are
in the scheduler or the downloader at once; the rest of the crawl (robots.txt, sitemaps,
feeds, home and section pages) goes straight to the scheduler as before.

A site's window is refilled when one of its released requests comes back (callback or errback)
or is dropped by the duplicate filter (`request_dropped`). A released request can also vanish
without a trace (a spider middleware filtering callback output): when the crawl falls idle
nothing is in flight, so every count restarts from zero there and nothing waits for good.
"""

from __future__ import annotations

import copy
import json
from collections import deque
from collections.abc import Callable, Iterable
from typing import Any

from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DontCloseSpider

from newscrawl.discovery.requests import crawl_meta

RELEASED = "frontier"
"""The `meta["newscrawl"]` key of an article request that came out of a site's frontier."""
_PLAIN_META = frozenset({"site", "kind", "depth", "hints"})


class Lead:
    """An article request to be made: what `build_request` needs besides the site and kind,
    packed into one UTF-8 string (~240 bytes with its place in the queue, where a tuple with its
    hints dict took ~450).

    >>> lead = Lead("http://x.com/a", 2, {"lastmod": "2024-05-01"})
    >>> lead.url, lead.depth, lead.hints, lead.scout
    ('http://x.com/a', 2, {'lastmod': '2024-05-01'}, False)
    >>> lead.as_scout() == Lead("http://x.com/a", 2, {"lastmod": "2024-05-01"}, scout=True)
    True
    """

    __slots__ = ("_packed", "scout")

    def __init__(self, url: str, depth: int, hints: dict[str, Any], scout: bool = False) -> None:
        # hints come from sitemaps and feeds: strings and lists of strings, JSON by nature
        packed = json.dumps(hints, ensure_ascii=False, separators=(",", ":")) if hints else ""
        self._packed = f"{url}\n{depth}\n{packed}".encode()
        self.scout = scout
        """The first article of a site whose clock is unknown (`spiders.clockwork`)."""

    def _parts(self) -> list[str]:
        return self._packed.decode().split("\n", 2)

    def unpacked(self) -> tuple[str, int, dict[str, Any]]:
        """URL, depth and hints, decoded once (the properties decode each on its own)."""
        url, depth, packed = self._parts()
        return url, int(depth), json.loads(packed) if packed else {}

    @property
    def url(self) -> str:
        return self._parts()[0]

    @property
    def depth(self) -> int:
        return int(self._parts()[1])

    @property
    def hints(self) -> dict[str, Any]:
        packed = self._parts()[2]
        return json.loads(packed) if packed else {}

    def as_scout(self) -> Lead:
        lead = copy.copy(self)
        lead.scout = True
        return lead

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Lead):
            return NotImplemented
        return (self._packed, self.scout) == (other._packed, other.scout)

    __hash__ = None  # type: ignore[assignment]  # mutable (`scout`), compared by value

    def __repr__(self) -> str:
        return f"Lead({self.url!r}, {self.depth}, {self.hints!r}, scout={self.scout})"


def compact(element: Any) -> Any:
    """A plain article request as a `Lead`; anything else (items, other kinds, requests with
    their own meta, callbacks' arguments or `dont_filter`) unchanged.

    >>> from newscrawl.discovery.requests import build_request
    >>> r = build_request("http://x.com/a", site="x", kind="article", depth=2,
    ...     callback=print, errback=print, hints={"title": "t"})
    >>> compact(r)
    Lead('http://x.com/a', 2, {'title': 't'}, scout=False)
    >>> compact(r.replace(dont_filter=True)) is not None and not isinstance(
    ...     compact(r.replace(dont_filter=True)), Lead)
    True
    """
    if not isinstance(element, Request) or element.dont_filter or element.cb_kwargs:
        return element
    meta = crawl_meta(element)
    if meta.get("kind") != "article" or len(element.meta) != 1 or meta.keys() - _PLAIN_META:
        return element
    return Lead(element.url, int(meta.get("depth", 0)), meta.get("hints") or {})


def is_waiting_article(element: Any) -> bool:
    """Whether `element` is an article on its way to the scheduler (a lead or a request)."""
    if isinstance(element, Lead):
        return True
    return isinstance(element, Request) and crawl_meta(element).get("kind") == "article"


class SiteFrontier:
    """One site's waiting articles; `window` None releases everything at once (a distributed
    crawl, whose Redis queue is the frontier and is shared by every worker)."""

    def __init__(self, window: int | None) -> None:
        self.window = window
        self.waiting: deque[Lead | Request] = deque()
        self.in_flight = 0

    def __len__(self) -> int:
        return len(self.waiting)

    def sort_out(self, elements: Iterable[Any]) -> list[Any]:
        """Keep the articles among `elements`; return the rest, in order."""
        rest = []
        for element in elements:
            if is_waiting_article(element):
                self.waiting.append(element)
            else:
                rest.append(element)
        return rest

    def answered(self, request: Request | None) -> None:
        """A request this frontier released came back (or was dropped): room for another."""
        if request is not None and crawl_meta(request).get(RELEASED):
            self.in_flight = max(0, self.in_flight - 1)

    def restart(self) -> None:
        """The crawl fell idle: nothing is in flight, whatever the counts say."""
        self.in_flight = 0

    def release(self, build: Callable[[Lead], Request]) -> list[Request]:
        """As many waiting articles as the window has room for, as requests."""
        room = len(self.waiting) if self.window is None else self.window - self.in_flight
        released = []
        while room > 0 and self.waiting:
            element = self.waiting.popleft()
            request = build(element) if isinstance(element, Lead) else element
            crawl_meta(request)[RELEASED] = True
            released.append(request)
            room -= 1
        self.in_flight += len(released)
        return released


class IdleRelease:
    """Crawls what is still held when the crawl falls idle (articles a clock gate kept for a
    scout lost without an answer or a document that never came back, a frontier whose
    released requests vanished): nothing waits for good."""

    def __init__(self, crawler: Crawler, held: Callable[[], list[Request]]) -> None:
        self.crawler, self.held = crawler, held

    @classmethod
    def watch(cls, crawler: Crawler, held: Callable[[], list[Request]]) -> IdleRelease:
        """Connect to `spider_idle`; keep the result (signals hold their receivers weakly)."""
        release = cls(crawler, held)
        crawler.signals.connect(release.on_idle, signal=signals.spider_idle)
        return release

    def on_idle(self) -> None:
        held = self.held()
        assert self.crawler.engine is not None
        for request in held:
            self.crawler.engine.crawl(request)
        if held:
            raise DontCloseSpider
