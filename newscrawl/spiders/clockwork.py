"""A site's clock during a crawl: evidence gathered as documents and pages arrive, kept in the
state store, and a gate that holds article requests back until the evidence is in.

Many sites print naive local times and give the offset elsewhere: in the RSS pubDate, the
sitemap, some pages' JSON-LD, a footer. An article extracted before that evidence arrives would
be dated in UTC. So, on a site without a profile timezone, articles wait while the site's
sitemaps and feeds are under way (they may date the articles and give the clock); then, while
the clock is still unknown, one article goes first (the scout). If the scout prints naive times
and states no clock, the feed it declares is fetched once before the scout is read again, and
everything waiting is released. Sitemaps and feeds are fetched first anyway: little waits long.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, Literal

from lxml.html import HtmlElement
from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.http import Response

from newscrawl.config import newscrawl_settings
from newscrawl.dates import parse_date
from newscrawl.dates.clock import ClockEvidence, Observation
from newscrawl.dates.statements import written_offset
from newscrawl.discovery.feeds import feed_links
from newscrawl.discovery.requests import crawl_meta
from newscrawl.extraction.clock import page_observations, prints_naive_times
from newscrawl.spiders.frontier import Lead, is_waiting_article
from newscrawl.state.extension import StateExtension
from newscrawl.urls import canonicalize_url, same_page_key

CLOCK_FACT = "clock"
"""The state-store fact key of a site's clock evidence (`ClockEvidence.to_json`)."""
_SETTLED_FOR = timedelta(days=30)  # a fixed offset older than this may have met a DST change
_OBSERVED_PAGES = 30  # article pages read for evidence per run
_OBSERVED_ENTRIES = 50  # sitemap/feed entries read for evidence per document
_SCOUT, _DOCUMENT = "clock_scout", "clock_document"

Gate = Literal["open", "scouting", "waiting"]
_DOCUMENTS = frozenset({"sitemap", "feed"})


@dataclass
class SiteClock:
    """The clock of one site in one crawl; `timezone` is what naive dates are read in."""

    fixed: str | None = None
    """The profile's timezone: it wins, there is nothing to learn."""
    evidence: ClockEvidence = field(default_factory=ClockEvidence)
    save: Callable[[str], None] | None = None
    gate: Gate = "open"
    parked: list[Lead | Request] = field(default_factory=list)
    held_scout: Request | None = None
    scout_sent: bool = False
    pending: set[int] = field(default_factory=set)
    """Sitemaps and feeds asked for and not answered yet: they may still give the clock."""
    documents: int = 0
    feed_dates: dict[str, str] = field(default_factory=dict)
    observed_pages: int = 0
    saved_this_run: bool = False
    started: bool = False
    """Made by `start` (with the state store's evidence), not a placeholder."""
    learning: bool = True
    """Whether the crawl learns the clock (NEWSCRAWL_LEARN_CLOCK); off, it stays unknown."""

    @classmethod
    def start(
        cls,
        fixed: str | None,
        saved: str | None,
        save: Callable[[str], None] | None,
        *,
        learning: bool = True,
    ) -> SiteClock:
        """The clock of a site at the start of a crawl, from the evidence an earlier run saved."""
        clock = cls(fixed, ClockEvidence.from_json(saved), save, started=True, learning=learning)
        settled = fixed or not learning or clock.settled(datetime.now(UTC))
        clock.gate = "open" if settled else "scouting"
        return clock

    @property
    def timezone(self) -> str | None:
        return self.fixed or self.evidence.clock

    def settled(self, now: datetime) -> bool:
        """Known well enough not to scout: a zone, or a fixed offset seen lately."""
        clock, newest = self.evidence.clock, self.evidence.newest()
        if clock is None or newest is None:
            return False
        return "/" in clock or now - newest < _SETTLED_FOR

    def learn(self, observations: Iterable[Observation]) -> None:
        """Add observations; the evidence is saved when the clock changes, and once a run."""
        if not self.learning:
            return
        before = self.evidence.clock
        added = [self.evidence.add(o) for o in observations]
        if not any(added) or self.save is None:
            return
        if self.evidence.clock != before or not self.saved_this_run:
            self.save(self.evidence.to_json())
            self.saved_this_run = True

    def observe_entries(self, entries: list[tuple[str, dict[str, Any]]], base: str) -> None:
        """Offsets of a sitemap's or feed's dates, and each entry's publication instant."""
        if self.fixed:
            return
        observations = []
        for href, hints in entries:
            published = hints.get("published_at")
            if isinstance(published, str) and (url := canonicalize_url(href, base=base)):
                self.feed_dates.setdefault(same_page_key(url), published)
        for _, hints in entries[:_OBSERVED_ENTRIES]:
            observations += declared(hints.get("published_at"), hints.get("lastmod"))
        self.learn(observations)

    def with_feed_date(self, url: str, hints: dict[str, Any]) -> dict[str, Any]:
        """`hints` with the publication instant a sitemap or feed gave for `url`, when the
        request that fetched it carried none (it was found elsewhere first)."""
        if hints.get("published_at") or not self.feed_dates:
            return hints
        published = self.feed_dates.get(same_page_key(url))
        return {**hints, "published_at": published} if published else hints

    def observe_page(self, root: HtmlElement, hints: dict[str, Any]) -> None:
        """Learn from the first article pages of the run (pages that said nothing so far will
        not start saying it: reading them costs time)."""
        if self.fixed or self.observed_pages >= _OBSERVED_PAGES:
            return
        self.observed_pages += 1
        self.learn(page_observations(root, hints, now=datetime.now(UTC)))

    def is_scout(self, request: Request) -> bool:
        return self.gate == "scouting" and bool(crawl_meta(request).get(_SCOUT))

    def needs_evidence(self, root: HtmlElement) -> bool:
        """Whether a page prints naive times while nothing seen so far gave the clock."""
        return not self.timezone and prints_naive_times(root)

    def hold_scout(self, scout: Request) -> None:
        """Keep the scout unread until the sitemaps and feeds under way have answered."""
        self.gate, self.held_scout = "waiting", scout

    def passing(self, out: list[Any], answered: Request | None = None) -> list[Any]:
        """The callback output `out`, article requests held or released at the gate.

        `answered` is the request whose callback or errback produced `out`. While the site's
        sitemaps and feeds are under way, articles wait: those documents may date them and
        give the clock. Then, while the clock is unknown, one article (the scout) goes first.
        """
        if self.fixed:
            return out
        meta = crawl_meta(answered) if answered is not None else {}
        self.pending.discard(meta.get(_DOCUMENT, -1))
        for element in out:
            if isinstance(element, Request) and crawl_meta(element).get("kind") in _DOCUMENTS:
                self.documents += 1
                crawl_meta(element)[_DOCUMENT] = self.documents
                self.pending.add(self.documents)
        if self.gate != "open" and self._opens(meta):
            self.gate = "open"
        articles = [*self.parked, *(e for e in out if is_waiting_article(e))]
        kept = [e for e in out if not is_waiting_article(e)]
        self.parked = []
        if self.gate == "waiting" or self.pending:
            self.parked = articles
            return kept
        if self.gate == "scouting" and articles and not self.scout_sent:
            self.scout_sent = True
            articles, self.parked = [as_scout(articles[0])], articles[1:]
        elif self.gate == "scouting":
            articles, self.parked = [], articles
        return [*kept, *self._refetched_scout(), *articles]

    def _opens(self, answered: dict[str, Any]) -> bool:
        if self.timezone:
            return True
        if self.gate == "scouting":
            return bool(answered.get(_SCOUT))  # the scout was read and did not ask to wait
        return not self.pending  # the documents the scout waited for have all answered

    def release(self) -> list[Lead | Request]:
        """Everything held, the gate opened for good (the crawl fell idle: whatever was awaited
        is not coming)."""
        self.gate = "open"
        self.pending.clear()
        released, self.parked = self.parked, []
        return [*self._refetched_scout(), *released]

    def _refetched_scout(self) -> list[Request]:
        if self.held_scout is None:
            return []
        scout, self.held_scout = self.held_scout, None
        meta = {**scout.meta, "newscrawl": {**crawl_meta(scout), _SCOUT: False}}
        return [scout.replace(dont_filter=True, meta=meta)]


