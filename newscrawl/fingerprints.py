"""Content fingerprints: the exact one (`content_hash`) and the MinHash used for near-duplicates.

Both are computed on the matching-normalised body (letter variants folded, diacritics,
punctuation and tatweel removed, digits unified), so cosmetic differences between two copies of
the same text do not hide the duplicate.

Pure functions, below both the pipelines that compute fingerprints and the state store that
rebuilds them from output files after a crash.
"""

from __future__ import annotations

import hashlib

import numpy as np
from datasketch import LeanMinHash, MinHash

from newscrawl.arabic import normalize_for_matching, word_shingles

MINHASH_PERMUTATIONS = 128
"""Signature length; stored signatures must match it, so it is a constant, not a setting."""
MINHASH_SEED = 1
MINHASH_SCHEME = "affine32"
SHINGLE_WORDS = 3


def content_fingerprint(body: str) -> str:
    """SHA-256 hex of the matching-normalised body.

    >>> content_fingerprint("قالَ الرئيسُ") == content_fingerprint("قال  الرييس!")
    True
    >>> content_fingerprint("نص")[:12]
    'e01176c2a059'
    """
    return hashlib.sha256(normalize_for_matching(body).encode("utf-8")).hexdigest()


def body_minhash(body: str) -> MinHash:
    """MinHash of the body's word shingles (see `SHINGLE_WORDS`).

    >>> a = body_minhash("ذهب الوفد إلى القاهرة صباح اليوم لبحث ملف المياه")
    >>> b = body_minhash("ذهب الوفد الى القاهره صباح اليوم لبحث ملف المياه")
    >>> a.jaccard(b)
    1.0
    """
    minhash = MinHash(num_perm=MINHASH_PERMUTATIONS, seed=MINHASH_SEED, scheme=MINHASH_SCHEME)
    minhash.update_batch([s.encode("utf-8") for s in sorted(word_shingles(body, SHINGLE_WORDS))])
    return minhash


def signature_bytes(minhash: MinHash) -> bytes:
    """The MinHash values as little-endian uint32 bytes (the affine32 scheme's width).

    >>> len(signature_bytes(body_minhash("نص"))) == 4 * MINHASH_PERMUTATIONS
    True
    """
    return np.asarray(minhash.hashvalues, dtype="<u4").tobytes()


def minhash_from_bytes(data: bytes) -> LeanMinHash:
    """Rebuild a MinHash stored with `signature_bytes` (lean: no permutations to regenerate).

    >>> m = body_minhash("خبر قصير عن الطقس")
    >>> minhash_from_bytes(signature_bytes(m)).jaccard(m)
    1.0
    """
    values = np.frombuffer(data, dtype="<u4").astype(np.uint32)
    return LeanMinHash(seed=MINHASH_SEED, hashvalues=values, scheme=MINHASH_SCHEME)
