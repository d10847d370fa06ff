"""Home, section and tag listings of the demo sites: which articles, under what title, which page.

Both sites list the same way (newest first, a fixed number a page); they differ only in how their
addresses are spelt and in the markup, so each site describes its addresses in a `ListingScheme`
and draws a `ListingPage` in its own template.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import quote

from newscrawl.demo.render import (
    ArticleData,
    SiteData,
    newest_first,
    page_count,
    page_slice,
    tag_path,
)

HOME_TITLE = "آخر الأخبار"


@dataclass(frozen=True)
class ListingScheme:
    """How one site spells its listing addresses and titles, and how many articles a page holds.

    >>> scheme = ListingScheme("/category/", "/tag/", "/", "page/{page}/", "الوسم: {tag}", 8, 3)
    >>> scheme.section_path("economie"), scheme.page_path("/tag/x/", 2)
    ('/category/economie/', '/tag/x/page/2/')
    """

    section_prefix: str
    tag_prefix: str
    suffix: str
    page_suffix: str
    """Appended to a listing's address for page 2 onwards; `{page}` is the page number."""
    tag_title: str
    """A tag page's heading; `{tag}` is the tag."""
    home_size: int
    page_size: int

    def section_path(self, slug: str) -> str:
        return f"{self.section_prefix}{slug}{self.suffix}"

    def tag_path(self, tag: str) -> str:
        return tag_path(self.tag_prefix, tag, self.suffix)

    def page_path(self, root: str, page: int) -> str:
        return root if page == 1 else root + self.page_suffix.format(page=page)


@dataclass(frozen=True)
class ListingPage:
    """One existing page of a listing: its articles and the addresses around it."""

    scheme: ListingScheme
    root: str
    """The percent-encoded address of the listing's first page."""
    title: str
    articles: list[ArticleData]
    page: int
    pages: int

    def path(self, page: int) -> str:
        return self.scheme.page_path(self.root, page)

    @property
    def here(self) -> str:
        return self.path(self.page)

    @property
    def prev(self) -> str | None:
        return self.path(self.page - 1) if self.page > 1 else None

    @property
    def next(self) -> str | None:
        return self.path(self.page + 1) if self.page < self.pages else None


def _section_name(site: SiteData, slug: str) -> str | None:
    return next((s["name"] for s in site["sections"] if s["slug"] == slug), None)


def _is_tag(scheme: ListingScheme, kind: str) -> bool:
    return kind == scheme.tag_prefix.strip("/")


def listing_members(
    scheme: ListingScheme, site: SiteData, articles: Sequence[ArticleData], root: str
) -> list[ArticleData]:
    """The articles of the home page `/`, a section or a tag (`root` decoded), in file order."""
    if root == "/":
        return list(articles)
    kind, key = root.strip("/").split("/")
    if _is_tag(scheme, kind):
        return [a for a in articles if key in a["tags"]]
    name = _section_name(site, key)
    return [a for a in articles if a["section"] == name]


def listing_title(scheme: ListingScheme, site: SiteData, root: str) -> str:
    """The heading of an existing listing (`root` decoded)."""
    if root == "/":
        return HOME_TITLE
    kind, key = root.strip("/").split("/")
    if _is_tag(scheme, kind):
        return scheme.tag_title.format(tag=key)
    return next(s["name"] for s in site["sections"] if s["slug"] == key)


def listing_page(
    scheme: ListingScheme, site: SiteData, articles: Sequence[ArticleData], root: str, page: int
) -> ListingPage | None:
    """Page `page` (1-based) of the listing at decoded `root`, newest first; None past the end."""
    members = newest_first(listing_members(scheme, site, articles, root))
    size = scheme.home_size if root == "/" else scheme.page_size
    chunk = page_slice(members, page, size) if members else None
    if chunk is None:
        return None
    title = listing_title(scheme, site, root)
    pages = page_count(len(members), size)
    return ListingPage(scheme, quote(root), title, chunk, page, pages)
