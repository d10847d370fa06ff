"""Write a generated site to disk, one page at a time, plus its origin-specific documents.

Pages use root-relative links only, so they are written once and reused by any server on any
port; robots.txt, the sitemaps and the feed need absolute URLs and are written for the origin
into a per-run directory each time the site is served (`write_documents`). A finished site
carries `manifest.json`; a directory without one (an interrupted generation) is written again.
"""

from __future__ import annotations

import json
import shutil
import statistics
import tempfile
import time
from email.utils import format_datetime
from html import escape
from pathlib import Path
from typing import Any

from benchmarks.perf import pages
from benchmarks.perf.layout import (
    PER_SITEMAP,
    SECTIONS,
    SiteSpec,
    article_meta,
    listing_pages,
    listing_path,
    newest,
)  # fmt: skip

VERSION = 1  # bump when the pages change, so cached sites are regenerated
MANIFEST = "manifest.json"
SITEMAP_NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
NEWS_NS = 'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"'
XML = '<?xml version="1.0" encoding="UTF-8"?>'


def default_dir(spec: SiteSpec, cache: Path | None = None) -> Path:
    """Where a site is cached between runs: outside the repository, keyed by what shapes it."""
    base = cache or Path(tempfile.gettempdir()) / "newscrawl-perf"
    return base / f"site-n{spec.articles}-s{spec.seed}-v{VERSION}"


def _write(root: Path, path: str, body: bytes) -> None:
    target = root / path.lstrip("/")
    if path.endswith("/"):
        target = target / "index.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(body)


def _spread(values: list[int]) -> dict[str, float]:
    return {"min": min(values), "median": statistics.median(values), "max": max(values)}


def write_site(root: Path, spec: SiteSpec, deadline: float | None = None) -> dict[str, Any]:
    """Render every page of `spec` under `root`; returns the manifest (also written there)."""
    started = time.perf_counter()
    if root.exists():
        shutil.rmtree(root)
    sizes, links = [], []
    for number in range(1, spec.articles + 1):
        if deadline is not None and time.monotonic() > deadline:
            raise TimeoutError(f"site generation stopped at article {number}")
        body = pages.render_article(spec, number)
        _write(root, article_meta(spec, number).file_path, body)
        sizes.append(len(body))
        links.append(body.count(b"<a "))
    listings = 0
    for section in range(len(SECTIONS)):
        for page in range(1, listing_pages(spec, section) + 1):
            _write(root, listing_path(section, page), pages.render_listing(spec, section, page))
            listings += 1
    _write(root, "/", pages.render_home(spec))
    manifest = {
        "version": VERSION, "articles": spec.articles, "seed": spec.seed, "name": spec.name,
        "listing_pages": listings, "article_bytes": _spread(sizes), "article_links": _spread(links),
        "total_bytes": sum(sizes), "generation_s": round(time.perf_counter() - started, 1),
    }  # fmt: skip
    (root / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1))
    return manifest


def ensure_site(root: Path, spec: SiteSpec, deadline: float | None = None) -> dict[str, Any]:
    """The site at `root`, generated unless a complete one for the same spec is already there."""
    try:
        manifest: dict[str, Any] = json.loads((root / MANIFEST).read_text())
    except (OSError, ValueError):
        manifest = {}
    wanted = {"version": VERSION, "articles": spec.articles, "seed": spec.seed, "name": spec.name}
    if all(manifest.get(key) == value for key, value in wanted.items()):
        return {**manifest, "reused": True}
    return {**write_site(root, spec, deadline), "reused": False}


def _sitemap_child(spec: SiteSpec, origin: str, numbers: range) -> bytes:
    entries = "".join(
        f"<url><loc>{origin}{m.href}</loc><lastmod>{m.published.isoformat()}</lastmod></url>"
        for m in (article_meta(spec, n) for n in numbers)
    )
    return f"{XML}<urlset {SITEMAP_NS}>{entries}</urlset>".encode()


def _news_sitemap(spec: SiteSpec, origin: str) -> bytes:
    entries = "".join(
        f"<url><loc>{origin}{m.href}</loc><news:news><news:publication><news:name>{spec.name}"
        "</news:name><news:language>ar</news:language></news:publication>"
        f"<news:publication_date>{m.published.isoformat()}</news:publication_date>"
        f"<news:title>{escape(m.title)}</news:title></news:news></url>"
        for m in (article_meta(spec, n) for n in newest(spec, 100))
    )
    return f"{XML}<urlset {SITEMAP_NS} {NEWS_NS}>{entries}</urlset>".encode()


def _feed(spec: SiteSpec, origin: str) -> bytes:
    items = "".join(
        f"<item><title>{escape(m.title)}</title><link>{origin}{m.href}</link>"
        f"<guid>{origin}{m.href}</guid><category>{m.section_name}</category>"
        f"<pubDate>{format_datetime(m.published)}</pubDate></item>"
        for m in (article_meta(spec, n) for n in newest(spec, 50))
    )
    return (
        f'{XML}<rss version="2.0"><channel><title>{spec.name}</title><link>{origin}/</link>'
        f"<language>ar</language>{items}</channel></rss>"
    ).encode()


def write_documents(root: Path, spec: SiteSpec, origin: str) -> None:
    """robots.txt → sitemap index → news sitemap + children of 1,000 URLs; the RSS feed.

    `root` is a per-run directory (the server maps these paths to it), so two runs of the
    same cached site on different ports never see each other's origin.
    """
    origin = origin.rstrip("/")
    children = ["/sitemaps/news.xml"]
    _write(root, children[0], _news_sitemap(spec, origin))
    for index, start in enumerate(range(1, spec.articles + 1, PER_SITEMAP), 1):
        numbers = range(start, min(start + PER_SITEMAP, spec.articles + 1))
        children.append(f"/sitemaps/posts-{index}.xml")
        _write(root, children[-1], _sitemap_child(spec, origin, numbers))
    listed = "".join(f"<sitemap><loc>{origin}{c}</loc></sitemap>" for c in children)
    _write(
        root, "/sitemap.xml", f"{XML}<sitemapindex {SITEMAP_NS}>{listed}</sitemapindex>".encode()
    )
    _write(root, "/feed.xml", _feed(spec, origin))
    robots = f"User-agent: *\nDisallow: /search\nSitemap: {origin}/sitemap.xml\n"
    _write(root, "/robots.txt", robots.encode())


def is_article_request(uri: str) -> bool:
    """Whether a logged request URI is an article page (/<section>/YYYY/MM/DD/N-slug.html).

    >>> is_article_request("/economy/2024/01/01/11-%D8%A8.html"), is_article_request("/economy/")
    (True, False)
    """
    parts = uri.split("?", 1)[0].split("/")
    return len(parts) == 6 and parts[2].isdigit() and parts[5].endswith(".html")
