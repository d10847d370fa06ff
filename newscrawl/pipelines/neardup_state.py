"""What near-duplicate detection keeps across runs besides the index: each site's recurring
sentences (its template), and signatures of older states brought to the current format.

A daily report ("prices today", "the roads this morning") repeats the same fixed sentences in
every issue; two distinct issues then share a third of their shingles, or most of them when the
template is long. Sentences seen in `TEMPLATE_ARTICLES` earlier articles of one site are that
site's template, and two articles of the site compare without them (`fingerprints.resemblance`).
Only same-site pairs: sites repeat background sentences too, and a wire copy on another site
that shares them is still a copy (leaving them out on one side only cost a copy at 0.75 half its
resemblance on the site zoo). Marked articles teach too: issues of a series whose template
dominates match each other until it is learnt (the first two in a crawl's first run), and would
never teach otherwise. The price: a story one site republishes three times with changes counts
as that site's template, so a fourth copy there is compared with the others on its new
sentences only.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Protocol

from newscrawl.fingerprints import BodyFingerprint, body_fingerprint

TEMPLATE_ARTICLES = 3
"""A sentence in this many earlier articles of a site is template (a pair shares it by
accident in 2, a series in every issue)."""
MAX_TRACKED = 50_000
"""Sentence counts kept per site in memory; beyond it the oldest seen-once sentences go."""
MAX_SAVED = 3_000
"""Counts saved per site for the next run (template first, then the most recent)."""
FACT_NAME = "neardup_sentences"


class FactStore(Protocol):
    def site_fact(self, site: str, key: str) -> str | None: ...

    def save_site_fact(self, site: str, key: str, value: str) -> None: ...


class SiteSentences:
    """How many of one site's articles each sentence key appeared in.

    >>> site = SiteSentences()
    >>> for _ in range(3):
    ...     site.learn([1, 2, 2])
    >>> site.learn([9])
    >>> sorted(site.template), site.counts[2]
    ([1, 2], 3)
    >>> sorted(SiteSentences.from_fact(site.to_fact()).template)
    [1, 2]
    """

    def __init__(self, counts: dict[int, int] | None = None) -> None:
        self.counts: dict[int, int] = counts or {}
        self.template = {k for k, n in self.counts.items() if n >= TEMPLATE_ARTICLES}
        self.changed = False

    def learn(self, keys: Iterable[int]) -> None:
        for key in set(keys):
            count = self.counts.get(key, 0) + 1
            self.counts[key] = count
            if count >= TEMPLATE_ARTICLES:
                self.template.add(key)
        self.changed = True
        if len(self.counts) > MAX_TRACKED:
            self._forget(MAX_TRACKED // 2)

    def _forget(self, keep: int) -> None:
        # dicts keep insertion order: the oldest seen-once sentences go first
        once = [k for k, n in self.counts.items() if n == 1]
        for key in once[: max(0, len(self.counts) - keep)]:
            del self.counts[key]

    def to_fact(self) -> str:
        recurring = [k for k, n in self.counts.items() if n > 1]
        once = [k for k, n in self.counts.items() if n == 1]
        recurring.sort(key=self.counts.__getitem__, reverse=True)
        kept = (recurring + once[::-1])[:MAX_SAVED]
        return json.dumps({"v": 1, "counts": {f"{k:x}": self.counts[k] for k in kept}})

    @classmethod
    def from_fact(cls, raw: str | None) -> SiteSentences:
        try:
            counts = json.loads(raw)["counts"] if raw else {}
            return cls({int(k, 16): int(n) for k, n in counts.items()})
        except (ValueError, TypeError, KeyError, AttributeError):
            return cls()  # an unreadable fact only costs relearning


class SiteSentenceBook:
    """The crawl's `SiteSentences` by site, loaded from and saved to the store's site facts."""

    def __init__(self, store: FactStore | None) -> None:
        self.store = store
        self.sites: dict[str, SiteSentences] = {}

    def for_site(self, site: str) -> SiteSentences:
        if site not in self.sites:
            raw = self.store.site_fact(site, FACT_NAME) if self.store is not None else None
            self.sites[site] = SiteSentences.from_fact(raw)
        return self.sites[site]

    def save(self) -> None:
        if self.store is None:
            return
        for site, sentences in self.sites.items():
            if sentences.changed:
                self.store.save_site_fact(site, FACT_NAME, sentences.to_fact())
                sentences.changed = False


def _records(paths: Iterable[str]) -> Iterator[dict[str, Any]]:
    for name in paths:
        path = Path(name)
        if not path.is_file():
            continue
        with path.open("rb") as handle:
            for line in handle:
                try:
                    record = json.loads(line)
                except ValueError:
                    continue
                if isinstance(record, dict):
                    yield record


def refingerprint(urls: set[str], outputs: Iterable[str]) -> dict[str, BodyFingerprint]:
    """Fingerprints of `urls` recomputed from their lines in the output files `outputs`.

    Signatures stored by an older version (3-word shingles, MinHash only) cannot be compared
    with current ones; the bodies they came from are still in the output files. URLs whose
    line is gone (file moved or deleted) are missing from the result.
    """
    found: dict[str, BodyFingerprint] = {}
    for record in _records(outputs):
        url, body = record.get("url"), record.get("body")
        if url in urls and url not in found and isinstance(body, str) and body:
            found[url] = body_fingerprint(body, str(record.get("site") or ""))
    return found
