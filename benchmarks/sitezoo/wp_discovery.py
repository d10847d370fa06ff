"""Feeds, sitemaps and robots.txt of the three WordPress themes."""

from __future__ import annotations

from typing import Any

from benchmarks.sitezoo import feeds
from benchmarks.sitezoo.chrome import STATIC, teaser
from benchmarks.sitezoo.model import Page, SiteView, ZooArticle
from benchmarks.sitezoo.vocab import SECTIONS, TAGS

FEED_SIZE = 10  # WordPress's default "Syndication feeds show the most recent 10 items"


def _feed(view: SiteView, ar: list[ZooArticle], *, utc: bool, shortlink_guid: bool) -> Page:
    items = [
        feeds.FeedItem(
            title=a.title,
            link=view.url(a.path),
            published=a.published,
            guid=view.url(f"/?p={a.number}") if shortlink_guid else "",
            guid_is_permalink=not shortlink_guid,
            description=teaser(a, 30),
            category=a.section,
        )
        for a in ar[:FEED_SIZE]
    ]
    return feeds.rss(view.spec.site_name, view.base, items, utc=utc)


def _classic(view: SiteView, ar: list[ZooArticle], wp: Any) -> dict[str, Page]:
    from benchmarks.sitezoo.wordpress import category_path, tag_path

    authors = sorted({wp.author_path(view, a) for a in ar})
    children = {
        "/wp-sitemap-posts-post-1.xml": feeds.urlset([(view.url(a.path), None) for a in ar]),
        "/wp-sitemap-posts-page-1.xml": feeds.urlset(
            [(view.url(f"/{s}"), None) for _, s in STATIC]
        ),
        "/wp-sitemap-taxonomies-category-1.xml": feeds.urlset(
            [(view.url(category_path(s)), None) for _, s in SECTIONS if view.by_section(s)]
        ),
        "/wp-sitemap-taxonomies-post_tag-1.xml": feeds.urlset(
            [(view.url(tag_path(t)), None) for t in TAGS if any(t in a.tags for a in ar)]
        ),
        "/wp-sitemap-users-1.xml": feeds.urlset([(view.url(p), None) for p in authors]),
    }
    return children | {
        "/wp-sitemap.xml": feeds.sitemap_index([view.url(p) for p in children]),
        "/robots.txt": feeds.robots(view.base, ["/wp-sitemap.xml"], ["/wp-admin/"]),
        "/feed": _feed(view, ar, utc=False, shortlink_guid=True),
    }


def _magazine(view: SiteView, ar: list[ZooArticle]) -> dict[str, Page]:
    from benchmarks.sitezoo.wordpress import category_path

    children = {
        "/post-sitemap.xml": feeds.urlset([(view.url(a.path), a.lastmod) for a in ar]),
        "/page-sitemap.xml": feeds.urlset([(view.url(f"/{s}/"), None) for _, s in STATIC]),
        "/category-sitemap.xml": feeds.urlset(
            [(view.url(category_path(s)), None) for _, s in SECTIONS if view.by_section(s)]
        ),
    }
    return children | {
        "/sitemap_index.xml": feeds.sitemap_index(
            [view.url(p) for p in children], [max(a.lastmod for a in ar)] * len(children)
        ),
        "/robots.txt": feeds.robots(view.base, ["/sitemap_index.xml"], ["/wp-admin/"]),
        "/feed": _feed(view, ar, utc=True, shortlink_guid=False),
    }


def _blog(view: SiteView, ar: list[ZooArticle]) -> dict[str, Page]:
    entries = [(view.url("/"), None), *((view.url(a.path), a.lastmod) for a in ar)]
    return {
        "/sitemap.xml": feeds.urlset(entries, utc=True),
        "/robots.txt": feeds.robots(view.base, ["/sitemap.xml"], ["/wp-admin/"]),
    }


def discovery(variant: str, view: SiteView, ar: list[ZooArticle], wp: Any) -> dict[str, Page]:
    if variant == "classic":
        return _classic(view, ar, wp)
    return _magazine(view, ar) if variant == "magazine" else _blog(view, ar)
