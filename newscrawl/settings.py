"""Scrapy settings for newscrawl; every newscrawl-specific setting is prefixed NEWSCRAWL_."""

BOT_NAME = "newscrawl"
SPIDER_MODULES = ["newscrawl.spiders"]
NEWSPIDER_MODULE = "newscrawl.spiders"

USER_AGENT = "newscrawl/0.1 (+https://github.com/newscrawl/newscrawl)"
ROBOTSTXT_OBEY = True
TELNETCONSOLE_ENABLED = False
FEED_EXPORT_ENCODING = "utf-8"
LOG_LEVEL = "INFO"

# Politeness: one site is one host; stay gentle by default, AutoThrottle adapts to the server.
CONCURRENT_REQUESTS = 16
# items handled in parallel per response: Scrapy's 100 costs a task each for every known-URL skip
CONCURRENT_ITEMS = 10
CONCURRENT_REQUESTS_PER_DOMAIN = 4
DOWNLOAD_DELAY = 0.25
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 0.5
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0
DOWNLOAD_TIMEOUT = 30
RETRY_TIMES = 3
REDIRECT_MAX_TIMES = 10
DOWNLOAD_MAXSIZE = 10 * 1024 * 1024
DOWNLOAD_WARNSIZE = 0
# getaddrinfo, IPv4 and IPv6 (as the scope middleware's SSRF check resolves): Scrapy's default
# resolver is IPv4-only and cannot even connect to `http://[::1]:8080/`. It has no lookup timeout
# (DNS_TIMEOUT is not read); DOWNLOAD_TIMEOUT still bounds every request, its lookup included.
TWISTED_DNS_RESOLVER = "scrapy.resolver.CachingHostnameResolver"

# --- newscrawl settings -------------------------------------------------------------------
# Where the state store lives (SQLite); None: a fresh in-memory store per run.
NEWSCRAWL_STATE_DIR = None
# Output: one JSON Lines file (appended), or None for the partitioned layout under DATA_DIR.
NEWSCRAWL_OUTPUT = None
NEWSCRAWL_DATA_DIR = "data"
# Stop after this many articles are written (0: no limit).
NEWSCRAWL_MAX_ARTICLES = 0

