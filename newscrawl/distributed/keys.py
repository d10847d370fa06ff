"""Redis key names of a distributed crawl, in one place.

`P` = `newscrawl:<name>` (the name given with `--state`, default `default`) holds what lasts
across crawls (the state store, `newscrawl.state.redis_store`). `P:crawl` describes the crawl in
progress; its frontier lives under `P:c:<crawl id>`, deleted when the crawl finishes:

    q            zset   queued requests (score: -priority), as scrapy-redis's PriorityQueue
    df           set    request fingerprints (scrapy-redis's duplicate filter)
    lease:W      hash   lease id → "score\\nrequest": what worker W is working on
    seq          int    lease ids
    workers      set    registered workers;  alive:W  (expiring) their heartbeats
    winfo        hash   W → {"host", "boot", "pid", "started"}
    claims       hash   article URL / content hash → the worker writing it;  claimsof:W  set
    site:S:seen  hash   same-page key → owner;  site:S:facts  counters;  site:S:docs  documents
    failures, reaped    article fetches that failed, workers found dead (validators policy)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ROOT = "newscrawl"
DEFAULT_NAME = "default"
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")


def check_name(name: str) -> str:
    """A crawl state name: letters, digits, `.`, `_`, `-` (it becomes part of every key).

    >>> check_name("news-2026")
    'news-2026'
    >>> check_name("state/")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ValueError: with --redis, --state names the crawl's state in Redis (...), got 'state/'
    """
    if not _NAME.fullmatch(name):
        message = "with --redis, --state names the crawl's state in Redis (letters, digits, . _ -)"
        raise ValueError(f"{message}, got {name!r}")
    return name


@dataclass(frozen=True)
class CrawlKeys:
    """Key names for state `name` and, once known, crawl `crawl_id`.

    >>> keys = CrawlKeys("default", "c1")
    >>> keys.prefix, keys.crawl, keys.frontier("q")
    ('newscrawl:default', 'newscrawl:default:crawl', 'newscrawl:default:c:c1:q')
    >>> keys.lease("w1"), keys.site("x", "seen")
    ('newscrawl:default:c:c1:lease:w1', 'newscrawl:default:c:c1:site:x:seen')
    """

    name: str
    crawl_id: str = ""

    @property
    def prefix(self) -> str:
        return f"{ROOT}:{self.name}"

    @property
    def crawl(self) -> str:
        return f"{self.prefix}:crawl"

    @property
    def frontier_prefix(self) -> str:
        return f"{self.prefix}:c:{self.crawl_id}:"

    def frontier(self, name: str) -> str:
        return self.frontier_prefix + name

    def lease(self, worker: str) -> str:
        return self.frontier(f"lease:{worker}")

    def alive(self, worker: str) -> str:
        return self.frontier(f"alive:{worker}")

    def claims_of(self, worker: str) -> str:
        return self.frontier(f"claimsof:{worker}")

    def site(self, site: str, what: str) -> str:
        return self.frontier(f"site:{site}:{what}")
