"""The in-memory near-duplicate index of one crawl: LSH buckets and MinHashes in compact arrays,
sketches and URLs in a spill file.

datasketch's `MinHashLSH` keeps a Python set per bucket and a bytes key per band and article;
with the fingerprints that came to about 17.7 KB per indexed article (1.7 GB at 100,000). Here
an article costs, in memory, 42 band keys and its number (uint32 each) in sorted runs, its 128
MinHash values cut to their low 8 bits, a 64-bit key of its URL, and where its bottom-k sketch
(uint32, at most 2 KB) and its URL sit in an unnamed temporary file, read back only for the few
candidates that pass the MinHash screen. Cutting band keys and MinHash values to fewer bits can
only make more values agree by chance: more candidates go to the screen and the verification,
none is lost.

The verdict is the one of `newscrawl.fingerprints`: the same candidates as datasketch's LSH (a
band is equal when its 3 values are), screened by MinHash agreement for all of them at once,
then verified by `resemblance`, earliest article first.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import weakref
from array import array
from dataclasses import dataclass

import numpy as np

from newscrawl.fingerprints import (
    LSH_PARAMS,
    MINHASH_PERMUTATIONS,
    SKETCH_SIZE,
    BodyFingerprint,
    resemblance,
    screen_many,
)

_BANDS, _ROWS = LSH_PARAMS
# odd 64-bit multipliers: a band's key mixes its values and its position (uint64 wraps)
_MIX = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9], dtype=np.uint64)
_BAND_SALT = np.arange(1, _BANDS + 1, dtype=np.uint64) * np.uint64(0xD6E8FEB86659FD93)
_BLOCK = 4096  # MinHash rows per block: the table grows without ever being copied
_RUN = 8192  # band entries buffered before they are sorted into a run
_NO_HASHES = np.zeros(0, dtype=np.uint32)


def band_keys(hashvalues: np.ndarray) -> np.ndarray:
    """One uint32 key per LSH band: equal keys when the band's values are equal (and, at 1M
    articles, a chance collision for about one query in three, which the screen rejects).

    >>> values = np.arange(128, dtype=np.uint64)
    >>> keys = band_keys(values)
    >>> keys.shape, keys.dtype, bool((band_keys(values.copy()) == keys).all())
    ((42,), dtype('uint32'), True)
    """
    rows = hashvalues[: _BANDS * _ROWS].astype(np.uint64).reshape(_BANDS, _ROWS)
    mixed = (rows * _MIX[:_ROWS]).sum(axis=1, dtype=np.uint64) ^ _BAND_SALT
    return (mixed >> np.uint64(32)).astype(np.uint32)


def minhash_bits(hashvalues: np.ndarray) -> np.ndarray:
    """The low 8 bits of each MinHash value: two articles agree on a value as before, plus by
    chance one time in 256 (half a value of 128 on average, 0.4% of an estimate: it only lets
    a candidate through the screen to the exact verdict).

    >>> minhash_bits(np.array([0x12345678, 0xFFFF0001], dtype=np.uint64)).tolist()
    [120, 1]
    """
    return (hashvalues & 0xFF).astype(np.uint8)


def url_key(url: str) -> int:
    """A 64-bit key of a URL.

    >>> url_key("https://a.example/1") == url_key("https://a.example/1") != url_key("https://b.ex/")
    True
    """
    return int.from_bytes(hashlib.blake2b(url.encode("utf-8"), digest_size=8).digest())


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


class _Spill:
    """Append-only bytes in an unnamed temporary file, read back by offset (no page of it is
    held by the process: `os.pread` goes through the OS cache). The descriptor is closed when
    the index goes away; the file has no name, so nothing is left behind, even after kill -9."""

    def __init__(self) -> None:
        fd, path = tempfile.mkstemp(prefix="newscrawl-neardup-")
        os.unlink(path)
        self._fd = fd
        self._end = 0
        self._closer = weakref.finalize(self, os.close, fd)

    def append(self, data: bytes) -> int:
        offset, view = self._end, memoryview(data)
        while view:
            view = view[os.write(self._fd, view) :]
        self._end += len(data)
        return offset

    def read(self, offset: int, length: int) -> bytes:
        return os.pread(self._fd, length, offset)

    @property
    def size(self) -> int:
        return self._end

    def close(self) -> None:
        self._closer()


class _UrlKeys:
    """URL keys → article numbers: a dict for the latest, sorted runs (like `_Buckets`) below."""

    def __init__(self) -> None:
        self._recent: dict[int, int] = {}
        self._runs: list[tuple[np.ndarray, np.ndarray]] = []

    def add(self, key: int, number: int) -> None:
        self._recent[key] = number
        if len(self._recent) >= _RUN:
            keys = np.fromiter(self._recent.keys(), dtype=np.uint64, count=len(self._recent))
            numbers = np.fromiter(self._recent.values(), dtype=np.uint32, count=keys.size)
            self._recent = {}
            run = (keys, numbers)
            while self._runs and self._runs[-1][0].size <= run[0].size:
                older = self._runs.pop()
                run = (np.concatenate([older[0], run[0]]), np.concatenate([older[1], run[1]]))
            order = np.argsort(run[0], kind="stable")
            self._runs.append((run[0][order], run[1][order]))

    def get(self, key: int) -> int | None:
        if key in self._recent:
            return self._recent[key]
        wanted = np.uint64(key)
        for keys, numbers in self._runs:
            at = int(np.searchsorted(keys, wanted))
            if at < keys.size and keys[at] == wanted:
                return int(numbers[at])
        return None


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
        self._keys = _UrlKeys()
        self._spill = _Spill()
        self._minhashes: list[np.ndarray] = []  # blocks of _BLOCK rows
        self._places = array("Q")  # per article: where its sketch, then its URL, start
        self._sizes = array("I")  # per article: sketch values << 16 | URL bytes
        self._shingles = array("I")
        self._sites = array("I")

    def __contains__(self, url: str) -> bool:
        return self._keys.get(url_key(url)) is not None

    def __len__(self) -> int:
        return len(self._places)

    @property
    def disk_bytes(self) -> int:
        """Bytes of the spill file: the sketches and URLs of the indexed articles."""
        return self._spill.size

    def add(self, url: str, fingerprint: BodyFingerprint) -> None:
        # a body without shingles matches nothing, so it is not worth an entry
        key = url_key(url)
        if not fingerprint.shingles or self._keys.get(key) is not None:
            return
        number = len(self._places)
        if number % _BLOCK == 0:
            self._minhashes.append(np.zeros((_BLOCK, MINHASH_PERMUTATIONS), dtype=np.uint8))
        self._minhashes[-1][number % _BLOCK] = minhash_bits(fingerprint.minhash)
        self._buckets.add(band_keys(fingerprint.minhash), number)
        sketch = np.asarray(fingerprint.sketch, dtype=np.uint32).tobytes()
        address = url.encode("utf-8")[:0xFFFF]
        self._places.append(self._spill.append(sketch + address))
        self._sizes.append((len(sketch) // 4) << 16 | len(address))
        self._shingles.append(fingerprint.shingles)
        self._sites.append(fingerprint.site)
        self._keys.add(key, number)

    def candidates(self, fingerprint: BodyFingerprint) -> np.ndarray:
        """Numbers of the articles LSH proposes (sharing a band), ascending."""
        return self._buckets.query(band_keys(fingerprint.minhash))

    def _stored(self, number: int) -> tuple[StoredSketch, str]:
        values, length = self._sizes[number] >> 16, self._sizes[number] & 0xFFFF
        data = self._spill.read(self._places[number], values * 4 + length)
        sketch = np.frombuffer(data[: values * 4], dtype=np.uint32)
        stored = StoredSketch(sketch, self._shingles[number], self._sites[number])
        return stored, data[values * 4 :].decode("utf-8")

    def match(self, url: str, fingerprint: BodyFingerprint) -> str | None:
        """The earliest indexed article (other than `url`) this one nearly duplicates."""
        if not fingerprint.shingles:
            return None
        numbers = self.candidates(fingerprint)
        own = self._keys.get(url_key(url))
        if own is not None:
            numbers = numbers[numbers != own]
        if not numbers.size:
            return None
        bits = minhash_bits(fingerprint.minhash)
        agreeing = np.count_nonzero(self._rows(numbers) == bits, axis=1)
        # the screen reads the stored articles' counts only: their sketches stay on disk
        shingles = np.frombuffer(self._shingles, dtype=np.uint32)[numbers]
        sites = np.frombuffer(self._sites, dtype=np.uint32)[numbers]
        passing = screen_many(agreeing, fingerprint, shingles, sites, self.threshold)
        for number in numbers[passing].tolist():
            stored, address = self._stored(number)
            if resemblance(fingerprint, stored) >= self.threshold:
                return address
        return None

    def _rows(self, numbers: np.ndarray) -> np.ndarray:
        """The 8-bit MinHash rows of articles `numbers`, gathered block by block."""
        blocks = numbers // _BLOCK
        rows = np.empty((numbers.size, MINHASH_PERMUTATIONS), dtype=np.uint8)
        for block in np.unique(blocks).tolist():
            chosen = blocks == block
            rows[chosen] = self._minhashes[block][numbers[chosen] % _BLOCK]
        return rows

    def close(self) -> None:
        """Remove the spill file (it is unnamed: it goes with the process anyway)."""
        self._spill.close()
