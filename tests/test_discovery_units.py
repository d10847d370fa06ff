"""Pure discovery functions: canonical URLs, scope, traps, sitemaps, feeds, classification."""

from __future__ import annotations

import gzip

import pytest
from parsel import Selector

from newscrawl.discovery.classify import page_kind, url_kind
from newscrawl.discovery.feeds import feed_links, parse_feed
from newscrawl.discovery.listing import next_page_links
from newscrawl.discovery.safexml import XmlRejected, gunzip_capped, parse_xml
from newscrawl.discovery.scope import SiteScope, is_public_address
from newscrawl.discovery.sitemaps import parse_sitemap
from newscrawl.discovery.traps import trap_reason
from newscrawl.downloader.pacing import HostPacer
from newscrawl.profiles import SiteProfile
from newscrawl.urls import canonicalize_url

SLUG = "اتفاق-تجاري-جديد"
ENCODED = "%D8%A7%D8%AA%D9%81%D8%A7%D9%82-%D8%AA%D8%AC%D8%A7%D8%B1%D9%8A-%D8%AC%D8%AF%D9%8A%D8%AF"


@pytest.mark.parametrize(
    "variant",
    [
        f"https://www.example.com/news/{SLUG}/",
        f"https://WWW.Example.com:443/news/{SLUG}/",
        f"https://www.example.com/news/{ENCODED}/",
        f"https://www.example.com/news/{ENCODED.lower()}/",
        f"https://www.example.com/news/{SLUG}/?utm_source=fb&utm_medium=social#comments",
        f"https://www.example.com/news/{SLUG}/?fbclid=abc123&gclid=x",
        f"https://www.example.com/news/{SLUG}/amp/",
        f"https://www.example.com/amp/news/{SLUG}/",
        f"https://www.example.com/news/{SLUG}/?amp",
        f"https://amp.example.com/news/{SLUG}/".replace("amp.example", "amp.www.example"),
        f"https://www.example.com/news/{SLUG};jsessionid=0AF3?PHPSESSID=77",
        f"https://www.example.com/news/{SLUG}",
    ],
)
def test_url_variants_share_one_canonical_form(variant: str) -> None:
    expected = f"https://www.example.com/news/{ENCODED}/"
    assert canonicalize_url(variant, trailing_slash=True) == expected


def test_canonical_keeps_meaningful_query_and_sorts_it() -> None:
    assert canonicalize_url("http://x.com/?p=123&cat=4") == "http://x.com/?cat=4&p=123"
    assert canonicalize_url("http://x.com/a", trailing_slash=False) == "http://x.com/a"
    assert canonicalize_url("javascript:alert(1)") is None
    assert canonicalize_url("ftp://x.com/file") is None
    assert canonicalize_url("data:text/html,hi") is None
    assert canonicalize_url("http://x.com:99999/") is None


def test_scope_registrable_domain_and_exact_loopback() -> None:
    scope = SiteScope.for_site(["https://www.hespress.com/"])
    assert scope.contains("https://m.hespress.com/politique/1.html")
    assert not scope.contains("https://hespress.com.evil.net/")
    assert not scope.contains("file:///etc/passwd")
    local = SiteScope.for_site(["http://127.0.0.1:8000/"])
    assert local.contains("http://127.0.0.1:8000/x")
    assert not local.contains("http://127.0.0.1:8001/x")
    assert not local.contains("http://localhost:8000/x")


def test_private_addresses_are_not_public() -> None:
    for address in ("127.0.0.1", "10.0.0.5", "192.168.1.1", "172.16.0.1", "169.254.1.1", "::1"):
        assert not is_public_address(address)
    assert is_public_address("93.184.216.34")


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("https://x.com/archive/calendar?month=3&year=2099", "calendar"),
        ("https://x.com/2024/01/2024/01/2024/01/", "calendar"),
        ("https://x.com/a/b/a/b/a/b/", "repeated_segments"),
        ("https://x.com/" + "/".join(f"s{i}" for i in range(20)), "deep_path"),
        ("https://x.com/s?a=1&b=2&c=3&d=4&e=5&f=6&g=7", "query_explosion"),
        ("https://x.com/news/2024/05/01/story", None),
    ],
)
def test_trap_shapes(url: str, reason: str | None) -> None:
    assert trap_reason(url) == reason


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>&lol3;</loc></url></urlset>"""


def test_entity_and_dtd_documents_are_refused() -> None:
    with pytest.raises(XmlRejected) as refused:
        parse_sitemap(BILLION_LAUGHS)
    assert refused.value.reason == "dtd"
    external = (
        b'<!DOCTYPE u SYSTEM "http://127.0.0.1:1/x.dtd"><urlset><url><loc>&e;</loc></url></urlset>'
    )
    with pytest.raises(XmlRejected):
        parse_xml(external)


def test_gzip_bomb_is_cut_at_the_cap() -> None:
    bomb = gzip.compress(b"\0" * (20 * 1024 * 1024))
    data, problem = gunzip_capped(bomb, 1024 * 1024)
    assert problem == "too_large"
    assert len(data) == 1024 * 1024


def test_news_sitemap_keeps_hints_and_index_lists_children() -> None:
    index = parse_sitemap(
        b'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        b"<sitemap><loc>https://x.com/s1.xml.gz</loc><lastmod>2024-05-01</lastmod></sitemap>"
        b"</sitemapindex>"
    )
    assert index.kind == "sitemapindex"
    assert [e.loc for e in index.entries] == ["https://x.com/s1.xml.gz"]


def test_feed_links_and_rss_entries() -> None:
    page = Selector(
        text='<link rel="alternate" type="application/atom+xml" href="/atom.xml">'
        '<link rel="stylesheet" href="/s.css">'
    )
    assert feed_links(page) == ["/atom.xml"]
    rss = "<rss><channel><item><title>خبر</title><guid>https://x.com/n/9</guid></item></channel></rss>"
    assert [e.link for e in parse_feed(rss.encode())] == ["https://x.com/n/9"]
    with pytest.raises(XmlRejected):
        parse_feed(b"<html><body>not a feed</body></html>")


def test_pagination_texts() -> None:
    page = Selector(
        text='<a href="/c?page=2">الصفحة التالية</a><a href="/c?page=3">»</a>'
        '<a href="/about">من نحن</a><a rel="next" href="/c/4">المزيد من الأخبار</a>'
    )
    assert next_page_links(page) == ["/c?page=2", "/c?page=3", "/c/4"]


def test_url_and_page_classification() -> None:
    profile = SiteProfile.ad_hoc("x.com")
    assert url_kind("https://x.com/category/economy/", profile) == "listing"
    assert url_kind("https://x.com/files/report.pdf", profile) == "other"
    jsonld = '<script type="application/ld+json">{"@type": "NewsArticle"}</script><p>قصير</p>'
    assert page_kind(Selector(text=jsonld)) == "article"
    collection = '<script type="application/ld+json">{"@graph": [{"@type": "CollectionPage"}]}'
    assert page_kind(Selector(text=collection + "</script>")) == "listing"


def test_pacer_holds_a_host_after_retry_after() -> None:
    pacer = HostPacer()
    pacer.hold("a", until=50.0)
    assert pacer.reserve("a", now=48.0) == 2.0
    assert pacer.reserve("a", now=51.0) == 0.0
    assert pacer.reserve("b", now=48.0) == 0.0
