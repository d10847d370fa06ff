"""`StateStore` on Redis: one state shared by every worker of a distributed crawl.

Keys, under the crawl's prefix P (`newscrawl:<name>`), all kept across crawls:

    P:art      hash  url → [site, content_hash, modified_at, lastmod, output, done_at] (JSON)
    P:alias    hash  fetched URL → the article URL it led to
    P:content  hash  content fingerprint → first article URL with that body
    P:val      hash  feed/sitemap URL → [etag, last_modified]
    P:out      hash  output file → committed (durable) length
    P:outof:W  set   the output files worker W wrote (each worker has its own files)
    P:intent   hash  W → output files W is fsyncing and has not committed yet
    P:runs, P:lastrun, P:sites   worker runs, the last one started, the last run per site
    P:facts    hash  "site\nkey" → what a crawl learnt about a site (`site_fact`)
    P:nd:*     the near-duplicate index (`newscrawl.state.redis_lsh`)

A store belongs to one worker (its `owner`): `output_offsets` lists that worker's files only, so
reconciling never touches a file another worker is writing. `commit_done` is one MULTI/EXEC, so
done marks and offsets land together, as in SQLite.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

import redis

from newscrawl.state.base import DoneMark, KnownArticle, RunInfo, Validators
from newscrawl.state.redis_lsh import RedisNearDuplicateIndex

_KNOWN = """
local v = redis.call('HGET', KEYS[1], ARGV[1])
if v then return {ARGV[1], v} end
local u = redis.call('HGET', KEYS[2], ARGV[1])
if u then
  v = redis.call('HGET', KEYS[1], u)
  if v then return {u, v} end
