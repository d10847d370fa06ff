"""The article's section as the page shows it: a breadcrumb trail, or its category link.

A trail is found by its class (`breadcrumb`) or by what it says: a row of two to five links
that opens with the home page ("الرئيسية › اقتصاد"), as old sites write it in a `<td
class=path>`. A category link is WordPress's `rel="category tag"` or a link its theme classes as
the post's category (`td-post-category`, `cat-links`); the site's menus are not read.
"""

from __future__ import annotations

from lxml.html import HtmlElement

from newscrawl.arabic import normalize_for_matching, normalize_text
from newscrawl.extraction.attribute_words import named
from newscrawl.lexicon import HOME_CRUMBS, SECTION_LABELS

_HOME_CRUMBS = frozenset(map(normalize_for_matching, HOME_CRUMBS))
_MAX_CRUMB_WORDS = 5
_TRAIL_XPATH = f"//*[{named('breadcrumb')}]"
_TRAIL_TAGS = ("div", "td", "nav", "p", "span", "ol", "ul", "li")
_CATEGORY_XPATH = (
    '//a[contains(concat(" ", normalize-space(@rel), " "), " category ")'
    f" or {named('categor', attributes=('class',))}]"
    f" | //*[{named('cat-links', 'post-categor', 'entry-categor', attributes=('class',))}]//a"
)
_SECTION_LABELS = tuple(normalize_for_matching(label) for label in SECTION_LABELS)
_LABEL_TAIL = " :：-–|"
_MENUS = frozenset({"nav", "header", "footer", "aside"})
_ARTICLE_PARTS = frozenset({"header", "footer"})
_MENU_WORDS = ("menu", "nav", "widget", "sidebar", "footer")


def last_section_crumb(crumbs: list[str], title: str = "") -> str | None:
    """The last breadcrumb that is neither home nor the article itself.

    >>> last_section_crumb(["الرئيسية", "اقتصاد", "ارتفاع أسعار النفط في الأسواق العالمية اليوم"])
    'اقتصاد'
    """
    folded_title = normalize_for_matching(title)
    for crumb in reversed(crumbs):
        folded = normalize_for_matching(crumb)
        if not folded or folded in _HOME_CRUMBS or folded == folded_title:
            continue
        if len(folded.split()) > _MAX_CRUMB_WORDS:
            continue
        return normalize_text(crumb)
    return None


def _unclassed_trail(root: HtmlElement) -> HtmlElement | None:
    """A row of 2-5 links whose first one leads home: a breadcrumb nobody classed as one.

    >>> from lxml.html import document_fromstring
    >>> page = document_fromstring('<table><tr><td class="path"><a href="/">الرئيسية</a> &gt; '
    ...     '<a href="s.php?cat=8">منوعات</a></td></tr></table>')
    >>> [a.text for a in _unclassed_trail(page)]
    ['الرئيسية', 'منوعات']
    """
    for element in root.iter(*_TRAIL_TAGS):
        if not 2 <= len(element) <= 5 or any(child.tag != "a" for child in element):
            continue
        if normalize_for_matching(element[0].text_content()) in _HOME_CRUMBS:
            return element
    return None


def _in_menu(element: HtmlElement) -> bool:
    """Whether a link sits in the site's menus rather than in the post (an article's own
    `<header>` and `<footer>` hold its category and tags)."""
    ancestors = list(element.iterancestors())
    in_article = any(a.tag == "article" for a in ancestors)
    for ancestor in ancestors:
        if ancestor.tag == "article":
            return False
        hint = f"{ancestor.get('class') or ''} {ancestor.get('id') or ''}".lower()
        if ancestor.tag in _MENUS and not (in_article and ancestor.tag in _ARTICLE_PARTS):
            return True
        words = _MENU_WORDS[:-1] if in_article else _MENU_WORDS  # "entry-footer" is the post's
        if any(word in hint for word in words):
            return True
    return False


def _category_link(root: HtmlElement) -> str | None:
    for link in root.xpath(_CATEGORY_XPATH):
        text = normalize_text(link.text_content())
        if text and len(text.split()) <= _MAX_CRUMB_WORDS and not _in_menu(link):
            return text
    return None


def _labelled_link(root: HtmlElement) -> str | None:
    """The link a section label introduces: "نشر في … | القسم: <a>رياضة</a>".

    >>> from lxml.html import fragment_fromstring
    >>> line = fragment_fromstring('<div>نشر في : أمس | القسم: <a href="/c/1">رياضة</a></div>')
    >>> _labelled_link(line)
    'رياضة'
    """
    for link in root.iter("a"):
        before = link.getprevious()
        text = before.tail if before is not None else link.getparent().text
        folded = normalize_for_matching(text or "").rstrip(_LABEL_TAIL)
        if folded and folded.endswith(_SECTION_LABELS) and (text or "").rstrip().endswith(":"):
            name = normalize_text(link.text_content())
            if name and len(name.split()) <= _MAX_CRUMB_WORDS:
                return name
    return None


def visible_sections(root: HtmlElement, json_ld_crumbs: list[str]) -> list[str]:
    """Section candidates: JSON-LD breadcrumbs, an HTML trail, a labelled link ("القسم:"),
    the post's category link."""
    candidates = [last_section_crumb(json_ld_crumbs)]
    trail = next(iter(root.xpath(_TRAIL_XPATH)), None)
    if trail is None:
        trail = _unclassed_trail(root)
    if trail is not None:
        candidates.append(last_section_crumb([a.text_content() for a in trail.iter("a")]))
    candidates += [_labelled_link(root), _category_link(root)]
    return [c for c in candidates if c]
