"""Per-site learning of boilerplate blocks: the lines a site repeats on its pages.

A site's menus, footers, sidebar boxes and tool lines come out the same on every page; an
article's sentences come out on one. Counted over the distinct article pages of one site, a
block (a body line, matching-normalised, digits aside: "التعليقات (4)" and "(7)" are one block)
on at least `min_pages` pages and on `share` of them is the site's own text, and later pages'
bodies leave it out.

Recurring genuine text exists too: a background paragraph repeated through a series of
articles, the shared sentences of daily templated reports. Those never show on the site's
listing pages, while its chrome shows on every page; so a block must also have been seen on a
non-article page (home, section), or, on a site whose listings the crawl never fetches (the
sitemap lists every article), on `unlisted_share` of at least `unlisted_min_pages` articles.

Streaming has a price: a crawl extracts its first pages before anything recurs, so those keep
blocks that page-level rules missed. Listing pages usually come first and give the second half
of the evidence early; what was learnt is persisted (`to_fact`) so the next run strips it from
its first page on.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from lxml.html import HtmlElement

from newscrawl.arabic import normalize_for_matching
from newscrawl.extraction.body import container_paragraphs
from newscrawl.keyset import KeySet

FACT_NAME = "boilerplate_blocks"
"""The key under which a site's learnt blocks are persisted."""
KEEP = 200
"""At most this many blocks are persisted per site (the most frequent)."""
_MAX_KEYS = 20_000
_PERSISTED_PAGES = 20  # evidence a persisted block starts with: a changed site outgrows it
_DIGITS_RE = re.compile(r"\d+")


def block_key(text: str) -> str | None:
    """A short fingerprint of a block, the same for every spelling, spacing and count.

    >>> block_key("التعليقات (4)") == block_key("التعليقات  (12)")
    True
    >>> block_key(" ... ") is None
    True
    """
    folded = " ".join(_DIGITS_RE.sub(" ", normalize_for_matching(text)).split())
    if not folded:
        return None
    return hashlib.blake2b(folded.encode("utf-8"), digest_size=8).hexdigest()


def page_lines(root: HtmlElement) -> list[str]:
    """Every line of text a page shows, split as body containers are (for listing pages)."""
    body = root.find("body") if root.tag == "html" else root
    return container_paragraphs(body if body is not None else root)


@dataclass
class BlockLearner:
    """Counts blocks over a site's distinct pages; says which are boilerplate.

    >>> learner = BlockLearner()
    >>> menu = "الرئيسية | اقتصاد | رياضة"
    >>> learner.observe_listing("/", [menu, "خبر في الصفحة الأولى"])
    >>> for n in range(3):
    ...     learner.observe_article(f"/a{n}", [f"نص الخبر رقم {n} كاملا", menu])
    >>> learner.strip(["نص خبر جديد", menu])
    ['نص خبر جديد']
    """

    min_pages: int = 3
    share: float = 0.5
    unlisted_min_pages: int = 10
    unlisted_share: float = 0.8
    pages: int = 0
    counts: Counter[str] = field(default_factory=Counter)
    listed: Counter[str] = field(default_factory=Counter)
    _seen: KeySet = field(default_factory=KeySet)  # page URLs: 100,000 of them on a long crawl
    _frequent: set[str] = field(default_factory=set)  # the only keys that may recur

    def observe_article(self, page: str, paragraphs: Iterable[str]) -> None:
        """Count the blocks of one article page's body (a page seen again counts once)."""
        if self._first_visit(page):
            self.pages += 1
            keys = _keys(paragraphs)
            self.counts.update(keys)
            self._frequent.update(k for k in keys if self.counts[k] >= self.min_pages)
            _prune(self.counts)

    def observe_listing(self, page: str, lines: Iterable[str]) -> None:
        """Note the blocks a non-article page shows: chrome is on them, articles' text is not."""
        if self._first_visit(page):
            self.listed.update(_keys(lines))
            _prune(self.listed)

    def is_boilerplate(self, text: str) -> bool:
        key = block_key(text)
        return key is not None and self._recurs(key)

    def strip(self, paragraphs: list[str]) -> list[str]:
        """The paragraphs that are not boilerplate; all of them when nothing else is left."""
        kept = [p for p in paragraphs if not self.is_boilerplate(p)]
        return kept or paragraphs

    def blocks(self) -> list[str]:
        """The keys of the blocks learnt so far, most frequent first (at most `KEEP`)."""
        recurring = sorted(filter(self._recurs, self._frequent), key=self._order)
        return recurring[:KEEP]

    def _order(self, key: str) -> tuple[int, str]:
        return -self.counts[key], key

    def to_fact(self) -> dict[str, Any]:
        """What to persist: the learnt blocks and how many pages taught them."""
        return {"blocks": self.blocks(), "pages": self.pages}

    @classmethod
    def from_fact(cls, fact: Mapping[str, Any] | None) -> BlockLearner:
        """A learner that starts from a persisted fact, each block as seen on every page.

        >>> line = "تابعونا على فيسبوك"
        >>> BlockLearner.from_fact({"blocks": [block_key(line)], "pages": 40}).is_boilerplate(line)
        True
        >>> BlockLearner.from_fact({"blocks": 3}).blocks()
        []
        """
        learner = cls()
        blocks = fact.get("blocks") if isinstance(fact, Mapping) else None
        pages = fact.get("pages") if isinstance(fact, Mapping) else None
        if not isinstance(blocks, list) or not isinstance(pages, int) or pages < 1:
            return learner
        learner.pages = min(pages, _PERSISTED_PAGES)
        for key in (b for b in blocks[:KEEP] if isinstance(b, str) and b):
            learner.counts[key] = learner.listed[key] = learner.pages
            learner._frequent.add(key)
        return learner

    def _recurs(self, key: str) -> bool:
        count = self.counts.get(key, 0)
        if key in self.listed:
            return count >= max(self.min_pages, self.share * self.pages)
        return count >= max(self.unlisted_min_pages, self.unlisted_share * self.pages)

    def _first_visit(self, page: str) -> bool:
        if page in self._seen:
            return False
        self._seen.add(page)
        return True


def _keys(texts: Iterable[str]) -> set[str]:
    return {key for key in map(block_key, texts) if key is not None}


def _prune(counts: Counter[str]) -> None:
    # blocks seen once are an article's own text: forgetting them bounds a long crawl's memory
    if len(counts) > _MAX_KEYS:
        for key in [k for k, n in counts.items() if n < 2]:
            del counts[key]
