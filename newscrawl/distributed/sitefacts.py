"""`SiteFacts` in Redis: what the spider learns about a site, shared by every worker of a crawl.

See `newscrawl.spiders.sitefacts` for the contract (claims by owner, so a page handled twice,
after its worker died, admits its links again). Per site, under the crawl's frontier:
`site:S:seen` (same-page key → owner), `site:S:facts` (counters and one-time claims) and
`site:S:docs` (discovery documents: "0" requested, "1" handled).
"""

from __future__ import annotations

import redis

from newscrawl.distributed.keys import CrawlKeys
from newscrawl.spiders.sitefacts import PAGE_OWNER
from newscrawl.state.redis_link import as_text

_CLAIM = """
local holder = redis.call('HGET', KEYS[1], ARGV[1])
if holder then return holder == ARGV[2] and 1 or 0 end
if tonumber(redis.call('HGET', KEYS[2], ARGV[3]) or '0') >= tonumber(ARGV[4]) then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('HINCRBY', KEYS[2], ARGV[3], 1)
return 1
"""
_REQUESTED = """
if redis.call('HSETNX', KEYS[1], ARGV[1], '0') == 1 then
  redis.call('HINCRBY', KEYS[2], 'pending_documents', 1)
end
return 0
"""
_DONE = """
if redis.call('HGET', KEYS[1], ARGV[1]) == '0' then
  redis.call('HSET', KEYS[1], ARGV[1], '1')
  redis.call('HINCRBY', KEYS[2], 'pending_documents', -1)
end
return tonumber(redis.call('HGET', KEYS[2], 'pending_documents') or '0')
"""
_ONCE = """
if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 1 then return 1 end
return redis.call('HGET', KEYS[1], ARGV[1]) == ARGV[2] and 1 or 0
"""


class RedisSiteFacts:
    """The facts of site `site` in crawl `keys.crawl_id`."""

    def __init__(self, client: redis.Redis, keys: CrawlKeys, site: str) -> None:
        self.client = client
        self._seen = keys.site(site, "seen")
        self._facts = keys.site(site, "facts")
        self._docs = keys.site(site, "docs")
        self._claim = client.register_script(_CLAIM)
        self._requested = client.register_script(_REQUESTED)
        self._done = client.register_script(_DONE)
        self._once = client.register_script(_ONCE)

    def seen(self, key: str, owner: str) -> bool:
        holder = self.client.hget(self._seen, key)
        return holder is not None and as_text(holder) != owner

    def claim(self, key: str, owner: str, budget: str, limit: int) -> bool:
        found = self._claim(keys=[self._seen, self._facts], args=[key, owner, budget, limit])
        return bool(found)

    def mark_seen(self, keys: list[str]) -> None:
        pipe = self.client.pipeline(transaction=False)
        for key in keys:
            pipe.hsetnx(self._seen, key, PAGE_OWNER)
        pipe.execute()

    def add(self, name: str, amount: int = 1) -> int:
        return int(self.client.hincrby(self._facts, name, amount))

    def get(self, name: str) -> int:
        return int(self.client.hget(self._facts, name) or 0)

    def document_requested(self, url: str) -> None:
        self._requested(keys=[self._docs, self._facts], args=[url])

    def document_done(self, url: str) -> int:
        return int(self._done(keys=[self._docs, self._facts], args=[url]))

    def claim_once(self, name: str, owner: str) -> bool:
        return bool(self._once(keys=[self._facts], args=[f"claim/{name}", owner]))
