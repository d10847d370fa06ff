"""newscrawl: crawl Arabic news sites into a clean, deduplicated JSON Lines dataset."""

__version__ = "0.1.0"
