"""The near-duplicate fingerprint as the pipeline makes it, for the scale benchmark.

newscrawl's near-duplicate code is being reworked (3-word MinHash → 5-word MinHash plus a
bottom-k sketch); this adapter lets the benchmark measure whichever version is installed: the
current `BodyFingerprint`, else the earlier bare MinHash. Synthetic fingerprints stand in for a
million real bodies, which would take hours to fingerprint; they are built through the
fingerprint's own public constructor so that their size in memory is the real one.
"""

from __future__ import annotations

import numpy as np

from newscrawl import fingerprints as fp
from newscrawl import settings as defaults

THRESHOLD = float(defaults.NEWSCRAWL_NEAR_DUPLICATE_THRESHOLD)
CURRENT = hasattr(fp, "BodyFingerprint")
SKETCH = int(getattr(fp, "SKETCH_SIZE", 0))
VERSION = "MinHash + bottom-k sketch (BodyFingerprint)" if CURRENT else "MinHash only"


def fingerprint(body: str) -> object:
    """What the pipeline computes for every article."""
    return fp.body_fingerprint(body) if CURRENT else fp.body_minhash(body)  # type: ignore[attr-defined]


def to_bytes(value: object) -> bytes:
    """The signature the state store keeps for a first-seen article."""
    if CURRENT:
        return bytes(fp.fingerprint_bytes(value))  # type: ignore[arg-type]
    return bytes(fp.signature_bytes(value))  # type: ignore[attr-defined]


def synthetic(minhash: np.ndarray, sketch: np.ndarray, shingles: int) -> object:
    """A fingerprint from raw values: `minhash` uint32 × permutations, `sketch` distinct uint32."""
    if not CURRENT:  # an older newscrawl: its fingerprint was datasketch's LeanMinHash
        return fp.LeanMinHash(seed=fp.MINHASH_SEED, hashvalues=minhash, scheme=fp.MINHASH_SCHEME)  # type: ignore[attr-defined]
    kept = np.unique(sketch)[:SKETCH]
    return fp.BodyFingerprint(minhash.astype(np.uint32), kept, max(shingles, int(kept.size)))


def random_prints(rng: np.random.Generator, count: int) -> list[object]:
    """Distinct articles of 300-1100 shingles (the generated bodies' range)."""
    values = rng.integers(0, 2**32, (count, fp.MINHASH_PERMUTATIONS), dtype=np.uint32)
    sizes = [int(n) for n in rng.integers(300, 1100, count)]
    sketches = [rng.integers(0, 2**32, min(n, SKETCH or 1), dtype=np.uint32) for n in sizes]
    return [synthetic(values[k], sketches[k], sizes[k]) for k in range(count)]


def near_copy(rng: np.random.Generator, minhash: np.ndarray, sketch: np.ndarray,
              shingles: int) -> object:  # fmt: skip
    """A copy with a tenth of its values changed: resemblance ≈ 0.8, well above any threshold."""
    changed = minhash.copy()
    changed[: len(changed) // 10] = rng.integers(0, 2**32, len(changed) // 10, dtype=np.uint32)
    other = sketch.copy()
    other[: len(other) // 10] = rng.integers(0, 2**32, len(other) // 10, dtype=np.uint32)
    return synthetic(changed, other, shingles)
