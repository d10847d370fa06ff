"""The output schema: one `Article` per news article, mirrored by schema/article.schema.json."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Position = Literal["inline", "end"]


@dataclass
class Image:
    """The article's lead image."""

    url: str
    """Absolute URL of the image."""
    caption: str | None = None
    """Caption text shown with the image, or None."""


@dataclass
class RelatedLink:
    """A "read also" link the article points its readers to."""

    url: str
    """Absolute canonical URL of the linked article."""
    title: str
    """Link text (the linked article's headline as shown)."""
    position: Position
    """"inline" when the link sits inside the body, "end" when it follows the body."""


@dataclass
class Article:
    """One news article; field names are a public contract (see README, "Output schema")."""

    url: str
    """Canonical URL of the article."""
    site: str
    """Site profile name, or the host name for ad-hoc targets."""
    title: str
    """Headline, without the site-name suffix."""
    body: str
    """Clean body paragraphs, joined by a blank line."""
    published_at: str | None = None
    """Publication time, ISO-8601 with UTC offset, or None."""
    modified_at: str | None = None
    """Last modification time, ISO-8601 with UTC offset, or None."""
    authors: list[str] = field(default_factory=list)
    """Author names, in byline order."""
    section: str | None = None
    """Section or category the site files the article under."""
    tags: list[str] = field(default_factory=list)
    """Keywords / tags the site attaches to the article."""
    image: Image | None = None
    """Lead image with its caption, or None."""
    related_links: list[RelatedLink] = field(default_factory=list)
    """Inline and end-of-article "read also" links, in document order."""
    language: str | None = None
    """ISO 639-1 code detected from the title and body."""
    fetched_at: str | None = None
    """When the page was fetched, ISO-8601 UTC."""
    content_hash: str | None = None
    """SHA-256 of the matching-normalised body (exact-duplicate fingerprint)."""
    near_duplicate_of: str | None = None
    """URL of the first-seen article this one nearly duplicates, or None."""
