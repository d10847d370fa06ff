"""Content fingerprints: the exact one (`content_hash`) and the near-duplicate one.

Both are computed on the matching-normalised body (letter variants folded, diacritics,
punctuation and tatweel removed, digits unified), so cosmetic differences between two copies of
the same text do not hide the duplicate.

A near-duplicate fingerprint has two parts over the body's 5-word shingles. A 128-value MinHash
only feeds LSH, which proposes candidates. The verdict comes from a bottom-k sketch (the
`SKETCH_SIZE` smallest 32-bit shingle hashes, 2 KB): for bodies of at most `SKETCH_SIZE`
shingles it *is* the shingle set, so `resemblance` is the exact Jaccard (but for a 32-bit hash
collision: below 1e-4 per pair, and it moves one shingle); for longer ones it is a uniform
sample of the union, whose error is bounded in `resemblance`. Shingle sets are never stored.

Same-site pairs leave out the site's template: shingles of the sentences that site repeats in
article after article (a daily report's fixed sentences), which the pipeline learns. Distinct
issues of a series then compare on their own text, while copies across sites (where the
template of one site is just shared text) are compared on everything.

Pure functions, below both the pipelines that compute fingerprints and the state store that
rebuilds them from output files after a crash.
"""

from __future__ import annotations

import hashlib
import re
import struct
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np

from newscrawl.arabic import normalize_for_matching
from newscrawl.minhash import PERMUTATIONS, SEED, minhash

MINHASH_PERMUTATIONS = PERMUTATIONS
"""MinHash length (LSH only); stored signatures must match it, so it is a constant."""
MINHASH_SEED = SEED
SHINGLE_WORDS = 5
"""Resemblance is defined on 5-word shingles: 3-word ones made template phrases look alike."""
SKETCH_SIZE = 512
"""Bottom-k size: exact up to 512 shingles (~516 words), a 512-hash sample beyond."""
LSH_PARAMS = (42, 3)
"""LSH bands × rows over the MinHash. A pair at resemblance 0.7 escapes every band with
probability (1 - 0.7³)⁴² ≈ 2e-8 (0.6: 4e-5): LSH must never lose a copy the verdict would mark;
pairs sharing boilerplate (0.3: ~0.7 chance) become candidates, which the verdict rejects."""

_MAGIC = b"nd5\x01"  # 5-word shingles, layout 1; older states hold a bare 3-shingle MinHash
_HEADER = struct.Struct("<4sII")  # magic, distinct shingle hashes in the body, site key
SIGNATURE_BYTES = _HEADER.size + 4 * (MINHASH_PERMUTATIONS + SKETCH_SIZE)
"""Fixed length of `fingerprint_bytes` (the sketch is padded), so a store can append to it."""

# A sentence ends at . ! ? ؟ … followed by a space, or at a line break; "3.5" stays one word.
_SENTENCE_END_RE = re.compile(r"(?<=[.!?؟…])\s+|\n+")
_NO_HASHES = np.zeros(0, dtype=np.uint32)


@dataclass(frozen=True, eq=False)
class BodyFingerprint:
    """MinHash for LSH candidates, bottom-k sketch for the verdict (see the module docstring)."""

    minhash: np.ndarray
    """The `MINHASH_PERMUTATIONS` uint32 MinHash values (`newscrawl.minhash`)."""
    sketch: np.ndarray
    """Sorted distinct uint32 shingle hashes: the smallest `SKETCH_SIZE` of them."""
    shingles: int
    """Distinct shingle hashes in the body (the sketch holds them all when ≤ SKETCH_SIZE)."""
    site: int = 0
    """`site_key` of the article's site (0: unknown)."""
    template: np.ndarray = field(default_factory=lambda: _NO_HASHES)
    """Hashes of the shingles inside the site's template sentences (not stored: only the
    article being checked needs them)."""

    @property
    def complete(self) -> bool:
        return self.shingles <= SKETCH_SIZE


def content_fingerprint(body: str) -> str:
    """SHA-256 hex of the matching-normalised body.

    >>> content_fingerprint("قالَ الرئيسُ") == content_fingerprint("قال  الرييس!")
    True
    >>> content_fingerprint("نص")[:12]
    'e01176c2a059'
    """
    return hashlib.sha256(normalize_for_matching(body).encode("utf-8")).hexdigest()


