"""Title loading: gathers what the page says about its headline and its own name, then lets
`title.choose_title` decide.

Besides metadata, a page names itself in its links to its home page (the logo, "<a href=/>Site
</a>") and in its host name, and shows its headline as a heading: an h2, a `<font
class=title>` or a `<b>` in a table cell on sites without an h1. What the crawl learnt about the
site (`SiteLearner`) adds the affixes that repeat around its titles.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urljoin, urlsplit

from lxml.html import HtmlElement

from newscrawl.arabic import normalize_for_matching, normalize_text
from newscrawl.extraction.attribute_words import named
from newscrawl.extraction.loader import ArticleLoader
from newscrawl.extraction.metadata import PageMetadata
from newscrawl.extraction.profile_selectors import ProfileFields
from newscrawl.extraction.site_learning import SiteLearner
from newscrawl.extraction.title import choose_title, site_names_around
from newscrawl.lexicon import HOME_CRUMBS

_HEADING_XPATH = (
    "//h1 | //h2 | //h3 | //h4 | //td/b | //td/font | //td/strong"
    f" | //*[{named('title', 'headline')}]"
)
_MAX_HEADINGS = 120
_MAX_HEADING_CHARS = 300
_HOME_PATHS = frozenset({"", "/", "/index.php", "/index.html", "/index.htm", "/default.aspx"})
# cheap first look at an href, so that only the few that may lead home are resolved
_HOME_HREF_RE = re.compile(
    r"\s*(?:(?:https?:)?//[^/?#]+)?/?(?:\./)?(?:index\.\w+|default\.aspx)?/?\s*$", re.I
)
_HOME_CRUMBS = frozenset(map(normalize_for_matching, HOME_CRUMBS))
_MIN_NAME_CHARS = 3
_MAX_NAME_CHARS = 60
_MAX_NAMES = 4
_HOST_PREFIXES = frozenset({"www", "m", "amp", "ar", "arabic", "mobile"})
_IP_RE = re.compile(r"^[\d.]+$|:")


def visible_headings(root: HtmlElement) -> list[str]:
    """Short texts of the page's headings and title-like elements, in document order."""
    found: list[str] = []
    for element in root.xpath(_HEADING_XPATH)[:_MAX_HEADINGS]:
        text = normalize_text(element.text_content())
        if 0 < len(text) <= _MAX_HEADING_CHARS:
            found.append(text)
    return found


def home_link_names(root: HtmlElement, page_url: str) -> list[str]:
    """What the page's links to its own home page say (logo text, alt or title): its name.

    >>> from lxml.html import document_fromstring
    >>> page = document_fromstring(
    ...     "<html><body><h1><a href='/'>جريدة الغد</a></h1><a href='/'>الرئيسية</a>"
    ...     "<a href='/index.php'><img alt='الغد'></a><a href='/news'>أخبار</a></body></html>")
    >>> home_link_names(page, "https://alghad.example/news/1")
    ['جريدة الغد', 'الغد']
    """
    host = urlsplit(page_url).netloc
    names: list[str] = []
    for link in root.iter("a"):
        href = link.get("href")
        if href is None or not _HOME_HREF_RE.match(href):
            continue
        target = urlsplit(urljoin(page_url, href))
        if target.netloc != host or target.path not in _HOME_PATHS or target.query:
            continue
        texts = [link.text_content(), link.get("title") or ""]
        texts += [img.get("alt") or "" for img in link.iter("img")]
        for text in map(normalize_text, texts):
            folded = normalize_for_matching(text)
            fits = _MIN_NAME_CHARS <= len(text) <= _MAX_NAME_CHARS
            if fits and folded not in _HOME_CRUMBS and text not in names:
                names.append(text)
        if len(names) >= _MAX_NAMES:
            break
    return names[:_MAX_NAMES]


def host_names(page_url: str) -> list[str]:
    """The name a host spells: "www.alghad-news.com" -> "alghad-news"; none for an IP.

    >>> host_names("https://www.alghad-news.com/a/1"), host_names("http://127.0.0.1:8080/")
    (['alghad-news'], [])
    """
    host = urlsplit(page_url).hostname or ""
    if not host or _IP_RE.search(host) or "." not in host:
        return []
    labels = [label for label in host.split(".")[:-1] if label not in _HOST_PREFIXES]
    return labels[:1] if labels and len(labels[0]) >= _MIN_NAME_CHARS else []


def load_title(
    loader: ArticleLoader,
    root: HtmlElement,
    meta: PageMetadata,
    fields: ProfileFields,
    hints: dict[str, Any],
    site_names: list[str],
    learner: SiteLearner | None = None,
) -> None:
    """Title: profile selector, else the h1/heading/declared-title choice."""
    if loader.add_first("title", fields.texts("title")):
        return
    h1s = [normalize_text(h.text_content()) for h in root.iter("h1")][:5]
    title_element = root.find(".//title")
    html_title = normalize_text(title_element.text_content()) if title_element is not None else ""
    hint = hints.get("title")
    titles = [*meta.titles, *([hint] if isinstance(hint, str) else [])]
    if learner is not None:
        learner.observe(html_title, meta.titles, h1s)
    page_url = loader.get_output_value("url") or ""
    own = [*home_link_names(root, page_url), *host_names(page_url)]
    affixes = [*own, *(learner.affixes() if learner is not None else [])]
    title = choose_title(
        h1s, meta.headlines, titles, site_names, html_title,
        headings=lambda: visible_headings(root), affixes=affixes,
    )  # fmt: skip
    loader.add_value("title", title)
    if title:
        # sites without og:site_name still name themselves around the headline in <title>
        around = site_names_around(title, [*titles, html_title])
        loader.context["site_names"] = [*site_names, *around]
