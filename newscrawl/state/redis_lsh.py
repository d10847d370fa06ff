"""The near-duplicate index of a distributed crawl, in Redis: LSH bands as compact hashes.

Not datasketch's Redis storage, measured (BENCHMARKS.md, "Distributed crawling"): it keeps 32
Redis keys per article (a set per LSH bucket, a list of bucket keys), ~13 KB per article, and
costs 64 commands per insert and 31 round trips per query. Here the banding lives in one hash
per band, bucket key → 4-byte article numbers: a few KB per article, one script call per insert
and per query. The band layout is `fingerprints.LSH_PARAMS` and candidates are verified with
`fingerprints.resemblance` on their stored signatures, exactly as the in-memory index does.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import redis

from newscrawl.fingerprints import (
    LSH_PARAMS,
    SIGNATURE_BYTES,
    BodyFingerprint,
    fingerprint_from_bytes,
    nearly_duplicates,
)

MAX_CANDIDATES = 64
"""Earliest candidates verified per query: a boilerplate-heavy bucket must not cost seconds."""

_INSERT = """
if redis.call('HEXISTS', KEYS[2], ARGV[1]) == 1 then return 0 end
local seq = redis.call('INCR', KEYS[1])
local packed = struct.pack('>I4', seq)
redis.call('HSET', KEYS[2], ARGV[1], seq)
redis.call('HSET', KEYS[3], seq, ARGV[2] .. ARGV[1])
for i = 4, #KEYS do
  local cur = redis.call('HGET', KEYS[i], ARGV[i - 1])
  redis.call('HSET', KEYS[i], ARGV[i - 1], (cur or '') .. packed)
end
return seq
"""
_QUERY = """
local found = {}
local seqs = {}
for i = 2, #KEYS do
  local v = redis.call('HGET', KEYS[i], ARGV[i - 1])
  if v then
    for j = 1, #v, 4 do
      local seq = struct.unpack('>I4', v, j)
      if not found[seq] then found[seq] = true; seqs[#seqs + 1] = seq end
    end
  end
end
table.sort(seqs)
local out = {}
for k = 1, math.min(#seqs, tonumber(ARGV[#ARGV])) do
  out[#out + 1] = seqs[k]
  out[#out + 1] = redis.call('HGET', KEYS[1], seqs[k]) or ''
end
return out
"""
_REMOVE = """
local seq = redis.call('HGET', KEYS[2], ARGV[1])
if not seq then return 0 end
local packed = struct.pack('>I4', tonumber(seq))
redis.call('HDEL', KEYS[2], ARGV[1])
redis.call('HDEL', KEYS[3], seq)
for i = 4, #KEYS do
  local cur = redis.call('HGET', KEYS[i], ARGV[i - 2]) or ''
  local kept = {}
  for j = 1, #cur, 4 do
    local part = string.sub(cur, j, j + 3)
    if part ~= packed then kept[#kept + 1] = part end
  end
  if #kept == 0 then redis.call('HDEL', KEYS[i], ARGV[i - 2])
  else redis.call('HSET', KEYS[i], ARGV[i - 2], table.concat(kept)) end
end
return 1
"""


def band_keys(values: np.ndarray, bands: int, rows: int) -> list[bytes]:
    """The bucket key of each LSH band: its `rows` hash values as little-endian uint32 bytes.

    >>> [key.hex() for key in band_keys(np.arange(6, dtype=np.uint64), 2, 3)]
    ['000000000100000002000000', '030000000400000005000000']
    """
    data = np.asarray(values, dtype="<u4")
    return [data[i * rows : (i + 1) * rows].tobytes() for i in range(bands)]


class RedisNearDuplicateIndex:
    """First-seen articles by MinHash, shared by every worker; same interface as the in-memory one.

    `add` only remembers an article locally: it enters Redis with its done mark (`insert`, called
    by the store's commit), so the shared index never points at an article that was not written.
    """

    def __init__(
        self, client: redis.Redis, prefix: str, threshold: float, weights: tuple[float, float]
    ) -> None:
        # `weights` is kept for callers; the layout is fixed so that LSH never loses a pair the
        # verdict would mark (LSH_PARAMS), whatever the threshold
        self.threshold = threshold
        self.bands, self.rows = LSH_PARAMS
        self._client = client
        self._seq, self._urls, self._sigs = f"{prefix}:seq", f"{prefix}:url", f"{prefix}:sig"
        # the band layout is part of the key: another threshold starts another index
        self._band_names = [f"{prefix}:{self.bands}x{self.rows}:{i}" for i in range(self.bands)]
        self._insert = client.register_script(_INSERT)
        self._query = client.register_script(_QUERY)
        self._remove = client.register_script(_REMOVE)
        self._pending: dict[str, BodyFingerprint] = {}

    def __contains__(self, url: str) -> bool:
        return url in self._pending or bool(self._client.hexists(self._urls, url))

    def __len__(self) -> int:
        return int(self._client.hlen(self._urls)) + len(self._pending)

    def _bands(self, fingerprint: BodyFingerprint) -> list[bytes]:
        return band_keys(fingerprint.minhash, self.bands, self.rows)

    def add(self, url: str, fingerprint: BodyFingerprint) -> None:
        self._pending.setdefault(url, fingerprint)

    def insert(self, pipe: Any, url: str, signature: bytes) -> None:
        """Queue the durable insert of a written article on `pipe` (a redis pipeline)."""
        fingerprint = fingerprint_from_bytes(signature)
        if fingerprint is None:  # another version's format: nothing to bucket it by
            return
        bands = self._bands(fingerprint)
        keys = [self._seq, self._urls, self._sigs, *self._band_names]
        self._insert(keys=keys, args=[url, signature, *bands], client=pipe)

    def committed(self, urls: Sequence[str]) -> None:
        for url in urls:
            self._pending.pop(url, None)

    def remove(self, url: str, signature: bytes) -> None:
        fingerprint = fingerprint_from_bytes(signature)
        # another version's format has no bands to clear: its stale bucket entries point at a
        # number that no longer has a signature, which `match` skips
        names = self._band_names if fingerprint is not None else []
        bands = self._bands(fingerprint) if fingerprint is not None else []
        self._remove(keys=[self._seq, self._urls, self._sigs, *names], args=[url, *bands])
        self._pending.pop(url, None)

    def match(self, url: str, fingerprint: BodyFingerprint) -> str | None:
        """The earliest indexed article (other than `url`) this one nearly duplicates."""
        keys = [self._sigs, *self._band_names]
        found = self._query(keys=keys, args=[*self._bands(fingerprint), MAX_CANDIDATES])
        for i in range(0, len(found), 2):  # ascending article numbers: the first hit is earliest
            value = bytes(found[i + 1])
            other = value[SIGNATURE_BYTES:].decode()
            if other != url and self._similar(fingerprint, value[:SIGNATURE_BYTES]):
                return other
        for other, pending in self._pending.items():  # this worker's articles not yet committed
            if other != url and nearly_duplicates(fingerprint, pending, self.threshold):
                return other
        return None

    def _similar(self, fingerprint: BodyFingerprint, signature: bytes) -> bool:
        stored = fingerprint_from_bytes(signature)
        return stored is not None and nearly_duplicates(fingerprint, stored, self.threshold)

    def signatures(self) -> list[tuple[int, str, bytes]]:
        """(article number, url, signature) of every indexed article, first-seen first."""
        rows = []
        for seq, value in self._client.hscan_iter(self._sigs, count=1000):
            data = bytes(value)
            rows.append((int(seq), data[SIGNATURE_BYTES:].decode(), data[:SIGNATURE_BYTES]))
        return sorted(rows)