def matching_sentences(body: str) -> list[str]:
    """The body's sentences in matching form (empty ones dropped).

    >>> matching_sentences("ارتفع السعر إلى 3.5 دينار. وقال التجار!\\n\\nتابعونا")
    ['ارتفع السعر الي 3 5 دينار', 'وقال التجار', 'تابعونا']
    """
    parts = (normalize_for_matching(part) for part in _SENTENCE_END_RE.split(body))
    return [part for part in parts if part]


def sentence_key(sentence: str) -> int:
    """A 64-bit key of a matching-form sentence (to count a site's recurring sentences).

    >>> sentence_key("وقال التجار") == sentence_key("وقال التجار")
    True
    """
    return int.from_bytes(hashlib.blake2b(sentence.encode("utf-8"), digest_size=8).digest())


def shingles_of(words: Sequence[str], k: int = SHINGLE_WORDS) -> set[str]:
    """The k-word shingles of `words`; fewer than k words give one shingle (none if empty).

    Same definition as `newscrawl.arabic.word_shingles`, on words already split.

    >>> sorted(shingles_of("a b c d e f".split()))
    ['a b c d e', 'b c d e f']
    >>> shingles_of(["وحيدة"]), shingles_of([])
    ({'وحيدة'}, set())
    """
    if len(words) <= k:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + k]) for i in range(len(words) - k + 1)}


def site_key(site: str) -> int:
    """A 32-bit key of a site name, never 0 (0 stands for "unknown").

    >>> site_key("") == 0 and site_key("hespress") == site_key("hespress") != 0
    True
    """
    if not site:
        return 0
    return int.from_bytes(hashlib.blake2b(site.encode("utf-8"), digest_size=4).digest()) or 1


def _hashes(shingles: Iterable[str]) -> list[int]:
    # one SHA-1 per shingle serves both parts: the sketch takes the hashes themselves, the
    # MinHash permutes them (the first 4 bytes little-endian: datasketch's sha1_hash32)
    return [
        int.from_bytes(hashlib.sha1(s.encode("utf-8")).digest()[:4], "little") for s in shingles
    ]


def _template_hashes(sentences: Sequence[str], template: Collection[int]) -> np.ndarray:
    """Shingle hashes of each run of consecutive template sentences."""
    runs: list[list[str]] = [[]]
    for sentence in sentences:
        if sentence_key(sentence) in template:
            runs[-1].append(sentence)
        elif runs[-1]:
            runs.append([])
    hashed = [h for run in runs for h in _hashes(shingles_of(" ".join(run).split()))]
    return np.unique(np.array(hashed, dtype=np.uint32))


def sentences_fingerprint(
    sentences: Sequence[str], site: str = "", template: Collection[int] = ()
) -> BodyFingerprint:
    """Fingerprint of matching-form `sentences` of an article of `site`.

    `template`: keys (`sentence_key`) of the site's template sentences, whose shingles
    `resemblance` leaves out when comparing with another article of the same site.
    """
    hashed = _hashes(shingles_of(" ".join(sentences).split()))
    hashes = np.unique(np.array(hashed, dtype=np.uint32))
    boiler = _template_hashes(sentences, template) if template else _NO_HASHES
    signature = minhash(hashes)  # distinct hashes: the minimum is the same, the work less
    return BodyFingerprint(
        signature, hashes[:SKETCH_SIZE], int(hashes.size), site_key(site), boiler
    )


def body_fingerprint(body: str, site: str = "", template: Collection[int] = ()) -> BodyFingerprint:
    """`sentences_fingerprint` of the body's sentences.

    >>> a = body_fingerprint("ذهب الوفد إلى القاهرة صباح اليوم لبحث ملف المياه")
    >>> b = body_fingerprint("ذهب الوفد الى القاهره صباح اليوم لبحث ملف المياه")
    >>> resemblance(a, b), a.shingles, a.complete
    (1.0, 5, True)
    """
    return sentences_fingerprint(matching_sentences(body), site, template)


