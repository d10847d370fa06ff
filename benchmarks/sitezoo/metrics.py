"""Field-level comparisons: one function per judged field, each pure and small."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from datetime import datetime
from typing import Any

_PUNCT = re.compile(r"[^\w\s\u0640]|_")
_TATWEEL_WORD = re.compile(r"(\w)\u0640(\w+)")


def clean(text: str | None) -> str:
    """Whitespace-collapsed NFC text: how titles are compared."""
    return " ".join(unicodedata.normalize("NFC", text or "").split())


def tokens(text: str) -> list[str]:
    """Body tokens; a tatweel after a prefix separates words, so "لـالجيش" is two tokens and a
    crawler that writes "لالجيش" (one non-word) loses both."""
    text = _PUNCT.sub(" ", unicodedata.normalize("NFC", text)).replace("\u0640", " ")
    return text.lower().split()


def token_f1(got: str, want: str) -> float:
    """Bag-of-tokens F1 between an output body and the true one.

    >>> token_f1("أ ب ج", "أ ب د")
    0.6666666666666666
    """
    g, w = Counter(tokens(got)), Counter(tokens(want))
    common = sum((g & w).values())
    if not common:
        return 1.0 if not g and not w else 0.0
    precision, recall = common / sum(g.values()), common / sum(w.values())
    return 2 * precision * recall / (precision + recall)


def same_minute(got: str | None, want: str | None) -> bool:
    """Whether two ISO times name the same instant to the minute (a naive time never does)."""
    if not got or not want:
        return False
    try:
        a, b = datetime.fromisoformat(got), datetime.fromisoformat(want)
    except ValueError:
        return False
    if a.tzinfo is None:
        return False
    return abs((a - b).total_seconds()) < 60


def related_pairs(got: list[dict[str, Any]], resolve: Any) -> set[tuple[str, str, str]]:
    """(page key, title, position) triples of output related links, URLs resolved to zoo keys."""
    return {
        (resolve(link.get("url") or ""), clean(link.get("title")), link.get("position") or "")
        for link in got
    }


def tatweel_kept(body: str, paragraphs: list[str]) -> tuple[int, int]:
    """(prefix+tatweel words written in an acceptable form, such words in the truth).

    Acceptable: kept ("لـالجيش") or split ("لـ الجيش", "ل الجيش"); gluing ("لالجيش") is not.
    """
    words = [m.group(0) for p in paragraphs for m in _TATWEEL_WORD.finditer(p)]
    kept = 0
    for word in words:
        prefix, rest = word.split("\u0640", 1)
        forms = (word, f"{prefix}\u0640 {rest}", f"{prefix} {rest}")
        kept += any(form in body for form in forms)
    return kept, len(words)


def tag_f1(got: list[str], want: list[str]) -> float:
    g, w = {clean(t) for t in got}, {clean(t) for t in want}
    if not g and not w:
        return 1.0
    common = len(g & w)
    return 0.0 if not common else 2 * common / (len(g) + len(w))
