"""Turning a fetched article page into at most one `Article`, once per canonical URL."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import cached_property
from inspect import signature
from typing import Any

from parsel import Selector
from scrapy.http import Response

from newscrawl.discovery.window import is_before
from newscrawl.extraction.encoding import UndecodablePage
from newscrawl.extraction.page import parse_page
from newscrawl.items import Article
from newscrawl.keyset import KeySet
from newscrawl.profiles import SiteProfile
from newscrawl.spiders.offload import Extracted, ExtractionFailed, ExtractionTask
from newscrawl.spiders.sitecrawl import SiteCrawl
from newscrawl.spiders.titlelearning import TitleLearners
from newscrawl.urls import same_page_key

logger = logging.getLogger(__name__)
Extractor = Callable[..., Article | None]
ANY_LANGUAGE = frozenset({"any", "all", "*"})
Count = Callable[[str], None]


def utc_now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def content_type_of(response: Response) -> str | None:
    return (response.headers.get("Content-Type") or b"").decode("latin-1") or None


def wanted_language(profile: SiteProfile, ad_hoc_language: str | None) -> str | None:
    """The language a target's articles must be in: its profile's, else for an ad-hoc target
    (a bare URL) `ad_hoc_language` unless that is "any"; None keeps every language.

    >>> ad_hoc, france24 = SiteProfile.ad_hoc("x.com"), SiteProfile("f", ("f.com",), language="ar")
    >>> wanted_language(ad_hoc, "ar"), wanted_language(ad_hoc, "any")
    ('ar', None)
    >>> wanted_language(france24, "en")
    'ar'
    >>> wanted_language(SiteProfile("mine", ("m.com",)), "ar") is None
    True
    """
    if profile.language:
        return profile.language
    if profile != SiteProfile.ad_hoc(profile.name) or not ad_hoc_language:
        return None
    return None if ad_hoc_language.lower() in ANY_LANGUAGE else ad_hoc_language.lower()


@dataclass
class ArticleReader:
    """Calls the extractor on article pages and emits each canonical URL once per crawl."""

    extractor: Extractor
    count: Count
    since: date | None
    emitted: KeySet = field(default_factory=KeySet)
    """Same-page keys of the articles emitted (`KeySet`: 100,000 of them, 8 bytes each)."""
    titles: TitleLearners = field(default_factory=TitleLearners)

    @cached_property
    def reads_parsed_pages(self) -> bool:
        """Whether the extractor takes the spider's tree (`page=`): `extract_page` does; a
        custom NEWSCRAWL_EXTRACTOR is called as documented, with the page's bytes only."""
        try:
            return "page" in signature(self.extractor).parameters
        except (TypeError, ValueError):
            return False

    def parse(self, response: Response) -> Selector | None:
        """The page parsed once for classification and extraction, as extraction reads it;
        None when the extractor parses for itself or the page does not decode (the spider then
        classifies on Scrapy's own tree, and extraction counts the undecodable page)."""
        if not self.reads_parsed_pages:
            return None
        try:
            return parse_page(response.body, response.url, content_type_of(response))
        except UndecodablePage:
            return None

    def _extract(
        self,
        site: SiteCrawl,
        response: Response,
        hints: dict[str, Any],
        page: Selector | None,
        extracted: Extracted | None,
    ) -> Article | None:
        if extracted is not None and extracted.fits(site.clock.timezone, hints):
            if extracted.undecodable:
                raise UndecodablePage(response.url)
            if extracted.failure is not None:
                raise ExtractionFailed(extracted.failure)
            return extracted.article
        if extracted is not None:  # read before the site's clock learnt from this very page
            self.count("offload/read_again")
        parsed = {"page": page} if page is not None else {}
        article = self.extractor(
            response.body, response.url, content_type=content_type_of(response),
            profile=site.target.profile, hints=hints, fetched_at=utc_now_iso(),
            timezone=site.clock.timezone, learned=self.titles.for_site(site.name), **parsed,
        )  # fmt: skip
        self.titles.remember(site.name)
        return article

    def task(self, site: SiteCrawl, response: Response, hints: dict[str, Any]) -> ExtractionTask:
        """What a worker process needs to extract `response` as `read` would."""
        return ExtractionTask(
            site.name, response.body, response.url, content_type_of(response),
            site.target.profile, site.clock.with_feed_date(response.url, hints), utc_now_iso(),
            site.clock.timezone,
        )  # fmt: skip

    def _amp_twins(self, site: SiteCrawl, base: str, view: Selector | Response) -> list[str]:
        hrefs = view.xpath('//link[@rel="amphtml"]/@href').getall()[:3]
        twins = (site.canonical(href, base) for href in hrefs)
        return [url for url in twins if url]

    def _in_profile_language(self, site: SiteCrawl, article: Article) -> bool:
        # multilingual sites: a profile covers one edition (france24_ar keeps "ar" only), and an
        # ad-hoc target keeps NEWSCRAWL_LANGUAGE (an Arabic corpus, not the site's /en/ edition);
        # the ad-hoc default drops only what was detected as another language
        wanted = site.language  # resolved once per target (`wanted_language`)
        lenient = not site.target.profile.language and article.language is None
        if wanted and article.language != wanted and not lenient:
            self.count(f"skipped/language/{article.language or 'unknown'}")
            return False
        return True

    def observe_listing(self, site: SiteCrawl, response: Response) -> None:
        """Show the site's learner a page that is no article: what recurs there is chrome."""
        root = response.selector.root  # type: ignore[attr-defined]  # an HTML page: a TextResponse
        try:
            self.titles.observe_listing(site.name, response.url, root)
        except Exception:  # learning is a refinement: a page it cannot read is still navigated
            logger.exception("boilerplate learning failed on %s", response.url)

    def read(
        self,
        site: SiteCrawl,
        response: Response,
        hints: dict[str, Any],
        page: Selector | None = None,
        extracted: Extracted | None = None,
    ) -> Iterable[Article]:
        """At most one article of `response`; `page` is its tree from `parse` (extraction
        edits it: read it before); `extracted` what a worker process made of it, if any."""
        view = page if page is not None else response
        fetched = site.canonical(response.url) or response.url
        declared = view.xpath('//link[@rel="canonical"]/@href').get()
        url = site.article_url(response.url, [declared]) or fetched
        # knowing the canonical now means its other spellings (?p=123, slug, the AMP twin
        # however the site spells it) are never fetched
        site.mark_seen(url, fetched, *self._amp_twins(site, response.url, view))
        if same_page_key(url) in self.emitted:
            self.count("dedup/canonical_duplicate")
            return
        try:
            article = self._extract(site, response, hints, page, extracted)
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