class Sketched(Protocol):
    """What `resemblance` compares: a `BodyFingerprint`, or an index's stored article."""

    @property
    def sketch(self) -> np.ndarray: ...
    @property
    def shingles(self) -> int: ...
    @property
    def site(self) -> int: ...
    @property
    def template(self) -> np.ndarray: ...
    @property
    def complete(self) -> bool: ...


def _without(values: np.ndarray, drop: np.ndarray) -> np.ndarray:
    return np.setdiff1d(values, drop, assume_unique=True) if drop.size else values


def _jaccard(a: Sketched, b: Sketched, drop: np.ndarray) -> float | None:
    """Jaccard (exact or bottom-k) without the hashes `drop`; None when nothing is left."""
    shared = np.intersect1d(a.sketch, b.sketch, assume_unique=True)
    if a.complete and b.complete:
        both = _without(shared, drop).size
        union = _without(a.sketch, drop).size + _without(b.sketch, drop).size - both
        return both / union if union else None
    # the union's k smallest hashes are a uniform sample of it; those not dropped, of the rest
    sample = np.union1d(a.sketch, b.sketch)[:SKETCH_SIZE]
    kept = _without(sample, drop).size
    both = _without(shared[shared <= sample[-1]], drop).size
    return both / kept if kept else None


ESTIMATE_MARGIN = 0.25
"""How far a MinHash estimate may fall below the true Jaccard before `may_resemble` screens a
pair out unverified: 5.6 standard deviations at 0.5 with 128 permutations (below 1e-7)."""


def screen_passes(agreeing: int, a: Sketched, b: Sketched, threshold: float) -> bool:
    """Whether a pair whose MinHashes agree on `agreeing` of the `MINHASH_PERMUTATIONS` values
    may still reach `threshold`: the bound `may_resemble` applies (`screen_many` for an index's
    candidates at once).
    """
    one = np.array([agreeing])
    passes = screen_many(one, a, np.array([b.shingles]), np.array([b.site]), threshold, b)
    return bool(passes[0])


def screen_many(
    agreeing: np.ndarray,
    a: Sketched,
    shingles: np.ndarray,
    sites: np.ndarray,
    threshold: float,
    b: Sketched | None = None,
) -> np.ndarray:
    """`screen_passes` of `a` against many stored articles (their MinHash agreements, shingle
    counts and site keys; stored articles carry no template, `b` a single one that may).

    Same-site pairs compare without the site's template shingles, which can only raise the
    Jaccard by removing up to `a.template.size + b.template.size` shingles from the union.

    >>> one = body_fingerprint("ذهب الوفد إلى القاهرة صباح اليوم لبحث ملف المياه مع الوزراء")
    >>> screen_many(np.array([128, 10]), one, np.array([8, 8]), np.array([0, 0]), 0.6).tolist()
    [True, False]
    """
    jaccard = np.minimum(1.0, agreeing / MINHASH_PERMUTATIONS + ESTIMATE_MARGIN)
    removable = a.template.size + (b.template.size if b is not None else 0)
    if not (a.site and removable):
        return jaccard >= threshold
    union = (a.shingles + shingles) / (1 + jaccard)
    with np.errstate(divide="ignore", invalid="ignore"):  # union ≤ removable: kept anyway
        lifted = np.where(union > removable, jaccard * union / (union - removable), np.inf)
    return np.where(sites == a.site, lifted, jaccard) >= threshold


def may_resemble(a: BodyFingerprint, b: BodyFingerprint, threshold: float) -> bool:
    """False only when `resemblance(a, b)` cannot reach `threshold`: a screen before it.

    LSH is permissive on purpose, so as an index grows it proposes more and more pairs of
    distinct articles that share a few phrases; comparing their 128 MinHash values costs a few
    microseconds where `resemblance` costs a few hundred.

    >>> one = body_fingerprint("ذهب الوفد إلى القاهرة صباح اليوم لبحث ملف المياه مع الوزراء")
    >>> other = body_fingerprint("أعلنت الحكومة خطة جديدة لدعم المزارعين في الجنوب هذا العام")
    >>> may_resemble(one, one, 0.6), may_resemble(one, other, 0.6)
    (True, False)
    """
    agreeing = int(np.count_nonzero(a.minhash == b.minhash))
    return screen_passes(agreeing, a, b, threshold)


