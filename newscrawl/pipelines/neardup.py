"""Near-duplicate detection across sites and runs: LSH proposes, a verified resemblance decides.

The same wire story republished with another headline, an added sentence or other boilerplate is
marked with `near_duplicate_of` = the first-seen article's URL (setting NEWSCRAWL_NEAR_DUPLICATES
= "mark", the default) or dropped ("drop"). Only first-seen articles enter the index, so every
copy points at the original, never at another copy.

The rule (issue 9, class 5): resemblance is the Jaccard of 5-word shingles of the matching-
normalised bodies. A pair is marked when it is ≥ NEWSCRAWL_NEAR_DUPLICATE_THRESHOLD (0.6), so
never below 0.5 and always from 0.7: exact for bodies up to 512 shingles, within ±0.1 with
probability ≥ 1 - 2.5e-6 beyond (`newscrawl.fingerprints.resemblance`). LSH (42 bands of 3
rows) loses a pair at 0.7 with probability ~2e-8. Two articles of the same site compare without
that site's template sentences (`neardup_state`): issues of a daily report are not copies of
each other, however much fixed text they share.

Scale note: the index (`neardup_index`: compact arrays in memory, sketches and URLs in an unnamed
temporary file) is rebuilt from the stored signatures when the crawl starts (see BENCHMARKS.md
for the measured figures); a distributed crawl keeps the buckets in Redis
(`newscrawl.state.redis_lsh`).
"""

from __future__ import annotations

import logging
from typing import Any

from itemadapter import ItemAdapter
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem, NotConfigured

from newscrawl.config import newscrawl_settings
from newscrawl.fingerprints import (
    fingerprint_bytes,
    fingerprint_from_bytes,
    is_current_signature,
    matching_sentences,
    sentence_key,
    sentences_fingerprint,
)
from newscrawl.keyset import KeySet
from newscrawl.pipelines.neardup_index import NearDuplicateIndex
from newscrawl.pipelines.neardup_state import SiteSentenceBook, refingerprint
from newscrawl.state.base import StateStore
from newscrawl.state.extension import StateExtension, state_of

logger = logging.getLogger(__name__)

MODES = ("mark", "drop", "off")


class NearDuplicatePipeline:
    """Marks or drops near-duplicates (`newscrawl/near_duplicates/marked` or `…/dropped/…`)."""

    def __init__(self, crawler: Crawler) -> None:
        config = newscrawl_settings(crawler)
        self.mode = config.near_duplicates
        if self.mode not in MODES:
            raise ValueError(f"NEWSCRAWL_NEAR_DUPLICATES must be one of {MODES}, got {self.mode!r}")
        if self.mode == "off":
            raise NotConfigured("near-duplicate detection is off")
        assert crawler.stats is not None
        self.crawler = crawler
        self.stats = crawler.stats
        self.index: Any = NearDuplicateIndex(config.near_duplicate_threshold)
        self.sentences = SiteSentenceBook(None)
        self._learned = KeySet()  # one URL per article of the run

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> NearDuplicatePipeline:
        return cls(crawler)

    @property
    def state(self) -> StateExtension:
        return state_of(self.crawler)

    def open_spider(self) -> None:
        store = self.state.store
        self.sentences = SiteSentenceBook(store)
        shared = getattr(store, "near_duplicate_index", None)
        if shared is not None:  # a distributed crawl's index lives in Redis: nothing to load
            self.index = shared()
            return
        self._load(store)
        self.stats.set_value("newscrawl/neardup/index_loaded", len(self.index))

    def _load(self, store: StateStore) -> None:
        """Index the stored signatures, first-seen first; older formats are recomputed."""
        stale = [url for url, data in store.signatures() if not is_current_signature(data)]
        if stale:  # older states come first: everything signed since is newer
            self._migrate(store, stale)
        for url, data in store.signatures():
            fingerprint = fingerprint_from_bytes(data)
            if fingerprint is not None:
                self.index.add(url, fingerprint)

    def _migrate(self, store: StateStore, stale: list[str]) -> None:
        found = refingerprint(set(stale), store.output_offsets())
        for url in stale:
            if url in found:
                self.index.add(url, found[url])
        replace = getattr(store, "replace_signatures", None)
        if replace is not None:
            replace({url: fingerprint_bytes(f) for url, f in found.items()})
        self.stats.set_value("newscrawl/neardup/signatures_migrated", len(found))
        if len(found) < len(stale):
            logger.warning(
                "%d near-duplicate references from an older state have no line in the output "
                "files any more; later copies of them will not be marked", len(stale) - len(found),
            )  # fmt: skip
            self.stats.set_value("newscrawl/neardup/signatures_lost", len(stale) - len(found))

    def close_spider(self) -> None:
        self.sentences.save()
        close = getattr(self.index, "close", None)  # the in-memory index's spill file
        if close is not None:
            close()

    def process_item(self, item: Any) -> Any:
        adapter = ItemAdapter(item)
        url = adapter["url"]
        site_name = str(adapter.get("site") or "")
        site = self.sentences.for_site(site_name)
        sentences = matching_sentences(adapter.get("body") or "")
        fingerprint = sentences_fingerprint(sentences, site_name, site.template)
        original = self.index.match(url, fingerprint)
        if url not in self._learned:  # a revision of one article must not count twice
            self._learned.add(url)
            site.learn(sentence_key(s) for s in sentences)
        if original is None:
            if fingerprint.shingles:
                self.index.add(url, fingerprint)
                self.state.extras(url).signature = fingerprint_bytes(fingerprint)
            return item
        if self.mode == "drop":
            self.stats.inc_value("newscrawl/dropped/near_duplicate")
            self.state.take_extras(url)
            raise DropItem(f"near duplicate of {original}: {url}", log_level="DEBUG")
        self.stats.inc_value("newscrawl/near_duplicates/marked")
        adapter["near_duplicate_of"] = original
        return item
