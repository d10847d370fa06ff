"""Per-site learning for sites without a profile: which title affixes and h1s are the site's
(and, through `blocks`, which body blocks: `site_blocks`).

A site writes its name around the title of nearly every page ("Site - headline", "Blog: post")
and often in a logo h1; a headline appears on one page. Counted over the distinct article pages
of one site, what repeats on at least `min_pages` pages and on a share of them is the site's
own text, and the title chooser strips or skips it like a name read from metadata.

One `SiteLearner` lives per site for a crawl (the spider keeps it and hands it to the
extractor, which both reads and feeds it); `to_fact` / `from_fact` carry what it learnt to the
next run through a per-site fact store.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from newscrawl.arabic import normalize_for_matching, normalize_text
from newscrawl.extraction.site_blocks import BlockLearner
from newscrawl.extraction.site_container import ContainerLearner
from newscrawl.keyset import KeySet

# Separators between a site's name and a headline: " - ", " | ", " » ", " :: ", and "Blog: ".
_SEPARATOR_RE = re.compile(r"\s+(?:[|\-–—»:]|::)\s+|:\s+|\s*[|»]\s*")
_MIN_CHARS = 3
_MAX_CHARS = 80
_MAX_KEYS = 5000
FACT_NAME = "title_affixes"
"""The key under which a site's learnt affixes are persisted."""


def outer_affixes(title: str) -> list[str]:
    """What stands before the first and after the last separator of a title.

    >>> outer_affixes("جريدة الغد - محليات - افتتاح جسر جديد")
    ['جريدة الغد', 'افتتاح جسر جديد']
    >>> outer_affixes("مدونة الخليج: افتتاح معرض الكتاب")
    ['مدونة الخليج', 'افتتاح معرض الكتاب']
    >>> outer_affixes("افتتاح معرض الكتاب")
    []
    """
    text = normalize_text(title)
    separators = list(_SEPARATOR_RE.finditer(text))
    if not separators:
        return []
    head, tail = text[: separators[0].start()].strip(), text[separators[-1].end() :].strip()
    return [part for part in (head, tail) if _MIN_CHARS <= len(part) <= _MAX_CHARS]


@dataclass
class SiteLearner:
    """Counts, over a site's distinct article pages, the texts that may be the site's own.

    >>> learner = SiteLearner()
    >>> for n in ("الأولى", "الثانية"):
    ...     learner.observe(f"جريدة الغد - افتتاح الدورة {n}", [], ["جريدة الغد"])
    >>> learner.affixes()
    ['جريدة الغد']
    """

    min_pages: int = 2
    share: float = 0.5
    pages: int = 0
    counts: Counter[str] = field(default_factory=Counter)
    spellings: dict[str, str] = field(default_factory=dict)
    _seen: KeySet = field(default_factory=KeySet)  # a long crawl sees 100,000 titles
    _affixes: list[str] | None = field(default=None, repr=False)  # until the next page
    blocks: BlockLearner | None = None
    """The site's recurring body blocks (`site_blocks`); None: not learnt in this crawl."""
    body: ContainerLearner | None = None
    """The site's body container (`site_container`); None: detected on every page."""
    titles: bool = True
    """Whether title affixes are learnt (NEWSCRAWL_LEARN_TITLES)."""

    def observe(self, page_title: str, titles: Iterable[str], h1s: Iterable[str]) -> None:
        """Count one page's title affixes, whole <title> and h1s (a page seen again counts once)."""
        if not self.titles:
            return
        declared = [t for t in (page_title, *titles) if isinstance(t, str) and t.strip()]
        key = normalize_for_matching(declared[0]) if declared else ""
        if not key or key in self._seen:
            return
        self._seen.add(key)
        self.pages += 1
        self._affixes = None
        texts = [normalize_text(page_title), *normalize_h1s(h1s)]
        texts += [affix for title in declared for affix in outer_affixes(title)]
        found = {normalize_for_matching(t): t for t in texts if _MIN_CHARS <= len(t) <= _MAX_CHARS}
        for folded, text in found.items():
            if folded:
                self.counts[folded] += 1
                self.spellings.setdefault(folded, text)
        self._prune()

    def affixes(self) -> list[str]:
        """The texts seen on enough of the site's pages to be its own, as first written."""
        if self._affixes is None:  # read several times per page, changed once per page
            need = max(self.min_pages, self.share * self.pages)
            frequent = [(key, n) for key, n in self.counts.items() if n >= need]
            frequent.sort(key=lambda pair: pair[1], reverse=True)  # stable, as most_common
            self._affixes = [self.spellings[key] for key, _ in frequent]
        return list(self._affixes)

    def to_fact(self) -> dict[str, Any]:
        """What to persist: the learnt affixes and how many pages taught them."""
        return {"affixes": self.affixes(), "pages": self.pages}

    @classmethod
    def from_fact(cls, fact: Mapping[str, Any] | None) -> SiteLearner:
        """A learner that starts from a persisted fact (each affix as seen on every page).

        >>> SiteLearner.from_fact({"affixes": ["جريدة الغد"], "pages": 4}).affixes()
        ['جريدة الغد']
        >>> SiteLearner.from_fact({"affixes": "bad"}).affixes()
        []
        """
        learner = cls()
        affixes = fact.get("affixes") if isinstance(fact, Mapping) else None
        pages = fact.get("pages") if isinstance(fact, Mapping) else None
        if not isinstance(affixes, list) or not isinstance(pages, int) or pages < 1:
            return learner
        learner.pages = pages
        for text in (a for a in affixes if isinstance(a, str)):
            folded = normalize_for_matching(text)
            if folded:
                learner.counts[folded] = pages
                learner.spellings[folded] = normalize_text(text)
        return learner

    def _prune(self) -> None:
        # texts seen once are headlines; forgetting them bounds memory on a long crawl
        if len(self.counts) > _MAX_KEYS:
            for key in [k for k, n in self.counts.items() if n < 2]:
                del self.counts[key]
                self.spellings.pop(key, None)


def normalize_h1s(h1s: Iterable[str]) -> list[str]:
    """The h1 texts, normalised, without empties."""
    return [text for text in (normalize_text(h) for h in h1s if isinstance(h, str)) if text]