def nearly_duplicates(a: BodyFingerprint, b: BodyFingerprint, threshold: float) -> bool:
    """The verdict on an LSH candidate pair: `resemblance` at or above `threshold`, screened first.

    >>> one = body_fingerprint("ذهب الوفد إلى القاهرة صباح اليوم لبحث ملف المياه مع الوزراء")
    >>> copy = body_fingerprint("ذهب الوفد الى القاهره صباح اليوم لبحث ملف المياه مع الوزراء")
    >>> nearly_duplicates(one, copy, 0.6), nearly_duplicates(one, body_fingerprint("خبر آخر"), 0.6)
    (True, False)
    """
    return may_resemble(a, b, threshold) and resemblance(a, b) >= threshold


def resemblance(a: Sketched, b: Sketched) -> float:
    """Jaccard of the two bodies' shingle sets: exact when both sketches are complete.

    Otherwise the bottom-k estimate: the k smallest hashes of the union are a uniform sample of
    it without replacement, so the share of them in both sets is unbiased, and
    P(|error| ≥ 0.1) ≤ 2.5e-6 for k = 512 on either side of 0.5 and 0.7 (binomial tail, which
    bounds the hypergeometric one). Articles of one site compare without that site's template
    shingles, unless nothing else is left. No shingles at all: 0.0, never a match on no text.

    >>> one = body_fingerprint("أ ب ت ث ج ح خ د ذ ر")
    >>> two = body_fingerprint("أ ب ت ث ج ح خ د ذ ز")
    >>> resemblance(one, two)  # 5 of 6 shingles shared, 7 in the union
    0.7142857142857143
    >>> resemblance(one, body_fingerprint(""))
    0.0
    """
    if a.site and a.site == b.site and (a.template.size or b.template.size):
        value = _jaccard(a, b, np.union1d(a.template, b.template))
        if value is not None:
            return value
    return _jaccard(a, b, _NO_HASHES) or 0.0


def fingerprint_bytes(fingerprint: BodyFingerprint) -> bytes:
    """The stored form: header, MinHash and zero-padded sketch as little-endian uint32.

    >>> len(fingerprint_bytes(body_fingerprint("نص قصير"))) == SIGNATURE_BYTES
    True
    """
    sketch = np.zeros(SKETCH_SIZE, dtype="<u4")
    sketch[: fingerprint.sketch.size] = fingerprint.sketch
    values = np.asarray(fingerprint.minhash, dtype="<u4")
    header = _HEADER.pack(_MAGIC, fingerprint.shingles, fingerprint.site)
    return header + values.tobytes() + sketch.tobytes()


def is_current_signature(data: bytes) -> bool:
    """Whether `data` is a `fingerprint_bytes` of this version (older states hold other forms).

    >>> is_current_signature(fingerprint_bytes(body_fingerprint("نص"))), is_current_signature(b"")
    (True, False)
    """
    return len(data) == SIGNATURE_BYTES and data[:4] == _MAGIC


def fingerprint_from_bytes(data: bytes) -> BodyFingerprint | None:
    """Rebuild a stored fingerprint; None for another format (a state from an older version).

    >>> f = body_fingerprint("خبر قصير عن الطقس في العاصمة اليوم")
    >>> resemblance(fingerprint_from_bytes(fingerprint_bytes(f)), f)
    1.0
    >>> fingerprint_from_bytes(bytes(4 * MINHASH_PERMUTATIONS)) is None  # a 3-shingle MinHash
    True
    """
    if not is_current_signature(data):
        return None
    _magic, shingles, site = _HEADER.unpack_from(data)
    values = np.frombuffer(data, dtype="<u4", count=MINHASH_PERMUTATIONS, offset=_HEADER.size)
    sketch_at = _HEADER.size + 4 * MINHASH_PERMUTATIONS
    sketch = np.frombuffer(data, dtype="<u4", count=min(shingles, SKETCH_SIZE), offset=sketch_at)
    return BodyFingerprint(values.astype(np.uint32), sketch.astype(np.uint32), shingles, site)