def as_scout(article: Lead | Request) -> Lead | Request:
    """`article` marked as its site's scout (a request's meta is marked in place)."""
    if isinstance(article, Lead):
        return article.as_scout()
    crawl_meta(article)[_SCOUT] = True
    return article


def declared(*values: Any) -> list[Observation]:
    """Observations from document dates written with a non-zero offset (a zero one may be a
    server writing UTC whatever the newsroom's clock).

    >>> [str(o.offset) for o in declared("Thu, 03 Dec 2026 00:23:00 +0100", "2026-12-02T10:00Z")]
    ['1:00:00']
    """
    observations = []
    for value in values:
        if not isinstance(value, str) or not written_offset(value):
            continue
        instant = parse_date(value)
        offset = instant.utcoffset() if instant is not None else None
        if instant is not None and offset:
            observations.append(Observation(instant, offset, "declared"))
    return observations


def clock_for(crawler: Crawler, site: str, fixed: str | None) -> SiteClock:
    """The clock of `site` for this crawl, with what the state store kept from earlier ones."""
    if fixed:
        return SiteClock.start(fixed, None, None)
    if not newscrawl_settings(crawler).learn_clock:
        return SiteClock.start(None, None, None, learning=False)
    extension = crawler.get_extension(StateExtension)
    if extension is None:
        return SiteClock.start(None, None, None)
    store = extension.store

    def save(value: str) -> None:
        store.save_site_fact(site, CLOCK_FACT, value)

    return SiteClock.start(None, store.site_fact(site, CLOCK_FACT), save)


def observe_article(
    clock: SiteClock,
    response: Response,
    hints: dict[str, Any],
    feed_request: Callable[[str], Request | None],
    root: HtmlElement | None = None,
) -> list[Request] | None:
    """Learn from an article page. When it is the scout and must wait, what to yield instead
    of its article: the feed it declares, if not fetched yet (the scout is fetched again once
    the sitemaps and feeds under way have answered)."""
    if root is None:  # the page's tree, when the spider has not parsed it itself
        root = response.selector.root  # type: ignore[attr-defined]  # HTML: the spider checked
    clock.observe_page(root, hints)
    scout = response.request
    if scout is None or not clock.is_scout(scout) or not clock.needs_evidence(root):
        return None
    hrefs = feed_links(response)[:1]  # type: ignore[arg-type]
    feeds = [feed for href in hrefs if (feed := feed_request(href)) is not None]
    if not (feeds or clock.pending):
        return None
    clock.hold_scout(scout)
    return feeds
