"""Helpers the family modules share: documents, slugs, JSON-LD, listings, static pages."""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable, Sequence
from html import escape
from typing import Any

from benchmarks.sitezoo import chrome, vocab
from benchmarks.sitezoo.model import Page, SiteView, ZooArticle

_NOT_SLUG = re.compile(r"[^\w\s-]")


def slugify(title: str, words: int = 7) -> str:
    """An Arabic slug the way WordPress/Drupal build them: the first words, dash-joined.

    >>> slugify("وزارة الصحة: خطة جديدة في عمّان")
    'وزارة-الصحة-خطة-جديدة-في-عمان'
    """
    clean = _NOT_SLUG.sub("", title.replace("\u0651", "")).split()
    return "-".join(clean[:words])


def page_rng(view: SiteView, key: str) -> random.Random:
    """A generator for one page's furniture: stable for a stage, different between pages."""
    return random.Random(f"{view.spec.name}|{key}|{len(view.articles)}")


def ld_json(data: dict[str, Any]) -> str:
    payload = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
    return f'<script type="application/ld+json">{payload}</script>'


def news_article_ld(view: SiteView, a: ZooArticle, *, body: bool = False,
                    utc: bool = False) -> dict[str, Any]:  # fmt: skip
    """schema.org NewsArticle for `a` (dates with the site's offset, or in UTC with Z)."""
    from benchmarks.sitezoo import clock

    stamp = clock.iso_utc if utc else clock.iso
    data: dict[str, Any] = {
        "@context": "https://schema.org", "@type": "NewsArticle", "headline": a.title,
        "datePublished": stamp(a.published), "dateModified": stamp(a.lastmod),
        "articleSection": a.section, "keywords": ", ".join(a.tags),
        "image": {"@type": "ImageObject", "url": view.url(a.image_path)},
        "mainEntityOfPage": view.url(a.path),
        "author": {"@type": "Organization" if a.house_byline else "Person",
                   "name": view.spec.site_name if a.house_byline else a.person},
        "publisher": {"@type": "Organization", "name": view.spec.site_name},
    }  # fmt: skip
    if body:
        data["articleBody"] = "\n".join(a.paragraphs)
    return data


def document(view: SiteView, title: str, body: str, *, head: str = "", lang: str = "ar",
             charset: str = "utf-8", html_attrs: str = "") -> str:  # fmt: skip
    direction = "rtl" if lang == "ar" else "ltr"
    return (
        f'<!DOCTYPE html><html lang="{lang}" dir="{direction}"{html_attrs}><head>'
        f'<meta charset="{charset}"><meta name="viewport" content="width=device-width">'
        f"<title>{escape(title)}</title><!--PAD-->{head}</head><body>{body}</body></html>"
    )


def html_page(html: str, view: SiteView, key: str, kind: str, reason: str = "",
              encoding: str = "utf-8") -> Page:  # fmt: skip
    body = chrome.finish(html, page_rng(view, key + "#finish"), encoding)
    return Page(body, kind, f"text/html; charset={encoding}", reason=reason)


def paragraphs_html(a: ZooArticle, inline: str = "", at: int = 2) -> str:
    """Body paragraphs as <p>, with an inline read-also block after paragraph `at`."""
    parts = [f"<p>{escape(p)}</p>" for p in a.paragraphs]
    if inline:
        parts.insert(min(at, len(parts) - 1), inline)
    return "".join(parts)


def inline_related(a: ZooArticle, href: Callable[[str], str], css: str) -> str:
    """The inline "اقرأ أيضا" block for `a`'s inline related links ("" when it has none)."""
    links = [r for r in a.related if r.position == "inline"]
    if not links:
        return ""
    items = "".join(f'<li><a href="{href(r.path)}">{escape(r.title)}</a></li>' for r in links)
    return f'<div class="{css}"><strong>اقرأ أيضا</strong><ul>{items}</ul></div>'


def chunks(items: Sequence[ZooArticle], size: int) -> list[Sequence[ZooArticle]]:
    return [items[i : i + size] for i in range(0, len(items), size)] or [[]]


def static_pages(view: SiteView, wrap: Callable[[str, str], str]) -> dict[str, Page]:
    """About, contact, privacy ... : site furniture, never articles."""
    pages = {}
    for name, slug in chrome.STATIC:
        text = f"<h1>{name}</h1><p>{view.spec.site_name} موقع إخباري مستقل.</p>"
        pages[f"/{slug}"] = html_page(wrap(name, text), view, slug, "other", "static page")
    return pages


def section_name(slug: str) -> str:
    return dict((s, n) for n, s in vocab.SECTIONS)[slug]
