"""`ArticleLoader`: the single place where extracted candidates become Article fields.

Extractors add candidates for a field in priority order (profile selectors, structured
metadata, feed hints, visible text); input processors clean or reject each candidate and the
output processor keeps the first survivor, so a broken high-priority value falls through to
the next source instead of emptying the field.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from itemloaders import ItemLoader
from itemloaders.processors import Compose, Identity, MapCompose, TakeFirst

from newscrawl.extraction.processors import (
    absolute_url,
    clean_author,
    clean_label,
    clean_text,
    split_tags,
    to_iso_datetime,
    unique,
)
from newscrawl.items import Article, Image, RelatedLink


class ArticleLoader(ItemLoader):
    """Loads a dict of Article fields; `to_article` builds the dataclass.

    Context keys: `timezone` (dates without offset), `base_url` (relative URLs),
    `site_names` (organisation names that are not authors).
    """

    default_item_class = dict
    default_input_processor = MapCompose(clean_text)
    default_output_processor = TakeFirst()

    body_in = Identity()
    published_at_in = MapCompose(to_iso_datetime)
    modified_at_in = MapCompose(to_iso_datetime)
    authors_in = MapCompose(clean_author)
    authors_out = Compose(unique)
    section_in = MapCompose(clean_label)
    tags_in = MapCompose(split_tags)
    tags_out = Compose(unique)
    image_url_in = MapCompose(absolute_url)
    related_links_in = Identity()
    related_links_out = Identity()

    def add_first(self, field_name: str, candidates: Iterable[Any]) -> bool:
        """Add the candidates of one source unless an earlier source already filled the field."""
        if self.get_collected_values(field_name):
            return False
        self.add_value(field_name, list(candidates))
        return bool(self.get_collected_values(field_name))

    def to_article(self) -> Article | None:
        """The loaded Article, or None when it has no http(s) URL, no title or no body."""
        item = self.load_item()
        if not item.get("url") or not item.get("title") or not item.get("body"):
            return None
        image = None
        if item.get("image_url"):
            image = Image(url=item["image_url"], caption=item.get("image_caption"))
        related: list[RelatedLink] = list(item.get("related_links") or [])
        return Article(
            url=item["url"],
            site=item.get("site") or "",
            title=item["title"],
            body=item["body"],
            published_at=item.get("published_at"),
            modified_at=item.get("modified_at"),
            authors=list(item.get("authors") or []),
            section=item.get("section"),
            tags=list(item.get("tags") or []),
            image=image,
            related_links=related,
            language=item.get("language"),
            fetched_at=item.get("fetched_at"),
        )
