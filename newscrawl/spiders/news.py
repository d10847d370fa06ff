"""The `news` spider: navigation only; discovery decides what to fetch, extraction reads pages.

    scrapy crawl news -a targets=waha,https://example.com/ -a since=2024-05-01 -O out.jsonl

Per site: robots.txt → its sitemaps (or the first usual location that works) and the profile's
feeds and sitemaps → the home page → linked feeds, and section pages with pagination only while
sitemaps found no article. Articles are fetched once per canonical URL and never mined for more
navigation beyond a small bounded harvest when no sitemap covers the site.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable
from functools import partial
from typing import Any

from parsel import Selector
from scrapy import Request, Spider, signals
from scrapy.crawler import Crawler
from scrapy.http import Response
from scrapy.utils.misc import load_object
from twisted.python.failure import Failure

from newscrawl.config import newscrawl_settings
from newscrawl.discovery.classify import declares_article, declares_media, page_kind
from newscrawl.discovery.requests import DOCUMENT_KINDS, RequestKind, build_request, crawl_meta
from newscrawl.discovery.window import parse_since
from newscrawl.failures import failed_fetch_key, failure_reason, is_html, is_not_modified
from newscrawl.profiles import profiles_dir_from
from newscrawl.spiders.articles import ArticleReader, content_type_of, wanted_language
from newscrawl.spiders.clockwork import as_scout, clock_for, observe_article
from newscrawl.spiders.documentnav import DocumentNavigation
from newscrawl.spiders.documents import DocumentReader
from newscrawl.spiders.frontier import IdleRelease, Lead, SiteFrontier, compact
from newscrawl.spiders.listings import ListingNavigation
from newscrawl.spiders.offload import Extracted, ExtractionPool, worker_count
from newscrawl.spiders.outcomes import close_sites, count_failure, counts_as_fetch, fetched_key
from newscrawl.spiders.shapememory import ShapeMemory, shape_memory
from newscrawl.spiders.sitecrawl import CrawlLimits, SiteCrawl
from newscrawl.spiders.sitefacts import requested_url
from newscrawl.spiders.titlelearning import title_learners
from newscrawl.targets import Target, parse_targets


class NewsSpider(DocumentNavigation, ListingNavigation, Spider):
    name = "news"
    articles: ArticleReader
    documents: DocumentReader
    limits: CrawlLimits
    navigate_with_sitemaps: bool
    ad_hoc_language: str
    frontier_window: int | None
    idle_release: IdleRelease
    url_shapes: ShapeMemory
    offload_workers: int
    extractor_path: str
    offload: ExtractionPool | None = None
    """Extraction workers (`--processes`); None: the extractor runs in this process."""

    def __init__(self, targets: str = "", since: str | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        if not targets.strip():
            raise ValueError("the news spider needs -a targets=PROFILE|URL|PROFILE=URL[,...]")
        self.target_specs = targets
        self.targets: list[Target] = []
        self.since = parse_since(since)
        self.sites: dict[str, SiteCrawl] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> NewsSpider:
        spider: NewsSpider = super().from_crawler(crawler, *args, **kwargs)
        config = newscrawl_settings(crawler)
        spider.targets = parse_targets(spider.target_specs, profiles_dir_from(config.profiles_dir))
        spider.limits = CrawlLimits.from_config(config)
        spider.navigate_with_sitemaps = config.navigate_with_sitemaps
        extractor = load_object(config.extractor)
        spider.articles = ArticleReader(extractor, spider.count, spider.since)
        spider.extractor_path = config.extractor
        spider.offload_workers = worker_count(config.processes) if cls.offloads else 0
        spider.ad_hoc_language = config.language
        spider.documents = DocumentReader(spider.count, spider.since, spider.limits)
        # 0 (or a negative value a `scrapy crawl -s` let through): no window, never a stall
        spider.frontier_window = config.frontier_window if config.frontier_window > 0 else None
        spider.idle_release = IdleRelease.watch(crawler, spider.held_articles)
        crawler.signals.connect(spider.on_dropped, signal=signals.request_dropped)
        spider.url_shapes = ShapeMemory()  # start() reads what earlier runs learnt
        return spider

    offloads = True
    """Whether `--processes` may start extraction workers (a distributed crawl's workers are
    processes already)."""

    def count(self, key: str, amount: int = 1) -> None:
        assert self.crawler.stats is not None
        self.crawler.stats.inc_value(f"newscrawl/{key}", amount)

    def _request(
        self, site: SiteCrawl, url: str, kind: RequestKind, depth: int, **extra: Any
    ) -> Request:
        hints = extra.pop("hints", None)
        request = build_request(
            url, site=site.name, kind=kind, depth=depth, callback=self._callback(kind),
            errback=self.on_error, hints=hints,
        )  # fmt: skip
        request.cb_kwargs.update(extra)
        if kind == "sitemap":  # one cap for a sitemap, compressed in transit or not
            request.meta["download_maxsize"] = self.limits.max_sitemap_bytes
        if kind in DOCUMENT_KINDS:
            site.discovery_requested(url)
        self.count(f"requests/{kind}")
        return request

    async def start(self) -> AsyncIterator[Request]:
        self.articles.titles = title_learners(self.crawler)  # what earlier runs learnt
        self.url_shapes = shape_memory(self.crawler)
        if self.offload_workers:
            self.offload = ExtractionPool(
                self.offload_workers, self.extractor_path, self.articles.titles,
                [target.site for target in self.targets], self.count,
            )  # fmt: skip
        for target in self.targets:
            if target.site in self.sites:  # the same site twice: crawl it once
                self.logger.warning("target %s given twice; crawling it once", target.site)
                self.count("skipped/duplicate_target")
                continue
            site = self.sites[target.site] = self.new_site(target)
            site.language = wanted_language(target.profile, self.ad_hoc_language)
            for request in self._site_start(site):
                yield request

    def new_site(self, target: Target) -> SiteCrawl:
        """The bookkeeping of one target (a distributed crawl shares its facts in Redis)."""
        site = SiteCrawl.for_target(target, self.limits)
        site.frontier = SiteFrontier(self.frontier_window)
        return site

    def _site_start(self, site: SiteCrawl) -> Iterable[Request]:
        for origin in site.origins:
            url = site.admit_discovery(origin + "/robots.txt", None, self.count)
            if url:
                yield self._request(site, url, "robots", 0)
        for kind, urls in (
            ("sitemap", site.target.profile.sitemaps),
            ("feed", site.target.profile.feeds),
        ):
            for href in urls:
                url = site.admit_discovery(href, None, self.count)
                if url:
                    self.count(f"discovery/profile_{kind}")
                    yield self._request(site, url, kind, 0)  # type: ignore[arg-type]

    def _site(self, request: Request) -> tuple[SiteCrawl, dict[str, Any]]:
        meta = crawl_meta(request)
        site = self.sites[meta["site"]]
        if not site.clock.started:  # on first use: a worker joining a crawl never ran start()
            site.clock = clock_for(self.crawler, site.name, site.target.profile.timezone)
            site.shapes = self.url_shapes.for_site(site.name)
        return site, meta

    def _callback(self, kind: str) -> Any:
        return self.parse_offloaded if kind == "article" and self.offload else self.parse

    async def parse_offloaded(self, response: Response, **kwargs: Any) -> Iterable[Any]:
        """`parse` for an article page while a worker extracts it (`ExtractionPool`)."""
        if self.offload is not None and is_html(response):
            site, meta = self._site(response.request)  # type: ignore[arg-type]
            task = self.articles.task(site, response, meta.get("hints") or {})
            kwargs["extracted"] = await self.offload.extract(task)
        return self.parse(response, **kwargs)

    def parse(self, response: Response, **kwargs: Any) -> Iterable[Any]:
        site, meta = self._site(response.request)  # type: ignore[arg-type]
        kind = meta["kind"]
        out: list[Any] = []
        if counts_as_fetch(kind):
            self.count(fetched_key(site.name))
        try:
            out.extend(self._dispatch(site, meta, response, **kwargs))
        except Exception:
            self.logger.exception("failed to process %s", response.url)
            self.count(f"failed/parse/{kind}")
            count_failure(self.count, site.name)
        if kind in DOCUMENT_KINDS:
            asked = requested_url(response.request)  # type: ignore[arg-type]
            out.extend(self._discovery_step_done(site, asked))
        return self._outgoing(site, out, response.request)

    def _outgoing(self, site: SiteCrawl, out: list[Any], answered: Request | None) -> list[Any]:
        """A callback's output on its way out: its articles through the site's clock gate into
        the site's frontier, and as many of them as the frontier's window has room for."""
        site.frontier.answered(answered)
        passed = site.clock.passing([compact(element) for element in out], answered)
        rest = site.frontier.sort_out(passed)
        return [*rest, *site.frontier.release(partial(self._from_lead, site))]

    def _from_lead(self, site: SiteCrawl, lead: Lead) -> Request:
        url, depth, hints = lead.unpacked()
        request = build_request(
            url, site=site.name, kind="article", depth=depth, callback=self._callback("article"),
            errback=self.on_error, hints=hints,
        )  # fmt: skip
        return as_scout(request) if lead.scout else request  # type: ignore[return-value]

    def held_articles(self) -> list[Request]:
        """The crawl fell idle: what clock gates and frontiers still hold, released."""
        released: list[Request] = []
        for site in self.sites.values():
            site.frontier.restart()
            released += site.frontier.sort_out(site.clock.release())
            released += site.frontier.release(partial(self._from_lead, site))
        return released

    def on_dropped(self, request: Request) -> None:
        """The duplicate filter dropped `request`: its frontier has room for another."""
        site = self.sites.get(crawl_meta(request).get("site", ""))
        if site is not None:
            site.frontier.answered(request)

    def _dispatch(
        self, site: SiteCrawl, meta: dict[str, Any], response: Response, **kw: Any
    ) -> Iterable[Any]:
        kind = meta["kind"]
        depth = int(meta.get("depth", 0))
        if kind == "robots":
            return self._on_robots(site, response)
        if kind in ("sitemap", "feed"):
            return self._on_document(site, kind, response, depth, probe=kw.get("probe", False))
        if not is_html(response):
            self.count("skipped/non_html")
            return []
        hints = meta.get("hints") or {}
        return self._on_page(
            site, kind, response, depth, hints, again=kw.get("again", False),
            extracted=kw.get("extracted"),
        )  # fmt: skip

    def _discovery_step_done(self, site: SiteCrawl, document: str) -> Iterable[Request]:
        if not site.discovery_done(document):
            yield from self._home_again(site, document)
            return
        if site.sitemaps_cover and not self.navigate_with_sitemaps:
            self.count("discovery/home_skipped_sitemaps_cover")
            return
        for start_url in site.target.start_urls:
            url = site.admit(start_url, None, 0, self.count)
            if url:
                self.count("discovery/home")
                yield self._request(site, url, "home", 0)

    def _home_again(self, site: SiteCrawl, document: str) -> Iterable[Request]:
        """The home page once more, when the feeds it linked are read (see `_on_page`)."""
        if not site.home_again_due(document):
            return
        for start_url in site.target.start_urls:
            url = site.canonical(start_url)
            if url:
                self.count("discovery/home_after_feeds")
                yield self._request(site, url, "home", 0, again=True)

    def _on_page(
        self,
        site: SiteCrawl,
        kind: str,
        response: Response,
        depth: int,
        hints: dict[str, Any],
        *,
        again: bool = False,
        extracted: Extracted | None = None,
    ) -> Iterable[Any]:
        # an article is parsed once, as extraction parses it, and classified on that tree
        tree = self.articles.parse(response) if kind == "article" else None
        view: Any = tree if tree is not None else response
        page = page_kind(view)
        if page == "article" and kind == "listing" and not declares_article(view):
            # a section page with long teasers looks like an article: only metadata convinces
            self.count("classify/listing_with_article_shape")
            page = "listing"
        # an article URL whose page is merely unclear (a short brief) goes to the extractor;
        # one that declares itself a video or a gallery does not
        unclear = kind == "article" and page == "other" and not declares_media(view)
        if kind != "home" and (page == "article" or unclear):
            hints = site.clock.with_feed_date(response.url, hints)
            clock_feeds = self._clock_feeds(site, response, hints, tree)
            if clock_feeds is not None:  # the clock scout: read once sitemaps and feeds are in
                yield from clock_feeds
                return
            articles = list(self.articles.read(site, response, hints, tree, extracted))
            if articles or page == "other":  # a page that merely looks like one teaches nothing
                self._learn_shape(site, response, article=bool(articles))
            yield from articles
            if not site.sitemaps_cover:
                yield from self._harvest(site, response, depth)
            return
        self.articles.observe_listing(site, response)  # no article: chrome and teasers only
        if self.offload is not None:
            self.offload.observe_listing(
                site.name, response.url, response.body, content_type_of(response)
            )
        if kind == "article":
            self.count(f"classify/article_request_was_{page}")
            self._learn_shape(site, response, article=False)
            return
        if kind == "home" and not again and not site.probing_done("feed"):
            feeds = list(self._linked_feeds(site, response))
            if feeds:  # they may list all this page shows: its links are read after them
                site.wait_for_feeds()
                yield from feeds
                return
        yield from self._mine_listing(site, kind, response, depth)

    def _learn_shape(self, site: SiteCrawl, response: Response, *, article: bool) -> None:
        url = requested_url(response.request)  # type: ignore[arg-type]  # the URL that was guessed
        self.url_shapes.observe(site.name, url, article=article)

    def _clock_feeds(
        self, site: SiteCrawl, response: Response, hints: dict[str, Any], tree: Selector | None
    ) -> list[Request] | None:
        def feed_request(href: str) -> Request | None:
            url = site.admit_discovery(href, response.url, self.count)
            return self._request(site, url, "feed", 0) if url else None

        root = tree.root if tree is not None else None
        return observe_article(site.clock, response, hints, feed_request, root)

    def on_error(self, failure: Failure) -> Iterable[Request]:
        request: Request = failure.request  # type: ignore[attr-defined]
        site, meta = self._site(request)
        kind = meta["kind"]
        reason = failure_reason(failure)
        if is_not_modified(failure):
            self._not_modified(site, kind)
        elif reason == "ignored":  # refused by a middleware, which counted its own reason
            self.count(f"ignored/{kind}")
        else:
            self.count(failed_fetch_key(kind, reason))
            if counts_as_fetch(kind) and not request.cb_kwargs.get("probe"):  # probes may miss
                count_failure(self.count, site.name, failure)
        out: list[Request] = []
        if kind == "robots" and not site.target.profile.sitemaps:
            out.extend(self._probe(site, "sitemap"))  # no robots.txt: try the usual locations
        if request.cb_kwargs.get("probe"):
            out.extend(self._probe(site, kind))
        if kind in DOCUMENT_KINDS:
            out.extend(self._discovery_step_done(site, requested_url(request)))
        return self._outgoing(site, out, request)

    def closed(self, reason: str) -> None:
        if self.offload is not None:
            self.offload.close()
        if self.crawler.stats is not None:
            close_sites(self.crawler.stats, self.sites, reason)
