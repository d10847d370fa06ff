"""Structured metadata: JSON-LD, OpenGraph / `article:*` / Dublin Core meta tags and microdata.

Each function returns candidates in priority order; the loader keeps the first usable one.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import Any

from lxml.html import HtmlElement

from newscrawl.extraction.jsonld import find_article_node, find_typed_node, json_ld_nodes

PUBLISHED_META = (
    "article:published_time",
    "og:published_time",
    "og:article:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
)
MODIFIED_META = (
    "article:modified_time",
    "og:updated_time",
    "datemodified",
    "lastmod",
    "last-modified",
    "dcterms.modified",
)
_TIME_ATTRIBUTES = ("content", "datetime", "value")


def as_texts(value: Any) -> list[str]:
    """Text values of a JSON-LD property: strings, objects with a name/url, or lists of them.

    >>> as_texts([{"@type": "Person", "name": "سارة"}, "علي", None, {"url": "https://x/a.jpg"}])
    ['سارة', 'علي', 'https://x/a.jpg']
    >>> as_texts("&quot;عاجل&quot;")
    ['"عاجل"']
    """
    if isinstance(value, str):
        text = html.unescape(value).strip() if "&" in value else value.strip()
        return [text] if text else []
    if isinstance(value, int | float) and not isinstance(value, bool):
        return [str(value)]
    if isinstance(value, list):
        return [text for item in value for text in as_texts(item)]
    if isinstance(value, dict):
        for key in ("name", "@value", "url", "contentUrl", "text"):
            if key in value:
                return as_texts(value[key])
    return []


def meta_tags(root: HtmlElement) -> dict[str, list[str]]:
    """Meta tag contents by lower-cased property / name / itemprop, in document order."""
    tags: dict[str, list[str]] = {}
    for meta in root.iter("meta"):
        content = (meta.get("content") or "").strip()
        if not content:
            continue
        for attribute in ("property", "name", "itemprop", "http-equiv"):
            key = (meta.get(attribute) or "").strip().lower()
            if key:
                tags.setdefault(key, []).append(content)
    return tags


def _machine_value(element: HtmlElement) -> str | None:
    """The machine-readable value an element carries in an attribute, if any.

    An `<abbr>` keeps it in `title` (the microformats "abbr design pattern": Blogger writes
    `<abbr class="published" itemprop="datePublished" title="2026-12-02T12:44:00+01:00">`).
    """
    attributes = (*_TIME_ATTRIBUTES, "title") if element.tag == "abbr" else _TIME_ATTRIBUTES
    return next((element.get(a) for a in attributes if element.get(a)), None)


def _hatom_dates(root: HtmlElement, kind: str) -> list[str]:
    """hAtom `<abbr class="published|updated" title="ISO">` dates written without microdata."""
    path = f'//abbr[@title and contains(concat(" ", normalize-space(@class), " "), " {kind} ")]'
    return [abbr.get("title").strip() for abbr in root.xpath(path) if abbr.get("title").strip()]


def _itemprops(root: HtmlElement) -> dict[str, list[HtmlElement]]:
    """The page's microdata elements by property name, in one pass (meta tags are read with
    the other meta tags); an element may name several properties ("description articleBody")."""
    found: dict[str, list[HtmlElement]] = {}
    for element in root.xpath("//*[@itemprop]"):
        if element.tag != "meta":
            for prop in (element.get("itemprop") or "").split():
                found.setdefault(prop, []).append(element)
    return found


def _microdata(props: dict[str, list[HtmlElement]], prop: str, *, text: bool = False) -> list[str]:
    """Values of an itemprop; `text` reads what a link says rather than where it goes
    (Joomla's `<a itemprop="genre" href="/index.php/sport">رياضة</a>` names the section)."""
    values = []
    for element in props.get(prop, ()):
        raw = None if text else _machine_value(element)
        if raw is None and not text:
            raw = element.get("href") or element.get("src")
        if raw is None:
            raw = element.text_content()
        if raw and raw.strip():
            values.append(raw.strip())
    return values


@dataclass
class PageMetadata:
    """Candidates for each field from the page's structured metadata, best first."""

    headlines: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    site_names: list[str] = field(default_factory=list)
    published: list[str] = field(default_factory=list)
    modified: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    meta_authors: list[str] = field(default_factory=list)
    sections: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    images: list[str] = field(default_factory=list)
    image_captions: list[str] = field(default_factory=list)
    canonical_urls: list[str] = field(default_factory=list)
    article_bodies: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    breadcrumbs: list[str] = field(default_factory=list)


def _from_json_ld(meta: PageMetadata, nodes: list[dict[str, Any]]) -> None:
    article = find_article_node(nodes) or {}
    meta.headlines += as_texts(article.get("headline")) + as_texts(article.get("name"))
    meta.published += as_texts(article.get("datePublished")) + as_texts(article.get("dateCreated"))
    meta.modified += as_texts(article.get("dateModified"))
    meta.article_bodies += as_texts(article.get("articleBody"))
    meta.authors += as_texts(article.get("author")) + as_texts(article.get("creator"))
    meta.sections += as_texts(article.get("articleSection"))
    meta.tags += as_texts(article.get("keywords"))
    image = article.get("image")
    image = image[0] if isinstance(image, list) and image else image
    meta.images += as_texts(image)[:1]
    if isinstance(image, dict):
        meta.image_captions += as_texts(image.get("caption"))
    publisher = article.get("publisher")
    meta.site_names += as_texts(publisher)
    website = find_typed_node(nodes, "website")
    if website:
        meta.site_names += as_texts(website.get("name"))
    crumbs = find_typed_node(nodes, "breadcrumblist")
    items = crumbs.get("itemListElement") if crumbs else None
    if isinstance(items, list):
        meta.breadcrumbs += [t for i in items if isinstance(i, dict) for t in _crumb_name(i)]


def _crumb_name(item: dict[str, Any]) -> list[str]:
    names = as_texts(item.get("name"))
    if not names and isinstance(item.get("item"), dict):
        names = as_texts(item["item"].get("name"))
    return names[:1]


def _from_meta(meta: PageMetadata, tags: dict[str, list[str]]) -> None:
    def get(*keys: str) -> list[str]:
        return [value for key in keys for value in tags.get(key, [])]

    meta.titles += get("og:title", "twitter:title", "dc.title", "headline", "title")
    meta.site_names += get("og:site_name", "application-name", "twitter:site")
    meta.published += get(*PUBLISHED_META)
    meta.modified += get(*MODIFIED_META)
    meta.meta_authors += [
        a for a in get("author", "article:author", "dc.creator", "sailthru.author", "byl")
        if "://" not in a
    ]  # fmt: skip
    meta.sections += get("article:section", "section", "category")
    meta.tags += get("article:tag", "news_keywords")
    meta.images += get("og:image", "og:image:url", "twitter:image", "image", "thumbnailurl")
    meta.canonical_urls += get("og:url")


def read_metadata(root: HtmlElement) -> PageMetadata:
    """Collect every structured-metadata candidate of the page."""
    meta = PageMetadata()
    for link in root.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and link.get("href"):
            meta.canonical_urls.append(link.get("href", "").strip())
    _from_json_ld(meta, json_ld_nodes(root))
    tags = meta_tags(root)
    _from_meta(meta, tags)
    # a separate, last source: the plain keywords meta is often site-wide words, not tags
    meta.keywords += tags.get("keywords", [])
    props = _itemprops(root)
    meta.headlines += _microdata(props, "headline")
    meta.published += _microdata(props, "datePublished")
    meta.modified += _microdata(props, "dateModified")
    meta.published += _hatom_dates(root, "published")
    meta.modified += _hatom_dates(root, "updated")
    meta.authors += _microdata(props, "author")
    meta.sections += [
        *_microdata(props, "articleSection", text=True),
        *_microdata(props, "genre", text=True),
    ]
    meta.tags += [a.text_content() for a in root.xpath('//a[@rel="tag"]')]
    meta.images += _microdata(props, "image")
    for time in root.iter("time"):
        stamp = time.get("datetime")
        if stamp and stamp.strip():
            meta.published.append(stamp.strip())
    return meta
