"""Which articles each family publishes, when, and how they point at each other.

A family's articles depend only on the seed and the family (never on which other families run),
so a family scores the same alone or in the whole zoo. Wire stories are dealt to the wire
families of the whole zoo in groups of three; dates count back from the anchor (the run's
start, so that "أمس" on a page is true when the crawler reads it).
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from benchmarks.sitezoo import clock, text, vocab
from benchmarks.sitezoo.common import slugify
from benchmarks.sitezoo.model import FamilySpec, RelatedTruth, ZooArticle

GROUP_SIZE = 3


def wire_slots(specs: Sequence[FamilySpec], total: int) -> dict[str, dict[int, tuple[str, int]]]:
    """family → {article position: (group id, copy number)} for the zoo's wire stories."""
    wired = [s.name for s in specs if s.wire]
    per_family = max(1, total // 10)
    dealt: list[tuple[str, int]] = []
    for slot in range(per_family):
        shift = slot % max(1, len(wired))
        dealt += [(f, slot) for f in wired[shift:] + wired[:shift]]
    plan: dict[str, dict[int, tuple[str, int]]] = {f: {} for f in wired}
    for index, (family, slot) in enumerate(dealt):
        group, copy = divmod(index, GROUP_SIZE)
        rng = random.Random(f"wire-position|{family}|{slot}")
        taken = plan[family]
        # a few copies are the newest article of their site: they appear in the second run
        newest = index % (GROUP_SIZE + 1) == 0 and 0 not in taken
        position = 0 if newest else rng.choice([p for p in range(total) if p not in taken])
        taken[position] = (f"wire-{group:02d}", copy)
    return plan


def reprint_slots(spec: FamilySpec, specs: Sequence[FamilySpec],
                  total: int) -> dict[int, tuple[str, int]]:  # fmt: skip
    """{article position: (group id, copy number)} for a family that republishes wire stories.

    Every reprinting family takes every other group of the wire deal, so reprinting families
    share groups with each other and with the wire families; the even-numbered reprinters carry
    their first copy as their newest article (it appears in the second run).
    """
    if not spec.reprint or total < 2:
        return {}
    groups = sorted({g for slots in wire_slots(specs, total).values() for g, _ in slots.values()})
    picked = groups[::2][: total - 1]
    positions = random.Random(f"reprint|{spec.name}").sample(range(1, total), len(picked))
    if spec.reprint % 2 == 0:
        positions[0] = 0
    # copies 5, 8, ...: a desk's edit that keeps every sentence (copy % 3 == 2), so that the
    # reprints stay at resemblance >= 0.8 to every dealt copy and to each other
    copy = GROUP_SIZE - 1 + 3 * spec.reprint
    return {p: (group, copy) for p, group in zip(positions, picked, strict=True)}


def wire_story(seed: int, group: str, copy: int) -> text.Story:
    # wire stories are long, so that a desk's small edits stay small (resemblance >= 0.8)
    base = text.make_story(random.Random(f"{seed}|{group}"), length=14)
    if copy == 0:
        return base
    return text.wire_copy(base, random.Random(f"{seed}|{group}|{copy}"), copy)


def _dates(rng: random.Random, total: int, anchor: datetime, tz: str) -> list[datetime]:
    zone, when, out = ZoneInfo(tz), anchor, []
    for _ in range(total):
        when = when - timedelta(minutes=rng.randint(140, 380))
        out.append(when.astimezone(zone).replace(second=0, microsecond=0))
    return out


def _story(spec: FamilySpec, seed: int, rng: random.Random, position: int,
           wire: dict[int, tuple[str, int]]) -> tuple[text.Story, str | None]:  # fmt: skip
    if position in wire:
        group, copy = wire[position]
        return wire_story(seed, group, copy), group
    tatweel = spec.tatweel and rng.random() < 0.5
    return text.make_story(rng, tatweel=tatweel), None


def _article(spec: FamilySpec, story: text.Story, when: datetime, number: int,
             rng: random.Random) -> ZooArticle:  # fmt: skip
    modified = when + timedelta(minutes=rng.randint(30, 600)) if rng.random() < 0.3 else None
    return ZooArticle(
        family=spec.name, number=number, title=story.title, paragraphs=story.paragraphs,
        section=story.section[0], section_slug=story.section[1], tags=story.tags,
        person=story.person, published=when, modified=modified,
        house_byline=rng.random() < spec.house_byline, caption=story.caption,
        tatweel=any("\u0640" in p for p in story.paragraphs),
    )  # fmt: skip


def _reports(spec: FamilySpec, articles: list[ZooArticle], rng: random.Random) -> None:
    """Turn `spec.reports` articles into one templated daily series (hard negatives)."""
    report = vocab.REPORTS[rng.randrange(len(vocab.REPORTS))]
    candidates = [i for i, a in enumerate(articles) if a.dup_group is None]
    for i in sorted(rng.sample(candidates, min(spec.reports, len(candidates)))):
        a = articles[i]
        label = f"{clock.msa(a.published, time=False)} ({a.published:%H:%M})"
        story = text.make_report(rng, report, label)
        articles[i] = replace(
            a, title=story.title, paragraphs=story.paragraphs, section=story.section[0],
            section_slug=story.section[1], tags=story.tags, template_group=f"{spec.name}-report",
            caption=story.caption,
            tatweel=False,
        )  # fmt: skip


def _english(spec: FamilySpec, articles: list[ZooArticle], rng: random.Random, new: int) -> None:
    for i in rng.sample(range(new, len(articles)), spec.english):
        story = text.make_english(rng)
        articles[i] = replace(
            articles[i], title=story.title, paragraphs=story.paragraphs, lang="en",
            caption=story.caption, person=story.person, tags=story.tags, dup_group=None,
        )  # fmt: skip


def _relate(spec: FamilySpec, articles: list[ZooArticle], rng: random.Random) -> None:
    """Related links point at older articles only, so every target exists when they show."""
    for i, a in enumerate(articles):
        if a.lang != "ar":
            continue
        older = [b for b in articles[i + 1 :] if b.lang == "ar"]
        wanted = min(len(older), spec.inline_related + spec.end_related)
        picked = rng.sample(older, wanted)
        inline = picked[: min(spec.inline_related, wanted)]
        end = picked[len(inline) :]
        a.related = [RelatedTruth(b.path, b.title, "inline") for b in inline] + [
            RelatedTruth(b.path, b.title, "end") for b in end
        ]


def plan_family(spec: FamilySpec, all_specs: Sequence[FamilySpec], *, seed: int, articles: int,
                new: int, anchor: datetime) -> list[ZooArticle]:  # fmt: skip
    """The family's articles, newest first; the first `new` appear only at stage 2."""
    total = articles + new + spec.english  # English pages come on top of the Arabic count
    rng = random.Random(f"{seed}|{spec.name}")
    wire = wire_slots(all_specs, articles + new).get(spec.name, {})
    wire = wire or reprint_slots(spec, all_specs, articles + new)
    dates = _dates(rng, total, anchor, spec.tz)
    number, planned = spec.id_start, []
    for position in reversed(range(total)):  # oldest first, so ids grow with time
        number += rng.randint(1, 9)
        story, group = _story(spec, seed, rng, position, wire)
        article = _article(spec, story, dates[position], number, rng)
        article.dup_group, article.stage = group, 2 if position < new else 1
        planned.append(article)
    planned.reverse()
    for a in planned:
        if a.modified and a.modified > anchor:
            a.modified = None  # an edit cannot be later than the moment the site is read
    if spec.reports:
        _reports(spec, planned, rng)
    if spec.english:
        _english(spec, planned, rng, new)
    theme, slugs = spec.theme(), set()
    for a in reversed(planned):  # the older post keeps the plain slug, as WordPress does
        a.slug = slugify(a.title)
        a.slug = next(f"{a.slug}-{k}" if k else a.slug for k in range(99)
                      if (f"{a.slug}-{k}" if k else a.slug) not in slugs)  # fmt: skip
        slugs.add(a.slug)
        if not getattr(theme, "captions", True):
            a.caption = ""
    image_path = getattr(theme, "image_path", None)  # a theme may keep its images elsewhere
    for a in planned:
        a.image_path = f"/uploads/{a.published:%Y/%m}/img-{a.number}.jpg"
        if image_path is not None:
            a.image_path = image_path(a)
        a.path = theme.article_path(a)
        a.aliases = theme.aliases(a)
    _relate(spec, planned, rng)
    return planned
