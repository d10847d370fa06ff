"""Stories: the words of an article, before any site decides how to print it.

Everything is drawn from a `random.Random` the caller seeds, so a family's articles are the same
on every run. Wire copies are small edits of a story (another headline, one sentence more or
less, an agency tag) and stay above 0.8 resemblance; templated daily reports share five
boilerplate sentences but differ enough to stay far below it (hard negatives for class 5).
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, replace

from benchmarks.sitezoo import vocab

_PUNCT = re.compile(r"[^\w\s]|_")
_FOLDS = str.maketrans("أإآىة", "اااىه")


@dataclass(frozen=True)
class Story:
    title: str
    paragraphs: tuple[str, ...]
    section: tuple[str, str]
    tags: tuple[str, ...]
    caption: str
    person: str


def _slots(rng: random.Random) -> dict[str, str]:
    return {
        "org": rng.choice(vocab.ORGS), "person": rng.choice(vocab.PEOPLE),
        "role": rng.choice(vocab.ROLES), "city": rng.choice(vocab.CITIES),
        "topic": rng.choice(vocab.TOPICS), "defnoun": rng.choice(vocab.DEFNOUNS),
        "outlet": rng.choice(vocab.OUTLETS),
    }  # fmt: skip


def _fill(template: str, slots: dict[str, str], rng: random.Random) -> str:
    return template.format(n=rng.randint(3, 950), **slots)


def _paragraphs(sentences: list[str], rng: random.Random) -> tuple[str, ...]:
    out: list[str] = []
    i = 0
    while i < len(sentences):
        size = 1 if i == 0 else rng.choice((1, 2, 2, 3))
        out.append(" ".join(sentences[i : i + size]))
        i += size
    return tuple(out)


def make_story(rng: random.Random, *, tatweel: bool = False, length: int = 0) -> Story:
    """A fresh story; `tatweel` puts prefix+tatweel words (لـالجيش) into two sentences."""
    slots = _slots(rng)
    count = length or rng.randint(9, 14)
    sentences = [_fill(t, slots, rng) for t in rng.sample(vocab.SENTENCES, count)]
    sentences[0] = _fill(rng.choice(vocab.LEADS), slots, rng)
    if tatweel:
        for position, template in zip((2, 5), rng.sample(vocab.TATWEEL_SENTENCES, 2), strict=True):
            sentences.insert(position, _fill(template, slots, rng))
    title = _fill(rng.choice(vocab.TITLES), slots, rng)
    caption = _fill(rng.choice(vocab.CAPTIONS), slots, rng)
    return Story(
        title=title, paragraphs=_paragraphs(sentences, rng), section=rng.choice(vocab.SECTIONS),
        tags=tuple(rng.sample(vocab.TAGS, rng.randint(2, 4))), caption=caption,
        person=rng.choice(vocab.PEOPLE),
    )  # fmt: skip


AGENCIES = ["(وكالات)", "(رويترز)", "(أ ف ب)", "(د ب أ)"]
_NUMBER = re.compile(r"\d+")


def _edit(paragraphs: list[str], copy: int, rng: random.Random, slots: dict[str, str]) -> None:
    """The small edits of a desk republishing a wire: agency tag, a number, a sentence."""
    paragraphs[0] = f"{paragraphs[0]} {AGENCIES[copy % len(AGENCIES)]}"
    for i in rng.sample(range(1, len(paragraphs)), len(paragraphs) - 1):
        if _NUMBER.search(paragraphs[i]):
            paragraphs[i] = _NUMBER.sub(str(rng.randint(1000, 1999)), paragraphs[i], count=1)
            break
    last = paragraphs[-1].split(". ")
    if copy % 3 == 1 and len(last) > 1:
        paragraphs[-1] = ". ".join(last[:-1]) + "."
    elif copy % 3 == 1:
        paragraphs.pop()
    elif copy % 3 == 0:
        paragraphs.append(_fill(rng.choice(vocab.SENTENCES), slots, rng))


def wire_copy(story: Story, rng: random.Random, copy: int = 1) -> Story:
    """A republished copy: new headline, agency tag, a changed figure, one sentence less or more.

    Every copy differs from the others (never an exact duplicate) and keeps a resemblance of at
    least 0.8 to the original.
    """
    slots = _slots(rng)
    paragraphs = list(story.paragraphs)
    _edit(paragraphs, copy, rng, slots)
    title = f"{story.title.split(' في ')[0]} وسط ترقب في {slots['city']}"
    return replace(story, title=title, paragraphs=tuple(paragraphs), person=slots["person"])


def make_report(rng: random.Random, report: str, day_label: str) -> Story:
    """A daily templated report: five shared boilerplate sentences, the rest its own."""
    slots = _slots(rng)
    template = [t.format(report=report) for t in vocab.REPORT_TEMPLATE]
    own = [_fill(t, slots, rng) for t in rng.sample(vocab.SENTENCES, 8)]
    numbers = " ".join(
        f"وسجل المؤشر رقم {i} مستوى {rng.randint(100, 999)} فاصلة {rng.randint(10, 99)}."
        for i in range(1, 4)
    )
    sentences = [template[0], template[1], *own[:4], numbers, *own[4:], *template[2:]]
    return Story(
        title=f"{report} اليوم {day_label}", paragraphs=_paragraphs(sentences, rng),
        section=("اقتصاد", "economy"), tags=("الأسعار", "الاقتصاد الوطني"),
        caption=f"تقرير {report}", person=rng.choice(vocab.PEOPLE),
    )  # fmt: skip


def make_english(rng: random.Random) -> Story:
    """An English-edition story (the multilingual family's /en/ pages)."""
    slots = {
        "org": rng.choice(vocab.EN_ORGS), "topic": rng.choice(vocab.EN_TOPICS),
        "city": rng.choice(vocab.EN_CITIES),
    }  # fmt: skip
    sentences = [_fill(t, slots, rng) for t in rng.sample(vocab.EN_SENTENCES, 6)]
    return Story(
        title=f"{slots['org']} unveils {slots['topic']} plan in {slots['city']}",
        paragraphs=_paragraphs(sentences, rng), section=("World", "world"), tags=("policy",),
        caption=f"A street in {slots['city']}", person="Staff writer",
    )  # fmt: skip


def _capital(sentence: str) -> str:
    return sentence[:1].upper() + sentence[1:]


def make_french(rng: random.Random) -> Story:
    """A French-edition story (the bilingual Maghreb portal's /fr/ pages)."""
    slots = {
        "org": rng.choice(vocab.FR_ORGS), "topic": rng.choice(vocab.FR_TOPICS),
        "city": rng.choice(vocab.FR_CITIES), "person": rng.choice(vocab.FR_PEOPLE),
    }  # fmt: skip
    picked = [vocab.FR_SENTENCES[0], *rng.sample(vocab.FR_SENTENCES[1:], 7)]
    sentences = [_capital(_fill(t, slots, rng)) for t in picked]
    title = _capital(_fill(rng.choice(vocab.FR_TITLES), slots, rng))
    slug = rng.choice(list(vocab.FR_SECTIONS))
    return Story(
        title=title, paragraphs=_paragraphs(sentences, rng),
        section=(vocab.FR_SECTIONS[slug], slug), tags=(), caption=f"Vue de {slots['city']}",
        person=rng.choice([p for p in vocab.FR_PEOPLE if p != slots["person"]]),
    )  # fmt: skip


def match_words(text: str) -> list[str]:
    """Words for comparison: punctuation, tatweel and alef variants folded away."""
    text = _PUNCT.sub(" ", text.replace("\u0640", "").translate(_FOLDS).lower())
    return text.split()


def shingles(text: str, k: int = 3) -> set[tuple[str, ...]]:
    words = match_words(text)
    return {tuple(words[i : i + k]) for i in range(max(1, len(words) - k + 1))}


def resemblance(a: str, b: str) -> float:
    """Jaccard similarity of word 3-shingles (Broder's resemblance)."""
    sa, sb = shingles(a), shingles(b)
    return len(sa & sb) / len(sa | sb) if sa | sb else 1.0