# --- components (each owner edits only its own block) -------------------------------------
# discovery / scope / faults
DOWNLOADER_MIDDLEWARES: dict[str, int | None] = {
    "newscrawl.middlewares.scope.ScopeMiddleware": 40,
    "newscrawl.middlewares.known_urls.KnownUrlsMiddleware": 50,
    # replaced by PolitenessMiddleware: robots.txt once per host, Crawl-delay, Retry-After
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    # above RetryMiddleware (550): they see a 429/503/5xx before it is retried
    "newscrawl.middlewares.faults.FaultsMiddleware": 555,
    "newscrawl.middlewares.politeness.PolitenessMiddleware": 560,
    "newscrawl.middlewares.conditional.ConditionalGetMiddleware": 580,
}
# Scrapy's HTTP/1.1 handler, plus per-host Retry-After holds (see newscrawl.downloader.handler)
DOWNLOAD_HANDLERS = {
    "http": "newscrawl.downloader.handler.PacedHttpDownloadHandler",
    "https": "newscrawl.downloader.handler.PacedHttpDownloadHandler",
}
SPIDER_MIDDLEWARES: dict[str, int] = {
    "newscrawl.middlewares.url_memory.UrlMemoryMiddleware": 950,
}
# Navigation budgets: depth from the start page, requests per site, sitemap index recursion.
NEWSCRAWL_MAX_DEPTH = 5
NEWSCRAWL_MAX_PAGES_PER_SITE = 5000
NEWSCRAWL_MAX_SITEMAP_DEPTH = 3
NEWSCRAWL_MAX_SITEMAPS_PER_SITE = 200
# Cap on a decompressed sitemap or feed (gzip bombs).
NEWSCRAWL_MAX_SITEMAP_BYTES = 50 * 1024 * 1024
# Article links followed from an article page, only when no sitemap lists the site's articles.
NEWSCRAWL_ARTICLE_LINK_HARVEST = 5
# Article requests per site in Scrapy's scheduler and downloader at once; the others wait in the
# spider's frontier as compact (URL, depth, hints) rows, so a sitemap of 100,000 articles does
# not become 100,000 queued requests (0: hand every request to the scheduler at once).
NEWSCRAWL_FRONTIER_WINDOW = 64
# Also crawl the home and section pages when sitemaps already list the site's articles.
NEWSCRAWL_NAVIGATE_WITH_SITEMAPS = False
# The language ad-hoc targets keep (ISO 639-1, detected from the text); "any" keeps every one.
# A profile's `language` wins.
NEWSCRAWL_LANGUAGE = "ar"
# Learn per site which body blocks recur across its pages (menus, footers, comment prompts) and
# leave them out of later bodies; persisted in the state store (False: page-level rules only).
NEWSCRAWL_LEARN_BOILERPLATE = True
# Learn per site which container holds article bodies, once it has given exactly what generic
# main-content detection gives on 3 pages in a row, and read it directly (checked again on one
# page in 25); generic detection is the costliest step of extraction (False: detect every page).
NEWSCRAWL_LEARN_CONTAINERS = True
# Learn per site the affixes around its headlines ("<site> - <headline>") and strip them;
# persisted (False: only names the page itself declares are stripped).
NEWSCRAWL_LEARN_TITLES = True
# Learn per site its clock from feeds, sitemaps, JSON-LD and stated footers, for the times its
# pages print without an offset; persisted (False: each page's own evidence only).
NEWSCRAWL_LEARN_CLOCK = True
# Learn per site which URL shapes held articles and which never did, and fetch accordingly;
# persisted (False: the URL rules alone decide).
NEWSCRAWL_LEARN_URL_SHAPES = True
# Caps (seconds) on a server's Retry-After and on robots.txt Crawl-delay.
NEWSCRAWL_MAX_RETRY_AFTER = 120.0
NEWSCRAWL_MAX_CRAWL_DELAY = 30.0
# The page → Article function the spider calls (tests may swap it).
NEWSCRAWL_EXTRACTOR = "newscrawl.extraction.extract_page"
# Processes of a crawl: this one and N-1 extraction workers (`newscrawl crawl --processes N`);
# 0: one per CPU. 1 extracts in the crawler's own process.
NEWSCRAWL_PROCESSES = 0
# Where the spider looks up profile targets; None: the bundled newscrawl/profiles/sites.
NEWSCRAWL_PROFILES_DIR = None
# state / dedup / writer
EXTENSIONS: dict[str, int] = {"newscrawl.state.extension.StateExtension": 100}
ITEM_PIPELINES: dict[str, int] = {
    "newscrawl.pipelines.validate.ValidatePipeline": 100,
    "newscrawl.pipelines.fingerprint.FingerprintPipeline": 200,
    "newscrawl.pipelines.dedup.ExactDedupPipeline": 300,
    "newscrawl.pipelines.neardup.NearDuplicatePipeline": 400,
    "newscrawl.pipelines.jsonl.JsonLinesWriterPipeline": 900,
}
# Writer durability: fsync (and mark done) every N items or T seconds, whichever comes first.
NEWSCRAWL_FSYNC_ITEMS = 20
NEWSCRAWL_FSYNC_SECONDS = 1.0
# Near-duplicates: "mark" (set near_duplicate_of), "drop", or "off"; verified 5-word-shingle
# resemblance threshold (0.6: never marks below 0.5, always from 0.7; see pipelines/neardup.py).
NEWSCRAWL_NEAR_DUPLICATES = "mark"
NEWSCRAWL_NEAR_DUPLICATE_THRESHOLD = 0.6
# distributed crawl (newscrawl.distributed): Redis URL (None: one process) and state name; a worker
# silent for LEASE_SECONDS is dead, workers stop after IDLE_TIMEOUT with nothing left to do, and
# after PATIENCE seconds of Redis being down; ORPHAN_WAIT: see README "Distributed crawling".
NEWSCRAWL_REDIS_URL = None
NEWSCRAWL_REDIS_NAME = "default"
NEWSCRAWL_REDIS_LEASE_SECONDS = 30.0
NEWSCRAWL_REDIS_IDLE_TIMEOUT = 10.0
NEWSCRAWL_REDIS_PATIENCE = 60.0
NEWSCRAWL_REDIS_ORPHAN_WAIT = 300.0
