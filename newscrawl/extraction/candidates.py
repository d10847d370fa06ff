"""Candidates for the metadata fields, fed to the ArticleLoader source by source in priority order.

`ArticleLoader.add_first` adds one source's candidates only while the field is still empty, so
the order of the sources below is the priority order of issue 5.
"""

from __future__ import annotations

from typing import Any

from lxml.html import HtmlElement

from newscrawl.extraction.byline import byline_candidates
from newscrawl.extraction.loader import ArticleLoader
from newscrawl.extraction.metadata import PageMetadata
from newscrawl.extraction.processors import in_site_zone
from newscrawl.extraction.profile_selectors import ProfileFields
from newscrawl.extraction.visible import (
    date_lines,
    line_dates,
    url_date,
    visible_dates,
    visible_image,
    visible_sections,
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
    modified: profile > metadata > "آخر تحديث" line > "updated" class."""
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
    # a date only a class calls "updated" is often the post date (hAtom): words come first.
    # (A sitemap's lastmod is not the update time the page shows: the record keeps to the page.)
    for modified_source in (
        lambda: fields.texts("modified_at"),
        lambda: meta.modified,
        lambda: line_dates(lines, modified=True, tz=tz, by_class=False),
        lambda: line_dates(lines, modified=True, tz=tz),
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
    """Authors, section and tags, each from the first source that yields one."""
    for authors in (fields.texts("authors"), meta.authors, byline_candidates(root)):
        if loader.add_first("authors", authors):
            break
    else:
        loader.add_first("authors", meta.meta_authors)
    hint_section = hints.get("section")
    for sections in (
        fields.texts("section"),
        meta.sections,
        visible_sections(root, meta.breadcrumbs),
        [hint_section] if isinstance(hint_section, str) else [],
    ):
        if loader.add_first("section", sections):
            break
    hint_tags = hints.get("tags")
    # a feed's <category> list holds the post's section too (WordPress): the section is no tag
    section = loader.get_output_value("section")
    hint_tags = [t for t in hint_tags if t != section] if isinstance(hint_tags, list) else []
    for tags in (fields.texts("tags"), meta.tags, hint_tags, meta.keywords):
        if loader.add_first("tags", [t for t in tags if isinstance(t, str)]):
            break


def load_image(
    loader: ArticleLoader, root: HtmlElement, meta: PageMetadata, fields: ProfileFields
) -> None:
    """Lead image and its caption: profile > JSON-LD/og:image > first figure."""
    figure_url, figure_caption = visible_image(root)
    for urls in (fields.attributes("image", ("src", "data-src", "content")), meta.images):
        if loader.add_first("image_url", urls):
            break
    else:
        loader.add_first("image_url", [figure_url] if figure_url else [])
    for captions in (fields.texts("image_caption"), meta.image_captions, [figure_caption or ""]):
        if loader.add_first("image_caption", captions):
            break
