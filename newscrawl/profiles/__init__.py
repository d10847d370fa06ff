"""Site profiles: one small TOML file per site, validated into a `SiteProfile`.

A profile is data only; behaviour lives once, in discovery and extraction. Unknown keys and wrong
types are errors with the file name and key in the message, so a typo never silently does nothing.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, fields
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from newscrawl.profiles import checks, timing

SELECTOR_FIELDS = (
    "title",
    "body",
    "published_at",
    "modified_at",
    "authors",
    "section",
    "tags",
    "image",
    "image_caption",
    "related",
)


class ProfileError(ValueError):
    """A profile file is missing, malformed or invalid."""


@dataclass(frozen=True)
class Selectors:
    """Optional per-field selectors: CSS by default, XPath when prefixed with "xpath:"."""

    title: str | None = None
    body: str | None = None
    published_at: str | None = None
    modified_at: str | None = None
    authors: str | None = None
    section: str | None = None
    tags: str | None = None
    image: str | None = None
    image_caption: str | None = None
    related: str | None = None
    remove: tuple[str, ...] = ()


@dataclass(frozen=True)
class SiteProfile:
    """How to crawl one site: where to start, which URLs are articles, how to read dates."""

    name: str
    """Profile name, equal to the file stem."""
    domains: tuple[str, ...]
    """Bare host names (registrable domains) whose pages belong to the site."""
    title: str = ""
    """The site's own name, as shown to readers (never an author)."""
    start_urls: tuple[str, ...] = ()
    """Where a crawl of the site starts (home page, Arabic edition)."""
    path_prefixes: tuple[str, ...] = ()
    """URL path prefixes the crawl stays under (["/ar/"] on a multilingual site); empty: all."""
    feeds: tuple[str, ...] = ()
    """RSS/Atom feeds known to exist; empty means "discover them"."""
    sitemaps: tuple[str, ...] = ()
    """Sitemaps known to exist; empty means "use robots.txt"."""
    article_url_patterns: tuple[str, ...] = ()
    """Regexes searched in the URL *path* (``^/news/\\d+``): what is an article."""
    exclude_url_patterns: tuple[str, ...] = ()
    """Regexes searched in the URL path: never an article (video, tag pages...)."""
    timezone: str | None = None
    """IANA zone (or "+03:00") for dates printed without an offset."""
    date_locale: str | None = None
    """Language tag of the date wording, e.g. "ar-LB" (Levantine months), "ar-DZ"."""
    language: str | None = None
    """ISO 639-1 code of the edition the profile covers."""
    trailing_slash: bool | None = None
    """Canonical URLs end with "/" (True), never do (False), or are kept as linked (None)."""
    selectors: Selectors = field(default_factory=Selectors)
    """Per-field selectors for pages whose markup generic extraction misreads."""
    every: str | None = None
    """`newscrawl schedule`: crawl the site this often ("30m", "2h"; see profiles.timing)."""
    jitter: str | None = None
    """`newscrawl schedule`: start each run up to this much later, at random ("2m")."""
    active_hours: str | None = None
    """`newscrawl schedule`: runs start only in this daily window ("06:00-23:00")."""

    @classmethod
    def ad_hoc(cls, host: str) -> SiteProfile:
        """The profile of a site given only by URL: generic discovery and extraction."""
        return cls(name=host, domains=(host,))


def _expect(value: Any, kind: type, where: str) -> Any:
    # bool is an int subclass in Python, but `true` where a number is expected is a typo
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
        raise ProfileError(f"{where}: expected {kind.__name__}, got {type(value).__name__}")
    return value


def _string_tuple(value: Any, where: str) -> tuple[str, ...]:
    items = _expect(value, list, where)
    return tuple(_expect(item, str, f"{where}[{i}]") for i, item in enumerate(items))


def _selectors(raw: Any, where: str) -> Selectors:
    table = _expect(raw, dict, where)
    known = {f.name for f in fields(Selectors)}
    unknown = sorted(set(table) - known)
    if unknown:
        raise ProfileError(f"{where}: unknown key(s) {', '.join(unknown)}; known: {sorted(known)}")
    values: dict[str, Any] = {}
    for key, value in table.items():
        if key == "remove":
            values[key] = _string_tuple(value, f"{where}.remove")
        else:
            values[key] = _expect(value, str, f"{where}.{key}")
    return Selectors(**values)


_TUPLE_KEYS = {
    "domains", "start_urls", "path_prefixes", "feeds", "sitemaps", "article_url_patterns",
    "exclude_url_patterns",
}  # fmt: skip
_STR_KEYS = {"name", "title", "timezone", "date_locale", "language", "every", "jitter",
             "active_hours"}  # fmt: skip


