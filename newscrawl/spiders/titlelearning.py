"""Site learning across a crawl and from one run to the next: one `SiteLearner` per site.

The extractor reads and feeds the site's learner on every article page, and the spider shows
it the site's other pages (home, sections: `observe_listing`); what it learnt (the site's title
affixes, and its recurring body blocks unless NEWSCRAWL_LEARN_BOILERPLATE is off) is saved in
the state store as site facts whenever it changes, so the next run strips them from its very
first page.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Protocol

from lxml.html import HtmlElement
from scrapy.crawler import Crawler

from newscrawl.config import newscrawl_settings
from newscrawl.extraction.site_blocks import FACT_NAME as BLOCKS_FACT
from newscrawl.extraction.site_blocks import BlockLearner, page_lines
from newscrawl.extraction.site_container import ContainerLearner
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
    learn_blocks: bool = True
    learn_containers: bool = True
    learn_titles: bool = True
    saved_blocks: dict[str, set[str]] = field(default_factory=dict)

    def for_site(self, site: str) -> SiteLearner:
        """The site's learner, started from the facts an earlier run saved."""
        if site not in self.learners:
            if self.learn_titles:
                learner = SiteLearner.from_fact(self._saved_fact(site, FACT_NAME))
            else:
                learner = SiteLearner(titles=False)
            if self.learn_blocks:
                learner.blocks = BlockLearner.from_fact(self._saved_fact(site, BLOCKS_FACT))
                self.saved_blocks[site] = set(learner.blocks.blocks())
            if self.learn_containers:
                learner.body = ContainerLearner()  # relearnt each run: three pages suffice
            self.learners[site] = learner
            self.saved[site] = learner.affixes()
        return self.learners[site]

    def observe_listing(self, site: str, url: str, root: HtmlElement) -> None:
        """Show the site's block learner a page that is no article (its chrome is there too)."""
        blocks = self.for_site(site).blocks
        if blocks is not None:
            blocks.observe_listing(url, page_lines(root))

    def remember(self, site: str) -> None:
        """Save what the site's learner learnt when it changed since the last save."""
        learner = self.learners.get(site)
        if learner is None or self.store is None:
            return
        if learner.affixes() != self.saved.get(site):
            self.saved[site] = learner.affixes()
            self._save(site, FACT_NAME, learner.to_fact())
        if learner.blocks is not None:
            # a set: blocks changing rank as their counts grow are no news worth a write
            blocks = set(learner.blocks.blocks())
            if blocks != self.saved_blocks.get(site):
                self.saved_blocks[site] = blocks
                self._save(site, BLOCKS_FACT, learner.blocks.to_fact())

    def _save(self, site: str, key: str, fact: dict[str, object]) -> None:
        if self.store is not None:
            self.store.save_site_fact(site, key, json.dumps(fact, ensure_ascii=False))

    def _saved_fact(self, site: str, key: str) -> dict[str, object] | None:
        raw = self.store.site_fact(site, key) if self.store is not None else None
        try:
            fact = json.loads(raw) if raw else None
        except ValueError:
            return None
        return fact if isinstance(fact, dict) else None


def title_learners(crawler: Crawler) -> TitleLearners:
    """The crawl's site learners, persisted in the state store when the crawl has one."""
    extension = crawler.get_extension(StateExtension)
    store = extension.store if extension is not None else None
    settings = newscrawl_settings(crawler)
    return TitleLearners(
        store, learn_blocks=settings.learn_boilerplate, learn_containers=settings.learn_containers,
        learn_titles=settings.learn_titles,
    )  # fmt: skip
