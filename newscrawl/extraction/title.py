"""Headline selection: the visible h1 when metadata confirms it, without the site-name suffix."""

from __future__ import annotations

import re
from collections.abc import Iterable

from newscrawl.arabic import normalize_for_matching, normalize_text

_SEPARATOR_RE = re.compile(r"\s+(?:[|\-–—»:]|::)\s+")
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


def strip_site_name(title: str, site_names: Iterable[str] = ()) -> str:
    """Remove a " - Site" / " | Site" suffix or "Site | " prefix.

    The cut segment must name the site, or be a short segment after a pipe (pipes almost never
    occur inside headlines, dashes do).

    >>> strip_site_name("ارتفاع أسعار النفط - جريدة المساء", ["جريدة المساء"])
    'ارتفاع أسعار النفط'
    >>> strip_site_name("الوزير: لا زيادة في الضرائب | الأخبار")
    'الوزير: لا زيادة في الضرائب'
    >>> strip_site_name("مصر - السودان: اتفاق جديد")
    'مصر - السودان: اتفاق جديد'
    """
    names = list(site_names)
    text = normalize_text(title)
    for _ in range(2):
        separators = list(_SEPARATOR_RE.finditer(text))
        if not separators:
            break
        first, last = separators[0], separators[-1]
        head, tail = text[: last.start()], text[last.end() :]
        lead, rest = text[: first.start()], text[first.end() :]
        if _is_site_name(tail, names):
            text = head.strip()
        elif _is_site_name(lead, names):
            text = rest.strip()
        elif "|" in last.group() and len(tail.split()) <= _PIPE_SUFFIX_MAX_WORDS:
            text = head.strip()
        else:
            break
    return text


def choose_title(
    h1s: list[str],
    headlines: list[str],
    titles: list[str],
    site_names: list[str],
    page_title: str = "",
) -> str | None:
    """The headline: the h1 when the page's declared titles confirm it, else the best of those.

    `headlines` come from JSON-LD/microdata, `titles` from meta tags, `page_title` is <title>
    (the least specific: it is tried after the h1). When a declared
    title without its site suffix says the same words as the h1, its exact form is used: the h1
    may carry decoration (quote marks, labels) the site leaves out of its declared title.

    >>> choose_title(["عنوان الخبر الرئيسي"], [], ["عنوان الخبر الرئيسي - الموقع"], ["الموقع"])
    'عنوان الخبر الرئيسي'
    >>> choose_title(['"عاجل" عنوان الخبر'], [], ["عاجل عنوان الخبر | الموقع"], [])
    'عاجل عنوان الخبر'
    >>> choose_title(["الموقع"], [], ["عنوان آخر للخبر | الموقع"], ["الموقع"])
    'عنوان آخر للخبر'
    >>> choose_title(["عنوان الخبر كما في الصفحة"], [], [], [], page_title="خبر - موقع")
    'عنوان الخبر كما في الصفحة'
    """
    declared = [t for t in [*titles, page_title, *headlines] if t]
    references = [normalize_for_matching(t) for t in declared]
    for h1 in h1s:
        folded = normalize_for_matching(h1)
        if len(folded) < _MIN_H1_CHARS or not any(ref.startswith(folded) for ref in references):
            continue
        for candidate in declared:
            stripped = strip_site_name(candidate, site_names)
            if normalize_for_matching(stripped) == folded:
                return stripped
        return normalize_text(h1)
    long_h1s = [h for h in h1s if len(normalize_for_matching(h)) >= _MIN_H1_CHARS]
    for candidate in [*headlines, *titles, *long_h1s, page_title]:
        stripped = strip_site_name(candidate, site_names)
        if stripped and not _is_site_name(stripped, site_names):
            return stripped
    return None


def site_names_around(title: str, declared: list[str]) -> list[str]:
    """What declared titles add around the headline: the site's own name, seen from outside.

    >>> site_names_around("حصيلة جديدة", ["حصيلة جديدة - المدينة نيوز", "المدينة | حصيلة جديدة"])
    ['المدينة نيوز', 'المدينة']
    """
    folded_title = normalize_for_matching(title)
    names = []
    for text in (normalize_text(t) for t in declared if t):
        for separator in _SEPARATOR_RE.finditer(text):
            head, tail = text[: separator.start()], text[separator.end() :]
            if normalize_for_matching(head) == folded_title:
                names.append(tail.strip())
            elif normalize_for_matching(tail) == folded_title:
                names.append(head.strip())
    return [name for name in names if len(normalize_for_matching(name)) >= _MIN_SITE_NAME_CHARS]
