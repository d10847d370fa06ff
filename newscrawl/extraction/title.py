"""Headline selection: the headline the page shows, as its declared titles spell it, without
the site's name around it.

Evidence, strongest first: an h1 that a declared title (og:title, JSON-LD headline, <title>)
confirms; a declared title, or one side of it, that the page shows as a heading; a declared
title without its site affix. Site names come from metadata, from the page's links to its home
page, from the host name and from what the crawl learnt about the site (`affixes`: segments
seen around the titles of most of its pages), so a logo h1 or a "Site - " prefix is never taken
for the headline.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from newscrawl.arabic import normalize_for_matching, normalize_text

_SEPARATOR_RE = re.compile(r"\s+(?:[|\-–—»:]|::)\s+")
# Around a known site name a title may also be cut at "Blog: " or "Site|": only a name is cut.
_NAME_SEPARATOR_RE = re.compile(r"\s+(?:[|\-–—»:]|::)\s+|:\s+|\s*[|»]\s*")
_PIPE_SUFFIX_MAX_WORDS = 5
_MIN_H1_CHARS = 8
_MIN_SITE_NAME_CHARS = 3


def _is_site_name(segment: str, site_names: Iterable[str]) -> bool:
    folded = normalize_for_matching(segment)
    if not folded:
        return False
    for name in site_names:
        other = normalize_for_matching(name)
        if other and (folded == other or folded in other or other in folded):
            return True
    return False


def _is_affix(segment: str, affixes: Iterable[str]) -> bool:
    # learnt affixes match exactly: a short one must not eat a headline that contains it
    folded = normalize_for_matching(segment)
    return bool(folded) and any(folded == normalize_for_matching(a) for a in affixes)


def _names_site(segment: str, names: Sequence[str], affixes: Sequence[str]) -> bool:
    return _is_site_name(segment, names) or _is_affix(segment, affixes)


def _cut_named_affix(text: str, names: Sequence[str], affixes: Sequence[str]) -> str | None:
    separators = list(_NAME_SEPARATOR_RE.finditer(text))
    if not separators:
        return None
    first, last = separators[0], separators[-1]
    if _names_site(text[last.end() :], names, affixes):
        return text[: last.start()].strip() or None
    if _names_site(text[: first.start()], names, affixes):
        return text[first.end() :].strip() or None
    return None


def _cut_pipe_suffix(text: str) -> str | None:
    # pipes almost never occur inside headlines, dashes do
    separators = list(_SEPARATOR_RE.finditer(text))
    if not separators or "|" not in separators[-1].group():
        return None
    tail = text[separators[-1].end() :]
    short = len(tail.split()) <= _PIPE_SUFFIX_MAX_WORDS
    return text[: separators[-1].start()].strip() if short else None


def strip_site_name(title: str, site_names: Iterable[str] = (), affixes: Iterable[str] = ()) -> str:
    """Remove a " - Site" / " | Site" suffix or "Site | " / "Site: " prefix.

    The cut segment must name the site (or be a learnt affix), or be a short segment after a
    pipe.

    >>> strip_site_name("ارتفاع أسعار النفط - جريدة المساء", ["جريدة المساء"])
    'ارتفاع أسعار النفط'
    >>> strip_site_name("الوزير: لا زيادة في الضرائب | الأخبار")
    'الوزير: لا زيادة في الضرائب'
    >>> strip_site_name("مصر - السودان: اتفاق جديد")
    'مصر - السودان: اتفاق جديد'
    >>> strip_site_name("مدونة الخليج: افتتاح معرض الكتاب", affixes=["مدونة الخليج"])
    'افتتاح معرض الكتاب'
    """
    names, learnt = list(site_names), list(affixes)
    text = normalize_text(title)
    for _ in range(2):
        cut = _cut_named_affix(text, names, learnt) or _cut_pipe_suffix(text)
        if not cut:
            break
        text = cut
    return text


def title_segments(title: str) -> list[str]:
    """Both sides of the first and of the last separator of a declared title.

    >>> title_segments("جريدة الغد - محليات - افتتاح جسر جديد")
    ['جريدة الغد', 'محليات - افتتاح جسر جديد', 'جريدة الغد - محليات', 'افتتاح جسر جديد']
    """
    text = normalize_text(title)
    separators = list(_SEPARATOR_RE.finditer(text))
    cuts = {id(m): m for m in (separators[:1] + separators[-1:])}.values()
    return [side for m in cuts for side in (text[: m.start()].strip(), text[m.end() :].strip())]


def choose_title(
    h1s: list[str],
    headlines: list[str],
    titles: list[str],
    site_names: list[str],
    page_title: str = "",
    *,
    headings: Callable[[], Sequence[str]] = tuple,
    affixes: Sequence[str] = (),
) -> str | None:
    """The headline: the h1 when the page's declared titles confirm it, else a declared title
    the page shows as a heading, else the best declared title without its site name.

    `headlines` come from JSON-LD/microdata, `titles` from meta tags, `page_title` is <title>
    (the least specific: it is tried after the h1), `headings` gives the page's other visible
    title-like texts (h2, `<font class=title>`, ...; read only when no h1 is confirmed),
    `affixes` the site's own texts learnt from elsewhere (matched exactly). When a declared
    title without its site suffix says the same words as the h1, its exact form is used: the
    h1 may carry decoration (quote marks, labels) the site leaves out of its declared title.

    >>> choose_title(["عنوان الخبر الرئيسي"], [], ["عنوان الخبر الرئيسي - الموقع"], ["الموقع"])
    'عنوان الخبر الرئيسي'
    >>> choose_title(['"عاجل" عنوان الخبر'], [], ["عاجل عنوان الخبر | الموقع"], [])
    'عاجل عنوان الخبر'
    >>> choose_title(["الموقع"], [], ["عنوان آخر للخبر | الموقع"], ["الموقع"])
    'عنوان آخر للخبر'
    >>> choose_title(["عنوان الخبر كما في الصفحة"], [], [], [], page_title="خبر - موقع")
    'عنوان الخبر كما في الصفحة'
    >>> shown = lambda: ["افتتاح جسر جديد"]
    >>> choose_title([], [], [], [], "جريدة الغد - افتتاح جسر جديد", headings=shown)
    'افتتاح جسر جديد'
    >>> choose_title(["مدونة الغد"], [], [], ["مدونة الغد"], "مدونة الغد: افتتاح جسر جديد")
    'افتتاح جسر جديد'
    """
    declared = [t for t in [*titles, page_title, *headlines] if t]
    names, learnt = list(site_names), list(affixes)
    h1 = _confirmed_h1(h1s, declared, names, learnt)
    if h1:
        return h1
    shown = _shown_title(declared, [*h1s, *headings()], names, learnt)
    if shown:
        return shown
    long_h1s = [h for h in h1s if len(normalize_for_matching(h)) >= _MIN_H1_CHARS]
    for candidate in [*headlines, *titles, *long_h1s, page_title]:
        stripped = strip_site_name(candidate, names, learnt)
        if stripped and not _names_site(stripped, names, learnt):
            return stripped
    return None


def _equals_name(text: str, names: Sequence[str], affixes: Sequence[str]) -> bool:
    folded = normalize_for_matching(text)
    return any(folded == normalize_for_matching(n) for n in [*names, *affixes])


def _confirmed_h1(
    h1s: list[str], declared: list[str], names: Sequence[str], affixes: Sequence[str]
) -> str | None:
    """The first h1 that is not the site's name and that a declared title starts with."""
    references = [normalize_for_matching(t) for t in declared]
    for h1 in h1s:
        folded = normalize_for_matching(h1)
        if len(folded) < _MIN_H1_CHARS or _equals_name(h1, names, affixes):
            continue
        if not any(ref.startswith(folded) for ref in references):
            continue
        for candidate in declared:
            stripped = strip_site_name(candidate, names, affixes)
            if normalize_for_matching(stripped) == folded:
                return stripped
        return normalize_text(h1)
    return None


