"""Title learning across a crawl and from one run to the next: one `SiteLearner` per site.

The extractor reads and feeds the site's learner on every article page; what it learnt (the
site's title affixes) is saved in the state store as a site fact whenever it changes, so the
next run strips a site's affix from its very first page.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Protocol

from scrapy.crawler import Crawler

from newscrawl.extraction.site_learning import FACT_NAME, SiteLearner
from newscrawl.state.extension import StateExtension


class FactStore(Protocol):
    def site_fact(self, site: str, key: str) -> str | None: ...

    def save_site_fact(self, site: str, key: str, value: str) -> None: ...


@dataclass
class TitleLearners:
    """The learners of a crawl's sites; `store` None keeps what they learn in this crawl.

    >>> class Store(dict):
    ...     def site_fact(self, site, key): return self.get((site, key))
    ...     def save_site_fact(self, site, key, value): self[(site, key)] = value
    >>> store = Store()
    >>> first = TitleLearners(store)
    >>> for n in ("الأولى", "الثانية"):
    ...     first.for_site("s").observe(f"جريدة الغد - افتتاح الدورة {n}", [], [])
    ...     first.remember("s")
    >>> TitleLearners(store).for_site("s").affixes()
    ['جريدة الغد']
    """

    store: FactStore | None = None
    learners: dict[str, SiteLearner] = field(default_factory=dict)
    saved: dict[str, list[str]] = field(default_factory=dict)

    def for_site(self, site: str) -> SiteLearner:
        """The site's learner, started from the fact an earlier run saved."""
        if site not in self.learners:
            learner = SiteLearner.from_fact(self._saved_fact(site))
            self.learners[site] = learner
            self.saved[site] = learner.affixes()
        return self.learners[site]

    def remember(self, site: str) -> None:
        """Save the site's learnt affixes when they changed since the last save."""
        learner = self.learners.get(site)
        if learner is None or self.store is None or learner.affixes() == self.saved.get(site):
            return
        self.saved[site] = learner.affixes()
        fact = json.dumps(learner.to_fact(), ensure_ascii=False)
        self.store.save_site_fact(site, FACT_NAME, fact)

    def _saved_fact(self, site: str) -> dict[str, object] | None:
        raw = self.store.site_fact(site, FACT_NAME) if self.store is not None else None
        try:
            fact = json.loads(raw) if raw else None
        except ValueError:
            return None
        return fact if isinstance(fact, dict) else None


def title_learners(crawler: Crawler) -> TitleLearners:
    """The crawl's title learners, persisted in the state store when the crawl has one."""
    extension = crawler.get_extension(StateExtension)
    return TitleLearners(extension.store if extension is not None else None)
