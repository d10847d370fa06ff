"""Exact dedup: the same canonical URL, or the same body fingerprint, is written once.

Within the run the pipeline remembers what passed; across runs it asks the state store. A known
URL passes again only as a *revision*: its `modified_at` is newer than the stored one and its
body changed; it is then written again with the same `url` (a new line, newer `modified_at`).
"""

from __future__ import annotations

from typing import Any

from itemadapter import ItemAdapter
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from newscrawl.config import newscrawl_settings
from newscrawl.keyset import KeySet
from newscrawl.state.base import KnownArticle
from newscrawl.state.extension import StateExtension, state_of
from newscrawl.state.revisions import is_newer


def is_revision(known: KnownArticle, modified_at: str | None, content_hash: str | None) -> bool:
    """Whether an item for an already emitted URL is a newer revision of it.

    >>> old = KnownArticle("https://a.example/1", "h1", "2026-01-01T10:00:00+00:00", None)
    >>> is_revision(old, "2026-01-02T08:00:00+00:00", "h2")
    True
    >>> is_revision(old, "2026-01-02T08:00:00+00:00", "h1")  # same body: nothing new
    False
    >>> is_revision(old, "2026-01-01T10:00:00+00:00", "h2")  # not newer
    False
    """
    return content_hash != known.content_hash and is_newer(modified_at, known.modified_at)


RECENT_CONTENTS = 10_000
"""Content hashes kept in memory, at least (twice NEWSCRAWL_FSYNC_ITEMS when more): more than
the writer ever holds uncommitted, so the state store answers for the older ones."""


class ExactDedupPipeline:
    """Drops exact duplicates (`newscrawl/dropped/duplicate_url`, `…/duplicate_content`)."""

    def __init__(self, crawler: Crawler) -> None:
        assert crawler.stats is not None
        self.crawler = crawler
        self.stats = crawler.stats
        # this run's URLs as 8-byte keys; content hash → URL only for the latest items, since
        # older ones are in the state store by then (`url_for_content`)
        self._urls = KeySet()
        self._contents: dict[str, str] = {}
        self._recent = max(RECENT_CONTENTS, 2 * newscrawl_settings(crawler).fsync_items)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ExactDedupPipeline:
        return cls(crawler)

    @property
    def state(self) -> StateExtension:
        return state_of(self.crawler)

    def process_item(self, item: Any) -> Any:
        adapter = ItemAdapter(item)
        url, content_hash = adapter["url"], adapter.get("content_hash")
        store = self.state.store
        if url in self._urls:
            self._drop(url, "duplicate_url")
        known = store.known_article(url)
        if known is not None and not is_revision(known, adapter.get("modified_at"), content_hash):
            self._drop(url, "duplicate_url")
        if content_hash:
            original = self._contents.get(content_hash) or store.url_for_content(content_hash)
            if original is not None and original != url:
                if known is None:
                    # The copy's URL needs no fetching next time: it leads to a known body.
                    store.add_aliases(original, [url])
                self._drop(url, "duplicate_content", f" of {original}")
            self._remember_content(content_hash, url)
        if known is not None:
            self.stats.inc_value("newscrawl/revisions")  # only a revision that is written
        self._urls.add(url)
        return item

    def _remember_content(self, content_hash: str, url: str) -> None:
        self._contents.setdefault(content_hash, url)
        if len(self._contents) > self._recent:  # dicts keep insertion order: oldest first
            del self._contents[next(iter(self._contents))]

    def _drop(self, url: str, reason: str, detail: str = "") -> None:
        self.stats.inc_value(f"newscrawl/dropped/{reason}")
        self.state.take_extras(url)
        raise DropItem(f"{reason}{detail}: {url}", log_level="DEBUG")
