"""Golden pages: our own imitations of each profiled site's markup → the Article we expect.

Each fixture is ``tests/fixtures/pages/<case>.html`` with ``<case>.expected.json`` (the record,
``url`` being the page's URL on its real domain and ``site`` its profile) and optionally
``<case>.headers.json`` (``{"content_type": ...}``, the header the page is served with).
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest

from newscrawl.extraction import extract_page
from newscrawl.profiles import load_profile, load_profiles

PAGES = Path(__file__).parent / "fixtures" / "pages"
CASES = sorted(p.name.removesuffix(".expected.json") for p in PAGES.glob("*.expected.json"))
FIELDS = (
    "url", "site", "title", "body", "published_at", "modified_at", "authors", "section", "tags",
    "image", "related_links", "language",
)  # fmt: skip


def expected_record(case: str) -> dict[str, Any]:
    record: dict[str, Any] = json.loads((PAGES / f"{case}.expected.json").read_text("utf-8"))
    return record


def served_content_type(case: str) -> str | None:
    headers = PAGES / f"{case}.headers.json"
    if not headers.is_file():
        return None
    content_type: str | None = json.loads(headers.read_text("utf-8")).get("content_type")
    return content_type


def test_fixtures_are_present() -> None:
    assert len(CASES) >= 8
    for case in CASES:
        assert (PAGES / f"{case}.html").is_file(), f"{case}.html is missing"


@pytest.mark.parametrize("case", CASES)
def test_page_extracts_to_expected_record(case: str) -> None:
    expected = expected_record(case)
    body = (PAGES / f"{case}.html").read_bytes()
    article = extract_page(
        body,
        expected["url"],
        content_type=served_content_type(case),
        profile=load_profile(expected["site"]),
    )
    assert article is not None, f"{case}: no article extracted"
    got = asdict(article)
    differences = {
        field: {"expected": expected[field], "got": got[field]}
        for field in FIELDS
        if got[field] != expected[field]
    }
    assert differences == {}


def test_every_profile_has_a_golden_page() -> None:
    covered = {expected_record(case)["site"] for case in CASES}
    missing = sorted(set(load_profiles()) - covered)
    assert missing == [], f"profiles without a golden page: {missing}"


@pytest.mark.parametrize("case", CASES)
def test_fixture_url_is_an_article_url_of_its_profile(case: str) -> None:
    expected = expected_record(case)
    profile = load_profile(expected["site"])
    path = unquote(urlsplit(expected["url"]).path)
    assert any(re.search(p, path) for p in profile.article_url_patterns), path
    assert not any(re.search(p, path) for p in profile.exclude_url_patterns), path
    host = urlsplit(expected["url"]).hostname or ""
    assert any(host == d or host.endswith(f".{d}") for d in profile.domains), host


def test_special_encodings_are_covered() -> None:
    """The fixture set keeps its windows-1256 and ISO-8859-6 pages (not re-saved as UTF-8)."""
    legacy = {}
    for case in CASES:
        raw = (PAGES / f"{case}.html").read_bytes()
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError:
            legacy[case] = raw
    declared = {
        case: re.search(rb"charset=[\"']?([\w-]+)", raw, re.I) for case, raw in legacy.items()
    }
    charsets = {m.group(1).lower().decode() for m in declared.values() if m}
    assert {"windows-1256", "iso-8859-6"} <= charsets


def _utf8_cases() -> list[str]:
    return [c for c in CASES if _is_utf8(c)]


def _is_utf8(case: str) -> bool:
    try:
        (PAGES / f"{case}.html").read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


@pytest.mark.parametrize("case", _utf8_cases())
def test_a_lying_charset_header_does_not_change_the_record(case: str) -> None:
    """A UTF-8 page served as windows-1256 (a common server default) extracts the same."""
    expected = expected_record(case)
    body = (PAGES / f"{case}.html").read_bytes()
    profile = load_profile(expected["site"])
    honest = extract_page(body, expected["url"], profile=profile)
    lying = extract_page(
        body, expected["url"], content_type="text/html; charset=windows-1256", profile=profile
    )
    assert lying == honest
