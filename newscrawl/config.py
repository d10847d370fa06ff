"""Every `NEWSCRAWL_*` setting, typed, read once per crawler.

Defaults live in one place, `newscrawl/settings.py`: `newscrawl crawl` and `scrapy crawl` both
load it, so a crawler's settings already hold every name. A name they lack (a component built
with bare `Settings()` in a test) takes the value of that module, never a literal repeated here.

    >>> from scrapy.settings import Settings
    >>> config = NewscrawlSettings.from_settings(Settings({"NEWSCRAWL_FSYNC_ITEMS": "7"}))
    >>> config.fsync_items, config.max_depth, config.output
    (7, 5, None)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import Any
from weakref import WeakKeyDictionary

from scrapy.crawler import Crawler
from scrapy.settings import BaseSettings

from newscrawl import settings as defaults_module

PREFIX = "NEWSCRAWL_"


@dataclass(frozen=True)
class NewscrawlSettings:
    """One field per `NEWSCRAWL_<FIELD NAME IN CAPITALS>` setting (meanings: settings.py)."""

    state_dir: str | None
    """Folder of the SQLite state store; None: a fresh in-memory store per run."""
    output: str | None
    """One JSON Lines file, appended; None: the partitioned layout under `data_dir`."""
    data_dir: str
    """Root of the partitioned output layout."""
    max_articles: int
    """Stop after this many articles are written (0: no limit)."""
    max_depth: int
    """Navigation depth budget from the start page."""
    max_pages_per_site: int
    """Request budget per site and run."""
    max_sitemap_depth: int
    """Sitemap index recursion budget."""
    max_sitemaps_per_site: int
    """Sitemap budget per site and run."""
    max_sitemap_bytes: int
    """Cap on a decompressed sitemap or feed (gzip bombs)."""
    article_link_harvest: int
    """Article links followed from an article page when no sitemap lists the site's articles."""
    frontier_window: int
    """Article requests per site in Scrapy's scheduler at once; the rest wait compactly (0: all)."""
    navigate_with_sitemaps: bool
    """Crawl home and section pages even when sitemaps list the site's articles."""
    language: str
    """Language (ISO 639-1) of the articles ad-hoc targets keep; "any" keeps every language."""
    learn_boilerplate: bool
    """Learn each site's recurring body blocks (menus, footers) and leave them out of bodies."""
    learn_containers: bool
    """Learn each site's body container and read it instead of detecting the body anew."""
    learn_titles: bool
    """Learn each site's title affixes (its name around headlines) and strip them."""
    learn_clock: bool
    """Learn each site's clock (offset or zone) for the times it prints without one."""
    learn_url_shapes: bool
    """Learn which URL shapes of each site hold articles, and fetch accordingly."""
    max_retry_after: float
    """Cap (seconds) on a server's Retry-After."""
    max_crawl_delay: float
    """Cap (seconds) on a robots.txt Crawl-delay."""
    extractor: str
    """Import path of the page → Article function the spider calls."""
    processes: int
    """Processes of the crawl: the crawler and N-1 extraction workers (0: one per CPU)."""
    profiles_dir: str | None
    """Folder of extra site profiles; None: the bundled ones (or $NEWSCRAWL_PROFILES_DIR)."""
    fsync_items: int
    """Writer durability batch: fsync (and mark done) every this many items..."""
    fsync_seconds: float
    """...or every this many seconds, whichever comes first."""
    near_duplicates: str
    """Near-duplicates: "mark", "drop" or "off"."""
    near_duplicate_threshold: float
    """MinHash Jaccard threshold of a near-duplicate."""
    redis_url: str | None
    """Distributed crawl: the Redis holding frontier and state; None: a one-process crawl."""
    redis_name: str
    """Distributed crawl: the name of its state in Redis (`--state NAME` with `--redis`)."""
    redis_lease_seconds: float
    """A worker silent this long is dead: its leased requests go back to the queue."""
    redis_idle_timeout: float
    """A worker stops once the frontier has been empty, with no lease pending, this long."""
    redis_patience: float
    """How long workers wait for a Redis that is down before they stop (exit status 1)."""
    redis_orphan_wait: float
    """How long a dead worker's uncommitted lines may wait for a worker that can read them."""

    @classmethod
    def from_settings(cls, settings: BaseSettings) -> NewscrawlSettings:
        """Each setting read once, typed by its field; a missing one has settings.py's value."""
        values = {}
        for item in fields(cls):
            name = setting_name(item.name)
            # the fallback is settings.py's value: the one place defaults are written
            values[item.name] = READERS[str(item.type)](
                settings, name, getattr(defaults_module, name)
            )
        return cls(**values)

    @classmethod
    def defaults(cls) -> NewscrawlSettings:
        """The values of settings.py, for code that runs without a crawler."""
        return cls.from_settings(BaseSettings())

    @classmethod
    def setting_names(cls) -> list[str]:
        """The setting names, in field order."""
        return [setting_name(item.name) for item in fields(cls)]


def setting_name(field_name: str) -> str:
    """The setting a field of `NewscrawlSettings` reads.

    >>> setting_name("max_depth")
    'NEWSCRAWL_MAX_DEPTH'
    """
    return PREFIX + field_name.upper()


def _text(settings: BaseSettings, name: str, default: str | None) -> str | None:
    """A path or a name (a `Path` given by a test arrives as text); empty (`-s NAME=`): unset.

    >>> from scrapy.settings import Settings
    >>> _text(Settings({"X": ""}), "X", "data"), _text(Settings({"X": 3}), "X", None)
    ('data', '3')
    """
    value = settings.get(name)
    return default if value is None or value == "" else str(value)


# By field annotation (a string: annotations are postponed). Scrapy's own readers convert `-s`
# strings ("0.5", "true"), exactly as they would inside a component.
READERS: dict[str, Callable[[BaseSettings, str, Any], Any]] = {
    "bool": BaseSettings.getbool,
    "int": BaseSettings.getint,
    "float": BaseSettings.getfloat,
    "str": _text,
    "str | None": _text,
}

# Keyed weakly by crawler rather than set as an attribute on it: `Crawler` is Scrapy's class, and
# an attribute of ours would be an undeclared extension of it (untyped for mypy, free to clash
# with a later Scrapy name). The weak key still ties each entry's life to its crawler, so this is
# per-crawler state, not global state: two crawlers in one process never share an entry.
_BUILT: WeakKeyDictionary[Crawler, NewscrawlSettings] = WeakKeyDictionary()


def newscrawl_settings(crawler: Crawler) -> NewscrawlSettings:
    """The crawler's `NewscrawlSettings`, built once its settings are frozen.

    Before that (the spider and the extensions are built first) add-ons may still change the
    settings: each call then reads them afresh and nothing is kept.
    """
    if not crawler.settings.frozen:
        return NewscrawlSettings.from_settings(crawler.settings)
    built = _BUILT.get(crawler)
    if built is None:
        built = _BUILT[crawler] = NewscrawlSettings.from_settings(crawler.settings)
    return built
