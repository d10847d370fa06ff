"""Page → Article: runs the layered extractors and feeds their candidates to the ArticleLoader."""

from __future__ import annotations

import logging
import re
from typing import Any
from urllib.parse import urlsplit

from lxml import etree
from lxml.html import HtmlElement, HTMLParser, document_fromstring
from parsel import Selector

from newscrawl.arabic import normalize_for_matching
from newscrawl.discovery.scope import SiteScope
from newscrawl.extraction.body import (
    clean_paragraphs,
    container_paragraphs,
    drop_media_boxes,
    generic_paragraphs,
)
from newscrawl.extraction.boilerplate import PageTexts
from newscrawl.extraction.candidates import (
    load_dates,
    load_image,
    load_people_and_topics,
)
from newscrawl.extraction.clock import page_stated_clock
from newscrawl.extraction.encoding import decode_html
from newscrawl.extraction.headline import load_title
from newscrawl.extraction.language import detect_language
from newscrawl.extraction.lead import with_lead
from newscrawl.extraction.loader import ArticleLoader
from newscrawl.extraction.metadata import PageMetadata, read_metadata
from newscrawl.extraction.navrows import drop_link_rows
from newscrawl.extraction.nextdata import island_body
from newscrawl.extraction.profile_selectors import ProfileFields
from newscrawl.extraction.related import RelatedBlock, cut_related_blocks
from newscrawl.extraction.site_blocks import BlockLearner
from newscrawl.extraction.site_container import ContainerLearner
from newscrawl.extraction.site_learning import SiteLearner
from newscrawl.items import Article, RelatedLink
from newscrawl.profiles import SiteProfile
from newscrawl.urls import article_url

logger = logging.getLogger(__name__)

# the HTML body must hold at least this share of JSON-LD articleBody, else articleBody is used
_MIN_BODY_SHARE = 0.5
_NOT_XML_CHARS_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def extract_page(
    body: bytes,
    url: str,
    *,
    content_type: str | None = None,
    profile: SiteProfile | None = None,
    hints: dict[str, Any] | None = None,
    fetched_at: str | None = None,
    timezone: str | None = None,
    learned: SiteLearner | None = None,
    page: Selector | None = None,
) -> Article | None:
    """Decode and extract a fetched page; raises `UndecodablePage` for garbled pages.

    `page`: the page as `parse_page` gave it, when the caller read it already (the spider
    classifies a page on that tree, so it is parsed once); extraction edits it.
    """
    if page is None:
        html = decode_html(body, content_type)
        return extract_article(
            html, url, profile=profile, hints=hints, fetched_at=fetched_at, timezone=timezone,
            learned=learned,
        )  # fmt: skip
    return _guarded(page, url, profile, hints or {}, fetched_at, timezone, learned)


def parse_page(body: bytes, url: str, content_type: str | None = None) -> Selector | None:
    """The page decoded (`decode_html`, which raises `UndecodablePage`) and parsed as
    extraction parses it; None when there is no HTML tree to read.

    >>> parse_page("<h1>عنوان</h1>".encode(), "http://x.com/a").xpath("//h1/text()").get()
    'عنوان'
    """
    return _parse(decode_html(body, content_type), url)


def extract_article(
    html: str,
    url: str,
    *,
    profile: SiteProfile | None = None,
    hints: dict[str, Any] | None = None,
    fetched_at: str | None = None,
    timezone: str | None = None,
    learned: SiteLearner | None = None,
) -> Article | None:
    """The article of a decoded page, or None when the page has no title or no body.

    `timezone` is the site's clock as the crawl learnt it, for dates printed without an
    offset; the profile's own `timezone` wins over it, and it over a clock the page states.
    `learned` is what the crawl learnt about the site's titles; extraction adds to it.

    Never raises: a page that breaks an extractor is logged and treated as having no article,
    so one hostile page cannot stop a crawl (the caller counts the None).
    """
    try:
        selector = _parse(html, url)
    except Exception:
        logger.exception("extraction failed on %s", url)
        return None
    if selector is None:
        return None
    return _guarded(selector, url, profile, hints or {}, fetched_at, timezone, learned)


def _guarded(
    selector: Selector,
    url: str,
    profile: SiteProfile | None,
    hints: dict[str, Any],
    fetched_at: str | None,
    timezone: str | None,
    learned: SiteLearner | None,
) -> Article | None:
    try:
        return _extract(selector, url, profile, hints, fetched_at, timezone, learned)
    except Exception:
        logger.exception("extraction failed on %s", url)
        return None


def _parse(html: str, url: str) -> Selector | None:
    if not isinstance(html, str) or not html.strip():
        return None
    # comments removed at parse time: comment nodes inside paragraphs split their text and
    # made trafilatura drop sentences on the corpus (NYT page: recall 0.95 -> 1.00)
    parser = HTMLParser(remove_comments=True, remove_pis=True, huge_tree=True, encoding="utf-8")
    # lxml keeps control characters it parsed but refuses them when the tree is edited later
    text = _NOT_XML_CHARS_RE.sub("", html)
    try:
        root = document_fromstring(text.encode("utf-8", "replace"), parser=parser)
    except (etree.ParserError, ValueError):
        return None
    if not isinstance(root, HtmlElement):
        return None
    return Selector(root=root, type="html", base_url=url)


def _site(url: str, profile: SiteProfile | None) -> str:
    return profile.name if profile else (urlsplit(url).hostname or "")


