"""The one place that says which families are for tuning and which are held out.

Families are listed in a fixed order and every third one is held out, starting at the rotation
offset; the order interleaves CMS kinds so that each rotation holds out a mix of WordPress,
other CMSs, legacy stacks and discovery-only sites. Rotation 1 (the default) holds out Drupal,
Joomla, ASP.NET, AMP-first and sections-only. Rotate (`--rotation 0|2`, or SITEZOO_ROTATION)
when the held-out figures have been looked at too often to stay honest.

The fresh families (FRESH_FAMILIES) came after the crawler was tuned and are kept out of that
order, so the rotations and their figures stay as they were: never used for tuning, always
held out, run with `--fresh` and reported apart (the FRESH row).
"""

from __future__ import annotations

import os

FAMILY_ORDER: tuple[str, ...] = (
    "wp_classic", "drupal", "legacy_php",
    "nextjs", "joomla", "wp_magazine",
    "feed_only", "aspnet", "blogger",
    "news_sitemap_only", "amp_first", "wp_blog",
    "multilingual", "sections_only",
)  # fmt: skip
# Never tuned on, never rotated, always held out; reported apart ("fresh" / FRESH).
FRESH_FAMILIES: tuple[str, ...] = (
    "wp_jannah", "custom_portal", "maghreb_bilingual", "gulf_tv_portal",
)  # fmt: skip
ROTATIONS = 3
DEFAULT_ROTATION = 1


def rotation_from_env() -> int:
    """The rotation named by SITEZOO_ROTATION, else the default."""
    raw = os.environ.get("SITEZOO_ROTATION", "")
    return int(raw) % ROTATIONS if raw.strip().isdigit() else DEFAULT_ROTATION


def held_out(rotation: int = DEFAULT_ROTATION) -> tuple[str, ...]:
    """Held-out families for a rotation.

    >>> held_out(1)
    ('drupal', 'joomla', 'aspnet', 'amp_first', 'sections_only')
    """
    return tuple(f for i, f in enumerate(FAMILY_ORDER) if i % ROTATIONS == rotation % ROTATIONS)


def tuning(rotation: int = DEFAULT_ROTATION) -> tuple[str, ...]:
    """Tuning families for a rotation (everything not held out)."""
    hidden = set(held_out(rotation))
    return tuple(f for f in FAMILY_ORDER if f not in hidden)


def select(mode: str, rotation: int = DEFAULT_ROTATION) -> tuple[str, ...]:
    """Families for `mode`: "all" (the rotated fourteen), "tuning", "held-out" or "fresh"."""
    if mode == "tuning":
        return tuning(rotation)
    if mode == "held-out":
        return held_out(rotation)
    if mode == "all":
        return FAMILY_ORDER
    if mode == "fresh":
        return FRESH_FAMILIES
    raise ValueError(f"unknown split {mode!r}")
