"""Rows of links that are page chrome: menus, breadcrumbs, tool links ("طباعة | أرسل لصديق").

Table-layout sites have no <nav>, <header> or link-dense <div> for a main-content detector to
discard: the menu is a cell of links separated by "|", the breadcrumb a line of links separated
by ">" or "»" in the same table as the text. What makes them chrome is their shape, the same on
every site: a *line* (the content of an element between two <br>s or block children) made only
of links with separators between them, or a line that opens with a link to the home page
followed by a separator (a breadcrumb, whose last item may be the plain-text headline).

A sentence that merely holds links has words between them and is never such a line.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml import etree
from lxml.html import HtmlElement

from newscrawl.arabic import normalize_for_matching, normalize_text
from newscrawl.lexicon import HOME_CRUMBS

# What sites put between menu items and breadcrumb steps; guillemets too ("»" is also an
# Arabic quotation mark, but only links may stand between them here)
_SEPARATORS = frozenset("|¦•·»«›‹><:/\\-–—،,;؛[](){}*~")
_CRUMB_SEPARATORS = frozenset("»«›‹></\\|-–—")
_MENU_ITEM_MAX_WORDS = 5
_CRUMB_MAX_CHARS = 200
_HOME_CRUMBS = frozenset(map(normalize_for_matching, HOME_CRUMBS))
_NEVER_ROWS = frozenset({"script", "style", "noscript", "head", "title", "select", "option"})
_TEXT_CAP = 300  # longer texts are never menu items or breadcrumbs: not kept


@dataclass
class _Line:
    """One line of an element: its link-only children and the text pieces around them."""

    links: list[HtmlElement] = field(default_factory=list)
    link_texts: list[str] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    others: list[HtmlElement] = field(default_factory=list)  # textless children (icons)
    owners: list[tuple[HtmlElement, str]] = field(default_factory=list)  # (element, "text"|"tail")


def is_separator_text(text: str) -> bool:
    """Whitespace and separator characters only.

    >>> is_separator_text(" | "), is_separator_text(" » "), is_separator_text("الوسوم:")
    (True, True, False)
    """
    return all(ch.isspace() or ch in _SEPARATORS for ch in text)


@dataclass
class _Texts:
    """What one pass over the tree learns of every element, so no subtree is read twice."""

    other: dict[HtmlElement, bool] = field(default_factory=dict)  # text outside links
    text: dict[HtmlElement, str | None] = field(default_factory=dict)  # None: over the cap

    @classmethod
    def of(cls, root: HtmlElement) -> _Texts:
        texts = cls()
        for _event, element in etree.iterwalk(root, events=("end",)):
            texts.add(element)
        return texts

    def add(self, element: HtmlElement) -> None:
        if not isinstance(element.tag, str) or element.tag in _NEVER_ROWS:
            self.other[element], self.text[element] = False, ""
            return
        own = [element.text or ""]
        other = bool(own[0].strip())
        for child in element:
            text = self.text.get(child, "")
            if text is None:  # a child over the cap: so is this element
                self.other[element], self.text[element] = element.tag != "a", None
                return
            own += [text, child.tail or ""]
            other = other or self.other.get(child, False) or bool((child.tail or "").strip())
        self.other[element] = other and element.tag != "a"  # all text of a link is link text
        joined = "".join(own)
        self.text[element] = joined if len(joined) <= _TEXT_CAP else None

    def link_text(self, element: HtmlElement) -> str | None:
        """The text of a child that is only a link (an <a>, or a wrapper of link text only)."""
        if self.other.get(element, True):
            return None
        text = self.text.get(element)
        return normalize_text(text) if text else None

    def has_text(self, element: HtmlElement) -> bool:
        text = self.text.get(element)
        return text is None or bool(text.strip())


def _lines(element: HtmlElement, texts: _Texts) -> Iterator[_Line]:
    """Lines of an element's own content, split at <br> and at children holding other text."""
    line = _Line()
    line.texts.append(element.text or "")
    line.owners.append((element, "text"))
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        text = texts.link_text(child) if tag and tag != "br" else None
        if text:
            line.links.append(child)
            line.link_texts.append(text)
        elif tag == "br" or (tag and texts.has_text(child)):
            yield line  # a child with text of its own ends the line (it is a line itself)
            line = _Line()
        else:
            line.others.append(child)
        line.texts.append(child.tail or "")
        line.owners.append((child, "tail"))
    yield line


def _is_menu(line: _Line) -> bool:
    if len(line.links) < 2 or not all(map(is_separator_text, line.texts)):
        return False
    if any(len(text.split()) > _MENU_ITEM_MAX_WORDS for text in line.link_texts):
        return False
    # two links need a visible separator between them; three or more are a run by themselves
    return len(line.links) >= 3 or any(t.strip() for t in line.texts)


def _is_breadcrumb(line: _Line) -> bool:
    if not line.links or normalize_for_matching(line.link_texts[0]) not in _HOME_CRUMBS:
        return False
    if normalize_text(line.texts[0]):  # text before the home link: a sentence, not a crumb
        return False
    after_home = line.texts[line.owners.index((line.links[0], "tail"))]
    if not any(ch in _CRUMB_SEPARATORS for ch in after_home):
        return False
    return len(normalize_text("".join(line.texts + line.link_texts))) <= _CRUMB_MAX_CHARS


def _remove(line: _Line) -> list[HtmlElement]:
    """Cut the line out of the tree; returns the elements that left it."""
    for owner, slot in line.owners:
        setattr(owner, slot, None)
    gone = [*line.links, *line.others]
    for child in gone:
        parent = child.getparent()
        if parent is not None:
            parent.remove(child)
    return gone


def drop_link_rows(root: HtmlElement) -> int:
    """Remove every menu row and breadcrumb line from the tree; returns how many went.

    >>> from lxml.html import fragment_fromstring
    >>> cell = fragment_fromstring(
    ...     '<td><a href="/">الرئيسية</a> &gt; <a href="/s">اقتصاد</a><br>'
    ...     'ارتفعت أسعار <a href="/t">النفط</a> و<a href="/g">الذهب</a> اليوم</td>')
    >>> drop_link_rows(cell), normalize_text(cell.text_content())
    (1, 'ارتفعت أسعار النفط والذهب اليوم')
    """
    removed = 0
    texts = _Texts.of(root)
    candidates = [
        e for e in root.iter() if isinstance(e.tag, str) and e.tag not in _NEVER_ROWS and len(e)
    ]
    detached: set[HtmlElement] = set()  # a set, not a walk up: hostile pages nest deep
    for element in candidates:
        if element in detached:
            continue
        for line in list(_lines(element, texts)):
            if _is_menu(line) or _is_breadcrumb(line):
                for child in _remove(line):
                    detached.update(child.iter())
                removed += 1
    return removed
