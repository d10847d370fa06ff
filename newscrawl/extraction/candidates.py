"""Candidates for the metadata fields, fed to the ArticleLoader source by source in priority order.

`ArticleLoader.add_first` adds one source's candidates only while the field is still empty, so
the order of the sources below is the priority order of issue 5.
"""

from __future__ import annotations

from typing import Any

from lxml.html import HtmlElement

from newscrawl.extraction.byline import byline_candidates
from newscrawl.extraction.lead_image import visible_image
from newscrawl.extraction.loader import ArticleLoader
from newscrawl.extraction.metadata import PageMetadata
from newscrawl.extraction.nextdata import island_caption
from newscrawl.extraction.processors import in_site_zone, later_than
from newscrawl.extraction.profile_selectors import ProfileFields
from newscrawl.extraction.section_links import visible_sections
from newscrawl.extraction.tag_list import visible_tags
from newscrawl.extraction.visible import (
    date_lines,
    line_dates,
    url_date,
    visible_dates,
)


def load_dates(
    loader: ArticleLoader,
    root: HtmlElement,
    meta: PageMetadata,
    fields: ProfileFields,
    hints: dict[str, Any],
) -> None:
    """Dates: profile > JSON-LD/meta/microdata/<time> > hint > visible date line > URL path >
    a bare date (an element holding nothing but a date, with no class or word to say so);
    modified: profile > metadata > "آخر تحديث" line > "updated" class > a sitemap lastmod
    later than the publication."""
    tz = loader.context.get("timezone")
    lines = date_lines(root)
    hint = in_site_zone(hints.get("published_at"), tz)
    for source in (fields.texts("published_at"), meta.published, [hint] if hint else []):
        if loader.add_first("published_at", source):
            break
    else:
        if not loader.add_first("published_at", line_dates(lines, tz=tz)):
            day = url_date(loader.get_output_value("url") or "")
            if not loader.add_first("published_at", [day] if day else []):
                loader.add_first("published_at", visible_dates(root, tz=tz, bare=True))
    # A date only a class calls "updated" is often the post date (hAtom, tagDiv): words come
    # first, and a class counts only for a later date. What the page says comes before what the
    # sitemap says; a lastmod counts only when later than the publication too.
    published = loader.get_output_value("published_at")
    lastmod = in_site_zone(hints.get("lastmod"), tz)
    for modified_source in (
        lambda: fields.texts("modified_at"),
        lambda: meta.modified,
        lambda: line_dates(lines, modified=True, tz=tz, by_class=False),
        lambda: later_than(line_dates(lines, modified=True, tz=tz), published),
        lambda: later_than([lastmod], published),
    ):
        if loader.add_first("modified_at", modified_source()):
            break


def load_people_and_topics(
    loader: ArticleLoader,
    root: HtmlElement,
    meta: PageMetadata,
    fields: ProfileFields,
    hints: dict[str, Any],
) -> None:
    """Authors, section and tags, each from the first source that yields one (the page is
    searched only when metadata said nothing)."""
    for authors in (
        lambda: fields.texts("authors"), lambda: meta.authors, lambda: byline_candidates(root)
    ):  # fmt: skip
        if loader.add_first("authors", authors()):
            break
    else:
        loader.add_first("authors", meta.meta_authors)
    hint_section = hints.get("section")
    for sections in (
        lambda: fields.texts("section"),
        lambda: meta.sections,
        lambda: visible_sections(root, meta.breadcrumbs),
        lambda: [hint_section] if isinstance(hint_section, str) else [],
    ):
        if loader.add_first("section", sections()):
            break
    hint_tags = hints.get("tags")
    # a feed's <category> list holds the post's section too (WordPress): the section is no tag
    section = loader.get_output_value("section")
    hint_tags = [t for t in hint_tags if t != section] if isinstance(hint_tags, list) else []
    for tags in (
        lambda: fields.texts("tags"), lambda: meta.tags, lambda: visible_tags(root),
        lambda: hint_tags, lambda: meta.keywords,
    ):  # fmt: skip
        if loader.add_first("tags", [t for t in tags() if isinstance(t, str)]):
            break


def load_image(
    loader: ArticleLoader, root: HtmlElement, meta: PageMetadata, fields: ProfileFields
) -> None:
    """Lead image and its caption: profile > JSON-LD/og:image > first figure."""
    figure_url, figure_caption = visible_image(root, loader.get_output_value("title") or "")
    for urls in (fields.attributes("image", ("src", "data-src", "content")), meta.images):
        if loader.add_first("image_url", urls):
            break
    else:
        loader.add_first("image_url", [figure_url] if figure_url else [])
    for captions in (
        lambda: fields.texts("image_caption"), lambda: meta.image_captions,
        lambda: [figure_caption or ""], lambda: _island_caption(root, loader),
    ):  # fmt: skip
        if loader.add_first("image_caption", captions()):
            break


def _island_caption(root: HtmlElement, loader: ArticleLoader) -> list[str]:
    """Script-rendered pages caption their picture in the JSON data island only."""
    image = loader.get_output_value("image_url")
    caption = island_caption(root, image) if isinstance(image, str) else None
    return [caption] if caption else []