def _extract(
    selector: Selector,
    url: str,
    profile: SiteProfile | None,
    hints: dict[str, Any],
    fetched_at: str | None,
    timezone: str | None = None,
    learned: SiteLearner | None = None,
) -> Article | None:
    root: HtmlElement = selector.root
    # every step below walks the tree again; lxml makes a Python proxy (through the HTML
    # class lookup) for each element it hands out that has none alive, so holding one per
    # element for the whole extraction saves ~3,000 lookups on a page of 500 elements
    elements = list(root.iter())
    meta = read_metadata(root)
    page_url = canonical_url(url, meta.canonical_urls, profile)
    if page_url is None:
        logger.warning("not extracting %r: no http(s) URL (give the page URL)", url)
        return None
    fields = ProfileFields(profile, selector)
    site_names = [*meta.site_names, *([profile.title] if profile and profile.title else [])]
    loader = ArticleLoader(
        timezone=(profile and profile.timezone) or timezone or page_stated_clock(root),
        base_url=page_url,
        site_names=site_names,
    )
    loader.add_value("url", page_url)
    loader.add_value("site", _site(url, profile))
    loader.add_value("fetched_at", fetched_at)
    load_title(loader, root, meta, fields, hints, site_names, learned)
    load_dates(loader, root, meta, fields, hints)
    load_people_and_topics(loader, root, meta, fields, hints)
    load_image(loader, root, meta, fields)
    _load_body(loader, root, meta, fields, url, learned)
    del elements  # the proxies go with the tree
    return loader.to_article()


def _load_body(
    loader: ArticleLoader,
    root: HtmlElement,
    meta: PageMetadata,
    fields: ProfileFields,
    url: str,
    learned: SiteLearner | None = None,
) -> None:
    """Body and related links; runs last because it cuts nodes out of the tree.

    The profile's `remove` selectors apply to the body only: a profile may read a field (tags,
    say) from a box it removes so that the box is not taken for body or read-also text.
    What the crawl learnt of the site (`learned`) counts this page's blocks and leaves out those
    that recur, and may give the site's body container, read instead of detecting one.
    """
    recurring = learned.blocks if learned else None
    fields.remove_noise()
    blocks = cut_related_blocks(root, loader.get_output_value("url"), fields.related_elements())
    drop_media_boxes(root)
    drop_link_rows(root)  # after the read-also cut: its link lists are related links
    paragraphs = fields.body_paragraphs(container_paragraphs)
    if not paragraphs:
        container = learned.body if learned else None
        paragraphs = with_lead(root, _detected_paragraphs(root, url, container))
    title = loader.get_output_value("title") or ""
    caption = loader.get_output_value("image_caption") or ""
    authors = tuple(loader.get_output_value("authors") or ())
    page_texts = PageTexts(normalize_for_matching(title), normalize_for_matching(caption), authors)
    page = loader.get_output_value("url") or url  # the canonical URL: one count per article
    body = "\n\n".join(_site_cleaned(clean_paragraphs(paragraphs, page_texts), recurring, page))
    declared = max(meta.article_bodies, key=len, default="") or island_body(root)
    if len(body) < _MIN_BODY_SHARE * len(declared):
        # script-rendered pages ship the text only in JSON-LD articleBody or a JSON data island
        body = "\n\n".join(clean_paragraphs(declared.splitlines(), page_texts))
    loader.add_value("body", body or None)
    loader.add_value("related_links", related_links(blocks, body))
    loader.add_value("language", detect_language(f"{title}\n{body}") if body else None)


def _detected_paragraphs(root: HtmlElement, url: str, learnt: ContainerLearner | None) -> list[str]:
    fast = learnt.fast_paragraphs(root) if learnt else None
    if fast is not None:
        return fast
    paragraphs = generic_paragraphs(root, url)
    if learnt is not None:
        learnt.learn(root, paragraphs)
    return paragraphs


def _site_cleaned(paragraphs: list[str], recurring: BlockLearner | None, url: str) -> list[str]:
    if recurring is None:
        return paragraphs
    recurring.observe_article(url, paragraphs)  # this page counts: the third one is cut too
    return recurring.strip(paragraphs)


def canonical_url(url: str, candidates: list[str], profile: SiteProfile | None) -> str | None:
    """The page's declared canonical URL when it stays on the same site, else the fetched URL.

    The crawl decides with the same function (`newscrawl.urls.article_url`) and scope rules, so a
    page extracted alone gets the URL the crawl would emit. A page read from disk (a file: URL)
    takes its declared absolute canonical URL; None when there is none, or when the fetched URL
    is neither http(s) nor file.
    """
    scope = SiteScope.for_site([url], profile.domains if profile else ())
    trailing = profile.trailing_slash if profile else None
    return article_url(url, candidates, same_site=scope.contains, trailing_slash=trailing)


def related_links(blocks: list[RelatedBlock], body: str) -> list[RelatedLink]:
    """Links of the cut read-also blocks; "inline" when article text follows the block."""
    folded_body = normalize_for_matching(body)
    links: list[RelatedLink] = []
    seen: set[str] = set()
    for block in blocks:
        inline = any(text in folded_body for text in block.following_texts)
        for link_url, link_title in block.links:
            if link_url not in seen:
                seen.add(link_url)
                links.append(RelatedLink(link_url, link_title, "inline" if inline else "end"))
    return links
