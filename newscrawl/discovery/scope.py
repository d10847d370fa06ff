"""Crawl scope: which URLs belong to a target site, and which addresses are never fetched.

A site is its registrable domain (tldextract with the bundled suffix list, never the network), so
`www.` and section subdomains are in scope; an IP or `localhost` target is its exact host:port.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass

import tldextract

from newscrawl.urls import endpoint, is_ip_address, normalize_host

# suffix_list_urls=() keeps tldextract off the network: it uses the snapshot it ships with
_EXTRACT = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


def registrable_domain(host: str) -> str:
    """The registrable domain of a host name (the host itself for IPs and bare names).

    >>> registrable_domain("www.aljazeera.net")
    'aljazeera.net'
    >>> registrable_domain("news.bbc.co.uk")
    'bbc.co.uk'
    >>> registrable_domain("127.0.0.1")
    '127.0.0.1'
    >>> registrable_domain("localhost")
    'localhost'
    >>> registrable_domain("www.موقع.السعودية")
    'xn--4gbrim.xn--mgberp4a5d4ar'
    """
    host = normalize_host(host) or host.lower()
    if is_ip_address(host):
        return host
    parts = _EXTRACT(host)
    if not parts.suffix or not parts.domain:
        return host
    return f"{parts.domain}.{parts.suffix}"


def _exact_host(host: str) -> bool:
    return is_ip_address(host) or "." not in host


@dataclass(frozen=True)
class SiteScope:
    """The set of URLs belonging to one target: registrable domains, or exact host:ports."""

    domains: frozenset[str]
    exact: frozenset[str]

    @classmethod
    def for_site(
        cls, urls: tuple[str, ...] | list[str], domains: tuple[str, ...] = ()
    ) -> SiteScope:
        """Scope from the target's start URLs plus the profile's declared domains.

        >>> scope = SiteScope.for_site(["https://www.example.com/"])
        >>> scope.contains("http://sport.example.com/x"), scope.contains("https://evil.com/")
        (True, False)
        >>> local = SiteScope.for_site(["http://127.0.0.1:8080/"])
        >>> local.contains("http://127.0.0.1:8080/a"), local.contains("http://127.0.0.1:9090/a")
        (True, False)
        >>> SiteScope.for_site(["http://[::1]:8080/"]).contains("http://[0:0::1]:8080/a")
        True
        >>> SiteScope.for_site(["http://أخبار.مثال/"]).contains("http://xn--igbicxr.xn--mgbh0fb/a")
        True
        """
        registrable: set[str] = set()
        exact: set[str] = set()
        for url in urls:
            where = endpoint(url)
            if where is None:
                continue
            if _exact_host(where.host):
                exact.add(where.host_port)
            else:
                registrable.add(registrable_domain(where.host))
        for domain in domains:
            # a declared domain may carry a port ("127.0.0.1:8080"): only names widen the scope
            declared = endpoint(f"http://{domain.strip()}")
            if declared and not _exact_host(declared.host):
                registrable.add(registrable_domain(declared.host))
        return cls(frozenset(registrable), frozenset(exact))

    def contains(self, url: str) -> bool:
        where = endpoint(url)
        if where is None:
            return False
        if _exact_host(where.host):
            return where.host_port in self.exact
        return registrable_domain(where.host) in self.domains


def is_public_address(address: str) -> bool:
    """Whether an IP address is on the public internet (not private, loopback, link-local, ...).

    >>> [is_public_address(a) for a in ("8.8.8.8", "127.0.0.1", "10.1.2.3", "169.254.169.254")]
    [True, False, False, False]
    >>> is_public_address("::1"), is_public_address("fe80::1"), is_public_address("::ffff:10.0.0.1")
    (False, False, False)
    """
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return not (
        ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
    )
