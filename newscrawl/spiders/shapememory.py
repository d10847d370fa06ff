"""The URL shapes each site taught (`discovery.shape_learning`), kept from one run to the next.

The spider shows a site's learner every article candidate it fetched and what it turned out to
be; what it learnt is saved in the state store as a site fact whenever a shape gets (or loses) a
verdict, so the next scheduled run decides on links from its first page.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from scrapy.crawler import Crawler

from newscrawl.config import newscrawl_settings
from newscrawl.discovery.shape_learning import FACT_NAME, ShapeLearner, Verdict
from newscrawl.spiders.titlelearning import FactStore
from newscrawl.state.extension import StateExtension


@dataclass
class ShapeMemory:
    """The shape learners of a crawl's sites; `store` None keeps them for this crawl only.

    >>> class Store(dict):
    ...     def site_fact(self, site, key): return self.get((site, key))
    ...     def save_site_fact(self, site, key, value): self[(site, key)] = value
    >>> store = Store()
    >>> first = ShapeMemory(store)
    >>> for n in range(5):
    ...     first.observe("s", f"https://x.com/video/{n}1-clip-title", article=False)
    >>> ShapeMemory(store).for_site("s").verdict("https://x.com/video/77-clip-title")
    'other'
    """

    store: FactStore | None = None
    learners: dict[str, ShapeLearner] = field(default_factory=dict)
    saved: dict[str, dict[str, Verdict]] = field(default_factory=dict)
    enabled: bool = True
    """NEWSCRAWL_LEARN_URL_SHAPES: off, nothing is learnt or read back."""

    def for_site(self, site: str) -> ShapeLearner:
        """The site's learner, started from what an earlier run saved."""
        if site not in self.learners:
            store = self.store if self.enabled else None
            raw = store.site_fact(site, FACT_NAME) if store is not None else None
            try:
                fact = json.loads(raw) if raw else None
            except ValueError:
                fact = None
            self.learners[site] = ShapeLearner.from_fact(fact if isinstance(fact, dict) else None)
            self.saved[site] = self.learners[site].decided()
        return self.learners[site]

    def observe(self, site: str, url: str, *, article: bool) -> None:
        """Count one fetched candidate and save the site's verdicts when they changed."""
        if not self.enabled:
            return
        learner = self.for_site(site)
        learner.observe(url, article=article)
        decided = learner.decided()
        if self.store is not None and decided != self.saved.get(site):
            self.saved[site] = decided
            fact = json.dumps(learner.to_fact(), ensure_ascii=False)
            self.store.save_site_fact(site, FACT_NAME, fact)


def shape_memory(crawler: Crawler) -> ShapeMemory:
    """The crawl's shape learners, persisted in the state store when the crawl has one."""
    extension = crawler.get_extension(StateExtension)
    enabled = newscrawl_settings(crawler).learn_url_shapes
    return ShapeMemory(extension.store if extension is not None else None, enabled=enabled)
