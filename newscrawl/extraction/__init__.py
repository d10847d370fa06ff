"""Extraction: a fetched page → Article fields, testable without crawling.

`extract_page` (bytes) and `extract_article` (decoded HTML) are the entry points the spider, the
CLI and the golden tests call; `ArticleLoader` is where every extractor's candidates meet.
"""

from newscrawl.extraction.encoding import UndecodablePage, decode_html
from newscrawl.extraction.loader import ArticleLoader
from newscrawl.extraction.page import extract_article, extract_page, parse_page

__all__ = [
    "ArticleLoader", "UndecodablePage", "decode_html", "extract_article", "extract_page",
    "parse_page",
]  # fmt: skip
