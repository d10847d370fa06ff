"""Article, listing or other: judged from the URL before fetching, and from the page after.

Listing pages never become items, and article pages are not mined for navigation, so getting this
right is what keeps a crawl small.
"""

from __future__ import annotations

import json
import re
from typing import Literal
from urllib.parse import unquote, urlsplit

from parsel import Selector

from newscrawl.discovery.layout import read_layout
from newscrawl.discovery.urlshapes import url_shape
from newscrawl.lexicon import ARCHIVE_URL_WORDS, LISTING_URL_WORDS, TAG_URL_WORDS
from newscrawl.profiles import SiteProfile

Kind = Literal["article", "listing", "other"]

ARTICLE_TYPES = frozenset(
    {"article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "blogposting",
     "opinionnewsarticle", "backgroundnewsarticle", "reviewnewsarticle", "liveblogposting"}
)  # fmt: skip
LISTING_TYPES = frozenset({"collectionpage", "itemlist", "searchresultspage", "website"})
# what a page may declare itself instead of an article: a player, a gallery, an event, a product
MEDIA_TYPES = frozenset(
    {"videoobject", "audioobject", "imageobject", "imagegallery", "mediagallery",
     "podcastepisode", "event", "product", "profilepage"}
)  # fmt: skip
MEDIA_OG_PREFIXES = ("video", "music")
LISTING_WORDS = frozenset(
    {"category", "categories", "section", "sections", "tag", "tags", "topic", "topics", "author",
     "authors", "page", "archive", "news", "latest", *LISTING_URL_WORDS.split(),
     *ARCHIVE_URL_WORDS.split(), *TAG_URL_WORDS.split()}
)  # fmt: skip
# Site furniture, never articles nor listings of them.
STATIC_PAGES = frozenset(
    {"about", "about-us", "contact", "contact-us", "privacy", "privacy-policy", "terms", "login",
     "register", "signup", "subscribe", "advertise", "search", "wp-admin", "wp-login.php", "cart",
     "من-نحن", "اتصل-بنا", "سياسة-الخصوصية", "شروط-الاستخدام", "أعلن-معنا"}
)  # fmt: skip
NOT_PAGE_EXTENSIONS = re.compile(
    r"\.(jpe?g|png|gif|webp|svg|ico|css|js|json|xml|rss|pdf|zip|rar|gz|mp[34]|avi|mov|woff2?|ttf"
    r"|docx?|xlsx?|pptx?|exe|apk)$",
    re.IGNORECASE,
)
_LONG_NUMBER = re.compile(r"\d{4,}")
_DATE_PATH = re.compile(r"/(19|20)\d\d/[01]?\d/([0-3]?\d/)?[^/]+")
# Prose chars of the page's densest block: an article's body (the real-page corpus: 479 and up),
# or a brief's under a headline repeating the <title>; teaser excerpts never count.
MIN_ARTICLE_TEXT = 400
MIN_BRIEF_TEXT = 150
MIN_TEASERS = 3
MIN_LISTING_LINKS = 20


def _matches(patterns: tuple[str, ...], url: str) -> bool:
    """Whether a profile pattern matches the URL's path (raw or decoded, with its query too)."""
    parts = urlsplit(url)
    paths = {parts.path or "/", unquote(parts.path or "/")}
    subjects = paths | {f"{p}?{parts.query}" for p in paths if parts.query}
    return any(re.search(pattern, subject) for pattern in patterns for subject in subjects)


def _is_static_page(path: str) -> bool:
    """Whether a path is site furniture (about, contact, privacy, login ...).

    >>> _is_static_page("/privacy-policy/"), _is_static_page("/%D9%85%D9%86-%D9%86%D8%AD%D9%86/")
    (True, True)
    >>> _is_static_page("/news/about-the-budget-vote-2024")
    False
    """
    return any(s.lower() in STATIC_PAGES for s in unquote(path).split("/") if s)


def _generic_url_kind(url: str) -> Kind:
    shape = url_shape(url)  # archives, print views, query-string ids: settled by shape alone
    if shape is not None:
        return shape
    path = unquote(urlsplit(url).path)
    segments = [s for s in path.split("/") if s]
    last = segments[-1] if segments else ""
    if _DATE_PATH.search(path) or _LONG_NUMBER.search(last.split(".")[0]):
        return "article"
    if last.count("-") >= 3 or (len(segments) >= 2 and len(last) >= 30):
        return "article"
    if len(segments) <= 2 or any(s.lower() in LISTING_WORDS for s in segments[:-1]):
        return "listing"
    return "other"


def url_kind(url: str, profile: SiteProfile) -> Kind:
    """What a URL most likely points to, before fetching it.

    >>> p = SiteProfile.ad_hoc("x.com")
    >>> [url_kind(u, p) for u in ("https://x.com/news/2024/05/01/gas-deal",
    ...     "https://x.com/politics/", "https://x.com/a/123456", "https://x.com/logo.png",
    ...     "https://x.com/?p=123", "https://x.com/مقالات/اتفاق-جديد-بين-البلدين-للتجارة",
    ...     "https://x.com/article.php?id=1278", "https://x.com/category/اتفاق-جديد-بين-البلدين/")]
    ['article', 'listing', 'article', 'other', 'article', 'article', 'article', 'listing']
    >>> strict = SiteProfile(name="s", domains=("x.com",),
    ...     article_url_patterns=(r"^/story/\\d+",), exclude_url_patterns=("^/(video|tag)/",))
    >>> [url_kind(u, strict) for u in ("https://x.com/story/12", "https://x.com/video/a-b-c-d-e",
    ...     "https://x.com/2024/05/01/a-b-c-d", "https://x.com/tag/oil/")]
    ['article', 'other', 'listing', 'other']
    """
    path = urlsplit(url).path
    if NOT_PAGE_EXTENSIONS.search(path) or _is_static_page(path):
        return "other"
    if _matches(profile.exclude_url_patterns, url):
        # never an article, but may still be a section or page of one (/category/x/page/2/)
        return "listing" if _generic_url_kind(url) == "listing" else "other"
    if profile.article_url_patterns:
        if _matches(profile.article_url_patterns, url):
            return "article"
        return "listing" if _generic_url_kind(url) != "other" else "other"
    return _generic_url_kind(url)


