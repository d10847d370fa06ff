"""What to crawl: a target is a site profile, an ad-hoc http(s) URL, or `profile=URL`.

The CLI validates targets with the same function the spider uses, so a bad target fails fast with
one clear line instead of an empty crawl.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from newscrawl.profiles import ProfileError, SiteProfile, load_profile
from newscrawl.urls import ALLOWED_SCHEMES, endpoint


class TargetError(ValueError):
    """A target names no known profile or is not a usable http(s) URL."""


@dataclass(frozen=True)
class Target:
    """One site to crawl: its profile and the base URLs to start from."""

    profile: SiteProfile
    start_urls: tuple[str, ...]

    @property
    def site(self) -> str:
        return self.profile.name


def _check_url(spec: str) -> str:
    """`spec` as a start URL (a bare origin gets its "/"), or `TargetError`.

    >>> _check_url("http://[::1]:8080"), _check_url("https://أخبار.مثال/ar/")
    ('http://[::1]:8080/', 'https://أخبار.مثال/ar/')
    >>> _check_url("http://[::1]:port/")
    Traceback (most recent call last):
    newscrawl.targets.TargetError: malformed URL 'http://[::1]:port/'
    """
    try:
        parts = urlsplit(spec)
    except ValueError:  # an unclosed IPv6 bracket
        raise TargetError(f"malformed URL {spec!r}") from None
    if parts.scheme not in ALLOWED_SCHEMES or not parts.hostname:
        raise TargetError(f"not an http(s) URL: {spec!r}")
    if endpoint(spec) is None:  # a port that is no number, a host IDNA cannot encode
        raise TargetError(f"malformed URL {spec!r}")
    return spec if parts.path else spec + "/"


def site_name_for_url(url: str) -> str:
    """The site name of an ad-hoc URL target: its host, with the port when the URL gives one.

    The host is the one the crawl requests: IDNA for Unicode names, IPv6 in brackets.

    >>> site_name_for_url("https://www.example.com/ar/")
    'www.example.com'
    >>> site_name_for_url("http://127.0.0.1:8080/"), site_name_for_url("http://[::1]:8080/")
    ('127.0.0.1:8080', '[::1]:8080')
    >>> site_name_for_url("http://أخبار.مثال/")
    'xn--igbicxr.xn--mgbh0fb'
    """
    where = endpoint(url)
    if where is None:
        return urlsplit(url).hostname or ""
    return where.host_port if urlsplit(url).port else where.netloc


def parse_target(spec: str, profiles_dir: Path | None = None) -> Target:
    """Resolve one target spec; raises `TargetError` with a one-line reason.

    A profile served somewhere else (a mirror, the bundled demo on loopback) is `name=URL`:
    the profile's extraction rules apply to the pages found from that URL.
    """
    spec = spec.strip()
    if not spec:
        raise TargetError("empty target")
    name, sep, url = spec.partition("=")
    if sep and not name.startswith(("http://", "https://")):
        profile = _profile(name, profiles_dir)
        return Target(profile, (_check_url(url),))
    if "://" in spec:
        url = _check_url(spec)
        return Target(SiteProfile.ad_hoc(site_name_for_url(url)), (url,))
    profile = _profile(spec, profiles_dir)
    if not profile.start_urls:
        raise TargetError(f"profile {spec!r} has no start_urls; use {spec}=URL")
    return Target(profile, profile.start_urls)


def _profile(name: str, profiles_dir: Path | None) -> SiteProfile:
    try:
        return load_profile(name, profiles_dir)
    except ProfileError as exc:
        raise TargetError(str(exc)) from None


def parse_targets(specs: str | list[str], profiles_dir: Path | None = None) -> list[Target]:
    """Several targets, from a list or a comma-separated string (the spider argument form)."""
    items = specs.split(",") if isinstance(specs, str) else specs
    return [parse_target(item, profiles_dir) for item in items if item.strip()]
