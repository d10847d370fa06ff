"""Semantic checks of one profile value each; every error names the key it is about.

They raise `ValueError` with a message starting with the key (``selectors.body: ...``); the
loader prefixes the file name and re-raises as `ProfileError`.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from cssselect import GenericTranslator, SelectorError
from lxml import etree

_LANGUAGE_RE = re.compile(r"[a-z]{2}")
_LOCALE_RE = re.compile(r"[a-z]{2}(?:-[A-Z]{2})?")
_OFFSET_RE = re.compile(r"[+-]\d{2}:\d{2}")
# a bare host name: labels of letters, digits and hyphens (punycode for IDNs)
_HOST_RE = re.compile(r"(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}")


def check_selector(query: str, key: str) -> None:
    """A CSS selector, or an XPath one after "xpath:", that parses.

    >>> check_selector("div.article-body > p", "selectors.body")
    >>> check_selector("xpath://div[@id='main']//p", "selectors.body")
    >>> check_selector("a[[", "selectors.tags")
    Traceback (most recent call last):
    ValueError: selectors.tags: bad CSS selector 'a[[': Expected ident or '*', got <DELIM '[' at 2>
    """
    if query.startswith("xpath:"):
        expression = query.removeprefix("xpath:").strip()
        try:
            etree.XPath(expression)
        except etree.XPathSyntaxError as exc:
            raise ValueError(f"{key}: bad XPath selector {expression!r}: {exc}") from None
        return
    try:
        GenericTranslator().css_to_xpath(query)
    except SelectorError as exc:
        raise ValueError(f"{key}: bad CSS selector {query!r}: {_first_line(exc)}") from None


def _first_line(exc: Exception) -> str:
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__


def check_pattern(pattern: str, key: str) -> None:
    """A regular expression that compiles.

    >>> check_pattern(r"^/news/\\d+", "article_url_patterns[0]")
    >>> check_pattern("(", "feeds[1]")
    Traceback (most recent call last):
    ValueError: feeds[1]: bad regex '(': missing ), unterminated subpattern at position 0
    """
    try:
        re.compile(pattern)
    except re.error as exc:
        raise ValueError(f"{key}: bad regex {pattern!r}: {exc}") from None


def check_timezone(zone: str, key: str = "timezone") -> None:
    """An IANA zone name or a fixed "+03:00" offset.

    >>> check_timezone("Africa/Casablanca"); check_timezone("+03:00")
    >>> check_timezone("Mars/Olympus")
    Traceback (most recent call last):
    ValueError: timezone: unknown timezone 'Mars/Olympus' (want an IANA name such as 'Asia/Riyadh')
    """
    if _OFFSET_RE.fullmatch(zone):
        return
    try:
        ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(
            f"{key}: unknown timezone {zone!r} (want an IANA name such as 'Asia/Riyadh')"
        ) from None


def check_language(code: str, key: str = "language") -> None:
    """An ISO 639-1 code: two lower-case letters.

    >>> check_language("ar")
    >>> check_language("arabic")
    Traceback (most recent call last):
    ValueError: language: 'arabic' is not a two-letter ISO 639-1 code such as 'ar'
    """
    if not _LANGUAGE_RE.fullmatch(code):
        raise ValueError(f"{key}: {code!r} is not a two-letter ISO 639-1 code such as 'ar'")


def check_locale(locale: str, key: str = "date_locale") -> None:
    """A language tag with an optional region: "ar", "ar-LB".

    >>> check_locale("ar-DZ")
    >>> check_locale("ar_dz")
    Traceback (most recent call last):
    ValueError: date_locale: 'ar_dz' is not a tag such as 'ar' or 'ar-LB'
    """
    if not _LOCALE_RE.fullmatch(locale):
        raise ValueError(f"{key}: {locale!r} is not a tag such as 'ar' or 'ar-LB'")


def check_http_url(url: str, key: str) -> None:
    """An absolute http(s) URL with a host.

    >>> check_http_url("https://www.hespress.com/", "start_urls[0]")
    >>> check_http_url("www.hespress.com", "start_urls[0]")
    Traceback (most recent call last):
    ValueError: start_urls[0]: 'www.hespress.com' is not an absolute http(s) URL
    """
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"{key}: {url!r} is not an absolute http(s) URL")


def check_domain(domain: str, key: str) -> None:
    """A bare lower-case host name, no scheme or path.

    >>> check_domain("aljazeera.net", "domains[0]")
    >>> check_domain("https://aljazeera.net/", "domains[0]")
    Traceback (most recent call last):
    ValueError: domains[0]: 'https://aljazeera.net/' is not a bare host name such as 'example.com'
    """
    if not _HOST_RE.fullmatch(domain):
        raise ValueError(f"{key}: {domain!r} is not a bare host name such as 'example.com'")


def check_path_prefix(prefix: str, key: str) -> None:
    """A URL path prefix: starts with "/", no scheme, host, query or fragment.

    >>> check_path_prefix("/ar/", "path_prefixes[0]")
    >>> check_path_prefix("ar/", "path_prefixes[0]")
    Traceback (most recent call last):
    ValueError: path_prefixes[0]: 'ar/' is not a URL path prefix such as '/ar/'
    """
    if not prefix.startswith("/") or any(c in prefix for c in "?#") or prefix.startswith("//"):
        raise ValueError(f"{key}: {prefix!r} is not a URL path prefix such as '/ar/'")
