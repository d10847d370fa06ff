"""First pipeline: drop items that cannot be a usable article, and put the URL in canonical form."""

from __future__ import annotations

from typing import Any

from itemadapter import ItemAdapter, is_item
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from newscrawl.state.extension import StateExtension
from newscrawl.urls import canonicalize_url, stored_url

REQUIRED_TEXT_FIELDS = ("url", "site", "title", "body")


def invalid_reason(item: Any) -> str | None:
    """Why `item` is not a usable article (a short stats-key suffix), or None when it is.

    >>> invalid_reason({"url": "https://a.example/1", "site": "a", "title": "ت", "body": "ن"})
    >>> invalid_reason({"url": "https://a.example/1", "site": "a", "title": " ", "body": "ن"})
    'missing_title'
    >>> invalid_reason({"url": "ftp://a.example/1", "site": "a", "title": "ت", "body": "ن"})
    'bad_url'
    >>> invalid_reason(42)
    'not_an_item'
    """
    if not is_item(item):
        return "not_an_item"
    adapter = ItemAdapter(item)
    for name in REQUIRED_TEXT_FIELDS:
        value = adapter.get(name)
        if not isinstance(value, str) or not value.strip():
            return f"missing_{name}"
    if canonicalize_url(adapter["url"]) is None:
        return "bad_url"
    return None


class ValidatePipeline:
    """Drops unusable items (counted `newscrawl/dropped/invalid/<reason>`)."""

    def __init__(self, crawler: Crawler) -> None:
        assert crawler.stats is not None
        self.crawler = crawler
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ValidatePipeline:
        return cls(crawler)

    def process_item(self, item: Any) -> Any:
        reason = invalid_reason(item)
        if reason is not None:
            self.stats.inc_value(f"newscrawl/dropped/invalid/{reason}")
            self._forget(item)
            raise DropItem(f"invalid article: {reason}")
        adapter = ItemAdapter(item)
        adapter["url"] = canonicalize_url(adapter["url"])
        return item

    def _forget(self, item: Any) -> None:
        """Release what the spider side remembered for a dropped item (no unbounded growth)."""
        state = self.crawler.get_extension(StateExtension)
        url = ItemAdapter(item).get("url") if is_item(item) else None
        if state is not None and isinstance(url, str):
            state.take_extras(stored_url(url))  # the key the spider side filed it under
