"""URL identity, in one place: what URL a page is known by, and when two URLs are one page.

Every URL the crawler requests, remembers, stores or emits passes here. Two spellings of one page
give one string: host case, IDN hosts (always in their IDNA form, the one Scrapy sends), IPv6
literals, default ports, fragments, tracking and session parameters, percent-encoding (an Arabic
slug raw or %-encoded), query order, AMP variants and the site's trailing-slash habit are folded.

A leaf module: it imports nothing from newscrawl, so every layer may use it.
"""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import NamedTuple
from urllib.parse import SplitResult, parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from w3lib.url import canonicalize_url as w3lib_canonicalize

TRACKING_PARAMS = frozenset(
    {"fbclid", "gclid", "dclid", "msclkid", "yclid", "mc_cid", "mc_eid", "igshid", "_ga", "ref_src"}
)
TRACKING_PREFIXES = ("utm_",)
SESSION_PARAMS = frozenset(
    {"phpsessid", "jsessionid", "sid", "sessionid", "session_id", "aspsessionid"}
)
AMP_PARAMS = frozenset({"amp", "outputtype"})
DEFAULT_PORTS = {"http": 80, "https": 443}
ALLOWED_SCHEMES = frozenset(DEFAULT_PORTS)
_JSESSIONID = re.compile(r";jsessionid=[^/?#]*", re.IGNORECASE)
_AMP_SEGMENT = "amp"


def normalize_host(host: str) -> str | None:
    """A host name as it goes on the wire: lower case, IDNA for Unicode names, IPv6 compressed.

    None when the host cannot be encoded (an empty or over-long label). IPv6 literals come back
    without brackets, as `urlsplit(...).hostname` gives them.

    >>> normalize_host("WWW.Example.COM.")
    'www.example.com'
    >>> normalize_host("أخبار.مثال")
    'xn--igbicxr.xn--mgbh0fb'
    >>> normalize_host("0:0::1"), normalize_host("[::1]")
    ('::1', '::1')
    >>> normalize_host("a..b.مثال") is None, normalize_host("") is None
    (True, True)
    """
    host = host.strip().strip("[]").rstrip(".").lower()
    if ":" in host:
        try:
            return ipaddress.IPv6Address(host).compressed
        except ValueError:
            return None
    if not host or host.isascii():
        return host or None
    try:
        # the same steps as w3lib's safe_url_string, so the host matches what Scrapy requests
        return unicodedata.normalize("NFKC", host).encode("idna").decode("ascii").lower()
    except UnicodeError:
        return None


def is_ip_address(host: str) -> bool:
    """Whether a host is an IPv4 or IPv6 literal (brackets allowed).

    >>> is_ip_address("127.0.0.1"), is_ip_address("[::1]"), is_ip_address("example.com")
    (True, True, False)
    """
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


