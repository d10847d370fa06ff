"""MinHash signatures over 32-bit shingle hashes, in numpy alone.

The values are those of datasketch 2's `MinHash(num_perm=128, seed=1, scheme="affine32")` fed
the same hashes (fmix32 pre-mix, then odd affine permutations mod 2^32, parameters drawn from
`RandomState(1)`), so signatures stored by earlier versions stay comparable. datasketch itself
is not imported: it pulls in scipy, ~50 MB of a crawler's memory for nothing it uses.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

PERMUTATIONS = 128
"""MinHash length; stored signatures must match it, so it is a constant."""
SEED = 1
_EMPTY = np.uint32(0xFFFFFFFF)  # the value of a permutation that has seen no hash
_FMIX = (16, np.uint32(0x85EBCA6B), 13, np.uint32(0xC2B2AE35), 16)  # MurmurHash3 finaliser


def _permutations(count: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    generator = np.random.RandomState(seed)
    odd = generator.randint(0, 1 << 31, count, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    shift = generator.randint(0, 1 << 32, count, dtype=np.uint32)
    return odd, shift


_A, _B = _permutations(PERMUTATIONS, SEED)


def _fmix32(values: np.ndarray) -> np.ndarray:
    s1, m1, s2, m2, s3 = _FMIX
    values = values ^ (values >> s1)
    values = values * m1  # uint32 arithmetic wraps: modulo 2^32, as intended
    values = values ^ (values >> s2)
    values = values * m2
    return values ^ (values >> s3)


def minhash(hashes: Sequence[int] | np.ndarray) -> np.ndarray:
    """The `PERMUTATIONS` minimum permuted values of 32-bit `hashes` (uint32).

    >>> signature = minhash([1, 2, 3])
    >>> signature.dtype.name, signature.size, bool((signature == minhash([3, 2, 1, 1])).all())
    ('uint32', 128, True)
    >>> int(minhash([]).min()) == 0xFFFFFFFF  # no shingle: every value at its maximum
    True
    """
    values = np.asarray(hashes, dtype=np.uint32).reshape(-1, 1)
    if not values.size:
        return np.full(PERMUTATIONS, _EMPTY, dtype=np.uint32)
    with np.errstate(over="ignore"):
        permuted = _fmix32(values) * _A + _B
    return permuted.min(axis=0)
