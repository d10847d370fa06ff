"""The in-memory near-duplicate index of one crawl: LSH buckets and sketches in compact arrays.

datasketch's `MinHashLSH` keeps a Python set per bucket and a bytes key per band and article;
with the fingerprints that came to about 17.7 KB per indexed article (1.7 GB at 100,000). Here
an article costs what it is: 42 band keys (uint64) and its number (uint32) in sorted runs, its
128 MinHash values (uint32), its bottom-k sketch (uint32, at most 2 KB) and its URL.

The verdict is the one of `newscrawl.fingerprints`: the same candidates as datasketch's LSH (a
band is equal when its 3 values are), screened by MinHash agreement for all of them at once,
then verified by `resemblance`, earliest article first.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass

import numpy as np

from newscrawl.fingerprints import (
    LSH_PARAMS,
    MINHASH_PERMUTATIONS,
    SKETCH_SIZE,
    BodyFingerprint,
    resemblance,
    screen_passes,
)

_BANDS, _ROWS = LSH_PARAMS
# odd 64-bit multipliers: a band's key mixes its values and its position (uint64 wraps)
_MIX = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9], dtype=np.uint64)
_BAND_SALT = np.arange(1, _BANDS + 1, dtype=np.uint64) * np.uint64(0xD6E8FEB86659FD93)
_BLOCK = 4096  # MinHash rows per block: the table grows without ever being copied
_RUN = 8192  # band entries buffered before they are sorted into a run
_NO_HASHES = np.zeros(0, dtype=np.uint32)


def band_keys(hashvalues: np.ndarray) -> np.ndarray:
    """One uint64 key per LSH band: equal keys when the band's values are equal.

    >>> values = np.arange(128, dtype=np.uint64)
    >>> keys = band_keys(values)
    >>> keys.shape, bool(keys[0] != keys[1]), bool((band_keys(values.copy()) == keys).all())
    ((42,), True, True)
    """
    rows = hashvalues[: _BANDS * _ROWS].astype(np.uint64).reshape(_BANDS, _ROWS)
    return (rows * _MIX[:_ROWS]).sum(axis=1, dtype=np.uint64) ^ _BAND_SALT


@dataclass(frozen=True, slots=True)
class StoredSketch:
    """An indexed article as `resemblance` reads it (stored articles carry no template)."""

    sketch: np.ndarray
    shingles: int
    site: int

    @property
    def template(self) -> np.ndarray:
        return _NO_HASHES

    @property
    def complete(self) -> bool:
        return self.shingles <= SKETCH_SIZE


class _Buckets:
    """Band keys → article numbers in sorted runs, merged like a binary counter.

    A new run is merged into the last one while that one is no bigger, so there are at most
    log2(entries / _RUN) runs; numpy's stable sort merges two sorted runs in linear time.
    """

    def __init__(self) -> None:
        self._runs: list[tuple[np.ndarray, np.ndarray]] = []
        self._keys: list[np.ndarray] = []
        self._numbers: list[np.ndarray] = []
        self._pending = 0

    def add(self, keys: np.ndarray, number: int) -> None:
        self._keys.append(keys)
        self._numbers.append(np.full(keys.size, number, dtype=np.uint32))
        self._pending += keys.size
        if self._pending >= _RUN:
            self._flush()

    def query(self, keys: np.ndarray) -> np.ndarray:
        """Distinct numbers of the articles sharing at least one key, ascending."""
        found = []
        if self._keys:
            pending = np.concatenate(self._keys)
            found.append(np.concatenate(self._numbers)[np.isin(pending, keys)])
        for run_keys, run_numbers in self._runs:
            left = np.searchsorted(run_keys, keys, side="left")
            right = np.searchsorted(run_keys, keys, side="right")
            found += [run_numbers[lo:hi] for lo, hi in zip(left, right, strict=True) if hi > lo]
        return np.unique(np.concatenate(found)) if found else np.zeros(0, dtype=np.uint32)

    def _flush(self) -> None:
        keys, numbers = np.concatenate(self._keys), np.concatenate(self._numbers)
        self._keys, self._numbers, self._pending = [], [], 0
        order = np.argsort(keys, kind="stable")
        run = (keys[order], numbers[order])
        while self._runs and self._runs[-1][0].size <= run[0].size:
            older = self._runs.pop()
            keys, numbers = np.concatenate([older[0], run[0]]), np.concatenate([older[1], run[1]])
            order = np.argsort(keys, kind="stable")
            run = (keys[order], numbers[order])
        self._runs.append(run)


class NearDuplicateIndex:
    """First-seen articles by fingerprint; `match` verifies each LSH candidate's resemblance.

    >>> from newscrawl.fingerprints import body_fingerprint
    >>> index = NearDuplicateIndex(0.6)
    >>> text = "أعلنت وزارة الصحة اليوم افتتاح مستشفى جديد في المدينة يضم مئتي سرير وقسما للطوارئ"
    >>> index.add("https://a.example/1", body_fingerprint(text))
    >>> index.match("https://b.example/9", body_fingerprint(text + " بحضور المحافظ"))
    'https://a.example/1'
    >>> index.match("https://b.example/8", body_fingerprint("هطلت أمطار غزيرة على العاصمة أمس"))
    """

    def __init__(self, threshold: float) -> None:
        self.threshold = threshold
        self._buckets = _Buckets()
        self._urls: list[str] = []
        self._numbers: dict[str, int] = {}
        self._minhashes: list[np.ndarray] = []  # blocks of _BLOCK rows
        self._sketches: list[np.ndarray] = []
        self._shingles = array("I")
        self._sites = array("I")

    def __contains__(self, url: str) -> bool:
        return url in self._numbers

    def __len__(self) -> int:
        return len(self._urls)

    def add(self, url: str, fingerprint: BodyFingerprint) -> None:
        # a body without shingles matches nothing, so it is not worth an entry
        if url in self._numbers or not fingerprint.shingles:
            return
        number = len(self._urls)
        if number % _BLOCK == 0:
            self._minhashes.append(np.zeros((_BLOCK, MINHASH_PERMUTATIONS), dtype=np.uint32))
        self._minhashes[-1][number % _BLOCK] = fingerprint.minhash.hashvalues
        self._buckets.add(band_keys(fingerprint.minhash.hashvalues), number)
        self._sketches.append(np.array(fingerprint.sketch, dtype=np.uint32))
        self._shingles.append(fingerprint.shingles)
        self._sites.append(fingerprint.site)
        self._urls.append(url)
        self._numbers[url] = number

    def candidates(self, fingerprint: BodyFingerprint) -> np.ndarray:
        """Numbers of the articles LSH proposes (sharing a band), ascending."""
        return self._buckets.query(band_keys(fingerprint.minhash.hashvalues))

    def match(self, url: str, fingerprint: BodyFingerprint) -> str | None:
        """The earliest indexed article (other than `url`) this one nearly duplicates."""
        if not fingerprint.shingles:
            return None
        numbers = self.candidates(fingerprint)
        own = self._numbers.get(url)
        if own is not None:
            numbers = numbers[numbers != own]
        if not numbers.size:
            return None
        rows = np.stack([self._minhashes[n // _BLOCK][n % _BLOCK] for n in numbers])
        agreeing = np.count_nonzero(rows == fingerprint.minhash.hashvalues, axis=1)
        for number, agree in zip(numbers.tolist(), agreeing.tolist(), strict=True):
            stored = StoredSketch(
                self._sketches[number], self._shingles[number], self._sites[number]
            )
            if screen_passes(agree, fingerprint, stored, self.threshold) and (
                resemblance(fingerprint, stored) >= self.threshold
            ):
                return self._urls[number]
        return None
