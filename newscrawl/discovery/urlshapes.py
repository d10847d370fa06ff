"""URL shapes that say what a page is before it is fetched, the same on every CMS.

Archives (a category, tag, author or taxonomy term, with its pagination) list articles but are
never articles; print and send-to-a-friend views are copies of one. Old PHP and ASP.NET sites
name an article by a query-string id (`article.php?id=1278`, `Details.aspx?ID=5`,
`index.php?option=com_content&view=article&id=12`): that is an ordinary article URL, however
short its path.
"""

from __future__ import annotations

import re
from typing import Literal
from urllib.parse import parse_qsl, unquote, urlsplit

from newscrawl.lexicon import ARCHIVE_URL_WORDS, TAG_URL_WORDS

Shape = Literal["article", "listing", "other"]

# A path segment that opens an archive: /category/<term>/page/2/, /taxonomy/term/12. Category
# archives are a site's sections; tag and author archives (/tag/<term>/, /author/<name>/,
# Blogger's /search/label/<term>) list again what the sections list: never worth a request.
CATEGORY_SEGMENTS = frozenset(
    {"category", "categories", "taxonomy", "topic", "topics", *ARCHIVE_URL_WORDS.split()}
)
TAG_SEGMENTS = frozenset(
    {"tag", "tags", "author", "authors", "writer", "writers", "label", "labels", "keyword",
     "keywords", *TAG_URL_WORDS.split()}
)  # fmt: skip
ARCHIVE_TAIL = 3  # the term, then at most "page/N"
# A view of one article that is not the article: print, e-mail, comments.
COPY_VIEWS = frozenset(
    {"print", "printer", "printable", "print_article", "printarticle", "printnews", "send",
     "sendtofriend", "send_to_friend", "email", "mail", "tellafriend", "comment", "comments",
     "pdf"}
)  # fmt: skip
# parameters whose value names the view (`?output=print`, `?format=pdf`)
COPY_VIEW_PARAMS = frozenset({"output", "format", "view", "layout", "type", "mode", "tmpl"})
NEGATIVE_FLAGS = frozenset({"0", "false", "no", "off"})
LISTING_SCRIPTS = frozenset(
    {"section", "sections", "category", "categories", "cat", "list", "newslist", "archive",
     "archives", "tag", "tags", "author", "authors", "search", "index", "default", "home",
     "main"}
)  # fmt: skip
FRONT_CONTROLLERS = frozenset({"index", "default"})  # index.php?...&id=12 is one item
ID_PARAMS = frozenset(
    {"p", "id", "nid", "aid", "newsid", "news_id", "articleid", "article_id", "artid", "article",
     "storyid", "story_id", "story", "postid", "post_id", "contentid", "content_id"}
)  # fmt: skip
LISTING_PARAMS = frozenset(
    {"cat", "catid", "cat_id", "category", "categoryid", "section", "sectionid", "sec", "tag",
     "tagid", "author", "authorid", "page", "paged", "pg", "start", "offset", "q", "s", "search"}
)  # fmt: skip
# What a `view=` / `task=` parameter names (Joomla, many in-house PHP sites)
VIEW_PARAMS = frozenset({"view", "task", "layout", "type", "action", "do", "mod"})
ARTICLE_VIEWS = frozenset(
    {"article", "item", "details", "detail", "story", "news", "post", "read", "show", "view"}
)
LISTING_VIEWS = frozenset(
    {"category", "section", "tag", "blog", "featured", "archive", "list", "search", "author",
     "categories", "sections", "frontpage"}
)  # fmt: skip
_SCRIPT = re.compile(r"^(?P<stem>[^.]+)\.(?:php\d?|aspx?|jsp|cfm|cgi|pl|do|html?)$", re.I)
_ID_VALUE = re.compile(r"^\d+(?:[:\-_].*)?$")  # "1278", Joomla's "12:slug"
_PAGE_NUMBER = re.compile(r"^\d{1,5}$")
_LONG_ID = re.compile(r"\d{4,}")
# Language codes sites put first in the path of an edition (/en/, /fr-fr/): only these, since a
# short first segment may as well be a section ("/tv/").
EDITION_CODES = frozenset(
    {"ar", "en", "fr", "es", "de", "it", "pt", "ru", "tr", "fa", "ur", "he", "zh", "ja", "ko",
     "id", "ms", "hi", "nl", "sv", "ku", "am", "so", "sw", "bn", "uk", "pl", "ro", "el"}
)  # fmt: skip
_EDITION = re.compile(r"^(?P<code>[a-z]{2})(?:[-_][a-z]{2})?$")


