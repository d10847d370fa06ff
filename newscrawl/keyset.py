"""Sets of strings seen during one crawl, kept as 64-bit keys in sorted numpy runs.

A crawl remembers, per article, which URLs it has seen, emitted, deduplicated and learnt from.
As Python sets of strings (or even of ints) each costs 60-200 bytes per article, several
times over: on a 100,000-article crawl, more than the near-duplicate index. Here a key costs
8 bytes once merged: the latest keys sit in a small set, and every `_RUN` of them is sorted
into a numpy run; runs are merged like a binary counter, so there are at most
log2(len / _RUN) of them and a lookup is that many binary searches.

Keys are Python's string hash (64 bits, salted per process): right for sets that live as long
as the process, never for anything saved. Two of 100,000 strings share a key with a chance of
about 3e-10.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

_RUN = 8192
_MASK = (1 << 64) - 1


class KeySet:
    """Strings added, tested for membership by their 64-bit key.

    >>> seen = KeySet()
    >>> seen.add("https://a.example/1")
    >>> "https://a.example/1" in seen, "https://a.example/2" in seen, len(seen)
    (True, False, 1)
    >>> seen.update(f"u{n}" for n in range(20_000))
    >>> all(f"u{n}" in seen for n in range(0, 20_000, 997)), "u20000" in seen, len(seen)
    (True, False, 20001)
    >>> seen.add("u5"); len(seen)  # merged already: not added twice
    20001
    """

    def __init__(self) -> None:
        self._recent: set[int] = set()
        self._runs: list[np.ndarray] = []
        self._merged = 0

    def __len__(self) -> int:
        return self._merged + len(self._recent)

    def __contains__(self, text: object) -> bool:
        if not isinstance(text, str):
            return False
        key = hash(text) & _MASK
        if key in self._recent:
            return True
        wanted = np.uint64(key)
        for run in self._runs:
            at = int(np.searchsorted(run, wanted))
            if at < run.size and run[at] == wanted:
                return True
        return False

    def add(self, text: str) -> None:
        if text in self:
            return
        self._recent.add(hash(text) & _MASK)
        if len(self._recent) >= _RUN:
            self._flush()

    def update(self, texts: Iterable[str]) -> None:
        for text in texts:
            self.add(text)

    def _flush(self) -> None:
        run = np.sort(np.fromiter(self._recent, dtype=np.uint64, count=len(self._recent)))
        self._merged += run.size
        self._recent = set()
        while self._runs and self._runs[-1].size <= run.size:
            run = np.sort(np.concatenate([self._runs.pop(), run]), kind="stable")
        self._runs.append(run)
