"""A site profile adds start URLs, feed and sitemap URLs, and article/exclude URL patterns."""

from __future__ import annotations

from pathlib import Path

from newscrawl.demo.server import Reply, serving
from tests.crawl_harness import article_html, listing_html, run_crawl, site_router, urlset

XML = "application/xml"


def _build(base: str) -> dict[str, Reply]:
    mapped = ["/read/101", "/read/102", "/read/905", "/about-the-newspaper-and-its-team"]
    rss = (
        f'<rss version="2.0"><channel><item><title>خبر</title><link>{base}/read/103</link>'
        "</item></channel></rss>"
    )
    replies = {
        "/robots.txt": Reply(body=b"User-agent: *\nDisallow:\n"),
        "/maps/custom.xml": Reply(body=urlset([base + p for p in mapped]), content_type=XML),
        "/custom.rss": Reply(body=rss.encode(), content_type="application/rss+xml"),
        "/ar/": Reply(body=listing_html("الرئيسية", [("/read/104", "خبر رابع")])),
    }
    for path in [*mapped, "/read/103", "/read/104"]:
        replies[path] = Reply(body=article_html(f"خبر {path}"))
    return replies


def test_profile_start_urls_feeds_sitemaps_and_url_patterns(tmp_path: Path) -> None:
    with serving(site_router(_build)) as server:
        base = server.base_url.rstrip("/")
        (tmp_path / "fixturesite.toml").write_text(
            'name = "fixturesite"\n'
            'domains = ["fixture.example"]\n'
            f'start_urls = ["{base}/ar/"]\n'
            f'sitemaps = ["{base}/maps/custom.xml"]\n'
            f'feeds = ["{base}/custom.rss"]\n'
            "article_url_patterns = ['^/read/\\d+$']\n"
            "exclude_url_patterns = ['^/read/9']\n",
            encoding="utf-8",
        )
        settings = {
            "NEWSCRAWL_PROFILES_DIR": str(tmp_path),
            "NEWSCRAWL_NAVIGATE_WITH_SITEMAPS": True,
        }
        result = run_crawl("fixturesite", settings=settings)
        requested = server.paths()
    emitted = sorted(item["url"].removeprefix(base) for item in result.items)
    assert emitted == ["/read/101", "/read/102", "/read/103", "/read/104"]
    assert {item["site"] for item in result.items} == {"fixturesite"}
    assert "/read/905" not in requested and "/about-the-newspaper-and-its-team" not in requested
    assert "/sitemap.xml" not in requested  # the profile named its sitemap: no guessing
    assert result.stat("discovery/profile_sitemap") == 1
    assert result.stat("discovery/profile_feed") == 1


FRENCH = (
    "<p>Le gouvernement a présenté mardi un nouveau plan pour moderniser les transports publics "
    "dans les grandes villes, avec un financement partagé entre l'État et les collectivités.</p>"
) * 4


def _multilingual(base: str) -> dict[str, Reply]:
    arabic = ["/ar/news/1", "/ar/news/2", "/ar/news/3"]
    french = ["/fr/news/7"]
    replies = {
        "/robots.txt": Reply(body=f"Sitemap: {base}/sitemap.xml\n".encode()),
        "/sitemap.xml": Reply(body=urlset([base + p for p in arabic + french]), content_type=XML),
        "/ar/": Reply(body=listing_html("الرئيسية", [("/fr/", "Français"), ("/ar/news/1", "خبر")])),
        "/fr/": Reply(body=listing_html("Accueil", [("/fr/news/8", "Une info")])),
        "/ar/news/3": Reply(
            body=b'<html lang="fr"><head><meta charset="utf-8"><meta property="og:type" '
            b'content="article"><title>Un article en fran\xc3\xa7ais</title></head><body>'
            b"<h1>Un article en fran\xc3\xa7ais</h1>" + FRENCH.encode() + b"</body></html>"
        ),
    }
    for path in [*arabic[:2], *french, "/fr/news/8"]:
        replies[path] = Reply(body=article_html(f"خبر رقم {path[-1]} عن النقل العام"))
    return replies


def test_path_prefixes_and_language_keep_one_edition(tmp_path: Path) -> None:
    with serving(site_router(_multilingual)) as server:
        base = server.base_url.rstrip("/")
        (tmp_path / "edition.toml").write_text(
            'name = "edition"\ndomains = ["edition.example"]\n'
            f'start_urls = ["{base}/ar/"]\npath_prefixes = ["/ar/"]\nlanguage = "ar"\n',
            encoding="utf-8",
        )
        settings = {
            "NEWSCRAWL_PROFILES_DIR": str(tmp_path),
            "NEWSCRAWL_NAVIGATE_WITH_SITEMAPS": True,
            "NEWSCRAWL_EXTRACTOR": "newscrawl.extraction.extract_page",
        }
        result = run_crawl("edition", settings=settings)
        requested = server.paths()
    emitted = sorted(item["url"].removeprefix(base) for item in result.items)
    assert emitted == ["/ar/news/1", "/ar/news/2"]
    assert not [path for path in requested if path.startswith("/fr/")]
    assert result.stat("skipped/outside_path_prefixes") >= 2
    assert result.stat("skipped/language/fr") == 1