def _segments(url: str) -> list[str]:
    return [s for s in unquote(urlsplit(url).path).split("/") if s]


def _script_stem(segment: str) -> str | None:
    """The name of a server script (`article.php` → "article"), lower-cased; else None.

    >>> _script_stem("Details.aspx"), _script_stem("news"), _script_stem("x.html")
    ('details', None, 'x')
    """
    match = _SCRIPT.match(segment)
    return match["stem"].lower() if match else None


def archive_kind(url: str) -> Shape | None:
    """ "listing" for a category archive (or a page of one), "other" for a tag or author archive.

    >>> archive_kind("https://x.com/category/سياسة/page/2/"), archive_kind("https://x.com/author/ali/")
    ('listing', 'other')
    >>> archive_kind("https://x.com/ar/tag/النفط"), archive_kind("https://x.com/taxonomy/term/1234")
    ('other', 'listing')
    >>> archive_kind("https://x.com/2024/05/01/tag-line-of-the-budget/") is None
    True

    A post under its category (`/topic/economy/gas-deal-signed-with-the-neighbours`) is left
    to the other URL rules: its last segment reads as an article slug.

    >>> archive_kind("https://x.com/topic/economy/gas-deal-signed-with-the-neighbours") is None
    True
    """
    segments = [s.lower() for s in _segments(url)]
    for index, segment in enumerate(segments[:3]):
        tail = len(segments) - index - 1
        if not 0 < tail <= ARCHIVE_TAIL:
            continue
        if segment in TAG_SEGMENTS:
            return "other"
        if segment in CATEGORY_SEGMENTS:
            post = tail > 1 and _slug_like(segments[-1]) and segment != "taxonomy"
            return None if post else "listing"
    return None


def _slug_like(segment: str) -> bool:
    """An article's slug or id rather than a term or page number: many words, or a long id."""
    return segment.count("-") >= 3 or bool(_LONG_ID.search(segment))


def _paginated(segments: list[str]) -> bool:
    return (
        len(segments) >= 2
        and segments[-2].lower() == "page"
        and bool(_PAGE_NUMBER.match(segments[-1]))
    )


def _copy_view(segments: list[str]) -> bool:
    """A print / e-mail view: `print.php?id=3`, `/archives/12/print/`, `/print/123`."""
    if not segments:
        return False
    last = segments[-1].lower()
    if (_script_stem(last) or last) in COPY_VIEWS:
        return True
    return len(segments) >= 2 and segments[-2].lower() in COPY_VIEWS and last.isdigit()


def _copy_view_query(query: str) -> bool:
    """A print / e-mail view asked for in the query string, whatever the path: Joomla's
    `?tmpl=component&print=1`, `?output=print`, `?format=pdf`, WordPress's `?print=1`.

    >>> [_copy_view_query(q) for q in ("tmpl=component&print=1", "output=print", "p=12",
    ...     "print=0", "view=article&id=3", "format=feed&type=rss")]
    [True, True, False, False, False, False]
    """
    for key, value in parse_qsl(query, keep_blank_values=True):
        key, value = key.lower(), value.strip().lower()
        if key in COPY_VIEWS and value not in NEGATIVE_FLAGS:
            return True
        if key in COPY_VIEW_PARAMS and value in COPY_VIEWS:
            return True
    return False


def _names_an_item(segments: list[str], params: dict[str, str]) -> bool:
    """Whether an id parameter names one item: on the site root (`/?p=12`), a server script
    (`article.php?id=`, `index.php?...&view=article&id=`) or an item view (`/news/details?id=`).
    Elsewhere `?p=2` or `?id=3` may as well be a listing's page or section."""
    if not any(_ID_VALUE.match(params[k]) for k in ID_PARAMS & params.keys()):
        return False
    if not segments:
        return True
    stem = _script_stem(segments[-1])
    if stem is not None:
        return stem not in LISTING_SCRIPTS or stem in FRONT_CONTROLLERS
    return segments[-1].lower() in ARTICLE_VIEWS


