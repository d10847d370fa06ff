"""Article, listing or other: judged from the URL before fetching, and from the page after.

Listing pages never become items, and article pages are not mined for navigation, so getting this
right is what keeps a crawl small.
"""

from __future__ import annotations

import json
import re
from typing import Literal
from urllib.parse import parse_qsl, unquote, urlsplit

from parsel import Selector

from newscrawl.profiles import SiteProfile

Kind = Literal["article", "listing", "other"]

ARTICLE_TYPES = frozenset(
    {"article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "blogposting",
     "opinionnewsarticle", "backgroundnewsarticle", "reviewnewsarticle", "liveblogposting"}
)  # fmt: skip
LISTING_TYPES = frozenset({"collectionpage", "itemlist", "searchresultspage", "website"})
LISTING_WORDS = frozenset(
    {"category", "categories", "section", "sections", "tag", "tags", "topic", "topics", "author",
     "authors", "page", "archive", "news", "latest", "أخبار", "اخبار", "قسم", "تصنيف", "وسم"}
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
_ID_PARAMS = frozenset({"p", "id", "article", "articleid", "story", "newsid", "nid"})
MIN_ARTICLE_TEXT = 500
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
    parts = urlsplit(url)
    path = unquote(parts.path)
    segments = [s for s in path.split("/") if s]
    params = {k.lower() for k, _ in parse_qsl(parts.query)}
    last = segments[-1] if segments else ""
    if params & _ID_PARAMS and not segments:
        return "article"
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
    ...     "https://x.com/?p=123", "https://x.com/مقالات/اتفاق-جديد-بين-البلدين-للتجارة")]
    ['article', 'listing', 'article', 'other', 'article', 'article']
    >>> strict = SiteProfile(name="s", domains=("x.com",),
    ...     article_url_patterns=(r"^/story/\\d+",), exclude_url_patterns=("^/(video|tag)/",))
    >>> [url_kind(u, strict) for u in ("https://x.com/story/12", "https://x.com/video/a-b-c-d-e",
    ...     "https://x.com/2024/05/01/a-b-c-d", "https://x.com/tag/oil/")]
    ['article', 'other', 'listing', 'listing']
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


def _body_text_length(selector: Selector) -> int:
    """Running text in `<p>`s, or in the longest block of bare text (`<div>` with `<br>`s)."""
    paragraphs = selector.xpath("//p")
    text = sum(len(" ".join(p.xpath(".//text()").getall()).strip()) for p in paragraphs)
    if text >= MIN_ARTICLE_TEXT:
        return text
    blocks = selector.xpath("//div | //td | //article | //section")[:2000]
    return max((len(" ".join(b.xpath("text()").getall()).strip()) for b in blocks), default=0)


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


def page_kind(selector: Selector) -> Kind:
    """What a fetched HTML page is: metadata first (og:type, JSON-LD), then its structure.

    >>> body = "<p>" + "نص طويل في فقرة من فقرات الخبر " * 20 + "</p>"
    >>> page_kind(Selector(text=f"<html><h1>عنوان</h1>{body}{body}</html>"))
    'article'
    >>> links = "".join(f'<a href="/n/{i}">خبر رقم {i}</a>' for i in range(30))
    >>> page_kind(Selector(text=f"<html><h1>قسم</h1>{links}</html>"))
    'listing'
    >>> page_kind(Selector(text='<meta property="og:type" content="article"><p>x</p>'))
    'article'
    >>> page_kind(Selector(text="<h1>عنوان</h1><div>" + "سطر من نص الخبر<br>" * 40 + "</div>"))
    'article'
    """
    types = _jsonld_types(selector)
    if declares_article(selector, types):
        return "article"
    single_headline = len(selector.xpath("//h1")) == 1 and not types & LISTING_TYPES
    if single_headline and _body_text_length(selector) >= MIN_ARTICLE_TEXT:
        return "article"
    if types & LISTING_TYPES or len(selector.xpath("//a[@href]")) >= MIN_LISTING_LINKS:
        return "listing"
    return "other"
