"""Candidates for the metadata fields, fed to the ArticleLoader source by source in priority order.

`ArticleLoader.add_first` adds one source's candidates only while the field is still empty, so
the order of the sources below is the priority order of issue 5.
"""

from __future__ import annotations

from typing import Any

from lxml.html import HtmlElement

from newscrawl.arabic import normalize_text
from newscrawl.extraction.byline import byline_candidates
from newscrawl.extraction.loader import ArticleLoader
from newscrawl.extraction.metadata import PageMetadata
from newscrawl.extraction.processors import in_site_zone
from newscrawl.extraction.profile_selectors import ProfileFields
from newscrawl.extraction.title import choose_title, site_names_around
from newscrawl.extraction.visible import url_date, visible_dates, visible_image, visible_sections


def load_title(
    loader: ArticleLoader,
    root: HtmlElement,
    meta: PageMetadata,
    fields: ProfileFields,
    hints: dict[str, Any],
    site_names: list[str],
) -> None:
    """Title: profile selector, else the h1/declared-title choice."""
    if loader.add_first("title", fields.texts("title")):
        return
    h1s = [normalize_text(h.text_content()) for h in root.iter("h1")][:5]
    title_element = root.find(".//title")
    html_title = normalize_text(title_element.text_content()) if title_element is not None else ""
    hint = hints.get("title")
    titles = [*meta.titles, *([hint] if isinstance(hint, str) else [])]
    title = choose_title(h1s, meta.headlines, titles, site_names, html_title)
    loader.add_value("title", title)
    if title:
        # sites without og:site_name still name themselves around the headline in <title>
        around = site_names_around(title, [*titles, html_title])
        loader.context["site_names"] = [*site_names, *around]


def load_dates(
    loader: ArticleLoader,
    root: HtmlElement,
    meta: PageMetadata,
    fields: ProfileFields,
    hints: dict[str, Any],
) -> None:
    """Dates: profile > JSON-LD/meta/microdata/<time> > hint > visible date line > URL path."""
    tz = loader.context.get("timezone")
    hint = in_site_zone(hints.get("published_at"), tz)
    for source in (fields.texts("published_at"), meta.published, [hint] if hint else []):
        if loader.add_first("published_at", source):
            break
    else:
        if not loader.add_first("published_at", visible_dates(root, tz=tz)):
            day = url_date(loader.get_output_value("url") or "")
            loader.add_first("published_at", [day] if day else [])
    visible = visible_dates(root, modified=True, tz=tz)
    for source in (fields.texts("modified_at"), meta.modified, visible):
        if loader.add_first("modified_at", source):
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
    hint_tags = hint_tags if isinstance(hint_tags, list) else []
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