def query_shape(url: str) -> Shape | None:
    """What the query string says: an article id, a listing's parameters, or nothing.

    >>> [query_shape(u) for u in ("http://x.com/article.php?id=1278", "http://x.com/?p=12",
    ...     "http://x.com/Details.aspx?ID=5&CatID=2", "http://x.com/section.php?cat=3",
    ...     "http://x.com/index.php?option=com_content&view=category&id=5",
    ...     "http://x.com/index.php?option=com_content&view=article&id=12:slug&catid=3",
    ...     "http://x.com/news/slug", "http://x.com/politics?p=2")]
    ['article', 'article', 'article', 'listing', 'listing', 'article', None, None]
    """
    params = {k.lower(): v.strip().lower() for k, v in parse_qsl(urlsplit(url).query)}
    segments = _segments(url)
    stem = _script_stem(segments[-1]) if segments else None
    views = {params[k] for k in VIEW_PARAMS & params.keys()}
    if views & LISTING_VIEWS:
        return "listing"
    if _names_an_item(segments, params):
        return "article"
    if LISTING_PARAMS & params.keys() and (stem or not segments):
        return "listing"
    return "listing" if stem in LISTING_SCRIPTS else None


def url_shape(url: str) -> Shape | None:
    """The kind a URL's shape alone settles, or None when it takes more evidence.

    >>> [url_shape(u) for u in ("http://x.com/print.php?id=3", "http://x.com/tag/a-b-c-d/",
    ...     "http://x.com/news/page/3", "http://x.com/news.php?id=9", "http://x.com/a/b",
    ...     "http://x.com/index.php/world/335-slug?layout=default&print=1&tmpl=component")]
    ['other', 'other', 'listing', 'article', None, 'other']
    """
    segments = _segments(url)
    if _copy_view(segments) or _copy_view_query(urlsplit(url).query):
        return "other"
    archive = archive_kind(url)
    if archive is not None:
        return archive
    if _paginated(segments):
        return "listing"
    return query_shape(url)


def never_article(url: str) -> str | None:
    """Why a URL a sitemap or feed lists is not worth fetching as an article, or None.

    >>> never_article("http://x.com/author/editor/"), never_article("http://x.com/print.php?id=3")
    ('archive', 'copy_view')
    >>> never_article("http://x.com/article.php?id=3") is None
    True
    """
    segments = _segments(url)
    if _copy_view(segments) or _copy_view_query(urlsplit(url).query):
        return "copy_view"
    if archive_kind(url):
        return "archive"
    if _paginated(segments) or query_shape(url) == "listing":
        return "listing"
    return None


def url_language(url: str) -> str | None:
    """The edition a path opens with (`/en/news/3`, `/fr-fr/…`), as an ISO 639-1 code; else None.

    >>> url_language("https://x.com/en/news/3"), url_language("https://x.com/ar-ae/a")
    ('en', 'ar')
    >>> url_language("https://x.com/tv/live") is None, url_language("https://x.com/") is None
    (True, True)
    """
    segments = _segments(url)
    match = _EDITION.match(segments[0].lower()) if segments else None
    return match["code"] if match and match["code"] in EDITION_CODES else None


def is_view_of(link: str, page: str) -> bool:
    """Whether `link` is another view of `page`: the same path with every query parameter of
    the page and more (`?replytocom=5`, `&share=x`, `&print=1`), never another article.

    >>> is_view_of("http://x.com/a/b?replytocom=5", "http://x.com/a/b")
    True
    >>> is_view_of("http://x.com/article.php?id=3&print=1", "http://x.com/article.php?id=3")
    True
    >>> is_view_of("http://x.com/article.php?id=4", "http://x.com/article.php?id=3")
    False
    >>> is_view_of("http://x.com/a/b", "http://x.com/a/b"), is_view_of("http://x.com/a/c?x=1", "http://x.com/a/b")
    (False, False)
    """
    ours, theirs = urlsplit(link), urlsplit(page)
    if ours.netloc != theirs.netloc or ours.path.rstrip("/") != theirs.path.rstrip("/"):
        return False
    extra = set(parse_qsl(ours.query, keep_blank_values=True))
    base = set(parse_qsl(theirs.query, keep_blank_values=True))
    return base < extra