def _shown_title(
    declared: list[str], shown: Sequence[str], names: Sequence[str], affixes: Sequence[str]
) -> str | None:
    """The first reading of a declared title (whole, without its site name, or one side of a
    separator) that the page shows as a heading and that is not the site's name."""
    visible = {normalize_for_matching(text) for text in shown} - {""}
    if not visible:
        return None
    for text in declared:
        readings = [normalize_text(text), strip_site_name(text, names, affixes)]
        for reading in [*readings, *title_segments(text)]:
            folded = normalize_for_matching(reading)
            shown_here = len(folded) >= _MIN_H1_CHARS and folded in visible
            if shown_here and not _equals_name(reading, names, affixes):
                return reading
    return None


def site_names_around(title: str, declared: list[str]) -> list[str]:
    """What declared titles add around the headline: the site's own name, seen from outside.

    >>> site_names_around("حصيلة جديدة", ["حصيلة جديدة - المدينة نيوز", "المدينة | حصيلة جديدة"])
    ['المدينة نيوز', 'المدينة']
    """
    folded_title = normalize_for_matching(title)
    names = []
    for text in (normalize_text(t) for t in declared if t):
        for separator in _NAME_SEPARATOR_RE.finditer(text):
            head, tail = text[: separator.start()], text[separator.end() :]
            if normalize_for_matching(head) == folded_title:
                names.append(tail.strip())
            elif normalize_for_matching(tail) == folded_title:
                names.append(head.strip())
    return [name for name in names if len(normalize_for_matching(name)) >= _MIN_SITE_NAME_CHARS]
