"""Main-content detection: the article's paragraphs in reading order.

With a profile body selector the paragraphs come from that container; otherwise trafilatura
finds the container (it scored best on the real-page corpus, see BENCHMARKS.md)
on a copy of the tree from which read-also blocks were already cut. Every paragraph then goes
through the same boilerplate filter.
"""

from __future__ import annotations

import copy
import logging
import re

import trafilatura
from lxml import etree
from lxml.html import HtmlElement

from newscrawl.arabic import normalize_text
from newscrawl.extraction.boilerplate import PageTexts, is_boilerplate, is_comment_heading

logger = logging.getLogger(__name__)

_PARAGRAPH_TAGS = frozenset({"p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "td"})
_SKIP_TAGS = frozenset({"script", "style", "noscript", "figcaption", "figure", "iframe", "form"})
_CONTAINER_TAGS = frozenset(
    {"div", "section", "article", "main", "ul", "ol", "table", "tbody", "thead", "tr", "center"}
)
_MEDIA_CLASS_RE = re.compile(
    r"(?:^|[\s_-])(?:image|img|photo|picture|pic|media|figure|caption|thumb|gallery)", re.I
)
_MEDIA_MAX_CHARS = 250
_XML_PARAGRAPHS = frozenset({"p", "head", "item", "quote", "cell", "code"})
# A comments heading ends the body only below some article text: above it (a "3 تعليقات" link
# in the meta line under the headline) it is one chrome line and the article follows.
_BODY_BEFORE_COMMENTS_PARAGRAPHS = 2
_BODY_BEFORE_COMMENTS_CHARS = 200


def _split_lines(text: str) -> list[str]:
    return [line for line in (normalize_text(part) for part in text.split("\n")) if line]


def container_paragraphs(container: HtmlElement) -> list[str]:
    """Paragraph texts of a known body container, in document order.

    Block elements give one paragraph each; loose text directly in the container (sites that
    separate paragraphs with <br>) gives one paragraph per line.

    >>> from lxml.html import fragment_fromstring
    >>> html = '<div><p>الفقرة الأولى</p>نص حر<br>سطر آخر<h2>عنوان</h2><ul><li>بند</li></ul></div>'
    >>> container_paragraphs(fragment_fromstring(html))
    ['الفقرة الأولى', 'نص حر', 'سطر آخر', 'عنوان', 'بند']
    >>> nested = '<div><div>أولى<br>ثانية</div><div>ثالثة</div></div>'
    >>> container_paragraphs(fragment_fromstring(nested))
    ['أولى', 'ثانية', 'ثالثة']
    """
    paragraphs: list[str] = []
    loose: list[str] = [container.text or ""]
    opened: set[HtmlElement] = set()  # elements walked into, as opposed to read whole

    def flush() -> None:
        paragraphs.extend(_split_lines("".join(loose)))
        loose.clear()

    # iterative walk: profile containers can be nested thousands deep on hostile pages
    walker = etree.iterwalk(container, events=("start", "end"))
    for event, element in walker:
        tag = element.tag if isinstance(element.tag, str) else ""
        if element is container or tag in _SKIP_TAGS:
            if event == "start" and element is not container:
                walker.skip_subtree()
            elif event == "end" and element is not container:
                loose.append(element.tail or "")
            continue
        if event == "end":
            if element in opened:
                flush()
            loose.append(element.tail or "")
        elif tag in _CONTAINER_TAGS or (tag != "br" and _has_blocks(element)):
            opened.add(element)
            flush()
            loose.append(element.text or "")
        else:
            walker.skip_subtree()
            if tag in _PARAGRAPH_TAGS:
                flush()
                paragraphs.extend(_split_lines(_text_with_breaks(element)))
            else:
                loose.append("\n" if tag == "br" else _text_with_breaks(element))
    flush()
    return paragraphs


def _has_blocks(element: HtmlElement) -> bool:
    return any(
        d.tag in _PARAGRAPH_TAGS or d.tag in _CONTAINER_TAGS for d in element.iterdescendants()
    )


def _text_with_breaks(element: HtmlElement) -> str:
    parts = [element.text or ""]
    for child in element.iterdescendants():
        if child.tag == "br":
            parts.append("\n")
        elif isinstance(child.tag, str) and child.tag not in _SKIP_TAGS:
            parts.append(child.text or "")
        parts.append(child.tail or "")
    return "".join(parts)


def generic_paragraphs(root: HtmlElement, url: str) -> list[str]:
    """Paragraphs trafilatura finds as the main content of the page."""
    try:
        xml = trafilatura.extract(
            copy.deepcopy(root),
            url=url,
            output_format="xml",
            include_comments=False,
            favor_precision=True,  # same F1 on the Arabic pages, +0.005 on the whole corpus
            include_tables=True,
            include_images=False,
            include_links=False,
            deduplicate=False,
            with_metadata=False,
        )
    except (ValueError, TypeError, AttributeError, RecursionError, etree.LxmlError) as exc:
        logger.warning("trafilatura failed on %s: %s", url, exc)
        return []
    if not xml:
        return []
    try:
        tree = etree.fromstring(xml.encode("utf-8"))
    except etree.XMLSyntaxError:
        return []
    main = tree.find("main")
    return xml_paragraphs(main) if main is not None else []


def xml_paragraphs(main: etree._Element) -> list[str]:
    """Paragraphs of trafilatura's XML <main>: leaf blocks, plus text loose between blocks.

    >>> xml = "<main><p>أولى<lb/>ثانية</p>نص حر<list><item>بند</item></list></main>"
    >>> main = etree.fromstring(xml)
    >>> xml_paragraphs(main)
    ['أولى', 'ثانية', 'نص حر', 'بند']
    >>> xml_paragraphs(etree.fromstring("<main><cell>الأولى<p>الثانية</p></cell></main>"))
    ['الأولى', 'الثانية']
    """
    paragraphs: list[str] = _split_lines(main.text or "")
    leaves: set[etree._Element] = set()
    for element in main.iter():
        if element is main or any(a in leaves for a in element.iterancestors()):
            continue
        if element.tag in _XML_PARAGRAPHS and not any(
            d.tag in _XML_PARAGRAPHS for d in element.iterdescendants()
        ):
            leaves.add(element)
            parts = [element.text or ""]
            for child in element:
                parts.append("\n" if child.tag == "lb" else "".join(child.itertext()))
                parts.append(child.tail or "")
            paragraphs.extend(_split_lines("".join(parts)))
        elif element.tag != "lb":
            # a table cell of <br>-separated text comes out as the cell's own text (the first
            # line) followed by <p>s: the cell is no leaf, but its text is the lead paragraph
            paragraphs.extend(_split_lines(element.text or ""))
        paragraphs.extend(_split_lines(element.tail or ""))
    return paragraphs


def clean_paragraphs(paragraphs: list[str], page: PageTexts) -> list[str]:
    """Drop boilerplate and exact repeats, keeping reading order; stop at the readers' comments.

    >>> lines = ["نص الخبر الأول", "شارك", "نص الخبر الأول", "تابعونا على تويتر"]
    >>> clean_paragraphs(lines, PageTexts())
    ['نص الخبر الأول']
    >>> lines = ["الفقرة الأولى", "الفقرة الثانية", "التعليقات (2)", "رأي قارئ"]
    >>> clean_paragraphs(lines, PageTexts())
    ['الفقرة الأولى', 'الفقرة الثانية']
    """
    seen: set[str] = set()
    kept: list[str] = []
    for paragraph in paragraphs:
        if is_comment_heading(paragraph) and _comments_follow(kept):
            break
        if paragraph in seen or is_boilerplate(paragraph, page):
            continue
        seen.add(paragraph)
        kept.append(paragraph)
    return kept


def _comments_follow(kept: list[str]) -> bool:
    return (
        len(kept) >= _BODY_BEFORE_COMMENTS_PARAGRAPHS
        or sum(map(len, kept)) >= _BODY_BEFORE_COMMENTS_CHARS
    )


def drop_media_boxes(root: HtmlElement) -> None:
    """Remove image/caption boxes so their captions are not read as paragraphs."""
    boxes = [
        element
        for element in root.iter("div", "figure", "span", "p", "table")
        if _MEDIA_CLASS_RE.search(f"{element.get('class') or ''} {element.get('id') or ''}")
        and (element.tag == "figure" or any(True for _ in element.iter("img")))
        and len(normalize_text(element.text_content())) <= _MEDIA_MAX_CHARS
    ]
    for box in boxes:
        if box.getparent() is not None:
            box.drop_tree()
