"""The article text that follows a read-also block: what tells an inline block from an end list.

A block is inline when text after it is in the body. Text in sidebars, footers and reader
comments is never the article's, so it is not looked at.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from newscrawl.arabic import normalize_for_matching

_MAX_FOLLOWING = 15
_MIN_CHARS = 40
_COMMENTS_CLASS_RE = re.compile(r"comment|respond|disqus", re.I)


def _outside_article(paragraph: HtmlElement, shared: set[HtmlElement]) -> bool:
    """In a sidebar, footer or the reader comments: never the article's text, even when a body
    extractor lets it through, so it cannot make an end list look inline.

    Only the paragraph's own region counts, below what it `shared` with the block: a page-wide
    wrapper may carry any class.
    """
    for ancestor in paragraph.iterancestors():
        if ancestor in shared:
            return False
        hint = f"{ancestor.get('class') or ''} {ancestor.get('id') or ''}"
        if ancestor.tag in ("aside", "footer", "nav") or _COMMENTS_CLASS_RE.search(hint):
            return True
    return False


def following_texts(element: HtmlElement) -> list[str]:
    """Openings (folded, 120 chars) of the paragraphs after `element` that may be article text.

    >>> from lxml.html import document_fromstring
    >>> long = "نص طويل بما يكفي ليكون فقرة من المقال وليس مجرد عنوان قصير"
    >>> root = document_fromstring(f'<div><p id="x">اقرأ أيضا</p><p>{long}</p>'
    ...     f'<section class="comments"><p>{long} أيضا</p></section></div>')
    >>> len(following_texts(root.get_element_by_id("x")))
    1
    """
    texts = []
    shared = set(element.iterancestors())
    for paragraph in element.xpath(f"following::p[position() <= {_MAX_FOLLOWING}]"):
        text = normalize_for_matching(paragraph.text_content())
        if len(text) >= _MIN_CHARS and not _outside_article(paragraph, shared):
            texts.append(text[:120])
    return texts