class Endpoint(NamedTuple):
    """Where an http(s) URL points: scheme, normalised host and the port actually used."""

    scheme: str
    host: str
    port: int

    @property
    def netloc(self) -> str:
        """host[:port] as written in a URL: IPv6 in brackets, the default port left out."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return host if self.port == DEFAULT_PORTS[self.scheme] else f"{host}:{self.port}"

    @property
    def host_port(self) -> str:
        """host:port with the port always spelled: one key per server, whatever the URL said."""
        return f"[{self.host}]:{self.port}" if ":" in self.host else f"{self.host}:{self.port}"

    @property
    def origin(self) -> str:
        return f"{self.scheme}://{self.netloc}"


def _endpoint(parts: SplitResult) -> Endpoint | None:
    scheme = parts.scheme.lower()
    if scheme not in ALLOWED_SCHEMES or not parts.hostname:
        return None
    try:
        port = parts.port
    except ValueError:
        return None
    host = normalize_host(parts.hostname)
    return Endpoint(scheme, host, port or DEFAULT_PORTS[scheme]) if host else None


def endpoint(url: str) -> Endpoint | None:
    """The endpoint of an http(s) URL; None for other schemes and malformed hosts or ports.

    >>> endpoint("HTTP://[0::1]:8080/x").host_port, endpoint("https://أخبار.مثال/").origin
    ('[::1]:8080', 'https://xn--igbicxr.xn--mgbh0fb')
    >>> endpoint("http://Example.com:80/").netloc, endpoint("https://a.com:99999/")
    ('example.com', None)
    """
    try:
        return _endpoint(urlsplit(url.strip()))
    except ValueError:  # urlsplit refuses some malformed IPv6 literals itself
        return None


def is_tracking_param(name: str) -> bool:
    """Whether a query parameter only tracks the visitor (utm_*, fbclid, ...).

    >>> is_tracking_param("UTM_Source"), is_tracking_param("id")
    (True, False)
    """
    lowered = name.lower()
    return lowered in TRACKING_PARAMS or lowered.startswith(TRACKING_PREFIXES)


def is_session_param(name: str) -> bool:
    """Whether a query parameter carries a session id.

    >>> is_session_param("PHPSESSID"), is_session_param("page")
    (True, False)
    """
    return name.lower() in SESSION_PARAMS


def has_session_id(url: str) -> bool:
    """Whether `url` carries a session id (query parameter or `;jsessionid=` path parameter).

    >>> has_session_id("http://a.com/x;jsessionid=AB12?id=1")
    True
    >>> has_session_id("http://a.com/x?PHPSESSID=9f&id=1")
    True
    >>> has_session_id("http://a.com/x?id=1")
    False
    """
    if _JSESSIONID.search(url):
        return True
    query = urlsplit(url).query
    return any(is_session_param(k) for k, _ in parse_qsl(query, keep_blank_values=True))


def _strip_amp_path(path: str) -> str:
    segments = path.split("/")
    inner = [s for s in segments if s]
    if inner and inner[-1].lower() == _AMP_SEGMENT:
        cut = len(segments) - 1 - segments[::-1].index(inner[-1])
        return "/".join(segments[:cut]) + ("/" if path.endswith("/") else "") or "/"
    if len(inner) > 1 and inner[0].lower() == _AMP_SEGMENT:
        return "/" + path.lstrip("/")[len(inner[0]) :].lstrip("/")
    return path


def amp_to_canonical(url: str) -> str:
    """The non-AMP URL of an AMP page variant (`/amp/` suffix or prefix, `?amp`, `amp.` host).

    >>> amp_to_canonical("https://example.com/news/123/amp/")
    'https://example.com/news/123/'
    >>> amp_to_canonical("https://example.com/amp/news/123")
    'https://example.com/news/123'
    >>> amp_to_canonical("https://example.com/news/123?amp=1&id=4")
    'https://example.com/news/123?id=4'
    >>> amp_to_canonical("https://amp.example.com/news/123")
    'https://example.com/news/123'
    >>> amp_to_canonical("https://example.com/amp")
    'https://example.com/'
    """
    parts = urlsplit(url)
    netloc = parts.netloc
    if netloc.lower().startswith("amp.") and netloc.count(".") >= 2:
        netloc = netloc[4:]
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)]
    kept = [(k, v) for k, v in query if k.lower() not in AMP_PARAMS]
    new_query = urlencode(kept) if len(kept) != len(query) else parts.query
    return urlunsplit(
        (parts.scheme, netloc, _strip_amp_path(parts.path), new_query, parts.fragment)
    )


def _path_with_slash_policy(path: str, trailing_slash: bool | None) -> str:
    last = path.rsplit("/", 1)[-1]
    if trailing_slash is True and not path.endswith("/") and "." not in last:
        return path + "/"
    if trailing_slash is False and path != "/":
        return path.rstrip("/") or "/"
    return path


def _without_noise(query: str) -> str:
    pairs = parse_qsl(query, keep_blank_values=True)
    kept = [(k, v) for k, v in pairs if not (is_tracking_param(k) or is_session_param(k))]
    return urlencode(kept)


def canonicalize_url(
    url: str, *, base: str | None = None, trailing_slash: bool | None = None
) -> str | None:
    """The canonical form of `url` (resolved against `base`), or None if it is not http(s).

    >>> canonicalize_url("HTTP://Example.COM:80/a/b/?utm_source=x&id=3#top")
    'http://example.com/a/b/?id=3'
    >>> canonicalize_url("/news/1", base="https://example.com/x")
    'https://example.com/news/1'
    >>> canonicalize_url("mailto:someone@example.com") is None
    True
    >>> canonicalize_url("https://x.com/أخبار/1") == canonicalize_url(
    ...     "https://x.com/%d8%a3%d8%ae%d8%a8%d8%a7%d8%b1/1")
    True
    >>> canonicalize_url("https://x.com/a;jsessionid=77?b=2&a=1&PHPSESSID=f")
    'https://x.com/a?a=1&b=2'
    >>> canonicalize_url("https://x.com/news/5/amp/", trailing_slash=False)
    'https://x.com/news/5'
    >>> canonicalize_url("http://[0::1]:8080/a"), canonicalize_url("http://أخبار.مثال/")
    ('http://[::1]:8080/a', 'http://xn--igbicxr.xn--mgbh0fb/')
    """
    try:
        absolute = urljoin(base, url.strip()) if base else url.strip()
    except ValueError:
        return None
    return _canonical_absolute(absolute, trailing_slash)


# A page's links mostly repeat the site's navigation, and every page of the site resolves them
# to the same absolute URLs: the costly part is cached on those.
@lru_cache(maxsize=16384)
def _canonical_absolute(absolute: str, trailing_slash: bool | None) -> str | None:
    try:
        parts = urlsplit(_JSESSIONID.sub("", absolute))
    except ValueError:
        return None
    where = _endpoint(parts)
    if where is None:
        return None
    query = _without_noise(parts.query)
    rebuilt = urlunsplit((where.scheme, where.netloc, parts.path or "/", query, ""))
    dearmped = amp_to_canonical(rebuilt)
    folded = urlsplit(w3lib_canonicalize(dearmped, keep_fragments=False))
    path = _path_with_slash_policy(folded.path or "/", trailing_slash)
    return urlunsplit((where.scheme, urlsplit(dearmped).netloc, path, folded.query, ""))


def same_page_key(url: str) -> str:
    """The identity of a URL for "seen" and "emitted" checks: `/x` and `/x/` are one page.

    Requests and items keep the site's own trailing-slash form; only this key folds it, so an
    ad-hoc site (no trailing_slash policy) never fetches or emits one article twice for a slash.

    >>> same_page_key("https://x.com/a/b/") == same_page_key("HTTPS://X.com/a/b?utm_source=1")
    True
    """
    return canonicalize_url(url, trailing_slash=False) or url


def stored_url(url: str) -> str:
    """The key of a URL in the state store: its canonical form, slash kept as emitted.

    Not `same_page_key`: the store holds the URLs items were written with, and folding the slash
    would orphan every key of an existing state directory.

    >>> stored_url("https://x.com/a/?utm_source=1"), stored_url("not a url")
    ('https://x.com/a/', 'not a url')
    """
    return canonicalize_url(url) or url


def article_url(
    page_url: str,
    declared: Iterable[str | None],
    *,
    same_site: Callable[[str], bool],
    trailing_slash: bool | None = None,
) -> str | None:
    """The URL an article is known by: the first declared URL on the same site, else the page's.

    `declared` are the page's own claims (rel=canonical, og:url, ...), best first, resolved
    against the page URL. A page read from disk (a file: URL) has no site: its first absolute
    declared URL is taken. None when the page URL is neither http(s) nor file.

    >>> same = lambda url: url.startswith("https://a.com/")
    >>> article_url("https://a.com/?p=1", [None, "https://b.com/x", "/news/1/"], same_site=same)
    'https://a.com/news/1/'
    >>> article_url("https://a.com/news/1/amp", ["https://b.com/1"], same_site=same)
    'https://a.com/news/1'
    >>> article_url("file:///tmp/p.html", ["/rel", "https://b.com/1"], same_site=same)
    'https://b.com/1'
    >>> article_url("ftp://a.com/1", ["https://a.com/1"], same_site=same) is None
    True
    """
    page = canonicalize_url(page_url, trailing_slash=trailing_slash)
    if page is None and not page_url.startswith("file:"):
        return None
    for href in declared:
        url = canonicalize_url(href, base=page, trailing_slash=trailing_slash) if href else None
        if url and (page is None or same_site(url)):
            return url
    return page