def _jsonld_types(selector: Selector) -> set[str]:
    types: set[str] = set()
    for raw in selector.xpath('//script[@type="application/ld+json"]/text()').getall()[:10]:
        try:
            data = json.loads(raw)
        except ValueError:
            continue
        stack = [data]
        while stack and len(types) < 50:
            node = stack.pop()
            if isinstance(node, list):
                stack.extend(node)
            elif isinstance(node, dict):
                kind = node.get("@type")
                for value in kind if isinstance(kind, list) else [kind]:
                    if isinstance(value, str):
                        types.add(value.lower())
                stack.extend(v for k, v in node.items() if k == "@graph")
    return types


def declares_article(selector: Selector, jsonld_types: set[str] | None = None) -> bool:
    """Whether the page's own metadata (og:type, JSON-LD @type) says it is an article.

    >>> declares_article(Selector(text='<meta property="og:type" content="article">'))
    True
    >>> declares_article(Selector(text='<h1>x</h1><p>long text</p>'))
    False
    """
    og_type = (selector.xpath('//meta[@property="og:type"]/@content').get() or "").lower()
    types = _jsonld_types(selector) if jsonld_types is None else jsonld_types
    return og_type == "article" or bool(types & ARTICLE_TYPES)


def declares_media(selector: Selector, jsonld_types: set[str] | None = None) -> bool:
    """Whether the page's metadata says it is something else than an article (a video page,
    a photo gallery) and nowhere that it is one: such a page is never read as an article,
    however short a caption it shows.

    >>> declares_media(Selector(text='<meta property="og:type" content="video.other">'))
    True
    >>> both = '{"@type": ["VideoObject", "NewsArticle"]}'
    >>> page = f'<script type="application/ld+json">{both}</script>'
    >>> declares_media(Selector(text=page)), declares_media(Selector(text="<p>x</p>"))
    (False, False)
    """
    og_type = (selector.xpath('//meta[@property="og:type"]/@content').get() or "").lower()
    types = _jsonld_types(selector) if jsonld_types is None else jsonld_types
    if og_type == "article" or types & ARTICLE_TYPES:
        return False
    return og_type.startswith(MEDIA_OG_PREFIXES) or bool(types & MEDIA_TYPES)


def page_kind(selector: Selector) -> Kind:
    """What a fetched HTML page is: its metadata first (og:type, JSON-LD), then its layout.

    A page is an article when one block of running prose dominates it (`layout.read_layout`:
    `<p>`s, or `<br>`-separated text in a table cell), or when a shorter one sits under a
    headline that repeats the `<title>`; it is a listing when it is a run of teasers (title links,
    often with excerpts) without such a block. Link counts alone decide nothing: every article
    page has a menu, a sidebar and a footer.

    >>> body = "<p>" + "نص طويل في فقرة من فقرات الخبر " * 20 + "</p>"
    >>> page_kind(Selector(text=f"<html><h1>عنوان</h1>{body}{body}</html>"))
    'article'
    >>> links = "".join(f'<li><a href="/n/{i}">خبر رقم {i} في القسم</a></li>' for i in range(30))
    >>> page_kind(Selector(text=f"<html><h1>قسم</h1><ul>{links}</ul></html>"))
    'listing'
    >>> page_kind(Selector(text='<meta property="og:type" content="article"><p>x</p>'))
    'article'
    >>> cell = "<table><tr><td>" + "سطر من نص الخبر الطويل<br>" * 40 + "</td></tr></table>"
    >>> page_kind(Selector(text=cell))
    'article'
    >>> brief = "<p>" + "نص خبر قصير " * 15 + "</p>"
    >>> head = "<title>موقع - خبر قصير جدا</title>"
    >>> page_kind(Selector(text=f"{head}<div><b>خبر قصير جدا</b>{brief}</div>"))
    'article'
    """
    types = _jsonld_types(selector)
    if declares_article(selector, types):
        return "article"
    if declares_media(selector, types):
        return "other"  # a video or gallery page with a caption under its headline
    # the spider passes its response, which carries its parsed tree as `.selector`
    layout = read_layout(getattr(selector, "selector", selector).root)
    if layout.body >= MIN_ARTICLE_TEXT or (layout.headline and layout.body >= MIN_BRIEF_TEXT):
        return "article"
    if types & LISTING_TYPES or layout.excerpts >= MIN_TEASERS or layout.teasers >= MIN_TEASERS:
        return "listing"
    if layout.body < MIN_BRIEF_TEXT and len(selector.xpath("//a[@href]")) >= MIN_LISTING_LINKS:
        return "listing"
    return "other"
