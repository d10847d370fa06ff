"""Item pipeline: two workers never write the same article at the same time.

The exact-dedup pipeline asks the shared state, which knows an article only once it is committed
(about a second after it is written). Two requests leading to the same article (a redirect, an
alias), or to the same body, may be handled by two workers inside that second: each worker
therefore claims the article's URL and body fingerprint in Redis right before writing, and drops
the item when another live worker holds a claim (that worker writes it; if it dies first, its
claims are freed with its leases, and its request is fetched again). Claims are released once
the article is committed, when its done mark takes over.
"""

from __future__ import annotations

from typing import Any

from itemadapter import ItemAdapter
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem, NotConfigured

from newscrawl.config import newscrawl_settings
from newscrawl.distributed.worker import worker_of
from newscrawl.pipelines.jsonl import items_committed
from newscrawl.state.extension import state_of


def claim_names(url: str, content_hash: str | None) -> list[str]:
    """The claims of an article: its URL and, when known, its body fingerprint.

    >>> claim_names("http://x/1", "ab"), claim_names("http://x/2", None)
    (['url:http://x/1', 'body:ab'], ['url:http://x/2'])
    """
    return [f"url:{url}"] + ([f"body:{content_hash}"] if content_hash else [])


class WriteClaimPipeline:
    """Drops articles another worker is writing (`newscrawl/distributed/claimed_elsewhere`)."""

    def __init__(self, crawler: Crawler) -> None:
        assert crawler.stats is not None
        self.crawler = crawler
        self.stats = crawler.stats
        self._claimed: dict[str, list[str]] = {}
        crawler.signals.connect(self._committed, signal=items_committed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> WriteClaimPipeline:
        if not newscrawl_settings(crawler).redis_url:
            raise NotConfigured("not a distributed crawl")
        return cls(crawler)

    def process_item(self, item: Any) -> Any:
        adapter = ItemAdapter(item)
        url = str(adapter["url"])
        names = claim_names(url, adapter.get("content_hash"))
        conflict = worker_of(self.crawler).frontier.claim(names)
        if conflict == 0:
            self._claimed[url] = names
            return item
        reason = "duplicate_url" if conflict == 1 else "duplicate_content"
        self.stats.inc_value(f"newscrawl/dropped/{reason}")
        self.stats.inc_value("newscrawl/distributed/claimed_elsewhere")
        state_of(self.crawler).take_extras(url)
        raise DropItem(f"{reason}: another worker is writing {url}", log_level="DEBUG")

    def _committed(self, urls: list[str]) -> None:
        names = [name for url in urls for name in self._claimed.pop(url, [])]
        if names:
            worker_of(self.crawler).frontier.unclaim(names)
