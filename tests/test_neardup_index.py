"""The compact in-memory near-duplicate index (issue 13, memory at scale): what it keeps in
memory is fixed-size per article; sketches and URLs go to an unnamed spill file and come back
exactly when a candidate is verified, past the sizes where its arrays are merged into runs."""

from __future__ import annotations

import gc
import random

import numpy as np

from newscrawl.fingerprints import body_fingerprint
from newscrawl.pipelines.neardup_index import NearDuplicateIndex, minhash_bits
from tests.test_neardup_screen import WORDS  # the same Arabic news words


def _body(rng: random.Random, words: int = 120) -> str:
    return " ".join(rng.choice(WORDS) + str(rng.randrange(50)) for _ in range(words))


def test_sketches_and_urls_come_back_from_the_spill_file_after_many_runs() -> None:
    rng = random.Random(5)
    index = NearDuplicateIndex(0.6)
    originals = {}
    for n in range(9000):  # past one run of URL keys (8,192) and many runs of band keys
        body = _body(rng, 30)
        url = f"https://site{n % 7}.example/أخبار/{n}-خبر-عن-المدينة"
        index.add(url, body_fingerprint(body))
        if n % 1500 == 0:
            originals[url] = body
    assert len(index) == 9000 and index.disk_bytes > 9000 * 30
    for url, body in originals.items():
        assert url in index
        copy = body + " وأضاف المتحدث أن العمل سيستمر"
        assert index.match("https://other.example/copy", body_fingerprint(copy)) == url
    assert "https://other.example/copy" not in index
    assert index.match("https://other.example/new", body_fingerprint(_body(rng))) is None
    index.close()


def test_an_article_never_matches_itself_and_a_closed_index_leaves_no_descriptor() -> None:
    rng = random.Random(9)
    body = _body(rng)
    index = NearDuplicateIndex(0.6)
    index.add("https://a.example/1", body_fingerprint(body))
    assert index.match("https://a.example/1", body_fingerprint(body)) is None
    del index
    gc.collect()  # no ResourceWarning (the suite turns warnings into errors)


def test_minhash_bits_only_add_agreement() -> None:
    values = np.array([0x10000, 0x20000, 7], dtype=np.uint64)
    # different full values, equal low bits: they agree after the cut (a screen pass, no miss)
    assert (minhash_bits(values)[:2] == minhash_bits(values)[1::-1]).all()
