"""The `StateStore` interface: one contract for the embedded SQLite store and a future Redis one.

Invariant the store helps keep: an article URL is *done* only once its line is durably on disk.
`commit_done` therefore takes the done marks together with the output offsets they were fsynced up
to, and applies both atomically, so the store never claims more than the files hold.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class DoneMark:
    """An article written to the output: what later runs need to know about it."""

    url: str
    site: str
    content_hash: str | None = None
    modified_at: str | None = None
    lastmod: str | None = None
    """The sitemap/feed lastmod hint seen when it was fetched (drives lastmod revisits)."""
    signature: bytes | None = None
    """`fingerprint_bytes` when the article is a near-duplicate reference, else None."""
    aliases: tuple[str, ...] = ()
    """Other fetched URLs (pre-redirect, non-canonical) that led to this article."""
    output: str | None = None
    """The output file its line was written to (to notice when that file loses lines)."""


@dataclass(frozen=True)
class KnownArticle:
    """What the store remembers about an emitted article (looked up by URL or alias)."""

    url: str
    content_hash: str | None
    modified_at: str | None
    lastmod: str | None


@dataclass(frozen=True)
class Validators:
    """HTTP cache validators of a feed or sitemap, from its last 200 response."""

    etag: str | None
    last_modified: str | None


@dataclass(frozen=True)
class RunInfo:
    """One crawl run as recorded in the store."""

    run_id: str
    started_at: str
    finished_at: str | None
    finish_reason: str | None


class StateStore(Protocol):
    """Per-crawl persistent state; every method is cheap enough to call per request or item."""

    def known_article(self, url: str) -> KnownArticle | None:
        """The article emitted under `url`, or the one `url` is a recorded alias of."""
        ...

    def url_for_content(self, content_hash: str) -> str | None:
        """URL of an emitted article with this content fingerprint, if any."""
        ...

    def commit_done(self, marks: Sequence[DoneMark], offsets: Mapping[str, int]) -> None:
        """Atomically record `marks` as done and the output files as durable up to `offsets`."""
        ...

    def add_aliases(self, url: str, aliases: Sequence[str]) -> None:
        """Record URLs that need no fetching because they lead to the article at `url`."""
        ...

    def signatures(self) -> Iterator[tuple[str, bytes]]:
        """(url, `fingerprint_bytes`) of the near-duplicate references, first-seen first."""
        ...

    def validators(self, url: str) -> Validators | None:
        """Validators saved for a feed/sitemap URL."""
        ...

    def save_validators(self, validators: Mapping[str, Validators]) -> None:
        """Remember validators by URL (replacing older ones)."""
        ...

    def output_offsets(self) -> dict[str, int]:
        """Every output file written through this store → its committed (durable) length."""
        ...

    def forget_lost(self, output: str, present: set[str], *, unattributed: bool) -> list[str]:
        """Make articles written to `output` whose URL is not in `present` undone again.

        With `unattributed`, articles recorded without an output file (older states) count as
        written to `output` too. Returns the forgotten URLs, which the next fetch writes again;
        when there are any, the saved validators go too, so sitemaps and feeds list them again.
        """
        ...

    def register_output(self, path: str, offset: int) -> None:
        """Start tracking an output file whose first `offset` bytes need no reconciling."""
        ...

    def start_run(self, run_id: str) -> None: ...

    def finish_run(self, run_id: str, reason: str) -> None: ...

    def last_run(self) -> RunInfo | None:
        """The most recently started run."""
        ...

    def site_last_run(self, site: str) -> RunInfo | None:
        """The last run that emitted an article of `site`."""
        ...

    def site_fact(self, site: str, key: str) -> str | None:
        """What an earlier crawl learnt about `site` under `key` (e.g. "clock"), or None.

        Facts are small texts (JSON for structured ones) owned by whoever writes the key; the
        store keeps them as given and never interprets them.
        """
        ...

    def save_site_fact(self, site: str, key: str, value: str) -> None:
        """Remember `value` as the `key` fact of `site`, replacing the previous one."""
        ...

    def close(self) -> None: ...
