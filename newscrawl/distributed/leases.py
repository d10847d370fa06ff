"""When a leased request's work is durable, so its lease may be acknowledged.

A request leased to this worker is done when its callback (or errback) has returned, every
request it yielded has reached the shared queue, and every article it yielded is either written
*and committed* (the writer's fsync, then the done marks) or dropped. A request replaced by
another (a redirect, a retry) is done when the replacement is queued (the frontier does that in
one step). Until then the lease stays in Redis, so a worker that dies loses nothing: the reaper
puts its leases back in the queue.

Pure bookkeeping, no Redis: `LeaseTracker` says which leases became done; the caller acks them.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from weakref import WeakKeyDictionary

from scrapy import Request

META_KEY = "newscrawl_lease"
"""Where a leased request carries its lease id (copied to redirects and retries by Scrapy)."""


def lease_of(request: Request | None) -> str | None:
    """The lease id a request carries, if any.

    >>> lease_of(Request("http://x/", meta={META_KEY: "7"})), lease_of(Request("http://x/"))
    ('7', None)
    """
    value = request.meta.get(META_KEY) if request is not None else None
    return value if isinstance(value, str) else None


@dataclass
class _Work:
    returned: bool = False
    children: int = 0
    items: int = 0

    @property
    def done(self) -> bool:
        return self.returned and not self.children and not self.items


class LeaseTracker:
    """Outstanding work per lease id.

    >>> tracker = LeaseTracker()
    >>> tracker.open("1")
    >>> child = Request("http://x/a")
    >>> tracker.emitted("1", [child], ["http://x/1"])
    >>> tracker.returned("1"), tracker.arrived(child), tracker.settled("http://x/1")
    ([], [], ['1'])
    """

    def __init__(self) -> None:
        self._work: dict[str, _Work] = {}
        self._parents: WeakKeyDictionary[Request, str] = WeakKeyDictionary()
        self._items: dict[str, list[str]] = defaultdict(list)

    def __contains__(self, lease: str) -> bool:
        return lease in self._work

    def __len__(self) -> int:
        return len(self._work)

    def open(self, lease: str) -> None:
        self._work.setdefault(lease, _Work())

    def forget(self, lease: str) -> None:
        """The lease was acknowledged elsewhere (replaced by a redirect or retry)."""
        self._work.pop(lease, None)

    def emitted(self, lease: str, requests: list[Request], item_urls: list[str]) -> None:
        """The callback of `lease` yielded these requests and articles (by URL)."""
        work = self._work.get(lease)
        if work is None:
            return
        for request in requests:
            self._parents[request] = lease
            work.children += 1
        for url in item_urls:
            self._items[url].append(lease)
            work.items += 1

    def returned(self, lease: str) -> list[str]:
        """The callback (or errback) of `lease` has returned."""
        work = self._work.get(lease)
        if work is None:
            return []
        work.returned = True
        return self._check(lease)

    def arrived(self, request: Request) -> list[str]:
        """`request` reached the shared queue (or its duplicate filter)."""
        lease = self._parents.pop(request, None)
        work = self._work.get(lease) if lease else None
        if lease is None or work is None:
            return []
        work.children -= 1
        return self._check(lease)

    def settled(self, url: str, lease: str | None = None) -> list[str]:
        """The article `url` was committed or dropped (`lease`: the one that yielded it, if
        known)."""
        owners = self._items.get(url)
        if not owners:
            return []
        owner = lease if lease in owners else owners[0]
        owners.remove(owner)
        if not owners:
            del self._items[url]
        work = self._work.get(owner)
        if work is None:
            return []
        work.items -= 1
        return self._check(owner)

    def _check(self, lease: str) -> list[str]:
        work = self._work[lease]
        if not work.done:
            return []
        del self._work[lease]
        return [lease]

    def idle(self) -> list[str]:
        """The engine is idle: nothing is downloading, scraping or on its way to the queue, so
        every lease whose articles are settled is done (a request dropped on its way to the
        queue, by a middleware, would otherwise keep its parent's lease forever)."""
        done = [lease for lease, work in self._work.items() if not work.items]
        for lease in done:
            del self._work[lease]
        return done

    def outstanding(self) -> set[str]:
        return set(self._work)
