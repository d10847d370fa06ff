"""What the spider learns about a site while crawling it: seen URLs, budgets, discovery phase.

One crawl process keeps these facts in memory (`LocalSiteFacts`). A distributed crawl keeps them
in Redis, shared by its workers (`newscrawl.distributed.sitefacts`), behind the same interface.

Any worker may die half-way through a callback; its request is then handled again, by another
worker. So a claim records its *owner* (the page whose links it admitted): handling the same page
again claims the same URLs again, and the requests it lost are made again (the shared duplicate
filter drops those that had been queued). Local facts need no owner and ignore it.
"""

from __future__ import annotations

from collections import Counter
from typing import Protocol

from scrapy import Request

from newscrawl.keyset import KeySet

NO_OWNER = ""
"""The owner of claims made outside any page: a site's start, probes, the home page."""
PAGE_OWNER = "\x00page"
"""The owner of URLs marked seen by the page they lead to: never the owner of an admission."""
NOBODY = "\x00nobody"
"""Owns no claim: `seen(key, NOBODY)` asks whether anyone claimed `key`."""


class SiteFacts(Protocol):
    def seen(self, key: str, owner: str) -> bool:
        """Whether `key` (a same-page key) was claimed, by another owner than `owner`."""
        ...

    def claim(self, key: str, owner: str, budget: str, limit: int) -> bool:
        """Claim `key` for `owner`, counting it against counter `budget`; False when spent."""
        ...

    def mark_seen(self, keys: list[str]) -> None: ...

    def add(self, name: str, amount: int = 1) -> int:
        """Add to counter `name`; its new value."""
        ...

    def get(self, name: str) -> int: ...

    def document_requested(self, url: str) -> None:
        """A discovery document (robots, sitemap, feed) of the site was requested."""
        ...

    def document_done(self, url: str) -> int:
        """A discovery document was handled; how many are still pending."""
        ...

    def claim_once(self, name: str, owner: str) -> bool:
        """True for the first claim of `name` (and for the same owner claiming it again)."""
        ...


class LocalSiteFacts:
    """Facts of a crawl that runs in one process.

    >>> facts = LocalSiteFacts()
    >>> facts.claim("a", NO_OWNER, "pages", 1), facts.seen("a", NO_OWNER), facts.get("pages")
    (True, True, 1)
    >>> facts.claim("b", NO_OWNER, "pages", 1)  # the budget of 1 is spent
    False
    """

    def __init__(self) -> None:
        self._seen = KeySet()  # a site with 100,000 articles keeps 100,000 of them
        self._counters: Counter[str] = Counter()
        self._claimed: set[str] = set()

    def seen(self, key: str, owner: str) -> bool:
        return key in self._seen

    def claim(self, key: str, owner: str, budget: str, limit: int) -> bool:
        if self._counters[budget] >= limit:
            return False
        self._seen.add(key)
        self._counters[budget] += 1
        return True

    def mark_seen(self, keys: list[str]) -> None:
        self._seen.update(keys)  # PAGE_OWNER's claims

    def add(self, name: str, amount: int = 1) -> int:
        self._counters[name] += amount
        return self._counters[name]

    def get(self, name: str) -> int:
        return self._counters[name]

    def document_requested(self, url: str) -> None:
        self._counters["pending_documents"] += 1

    def document_done(self, url: str) -> int:
        self._counters["pending_documents"] -= 1
        return self._counters["pending_documents"]

    def claim_once(self, name: str, owner: str) -> bool:
        if name in self._claimed:
            return False
        self._claimed.add(name)
        return True


def requested_url(request: Request) -> str:
    """The URL the spider asked for, before any redirect (what a discovery step is known by).

    >>> requested_url(Request("http://x.com/b", meta={"redirect_urls": ["http://x.com/a"]}))
    'http://x.com/a'
    """
    earlier = request.meta.get("redirect_urls")
    return str(earlier[0]) if earlier else request.url
