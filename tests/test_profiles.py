"""Bundled site profiles load, and every kind of mistake in a profile file is a clear error."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from newscrawl.profiles import (
    ProfileError,
    Selectors,
    SiteProfile,
    load_profile,
    load_profile_file,
    load_profiles,
    profile_from_mapping,
)

DEMO_SITES = {"waha", "madar"}

VALID = """\
name = "{name}"
title = "موقع تجريبي"
domains = ["example.com"]
start_urls = ["https://www.example.com/"]
article_url_patterns = ['^/news/\\d+']
timezone = "Asia/Riyadh"
language = "ar"

[selectors]
body = "div.article-body"
"""


def write_profile(folder: Path, name: str, text: str) -> Path:
    path = folder / f"{name}.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_every_bundled_profile_loads() -> None:
    profiles = load_profiles()
    assert len(profiles) >= 10
    assert set(profiles) >= DEMO_SITES
    for name, profile in profiles.items():
        assert isinstance(profile, SiteProfile)
        assert profile.name == name
        assert profile.language == "ar"
        assert profile.timezone and profile.title
        assert profile.article_url_patterns, f"{name}: no article URL patterns"
        if name not in DEMO_SITES:
            assert profile.start_urls, f"{name}: no start URL"


def test_bundled_home_pages_are_not_article_urls() -> None:
    for profile in load_profiles().values():
        for url in profile.start_urls:
            path = urlsplit(url).path or "/"
            assert not any(re.search(p, path) for p in profile.article_url_patterns), url


def test_bundled_start_urls_feeds_and_sitemaps_are_in_the_profile_domains() -> None:
    for profile in load_profiles().values():
        for url in profile.start_urls + profile.feeds + profile.sitemaps:
            host = urlsplit(url).hostname or ""
            assert any(host == d or host.endswith(f".{d}") for d in profile.domains), url


def test_a_valid_file_loads_with_its_selectors(tmp_path: Path) -> None:
    profile = load_profile_file(write_profile(tmp_path, "demo", VALID.format(name="demo")))
    assert profile.selectors == Selectors(body="div.article-body")
    assert profile.article_url_patterns == ("^/news/\\d+",)
    assert load_profile("demo", tmp_path) == profile


def _error_for(tmp_path: Path, text: str, name: str = "site") -> str:
    with pytest.raises(ProfileError) as caught:
        load_profile_file(write_profile(tmp_path, name, text))
    return str(caught.value)


BASE = VALID.format(name="site")


# id: (text to replace, replacement, key the message must name); empty text = prepend
MISTAKES = {
    "unknown-top-level-key": ("", 'colour = "blue"\n', "colour"),
    "bad-path-prefix": ("", 'path_prefixes = ["ar/"]\n', "path_prefixes[0]"),
    "unknown-selector-key": ('body = "div.article-body"', 'bdy = "div"', "bdy"),
    "list-as-string": ('domains = ["example.com"]', 'domains = "example.com"', "domains"),
    "number-as-string": ('language = "ar"', "language = 1", "language"),
    "string-as-bool": ('language = "ar"', 'trailing_slash = "yes"', "trailing_slash"),
    "selector-type": ('body = "div.article-body"', "body = 3", "selectors.body"),
    "bad-regex": ("'^/news/\\d+'", "'^/news/(\\d+'", "article_url_patterns[0]"),
    "bad-timezone": ('"Asia/Riyadh"', '"Asia/Atlantis"', "timezone"),
    "non-http-start-url": (
        '"https://www.example.com/"',
        '"ftp://www.example.com/"',
        "start_urls[0]",
    ),
    "relative-start-url": ('"https://www.example.com/"', '"www.example.com"', "start_urls[0]"),
    "bad-css": ('"div.article-body"', '"div..article"', "selectors.body"),
    "bad-xpath": ('"div.article-body"', "\"xpath://div[@class='a'\"", "selectors.body"),
    "bad-language": ('language = "ar"', 'language = "arabic"', "language"),
    "bad-locale": ('language = "ar"', 'language = "ar"\ndate_locale = "ar_LB"', "date_locale"),
    "bad-domain": ('["example.com"]', '["https://example.com/"]', "domains[0]"),
    "no-domain": ('["example.com"]', "[]", "domains"),
    "name-not-file-name": ('name = "site"', 'name = "other"', "name"),
}


@pytest.mark.parametrize(("old", "new", "key"), list(MISTAKES.values()), ids=list(MISTAKES))
def test_each_mistake_names_the_file_and_the_key(
    tmp_path: Path, old: str, new: str, key: str
) -> None:
    text = BASE.replace(old, new, 1) if old else new + BASE
    assert text != BASE
    message = _error_for(tmp_path, text)
    assert message.startswith("site.toml: "), message
    assert key in message, message


def test_selector_remove_entries_are_checked(tmp_path: Path) -> None:
    text = BASE + 'remove = ["div.share", "ul[[", 3]\n'
    assert "selectors.remove[2]" in _error_for(tmp_path, text)
    text = BASE + 'remove = ["div.share", "ul[["]\n'
    assert "selectors.remove[1]" in _error_for(tmp_path, text)


def test_missing_required_keys_and_broken_toml(tmp_path: Path) -> None:
    assert "'name' and 'domains' are required" in _error_for(tmp_path, 'title = "x"\n')
    assert _error_for(tmp_path, 'name = "site"\ndomains = [\n').startswith("site.toml: ")


def test_fixed_offset_timezone_is_accepted() -> None:
    raw = {"name": "s", "domains": ["example.com"], "timezone": "+03:00"}
    assert profile_from_mapping(raw, "s.toml").timezone == "+03:00"


def test_unknown_profile_name_lists_the_known_ones(tmp_path: Path) -> None:
    write_profile(tmp_path, "alpha", VALID.format(name="alpha"))
    with pytest.raises(ProfileError, match=r"unknown site profile 'beta' \(known: .*alpha, .*waha"):
        load_profile("beta", tmp_path)  # a user's folder adds to the bundled profiles
    with pytest.raises(ProfileError, match="unknown site profile"):
        load_profile("../alpha", tmp_path)


def test_readme_example_profile_is_valid(tmp_path: Path) -> None:
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    example = readme.split("```toml\n", 1)[1].split("```", 1)[0]
    (tmp_path / "example.toml").write_text(example, encoding="utf-8")
    profile = load_profile("example", tmp_path)
    assert profile.path_prefixes == ("/ar/",) and profile.selectors.body == "div.article-body"


def test_a_users_profile_overrides_the_bundled_one_of_the_same_name(tmp_path: Path) -> None:
    write_profile(tmp_path, "waha", VALID.format(name="waha"))
    assert load_profile("waha", tmp_path).domains != load_profile("waha").domains
    assert load_profiles(tmp_path)["waha"] == load_profile("waha", tmp_path)
