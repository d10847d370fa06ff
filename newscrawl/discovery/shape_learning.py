"""Which URL shapes of a site turned out to be articles: learnt from the pages themselves.

The URL rules (`classify.url_kind`) guess from the shape of one URL; a site says more. When the
pages behind one shape of URL were fetched as article candidates and none was an article (a
site's `/video/<id>-<slug>` players, `/gallery/<id>/` albums), the next links of that shape are
not worth a request. When pages the rules took for listings kept being articles (a site whose
articles live at `/news/<short id>`), links of that shape are article candidates. The shape is
the first path segment as written (sections and page kinds differ there) and the kind of every
later segment, plus the names of the query parameters:

    /video/12345-clip-title        ->  /video/#-slug
    /2024/05/01/اتفاق-جديد-بين/     ->  /#/#/#/slug
    /article.php?id=1278&cat=2     ->  /article.php?cat&id

What a site taught is saved with the site's other facts in the state store, so a scheduled run
skips what the last run found out.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal
from urllib.parse import parse_qsl, unquote, urlsplit

Verdict = Literal["article", "other"]
FACT_NAME = "url_shapes"
"""The key under which a site's learnt shapes are persisted."""
MIN_ARTICLES = 3  # pages of a shape that were articles before its links count as articles
MIN_OTHERS = 5  # article candidates of a shape that were not, before its links are skipped
MAX_SHAPES = 2000
_NUMBER = re.compile(r"^\d+$")
_LEADING_NUMBER = re.compile(r"^\d+[-_]")
_FILE = re.compile(r"^(?P<stem>.+)\.(?P<ext>[a-z0-9]{2,5})$", re.I)
_MAX_WORD_CHARS = 20


def _segment_kind(segment: str) -> str:
    """The kind of a later path segment: a number, a slug, a file of either, or a word.

    >>> [_segment_kind(s) for s in ("12345", "12-slug-of-words", "a-b-c", "news", "9.html")]
    ['#', '#-slug', 'slug', 'w', '#.html']
    """
    file = _FILE.match(segment)
    if file and not _NUMBER.match(segment):
        return f"{_segment_kind(file['stem'])}.{file['ext'].lower()}"
    if _NUMBER.match(segment):
        return "#"
    if _LEADING_NUMBER.match(segment):
        return "#-slug"
    if segment.count("-") + segment.count("_") >= 2 or len(segment) > _MAX_WORD_CHARS:
        return "slug"
    return "w"


def url_pattern(url: str) -> str:
    """A URL's shape: its first path segment as written, later segments by kind, query keys.

    >>> url_pattern("https://x.com/video/12345-some-clip")
    '/video/#-slug'
    >>> url_pattern("https://x.com/2024/05/01/اتفاق-جديد-بين-البلدين/")
    '/#/#/#/slug'
    >>> url_pattern("https://x.com/article.php?id=1278&cat=2"), url_pattern("https://x.com/")
    ('/article.php?cat&id', '/')
    """
    parts = urlsplit(url)
    segments = [s for s in unquote(parts.path).split("/") if s]
    shape = []
    for index, segment in enumerate(segments):
        kind = _segment_kind(segment)
        literal = index == 0 and kind in ("w", "w.php", "w.aspx", "w.asp", "w.html", "w.htm")
        shape.append(segment.lower() if literal else kind)
    keys = sorted({key.lower() for key, _ in parse_qsl(parts.query, keep_blank_values=True)})
    return "/" + "/".join(shape) + (f"?{'&'.join(keys)}" if keys else "")


@dataclass
class ShapeLearner:
    """Counts, per URL shape of one site, the candidates that were articles and that were not.

    >>> learner = ShapeLearner()
    >>> for n in range(5):
    ...     learner.observe(f"https://x.com/video/{n}00-clip-title", article=False)
    >>> learner.verdict("https://x.com/video/999-another-clip")
    'other'
    >>> learner.verdict("https://x.com/news/999-another-story") is None
    True
    """

    counts: dict[str, list[int]] = field(default_factory=dict)

    def observe(self, url: str, *, article: bool) -> None:
        """Count one fetched candidate of `url`'s shape (an article, or a page that was not)."""
        pattern = url_pattern(url)
        if pattern not in self.counts and len(self.counts) >= MAX_SHAPES:
            return  # a site with that many shapes is generating them: stop learning new ones
        tally = self.counts.setdefault(pattern, [0, 0])
        tally[0 if article else 1] += 1

    def verdict(self, url: str) -> Verdict | None:
        """What the site's pages of `url`'s shape turned out to be, once the evidence is clear."""
        articles, others = self.counts.get(url_pattern(url), (0, 0))
        if articles >= MIN_ARTICLES and not others:
            return "article"
        if others >= MIN_OTHERS and not articles:
            return "other"
        return None

    def decided(self) -> dict[str, Verdict]:
        """The shapes with a verdict, as persisted."""
        found: dict[str, Verdict] = {}
        for pattern, (articles, others) in self.counts.items():
            if articles >= MIN_ARTICLES and not others:
                found[pattern] = "article"
            elif others >= MIN_OTHERS and not articles:
                found[pattern] = "other"
        return found

    def to_fact(self) -> dict[str, Any]:
        """What to persist: the counts of every shape with a verdict."""
        return {"shapes": {pattern: self.counts[pattern] for pattern in self.decided()}}

    @classmethod
    def from_fact(cls, fact: Mapping[str, Any] | None) -> ShapeLearner:
        """A learner that starts from a persisted fact; a malformed one teaches nothing.

        >>> ShapeLearner.from_fact({"shapes": {"/video/#-slug": [0, 7]}}).decided()
        {'/video/#-slug': 'other'}
        >>> ShapeLearner.from_fact({"shapes": {"/a": "x"}}).decided(), ShapeLearner.from_fact(None)
        ({}, ShapeLearner(counts={}))
        """
        learner = cls()
        shapes = fact.get("shapes") if isinstance(fact, Mapping) else None
        for pattern, tally in (shapes or {}).items() if isinstance(shapes, Mapping) else ():
            valid = isinstance(tally, list) and len(tally) == 2
            if valid and all(isinstance(n, int) and n >= 0 for n in tally):
                learner.counts[str(pattern)] = list(tally)
        return learner
