"""URL canonicalisation, in one place: every URL the crawler requests or emits passes here.

Two spellings of one page must give one string: host case, default ports, fragments, tracking and
session parameters, percent-encoding (an Arabic slug raw or %-encoded), query order, AMP variants
and the site's trailing-slash habit are all folded away.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

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
_JSESSIONID = re.compile(r";jsessionid=[^/?#]*", re.IGNORECASE)
_AMP_SEGMENT = "amp"


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
    """
    try:
        absolute = urljoin(base, url.strip()) if base else url.strip()
        parts = urlsplit(_JSESSIONID.sub("", absolute))
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS or not parts.hostname:
        return None
    host = parts.hostname.lower().rstrip(".")
    netloc = host if port in (None, DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    query = _without_noise(parts.query)
    dearmped = amp_to_canonical(urlunsplit((scheme, netloc, parts.path or "/", query, "")))
    folded = urlsplit(w3lib_canonicalize(dearmped, keep_fragments=False))
    path = _path_with_slash_policy(folded.path or "/", trailing_slash)
    return urlunsplit((scheme, urlsplit(dearmped).netloc, path, folded.query, ""))
