"""JSON-LD blocks: tolerant parsing and finding the article object among them.

Sites ship broken JSON-LD often enough (trailing commas, raw newlines inside strings, HTML
comments, several objects in one block) that a strict `json.loads` would lose the best metadata
source on many pages; each repair below is one such real-world breakage.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from lxml.html import HtmlElement

ARTICLE_TYPES = frozenset(
    {
        "article",
        "newsarticle",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "opinionnewsarticle",
        "backgroundnewsarticle",
        "blogposting",
        "liveblogposting",
        "socialmediaposting",
        "scholarlyarticle",
        "report",
    }
)
_PAGE_TYPES = frozenset({"webpage", "itempage", "collectionpage"})
_COMMENT_RE = re.compile(r"<!--|-->|<!\[CDATA\[|\]\]>")
_TRAILING_COMMA_RE = re.compile(r",\s*([}\]])")
_CONTROL_RE = re.compile(r"[\x00-\x1f]")
_MAX_DEPTH = 6


def repair_json(text: str) -> str:
    """Undo the common breakages of hand-written JSON-LD.

    >>> repair_json('<!-- {"a": [1, 2,],} -->')
    ' {"a": [1, 2]} '
    >>> repair_json('{"a": "x\\ny"}')
    '{"a": "x y"}'
    """
    text = _COMMENT_RE.sub("", text)
    text = _CONTROL_RE.sub(" ", text)
    return _TRAILING_COMMA_RE.sub(r"\1", text)


def parse_json_values(text: str) -> list[Any]:
    """All JSON values in `text`: strict first, then repaired, then one after another.

    >>> parse_json_values('{"a": 1} {"b": 2,}')
    [{'a': 1}, {'b': 2}]
    >>> parse_json_values('not json')
    []
    """
    try:
        return [json.loads(text)]
    except (ValueError, RecursionError):
        pass
    repaired = repair_json(text).strip()
    decoder = json.JSONDecoder(strict=False)
    values: list[Any] = []
    position = 0
    while position < len(repaired):
        start = repaired.find("{", position)
        bracket = repaired.find("[", position)
        if start < 0 or 0 <= bracket < start:
            start = bracket
        if start < 0:
            break
        try:
            value, position = decoder.raw_decode(repaired, start)
        except (ValueError, RecursionError):
            position = start + 1
            continue
        values.append(value)
    return values


def _flatten(value: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    # @graph and top-level arrays hold several nodes; mainEntity nests the article in a WebPage
    if depth > _MAX_DEPTH:
        return
    if isinstance(value, list):
        for item in value:
            yield from _flatten(item, depth + 1)
    elif isinstance(value, dict):
        yield value
        for key in ("@graph", "mainEntity", "mainEntityOfPage"):
            if isinstance(value.get(key), dict | list):
                yield from _flatten(value[key], depth + 1)


def json_ld_nodes(root: HtmlElement) -> list[dict[str, Any]]:
    """Every JSON-LD node of the page, `@graph` and `mainEntity` members included."""
    nodes: list[dict[str, Any]] = []
    for script in root.iter("script"):
        if "ld+json" not in (script.get("type") or "").lower():
            continue
        for value in parse_json_values(script.text or ""):
            nodes.extend(_flatten(value))
    return nodes


def node_types(node: dict[str, Any]) -> set[str]:
    """The lower-cased @type names of a node (a string or a list of strings).

    >>> sorted(node_types({"@type": ["NewsArticle", "Thing"]}))
    ['newsarticle', 'thing']
    """
    raw = node.get("@type")
    names = raw if isinstance(raw, list) else [raw]
    return {n.rsplit("/", 1)[-1].lower() for n in names if isinstance(n, str)}


def find_article_node(nodes: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The article node: an Article type, else a WebPage that carries a headline."""
    for node in nodes:
        if node_types(node) & ARTICLE_TYPES:
            return node
    for node in nodes:
        if node_types(node) & _PAGE_TYPES and node.get("headline"):
            return node
    return None


def find_typed_node(nodes: list[dict[str, Any]], type_name: str) -> dict[str, Any] | None:
    """The first node of the given @type (lower-case), e.g. 'breadcrumblist'."""
    return next((n for n in nodes if type_name in node_types(n)), None)