end
return false
"""


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _text(value: bytes | str | None) -> str | None:
    return value.decode() if isinstance(value, bytes) else value


class RedisStateStore:
    """`StateStore` for worker `owner`, on `client`, under `prefix`."""

    def __init__(
        self,
        client: redis.Redis,
        prefix: str,
        *,
        owner: str,
        threshold: float = 0.4,
        weights: tuple[float, float] = (0.2, 0.8),
        may_save_validators: Callable[[], bool] | None = None,
    ) -> None:
        self.client = client
        self.prefix = prefix
        self.owner = owner
        self.index = RedisNearDuplicateIndex(client, f"{prefix}:nd", threshold, weights)
        self._may_save_validators = may_save_validators
        self._known = client.register_script(_KNOWN)
        self._run_id: str | None = None

    def key(self, name: str) -> str:
        return f"{self.prefix}:{name}"

    def near_duplicate_index(self) -> RedisNearDuplicateIndex:
        """The shared index the near-duplicate pipeline uses instead of loading `signatures()`."""
        return self.index

    def known_article(self, url: str) -> KnownArticle | None:
        found = self._known(keys=[self.key("art"), self.key("alias")], args=[url])
        if not found:
            return None
        _site, content_hash, modified_at, lastmod, *_ = json.loads(found[1])
        return KnownArticle(_text(found[0]) or url, content_hash, modified_at, lastmod)

    def url_for_content(self, content_hash: str) -> str | None:
        return _text(self.client.hget(self.key("content"), content_hash))

    def commit_done(self, marks: Sequence[DoneMark], offsets: Mapping[str, int]) -> None:
        now = _now()
        pipe = self.client.pipeline(transaction=True)
        for m in marks:
            record = [m.site, m.content_hash, m.modified_at, m.lastmod, m.output, now]
            pipe.hset(self.key("art"), m.url, json.dumps(record, ensure_ascii=False))
            for alias in m.aliases:
                if alias != m.url:
                    pipe.hset(self.key("alias"), alias, m.url)
            if m.content_hash:
                pipe.hsetnx(self.key("content"), m.content_hash, m.url)
            if m.signature is not None:
                self.index.insert(pipe, m.url, m.signature)
        if offsets:
            durable: dict[Any, Any] = dict(offsets)
            pipe.hset(self.key("out"), mapping=durable)
        sites = {m.site for m in marks}
        if sites and self._run_id:
            pipe.hset(self.key("sites"), mapping=dict.fromkeys(sites, self._run_id))
        pipe.hdel(self.key("intent"), self.owner)
        pipe.execute()
        self.index.committed([m.url for m in marks])

    def note_flush(self, paths: Sequence[str]) -> None:
        """Record that this worker is about to fsync lines to `paths` it has not committed.

        If it dies before `commit_done`, whoever takes its work over must first read those
        files back (`newscrawl.state.reconcile`): the lines may be on disk without done marks.
        """
        self.client.hset(self.key("intent"), self.owner, json.dumps(list(paths)))

    def add_aliases(self, url: str, aliases: Sequence[str]) -> None:
        pipe = self.client.pipeline(transaction=False)
        for alias in aliases:
            pipe.hsetnx(self.key("alias"), alias, url)
        pipe.execute()

    def signatures(self) -> Iterator[tuple[str, bytes]]:
        for _seq, url, signature in self.index.signatures():
            yield url, signature

    def validators(self, url: str) -> Validators | None:
        value = self.client.hget(self.key("val"), url)
        return Validators(*json.loads(value)) if value else None

    def save_validators(self, validators: Mapping[str, Validators]) -> None:
        # A 304 next time hides what a sitemap listed: only when the whole crawl (every worker)
        # fetched its articles may the validators be kept.
        if not validators or (self._may_save_validators and not self._may_save_validators()):
            return
        values: dict[Any, Any] = {
            url: json.dumps([v.etag, v.last_modified]) for url, v in validators.items()
        }
        self.client.hset(self.key("val"), mapping=values)

    def forget_lost(self, output: str, present: set[str], *, unattributed: bool) -> list[str]:
        lost = []
        for url, value in self.client.hscan_iter(self.key("art"), count=1000):
            written_to = json.loads(value)[4]
            if (written_to == output or (unattributed and written_to is None)) and (
                _text(url) not in present
            ):
                lost.append(str(_text(url)))
        if lost:
            self._forget(set(lost))
        return lost

    def _forget(self, urls: set[str]) -> None:
        for name in ("alias", "content"):
            stale = [k for k, v in self.client.hscan_iter(self.key(name)) if _text(v) in urls]
            if stale:
                self.client.hdel(self.key(name), *stale)
        signatures = dict(self.signatures())
        for url in urls:
            if url in signatures:
                self.index.remove(url, signatures[url])
        self.client.hdel(self.key("art"), *urls)
        self.client.delete(self.key("val"))  # a 304 would hide the lost articles for good

    def output_offsets(self) -> dict[str, int]:
        paths = sorted(str(_text(p)) for p in self.client.smembers(self.key(f"outof:{self.owner}")))
        if not paths:
            return {}
        values = self.client.hmget(self.key("out"), paths)
        return {p: int(v) for p, v in zip(paths, values, strict=True) if v is not None}

    def register_output(self, path: str, offset: int) -> None:
        pipe = self.client.pipeline(transaction=True)
        pipe.hsetnx(self.key("out"), path, offset)
        pipe.sadd(self.key(f"outof:{self.owner}"), path)
        pipe.execute()

    def start_run(self, run_id: str) -> None:
        self._run_id = run_id
        pipe = self.client.pipeline(transaction=True)
        pipe.hset(self.key("runs"), run_id, json.dumps([_now(), None, None]))
        pipe.set(self.key("lastrun"), run_id)
        pipe.execute()

    def finish_run(self, run_id: str, reason: str) -> None:
        info = self._run(run_id)
        started = info.started_at if info else _now()
        self.client.hset(self.key("runs"), run_id, json.dumps([started, _now(), reason]))

    def _run(self, run_id: str | None) -> RunInfo | None:
        value = self.client.hget(self.key("runs"), run_id) if run_id else None
        return RunInfo(run_id, *json.loads(value)) if run_id and value else None

    def last_run(self) -> RunInfo | None:
        return self._run(_text(self.client.get(self.key("lastrun"))))

    def site_last_run(self, site: str) -> RunInfo | None:
        return self._run(_text(self.client.hget(self.key("sites"), site)))

    def site_fact(self, site: str, key: str) -> str | None:
        return _text(self.client.hget(self.key("facts"), f"{site}\n{key}"))

    def save_site_fact(self, site: str, key: str, value: str) -> None:
        self.client.hset(self.key("facts"), f"{site}\n{key}", value)

    def close(self) -> None:
        """Nothing to release: the connection belongs to the worker, which outlives the store."""