def profile_from_mapping(raw: dict[str, Any], source: str) -> SiteProfile:
    """Validate a parsed TOML table into a `SiteProfile`; errors name `source` and the key."""
    known = {f.name for f in fields(SiteProfile)}
    unknown = sorted(set(raw) - known)
    if unknown:
        raise ProfileError(f"{source}: unknown key(s) {', '.join(unknown)}")
    if "name" not in raw or "domains" not in raw:
        raise ProfileError(f"{source}: 'name' and 'domains' are required")
    values: dict[str, Any] = {}
    for key, value in raw.items():
        where = f"{source}: {key}"
        if key in _TUPLE_KEYS:
            values[key] = _string_tuple(value, where)
        elif key in _STR_KEYS:
            values[key] = _expect(value, str, where)
        elif key == "trailing_slash":
            values[key] = _expect(value, bool, where)
        else:
            values[key] = _selectors(value, where)
    profile = SiteProfile(**values)
    _check_semantics(profile, source)
    return profile


def _check_semantics(profile: SiteProfile, source: str) -> None:
    if not profile.domains:
        raise ProfileError(f"{source}: domains: must list at least one domain")
    try:
        for key, check, value in _checked_values(profile):
            check(value, key)
    except ValueError as exc:
        raise ProfileError(f"{source}: {exc}") from None


_Check = Callable[[str, str], None]
_ITEM_CHECKS: dict[str, _Check] = {
    "domains": checks.check_domain,
    "start_urls": checks.check_http_url,
    "path_prefixes": checks.check_path_prefix,
    "feeds": checks.check_http_url,
    "sitemaps": checks.check_http_url,
    "article_url_patterns": checks.check_pattern,
    "exclude_url_patterns": checks.check_pattern,
}
_SCALAR_CHECKS: dict[str, _Check] = {
    "timezone": checks.check_timezone,
    "language": checks.check_language,
    "date_locale": checks.check_locale,
    "every": timing.check_interval,
    "jitter": timing.check_jitter,
    "active_hours": timing.check_active_hours,
}


def _checked_values(profile: SiteProfile) -> Iterator[tuple[str, _Check, str]]:
    """(key, check, value) for every profile value that has a semantic check."""
    for key, check in _ITEM_CHECKS.items():
        for i, value in enumerate(getattr(profile, key)):
            yield f"{key}[{i}]", check, value
    for key, check in _SCALAR_CHECKS.items():
        if getattr(profile, key):
            yield key, check, getattr(profile, key)
    for field_name in SELECTOR_FIELDS:
        query = getattr(profile.selectors, field_name)
        if query is not None:
            yield f"selectors.{field_name}", checks.check_selector, query
    for i, query in enumerate(profile.selectors.remove):
        yield f"selectors.remove[{i}]", checks.check_selector, query


def load_profile_file(path: Path | Traversable) -> SiteProfile:
    """Read and validate one profile file; its `name` must equal the file name."""
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ProfileError(f"{path.name}: {exc}") from None
    profile = profile_from_mapping(raw, path.name)
    stem = path.name.removesuffix(".toml")
    if profile.name != stem:
        raise ProfileError(f"{path.name}: name: {profile.name!r} must equal the file name {stem!r}")
    return profile


def bundled_profiles_dir() -> Path:
    return Path(str(resources.files("newscrawl.profiles") / "sites"))


PROFILES_DIR_ENV = "NEWSCRAWL_PROFILES_DIR"


def profiles_dir_from(configured: str | None) -> Path | None:
    """The user's profiles folder: the setting, else the environment variable, else None.

    `ValueError` (one line) when it is named but is not a folder.
    """
    value = configured or os.environ.get(PROFILES_DIR_ENV)
    if not value:
        return None
    folder = Path(value).expanduser().resolve()
    if not folder.is_dir():
        raise ValueError(f"profiles folder does not exist: {value}")
    return folder


def _bundled_files() -> list[Traversable]:
    # Read through importlib.resources, not as a folder on disk: deployed to Scrapyd, the
    # package is imported from a zipped egg, where the bundled profiles are no files at all.
    found = resources.files("newscrawl.profiles").joinpath("sites").iterdir()
    return sorted((p for p in found if p.name.endswith(".toml")), key=lambda p: p.name)


def _profile_files(directory: Path | None) -> dict[str, Path | Traversable]:
    """Profile files by name: the bundled ones, overlaid by `directory`'s (same name wins)."""
    files: dict[str, Path | Traversable] = {
        p.name.removesuffix(".toml"): p for p in _bundled_files()
    }
    files.update({p.stem: p for p in sorted(directory.glob("*.toml"))} if directory else {})
    return files


def load_profiles(directory: Path | None = None) -> dict[str, SiteProfile]:
    """All profiles, bundled and from `directory` (which overrides a bundled name), by name."""
    return {name: load_profile_file(path) for name, path in _profile_files(directory).items()}


def load_profile(name: str, directory: Path | None = None) -> SiteProfile:
    """One profile by name; `ProfileError` lists the known names when it does not exist."""
    files = _profile_files(directory)
    if not re.fullmatch(r"[a-z0-9_-]+", name) or name not in files:
        known = ", ".join(sorted(files)) or "none"
        raise ProfileError(f"unknown site profile {name!r} (known: {known})")
    return load_profile_file(files[name])
