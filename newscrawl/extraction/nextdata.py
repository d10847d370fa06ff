"""The article text of script-rendered pages, from the page's JSON data island.

Next.js pages ship the data they render in `<script id="__NEXT_DATA__" type="application/json">`
(Gatsby, Nuxt payloads and in-house apps in other `application/json` scripts): on a page whose
HTML is an empty skeleton and whose JSON-LD has no `articleBody`, that is the only copy of the
text. No schema is assumed: the body is the list (of strings, or of blocks with a text field) or
the HTML string that holds the most prose.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

from lxml import etree
from lxml.html import HtmlElement, fragment_fromstring

MAX_ISLAND_CHARS = 5_000_000
MAX_NODES = 200_000
PROSE_MIN = 40  # shorter strings are titles, labels, slugs and dates
_TEXT_KEYS = ("text", "content", "value", "html", "body", "paragraph")
_HTML_TAG = re.compile(r"<(p|br|div|h[1-6])\b", re.IGNORECASE)
_SPACES = re.compile(r"\s+")


def _is_prose(text: str) -> bool:
    return len(text) >= PROSE_MIN and text.count(" ") >= 4


def _html_paragraphs(markup: str) -> list[str]:
    """Paragraph texts of an HTML string (`<p>` by `<p>`, or line by line)."""
    try:
        root = fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError):
        return []
    blocks = root.xpath(".//p | .//h2 | .//h3 | .//li | .//blockquote")
    texts = [b.text_content() for b in blocks] if blocks else root.text_content().split("\n")
    return [t for t in (_SPACES.sub(" ", x).strip() for x in texts) if t]


def _block_text(item: Any) -> str | None:
    """The text of one body block: a string, or a dict's text-like field."""
    if isinstance(item, str):
        return item
    if isinstance(item, dict):
        for key in _TEXT_KEYS:
            value = item.get(key)
            if isinstance(value, str):
                return value
    return None


def _candidates(data: Any) -> Iterator[list[str]]:
    """Paragraph lists the data could hold as a body: block lists and HTML or long strings."""
    stack, seen = [data], 0
    while stack and seen < MAX_NODES:
        node = stack.pop()
        seen += 1
        if isinstance(node, dict):
            stack.extend(node.values())
        elif isinstance(node, list):
            texts = [t for t in map(_block_text, node) if t]
            if len(texts) >= 2:
                yield [p for t in texts for p in _string_paragraphs(t)]
            stack.extend(node)
        elif isinstance(node, str) and len(node) >= 2 * PROSE_MIN:
            yield _string_paragraphs(node)


def _string_paragraphs(text: str) -> list[str]:
    if _HTML_TAG.search(text):
        return _html_paragraphs(text)
    return [t for t in (_SPACES.sub(" ", x).strip() for x in text.split("\n")) if t]


def _islands(root: HtmlElement) -> Iterator[Any]:
    for script in root.iter("script"):
        if (script.get("type") or "").lower() != "application/json":
            continue
        raw = script.text or ""
        if len(raw) <= MAX_ISLAND_CHARS:
            try:
                yield json.loads(raw)
            except ValueError:
                continue


def island_body(root: HtmlElement) -> str:
    """The body text held in the page's JSON data island, paragraphs joined by newlines; "".

    >>> from lxml.html import document_fromstring as doc
    >>> data = {"props": {"pageProps": {"article": {"title": "عنوان", "body": [
    ...     {"type": "paragraph", "text": "الفقرة الأولى من نص الخبر الذي نشره الموقع اليوم صباحا"},
    ...     {"type": "paragraph", "text": "الفقرة الثانية من نص الخبر وفيها تفاصيل إضافية كثيرة"}],
    ...     "related": [{"title": "خبر آخر"}, {"title": "خبر ثالث"}]}}}}
    >>> island = '<script id="__NEXT_DATA__" type="application/json">{}</script>'
    >>> page = island.format(json.dumps(data))
    >>> island_body(doc(page)).splitlines()[1]
    'الفقرة الثانية من نص الخبر وفيها تفاصيل إضافية كثيرة'
    >>> island_body(doc("<p>no island</p>"))
    ''
    """
    best: list[str] = []
    best_chars = 0
    for data in _islands(root):
        for paragraphs in _candidates(data):
            chars = sum(len(p) for p in paragraphs if _is_prose(p))
            if chars > best_chars:
                best, best_chars = paragraphs, chars
    return "\n".join(best)


_CAPTION_KEYS = ("caption", "credit_caption", "description", "alt")
_SOURCE_KEYS = ("url", "src", "source")


def _caption_of(node: dict[str, Any], path: str) -> str | None:
    sources = [node.get(key) for key in _SOURCE_KEYS]
    if not any(isinstance(s, str) and s and urlsplit(s).path == path for s in sources):
        return None
    for key in _CAPTION_KEYS:
        value = node.get(key)
        if isinstance(value, str) and value.strip():
            return _SPACES.sub(" ", value).strip()
    return None


def island_caption(root: HtmlElement, image_url: str) -> str | None:
    """The caption the page's JSON data island gives the picture at `image_url`, if any.

    >>> from lxml.html import document_fromstring as doc
    >>> data = {"article": {"image": {"url": "http://x.com/up/1.jpg", "caption": "الوزير"}}}
    >>> page = doc('<script type="application/json">{}</script>'.format(json.dumps(data)))
    >>> island_caption(page, "https://x.com/up/1.jpg"), island_caption(page, "/up/2.jpg")
    ('الوزير', None)
    """
    path = urlsplit(image_url).path
    if not path:
        return None
    for data in _islands(root):
        stack, seen = [data], 0
        while stack and seen < MAX_NODES:
            node = stack.pop()
            seen += 1
            if isinstance(node, dict):
                caption = _caption_of(node, path)
                if caption:
                    return caption
                stack.extend(node.values())
            elif isinstance(node, list):
                stack.extend(node)
    return None
