"""The zoo's data: family specs, articles with their ground truth, and served pages."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit

# The nine failure classes of issue 9, by number.
FAILURE_CLASSES = {
    1: "table-layout legacy pages (no h1, headline in <font>/<b>, windows-1256)",
    2: "category/tag archives with excerpts that must not become articles",
    3: "'اقرأ أيضا' related lists: end widgets with thumbnails and excerpts, inline blocks",
    4: "site clock: naive page times, offset only in feeds/sitemaps/JSON-LD/footer",
    5: "near-duplicates: wire copies across sites; templated reports that are NOT duplicates",
    6: "aliases: shortlinks, print, AMP and non-SEF versions of one article",
    7: "bylines naming the publication instead of a person",
    8: "tatweel separating a prefix (لـالجيش)",
    9: "date forms: أمس, '15 - 03 - 2016', 'نشر في :' prefixes, Levantine/Maghreb months",
}


def path_key(target: str) -> str:
    """How the zoo names a page: decoded path without trailing slash, sorted query, no fragment.

    Crawlers may reorder query arguments or percent-encode Arabic slugs; both spell one page.

    >>> path_key("/index.php?view=article&id=5#top")
    '/index.php?id=5&view=article'
    >>> path_key("http://127.0.0.1:80/%D8%AE%D8%A8%D8%B1/")
    '/خبر'
    """
    parts = urlsplit(target)
    path = unquote(parts.path).rstrip("/") or "/"
    query = urlencode(sorted(parse_qsl(parts.query, keep_blank_values=True)))
    return f"{path}?{query}" if query else path


@dataclass(frozen=True)
class RelatedTruth:
    path: str
    title: str
    position: str  # "inline" | "end"


@dataclass
class ZooArticle:
    """One article as a site publishes it, with everything a perfect crawl would write."""

    family: str
    number: int
    title: str
    paragraphs: tuple[str, ...]
    section: str
    section_slug: str
    tags: tuple[str, ...]
    person: str
    published: datetime
    stage: int = 1
    modified: datetime | None = None
    house_byline: bool = False
    caption: str = ""
    path: str = ""
    aliases: tuple[str, ...] = ()
    image_path: str = ""
    related: list[RelatedTruth] = field(default_factory=list)
    dup_group: str | None = None
    template_group: str | None = None
    tatweel: bool = False
    lang: str = "ar"
    slug: str = ""

    def authors(self, site_name: str) -> list[str]:
        # issue 9, class 7: authors are what the byline says, the publication's name included
        return [site_name] if self.house_byline else [self.person]

    @property
    def lastmod(self) -> datetime:
        return self.modified or self.published


class Theme(Protocol):
    """What a family module provides: URL scheme, aliases and the pages of one stage."""

    def article_path(self, article: ZooArticle) -> str: ...

    def aliases(self, article: ZooArticle) -> tuple[str, ...]: ...

    def render(self, view: SiteView) -> dict[str, Page]: ...


@dataclass(frozen=True)
class FamilySpec:
    name: str
    cms: str
    site_name: str
    tz: str
    classes: dict[int, str]
    theme: Callable[[], Theme]
    start_path: str = "/"
    id_start: int = 1000
    end_related: int = 3
    inline_related: int = 1
    house_byline: float = 0.0
    tatweel: bool = False
    wire: bool = False
    # > 0: republishes copies of the zoo's wire stories without taking part in the wire deal
    # (copy number GROUP_SIZE - 1 + 3 * reprint), so the deal of the wire families never changes
    reprint: int = 0
    reports: int = 0
    english: int = 0


@dataclass
class Page:
    """A served response; `kind` says what it is for the ground truth."""

    body: bytes
    kind: str  # article | alias | listing | other | feed | sitemap | robots | redirect
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    reason: str = ""


@dataclass
class SiteView:
    """What a theme renders from: the site, its base URL and the articles visible at a stage."""

    spec: FamilySpec
    base: str
    articles: list[ZooArticle]  # visible now, newest first
    everything: list[ZooArticle]  # every article of every stage (for stable menus)
    now: datetime
    extra: dict[str, Any] = field(default_factory=dict)

    def url(self, path: str) -> str:
        return self.base + path

    def by_section(self, slug: str) -> list[ZooArticle]:
        return [a for a in self.articles if a.section_slug == slug and a.lang == "ar"]
