"""Home, section and tag listings of the demo sites: which articles, under what title, which page.

Both sites list the same way (newest first, a fixed number a page); they differ only in how their
addresses are spelt and in the markup, so each site describes its addresses in a `ListingScheme`
and draws a `ListingPage` in its own template.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import quote

from newscrawl.demo.render import ArticleData, SiteData, newest_first

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
    """Ends every section and tag address ("/" on WordPress)."""
    page_suffix: str
    """Appended to a listing's address for page 2 onwards; `{page}` is the page number."""
    tag_title: str
    """A tag page's heading; `{tag}` is the tag."""
    home_size: int
    page_size: int

    def section_path(self, slug: str) -> str:
        return f"{self.section_prefix}{slug}{self.suffix}"

    def tag_path(self, tag: str) -> str:
        """Percent-encoded, as both sites link their tags.

        >>> ListingScheme("/category/", "/tag/", "/", "", "", 1, 1).tag_path("المغرب")
        '/tag/%D8%A7%D9%84%D9%85%D8%BA%D8%B1%D8%A8/'
        """
        return f"{self.tag_prefix}{quote(tag, safe='')}{self.suffix}"

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


def page_slice(items: Sequence[ArticleData], page: int, size: int) -> list[ArticleData] | None:
    """The items of 1-based `page`, or None when the page does not exist.

    >>> page_slice([{"n": 1}, {"n": 2}, {"n": 3}], 2, 2)
    [{'n': 3}]
    >>> page_slice([{"n": 1}], 2, 2) is None
    True
    """
    chunk = list(items[(page - 1) * size : page * size])
    return chunk if page >= 1 and (chunk or page == 1) else None


def page_count(total: int, size: int) -> int:
    """How many pages `total` items fill, `size` a page; an empty listing still has its first.

    >>> page_count(5, 3), page_count(6, 3), page_count(0, 3)
    (2, 2, 1)
    """
    return max(1, -(-total // size))


def listing_contents(
    scheme: ListingScheme, site: SiteData, articles: Sequence[ArticleData], root: str
) -> tuple[str, list[ArticleData]]:
    """The heading and the articles (file order) of the home page, a section or a tag.

    `root` is the decoded address of the listing's first page; an unknown section has no articles.
    """
    if root == "/":
        return HOME_TITLE, list(articles)
    kind, key = root.strip("/").split("/")
    if kind == scheme.tag_prefix.strip("/"):
        return scheme.tag_title.format(tag=key), [a for a in articles if key in a["tags"]]
    name = next((s["name"] for s in site["sections"] if s["slug"] == key), None)
    return name or "", [a for a in articles if a["section"] == name]


def find_listing(
    scheme: ListingScheme, site: SiteData, articles: Sequence[ArticleData], root: str, page: int
) -> ListingPage | None:
    """Page `page` (1-based) of the listing at decoded `root`, newest first; None past the end.

    >>> scheme = ListingScheme("/section/", "/tags/", "", "?page={page}", "موضوع: {tag}", 2, 1)
    >>> site = {"sections": [{"slug": "sport", "name": "رياضة"}]}
    >>> articles = [
    ...     {"path": f"/a{n}", "section": "رياضة", "tags": [], "published_at": f"2024-01-0{n}"}
    ...     for n in (1, 2, 3)
    ... ]
    >>> listing = find_listing(scheme, site, articles, "/section/sport", 2)
    >>> listing.title, [a["path"] for a in listing.articles], listing.prev, listing.next
    ('رياضة', ['/a2'], '/section/sport', '/section/sport?page=3')
    >>> find_listing(scheme, site, articles, "/section/sport", 4) is None
    True
    """
    title, members = listing_contents(scheme, site, articles, root)
    members = newest_first(members)
    size = scheme.home_size if root == "/" else scheme.page_size
    chunk = page_slice(members, page, size) if members else None
    if chunk is None:
        return None
    pages = page_count(len(members), size)
    return ListingPage(scheme, quote(root), title, chunk, page, pages)
