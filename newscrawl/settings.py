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
DNS_TIMEOUT = 20

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
DOWNLOADER_MIDDLEWARES: dict[str, int] = {}
SPIDER_MIDDLEWARES: dict[str, int] = {}
# state / dedup / writer
EXTENSIONS: dict[str, int] = {}
ITEM_PIPELINES: dict[str, int] = {}
