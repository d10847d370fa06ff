"""Turning a fetched article page into at most one `Article`, once per canonical URL."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from scrapy.http import Response

from newscrawl.discovery.window import is_before
from newscrawl.extraction.encoding import UndecodablePage
from newscrawl.items import Article
from newscrawl.spiders.sitecrawl import SiteCrawl
from newscrawl.urls import same_page_key

Extractor = Callable[..., Article | None]
Count = Callable[[str], None]


def utc_now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass
class ArticleReader:
    """Calls the extractor on article pages and emits each canonical URL once per crawl."""

    extractor: Extractor
    count: Count
    since: date | None
    emitted: set[str] = field(default_factory=set)

    def _amp_twins(self, site: SiteCrawl, response: Response) -> list[str]:
        hrefs = response.xpath('//link[@rel="amphtml"]/@href').getall()[:3]
        twins = (site.canonical(href, response.url) for href in hrefs)
        return [url for url in twins if url]

    def _in_profile_language(self, site: SiteCrawl, article: Article) -> bool:
        # multilingual sites: a profile covers one edition (france24_ar keeps "ar" only)
        wanted = site.target.profile.language
        if wanted and article.language != wanted:
            self.count(f"skipped/language/{article.language or 'unknown'}")
            return False
        return True

    def read(self, site: SiteCrawl, response: Response, hints: dict[str, Any]) -> Iterable[Article]:
        fetched = site.canonical(response.url) or response.url
        declared = response.xpath('//link[@rel="canonical"]/@href').get()
        url = site.article_url(response.url, [declared]) or fetched
        # knowing the canonical now means its other spellings (?p=123, slug, the AMP twin
        # however the site spells it) are never fetched
        site.mark_seen(url, fetched, *self._amp_twins(site, response))
        if same_page_key(url) in self.emitted:
            self.count("dedup/canonical_duplicate")
            return
        content_type = (response.headers.get("Content-Type") or b"").decode("latin-1") or None
        try:
            article = self.extractor(
                response.body, response.url, content_type=content_type,
                profile=site.target.profile, hints=hints, fetched_at=utc_now_iso(),
            )  # fmt: skip
        except UndecodablePage:
            self.count("skipped/undecodable")
            return
        if article is None:
            self.count("skipped/no_article")
            return
        if not self._in_profile_language(site, article):
            return
        # the extractor read more of the page (og:url, JSON-LD): its URL wins on the same site
        item_url = site.article_url(response.url, [article.url, url])
        if item_url and item_url != url:
            site.mark_seen(item_url)
            if same_page_key(item_url) in self.emitted:
                self.count("dedup/canonical_duplicate")
                return
            url = item_url
        self.emitted.add(same_page_key(url))
        if is_before(article.published_at, self.since):
            self.count("skipped/before_since/page")
            return
        article.url = url
        article.site = article.site or site.name
        article.fetched_at = article.fetched_at or utc_now_iso()
        self.count("items/articles")
        yield article
