"""The shared frontier's Redis operations, each one atomic (a Lua script).

The reliable-queue protocol (no lost work, see `leases` for when a lease is acknowledged):

- `push`: add the fingerprint to the duplicate filter *and* the request to the queue in one step
  (scrapy-redis does them apart: a kill in between loses the request). A request that replaces
  its parent (redirect, retry) acknowledges the parent's lease in the same step.
- `pop`: move the best request from the queue into the worker's lease hash, in one step (popping
  a request deletes it from scrapy-redis's queue: a worker that dies loses it).
- `ack`: delete a lease, once its work is durable.
- `release`: put every lease of a worker back into the queue and free its write claims (a worker
  that stops, or one the reaper found dead), and unregister it.
"""

from __future__ import annotations

from typing import Any

import redis

from newscrawl.distributed.keys import CrawlKeys
from newscrawl.state.redis_link import as_text

_PUSH = """
local added = 1
if ARGV[1] ~= '' then added = redis.call('SADD', KEYS[2], ARGV[1]) end
if added == 1 then redis.call('ZADD', KEYS[1], ARGV[2], ARGV[3]) end
if ARGV[4] ~= '' then redis.call('HDEL', KEYS[3], ARGV[4]) end
return added
"""
_POP = """
local top = redis.call('ZPOPMIN', KEYS[1])
if #top == 0 then return false end
local id = redis.call('INCR', KEYS[3])
redis.call('HSET', KEYS[2], id, top[2] .. '\\n' .. top[1])
return {id, top[1]}
"""
# KEYS: lease hash, queue, claims, claims-of, workers, alive; ARGV: worker, lease ids (none: all)
_RELEASE = """
local ids = {}
if #ARGV > 1 then
  for i = 2, #ARGV do ids[#ids + 1] = ARGV[i] end
else
  ids = redis.call('HKEYS', KEYS[1])
end
local moved = 0
for _, id in ipairs(ids) do
  local v = redis.call('HGET', KEYS[1], id)
  if v then
    local nl = string.find(v, '\\n', 1, true)
    redis.call('ZADD', KEYS[2], string.sub(v, 1, nl - 1), string.sub(v, nl + 1))
    redis.call('HDEL', KEYS[1], id)
    moved = moved + 1
  end
end
if #ARGV == 1 then
  for _, key in ipairs(redis.call('SMEMBERS', KEYS[4])) do
    if redis.call('HGET', KEYS[3], key) == ARGV[1] then redis.call('HDEL', KEYS[3], key) end
  end
  redis.call('DEL', KEYS[4], KEYS[1], KEYS[6])
  redis.call('SREM', KEYS[5], ARGV[1])
end
return moved
"""
_DRAINED = """
if redis.call('ZCARD', KEYS[1]) > 0 then return 0 end
for _, w in ipairs(redis.call('SMEMBERS', KEYS[2])) do
  if redis.call('HLEN', ARGV[1] .. w) > 0 then return 0 end
end
return 1
"""
# KEYS: claims, claims-of, workers; ARGV: worker, keys. 0: claimed; i: key i is another's
_CLAIM = """
for i = 2, #ARGV do
  local holder = redis.call('HGET', KEYS[1], ARGV[i])
  if holder and holder ~= ARGV[1] and redis.call('SISMEMBER', KEYS[3], holder) == 1 then
    return i - 1
  end
end
for i = 2, #ARGV do
  redis.call('HSET', KEYS[1], ARGV[i], ARGV[1])
  redis.call('SADD', KEYS[2], ARGV[i])
end
return 0
"""
_UNCLAIM = """
for i = 2, #ARGV do
  if redis.call('HGET', KEYS[1], ARGV[i]) == ARGV[1] then redis.call('HDEL', KEYS[1], ARGV[i]) end
  redis.call('SREM', KEYS[2], ARGV[i])
end
return 0
"""


class Frontier:
    """The queue, leases and write claims of crawl `keys.crawl_id`, for worker `worker`."""

    def __init__(self, client: redis.Redis, keys: CrawlKeys, worker: str) -> None:
        self.client = client
        self.keys = keys
        self.worker = worker
        self._push = client.register_script(_PUSH)
        self._pop = client.register_script(_POP)
        self._release = client.register_script(_RELEASE)
        self._drained = client.register_script(_DRAINED)
        self._claim = client.register_script(_CLAIM)
        self._unclaim = client.register_script(_UNCLAIM)

    def push(self, data: bytes, score: float, fingerprint: str | None, parent: str | None) -> bool:
        """Queue `data` unless `fingerprint` was seen; acknowledge lease `parent` either way."""
        keys = [self.keys.frontier("q"), self.keys.frontier("df"), self.keys.lease(self.worker)]
        args: list[Any] = [fingerprint or "", score, data, parent or ""]
        return bool(self._push(keys=keys, args=args))

    def pop(self) -> tuple[str, bytes] | None:
        """(lease id, request data) of the best queued request, now leased to this worker."""
        keys = [self.keys.frontier("q"), self.keys.lease(self.worker), self.keys.frontier("seq")]
        found = self._pop(keys=keys)
        return (str(found[0]), bytes(found[1])) if found else None  # the id: a Lua integer

    def ack(self, *leases: str) -> None:
        if leases:
            self.client.hdel(self.keys.lease(self.worker), *leases)

    def leases(self, worker: str | None = None) -> set[str]:
        names = self.client.hkeys(self.keys.lease(worker or self.worker))
        return {as_text(n) for n in names}

    def release(self, worker: str | None = None, leases: list[str] | None = None) -> int:
        """Requeue `leases` of `worker` (default: this one); without `leases`, all of them, its
        claims freed and the worker unregistered. How many requests went back to the queue."""
        who = worker or self.worker
        keys = [
            self.keys.lease(who), self.keys.frontier("q"), self.keys.frontier("claims"),
            self.keys.claims_of(who), self.keys.frontier("workers"), self.keys.alive(who),
        ]  # fmt: skip
        return int(self._release(keys=keys, args=[who, *(leases or [])]))

    def queued(self) -> int:
        return int(self.client.zcard(self.keys.frontier("q")))

    def drained(self) -> bool:
        """No queued request and no lease held by any registered worker."""
        keys = [self.keys.frontier("q"), self.keys.frontier("workers")]
        return bool(self._drained(keys=keys, args=[self.keys.frontier("lease:")]))

    def claim(self, names: list[str]) -> int:
        """Claim the right to write `names` (a URL, a content hash); 0, or 1 + the index of the
        first name another live worker is writing."""
        keys = [
            self.keys.frontier("claims"), self.keys.claims_of(self.worker),
            self.keys.frontier("workers"),
        ]  # fmt: skip
        return int(self._claim(keys=keys, args=[self.worker, *names]))

    def unclaim(self, names: list[str]) -> None:
        keys = [self.keys.frontier("claims"), self.keys.claims_of(self.worker)]
        self._unclaim(keys=keys, args=[self.worker, *names])
