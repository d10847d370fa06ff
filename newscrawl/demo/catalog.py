"""The bundled demo sites: their data, a router serving each, and the records a crawl must produce.

Each site lives in `sites/<site>/`: `site.json` (name, sections, static pages, comment pool) and
`articles.json`, whose entries ARE the expected output. An entry holds `path`, `title`,
`paragraphs` (the clean body, read-also lines left out), `published_at` / `modified_at` (ISO-8601
with the site's UTC offset; waha's is Africa/Casablanca's on that day), `authors`, `section` (a
section name of `site.json`), `tags`, `image` (`path`, `caption`) or null, `related` (`path`,
`title`, `position`, and `after_paragraph` for inline links), plus what only the page shows:
`display_date` (and madar's `display_modified`). tests/test_demo_sites.py checks the entries
against each other, so hand edits stay consistent.

`expected_records` turns the entries into Article dicts for a given base URL. `fetched_at`,
`content_hash` and `near_duplicate_of` depend on the crawl run, so they are not in the expected
records: tests compare every other field.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from functools import partial
from importlib import resources
from typing import Any
from urllib.parse import urljoin

from newscrawl.demo import site_madar, site_waha
from newscrawl.demo.render import ArticleData, SiteData, end_related
from newscrawl.demo.server import Reply, Router, ServedRequest

DEMO_SITES: tuple[str, ...] = ("waha", "madar")

_ROUTES: dict[str, Callable[[SiteData, Sequence[ArticleData], ServedRequest], Reply]] = {
    "waha": site_waha.route,
    "madar": site_madar.route,
}


def _read_json(site: str, name: str) -> Any:
    if site not in DEMO_SITES:
        raise ValueError(f"unknown demo site {site!r}; choose one of {', '.join(DEMO_SITES)}")
    data = resources.files("newscrawl.demo").joinpath("sites", site, name).read_text("utf-8")
    return json.loads(data)


def load_articles(site: str) -> list[ArticleData]:
    """The article data of a demo site, in file order.

    >>> [len(load_articles(site)) >= 15 for site in DEMO_SITES]
    [True, True]
    """
    articles: list[ArticleData] = _read_json(site, "articles.json")
    return articles


def load_site(site: str) -> SiteData:
    """Site-level data: display name, sections (slug and name), static pages, comment pool."""
    data: SiteData = _read_json(site, "site.json")
    return data


def site_router(site: str) -> Router:
    """A `SiteServer` router serving the whole demo site; links follow the request's Host."""
    return partial(_ROUTES[site], load_site(site), load_articles(site))


def related_links(article: ArticleData, base_url: str) -> list[dict[str, str]]:
    """Related links in document order: inline ones by body position, then the end-of-article list.

    >>> links = related_links({"related": [
    ...     {"path": "/b", "title": "ب", "position": "end"},
    ...     {"path": "/a", "title": "أ", "position": "inline", "after_paragraph": 2},
    ... ]}, "http://h/")
    >>> [(link["url"], link["position"]) for link in links]
    [('http://h/a', 'inline'), ('http://h/b', 'end')]
    """
    inline = sorted(
        (r for r in article["related"] if r["position"] == "inline"),
        key=lambda r: r["after_paragraph"],
    )
    return [
        {"url": urljoin(base_url, r["path"]), "title": r["title"], "position": r["position"]}
        for r in inline + end_related(article)
    ]


def expected_record(site: str, article: ArticleData, base_url: str) -> dict[str, Any]:
    image = article["image"]
    return {
        "url": urljoin(base_url, article["path"]),
        "site": site,
        "title": article["title"],
        "body": "\n\n".join(article["paragraphs"]),
        "published_at": article["published_at"],
        "modified_at": article["modified_at"],
        "authors": list(article["authors"]),
        "section": article["section"],
        "tags": list(article["tags"]),
        "image": (
            {"url": urljoin(base_url, image["path"]), "caption": image["caption"]}
            if image
            else None
        ),
        "related_links": related_links(article, base_url),
        "language": "ar",
    }


def expected_records(site: str, base_url: str) -> list[dict[str, Any]]:
    """The Article dicts a complete crawl of `site` served at `base_url` must produce.

    All fields but `fetched_at`, `content_hash` and `near_duplicate_of` (run-dependent).
    """
    return [expected_record(site, a, base_url) for a in load_articles(site)]
