"""Where everything lives on a generated site, derived from an article's number alone.

Nothing about the site is held in memory: article N's title, section, date and path come from a
generator seeded with (site seed, N), and a section's listing pages are arithmetic over the
numbers, so a 100,000-article site is written one page at a time.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from urllib.parse import quote

from benchmarks.perf import vocab

SECTIONS = [
    ("محليات", "local"), ("اقتصاد", "economy"), ("سياسة", "politics"), ("رياضة", "sport"),
    ("ثقافة وفنون", "culture"), ("صحة", "health"), ("تكنولوجيا", "tech"),
    ("منوعات", "misc"), ("دولي", "world"), ("مجتمع", "society"),
]  # fmt: skip
EPOCH = datetime(2024, 1, 1, 5, 0, tzinfo=UTC)
STEP = timedelta(minutes=17)  # 5,000 articles span two months, 100,000 about three years
PER_LISTING = 20
PER_SITEMAP = 1000
PLAIN_EVERY = 4  # one article in four has no structured data: the generic date/byline path


@dataclass(frozen=True)
class SiteSpec:
    """A generated site: how many articles, its seed (its words) and its display name."""

    articles: int
    seed: int = 1
    name: str = "الأفق اليوم"


@dataclass(frozen=True)
class ArticleMeta:
    number: int
    title: str
    author: str
    section: int
    published: datetime
    template: str  # "jsonld" or "plain"

    @property
    def section_name(self) -> str:
        return SECTIONS[self.section][0]

    @property
    def file_path(self) -> str:
        """Path on disk and in the decoded URL (Arabic slug)."""
        slug = vocab.slug(self.title)
        return f"/{SECTIONS[self.section][1]}/{self.published:%Y/%m/%d}/{self.number}-{slug}.html"

    @property
    def href(self) -> str:
        """The link as the site writes it: percent-encoded, as WordPress and most CMSs do."""
        return quote(self.file_path)


@lru_cache(maxsize=4096)  # related and most-read blocks look up the same neighbours again
def article_meta(spec: SiteSpec, number: int) -> ArticleMeta:
    rng = random.Random(f"{spec.seed}:{number}:meta")
    return ArticleMeta(
        number=number, title=vocab.headline(rng), author=vocab.person(rng),
        section=number % len(SECTIONS), published=EPOCH + STEP * number,
        template="plain" if number % PLAIN_EVERY == 0 else "jsonld",
    )  # fmt: skip


def section_numbers(spec: SiteSpec, section: int) -> range:
    """Article numbers of a section, newest first.

    >>> list(section_numbers(SiteSpec(25), 3))
    [23, 13, 3]
    >>> list(section_numbers(SiteSpec(25), 0))
    [20, 10]
    """
    count = len(SECTIONS)
    top = spec.articles - (spec.articles - section) % count
    return range(top, 0, -count)


def listing_pages(spec: SiteSpec, section: int) -> int:
    """How many listing pages the section has (at least one, even when empty)."""
    return max(1, -(-len(section_numbers(spec, section)) // PER_LISTING))


def listing_path(section: int, page: int) -> str:
    """
    >>> listing_path(2, 1), listing_path(2, 3)
    ('/politics/', '/politics/page/3/')
    """
    base = f"/{SECTIONS[section][1]}/"
    return base if page == 1 else f"{base}page/{page}/"


def listing_numbers(spec: SiteSpec, section: int, page: int) -> range:
    start = PER_LISTING * (page - 1)
    return section_numbers(spec, section)[start : start + PER_LISTING]


def neighbours(spec: SiteSpec, number: int, count: int, rng: random.Random) -> list[int]:
    """Up to `count` other articles published shortly before this one (related blocks)."""
    pool = [n for n in range(max(1, number - 60), number) if n != number]
    if len(pool) < count:
        pool += [n for n in range(number + 1, min(spec.articles, number + 60) + 1)]
    return rng.sample(pool, min(count, len(pool)))


def newest(spec: SiteSpec, count: int) -> list[int]:
    return list(range(spec.articles, max(0, spec.articles - count), -1))
