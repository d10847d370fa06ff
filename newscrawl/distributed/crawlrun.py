"""The crawl in progress under a state name: started by `newscrawl crawl`, joined by workers.

`P:crawl` is a hash: id, targets (JSON list of specs), since, state ("running" or "finished"),
seeded ("1" once the start requests are queued), started_at, finished_at, clean ("1": no article
fetch failed and no worker died, so feed and sitemap validators may be kept).
"""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime

import redis

from newscrawl.distributed.keys import CrawlKeys
from newscrawl.state.redis_link import as_text

RUNNING, FINISHED = "running", "finished"

_START = """
if redis.call('HGET', KEYS[1], 'state') == 'running' then return 0 end
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'id', ARGV[1], 'targets', ARGV[2], 'since', ARGV[3],
           'state', 'running', 'seeded', '0', 'started_at', ARGV[4])
return 1
"""
_SEEDED = """
if redis.call('HGET', KEYS[1], 'id') == ARGV[1] then redis.call('HSET', KEYS[1], 'seeded', '1') end
return 0
"""
# KEYS: crawl, queue, workers, failures, reaped; ARGV: crawl id, lease key prefix, now
_FINISH = """
if redis.call('HGET', KEYS[1], 'id') ~= ARGV[1] or redis.call('HGET', KEYS[1], 'state') ~= 'running'
   or redis.call('HGET', KEYS[1], 'seeded') ~= '1' then return 0 end
if redis.call('ZCARD', KEYS[2]) > 0 then return 0 end
for _, w in ipairs(redis.call('SMEMBERS', KEYS[3])) do
  if redis.call('HLEN', ARGV[2] .. w) > 0 then return 0 end
end
local clean = (tonumber(redis.call('GET', KEYS[4]) or '0') == 0)
          and (tonumber(redis.call('GET', KEYS[5]) or '0') == 0)
redis.call('HSET', KEYS[1], 'state', 'finished', 'finished_at', ARGV[3],
           'clean', clean and '1' or '0')
return 1
"""


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def new_crawl_id() -> str:
    """A sortable, unique crawl id.

    >>> len(new_crawl_id()) == len("20260101T000000Z-0a1b2c3d")
    True
    """
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ-") + secrets.token_hex(4)


@dataclass(frozen=True)
class CrawlRecord:
    crawl_id: str
    targets: tuple[str, ...]
    since: str | None
    state: str
    seeded: bool

    @property
    def running(self) -> bool:
        return self.state == RUNNING


def read_crawl(client: redis.Redis, keys: CrawlKeys) -> CrawlRecord | None:
    fields = {as_text(k): as_text(v) for k, v in client.hgetall(keys.crawl).items()}
    if "id" not in fields:
        return None
    return CrawlRecord(
        crawl_id=fields["id"],
        targets=tuple(json.loads(fields.get("targets") or "[]")),
        since=fields.get("since") or None,
        state=fields.get("state", ""),
        seeded=fields.get("seeded") == "1",
    )


def start_crawl(
    client: redis.Redis, keys: CrawlKeys, targets: list[str], since: str | None
) -> tuple[CrawlRecord, bool]:
    """A new crawl of `targets`, or the one already running; True when it is new."""
    script = client.register_script(_START)
    crawl_id = new_crawl_id()
    created = script(keys=[keys.crawl], args=[crawl_id, json.dumps(targets), since or "", _now()])
    record = read_crawl(client, keys)
    assert record is not None
    return record, bool(created)


def mark_seeded(client: redis.Redis, keys: CrawlKeys) -> None:
    client.register_script(_SEEDED)(keys=[keys.crawl], args=[keys.crawl_id])


def finish_crawl(client: redis.Redis, keys: CrawlKeys) -> bool:
    """Mark the crawl finished when it is drained; True for the one call that did it."""
    script_keys = [
        keys.crawl, keys.frontier("q"), keys.frontier("workers"),
        keys.frontier("failures"), keys.frontier("reaped"),
    ]  # fmt: skip
    args = [keys.crawl_id, keys.frontier("lease:"), _now()]
    return bool(client.register_script(_FINISH)(keys=script_keys, args=args))


def delete_frontier(client: redis.Redis, keys: CrawlKeys) -> int:
    """Delete every key of the finished crawl's frontier (incrementally: SCAN, then DEL)."""
    deleted = 0
    batch: list[bytes] = []
    for key in client.scan_iter(match=keys.frontier_prefix + "*", count=1000):
        batch.append(key)
        if len(batch) >= 500:
            deleted += int(client.delete(*batch))
            batch = []
    if batch:
        deleted += int(client.delete(*batch))
    return deleted


def crawl_is_clean(client: redis.Redis, keys: CrawlKeys) -> bool:
    """No article fetch failed and no worker died in this crawl (so far, or at its finish)."""
    record = client.hmget(keys.crawl, ["id", "state", "clean"])
    crawl_id, state, clean = (as_text(v) if v else None for v in record)
    if crawl_id != keys.crawl_id:
        return False
    if state == FINISHED:
        return clean == "1"
    counters = client.mget([keys.frontier("failures"), keys.frontier("reaped")])
    return all(int(v or 0) == 0 for v in counters)
