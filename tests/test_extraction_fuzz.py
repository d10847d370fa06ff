"""Hostile input never makes extraction raise: tag soup, truncation, deep nesting, random bytes."""

from __future__ import annotations

import contextlib
import logging

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newscrawl.extraction import UndecodablePage, extract_article, extract_page
from newscrawl.items import Article
from newscrawl.profiles import Selectors, SiteProfile

URL = "https://fuzz.example/news/1"
PROFILE = SiteProfile(
    name="fuzz",
    domains=("fuzz.example",),
    timezone="Asia/Riyadh",
    selectors=Selectors(
        title="h1",
        body="xpath://div[@class='b']",
        published_at="time",
        related=".rel",
        remove=("aside", "xpath://div[@id='x']"),
    ),
)
FUZZ = settings(
    max_examples=200,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

TAGS = ["p", "div", "a", "h1", "h2", "script", "time", "figure", "ul", "li", "meta", "br", "span"]
ATTRS = [
    "",
    ' href="/x"',
    ' class="related"',
    ' class="b"',
    ' type="application/ld+json"',
    ' datetime="2024-02-30T99:00"',
    ' property="article:published_time" content="not a date"',
    ' rel="canonical" href="javascript:alert(1)"',
    ' itemprop="datePublished"',
]
TEXTS = [
    "اقرأ أيضا:",
    "بقلم:",
    "الأكثر قراءة",
    '{"@type": "NewsArticle", "headline": [1, {"x": null}], "author": {"name": {}}',
    '{"@graph": [[[[{"@type": "Article"}]]]], "datePublished": 5}',
    "نص عربي طويل نسبياً لكي يبدو مثل فقرة من مقال إخباري حقيقي",
    "\x00\ufeff\u200f",
    "<!--",
    "]]>",
    "&amp;&#xffffff;&#0;",
    "٢٠٢٤/١٣/٤٥",
]


@st.composite
def tag_soup(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 40))):
        kind = draw(st.integers(0, 3))
        tag = draw(st.sampled_from(TAGS))
        if kind == 0:
            parts.append(f"<{tag}{draw(st.sampled_from(ATTRS))}>")
        elif kind == 1:
            parts.append(f"</{tag}>")
        elif kind == 2:
            parts.append(draw(st.sampled_from(TEXTS)))
        else:
            parts.append(draw(st.text(max_size=30)))
    return "".join(parts)


@pytest.fixture
def safety_net(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    """extract_article logs and returns None when an extractor raises: that must not happen."""
    caplog.set_level(logging.ERROR, logger="newscrawl.extraction.page")
    return caplog


def check(result: object, caplog: pytest.LogCaptureFixture) -> None:
    failures = [r for r in caplog.records if r.name == "newscrawl.extraction.page"]
    assert not failures, failures[0].exc_text
    assert result is None or isinstance(result, Article)
    if isinstance(result, Article):
        assert result.title and result.body


@FUZZ
@given(tag_soup(), st.booleans())
def test_tag_soup_never_raises(safety_net, html, with_profile):
    check(extract_article(html, URL, profile=PROFILE if with_profile else None), safety_net)


@FUZZ
@given(tag_soup(), st.integers(0, 2000))
def test_truncated_documents_never_raise(safety_net, soup, cut):
    document = f"<html><head><title>عنوان</title></head><body><h1>عنوان</h1>{soup}</body></html>"
    hints = {"published_at": "أمس", "tags": [1, None]}
    check(extract_article(document[:cut], URL, hints=hints), safety_net)


@FUZZ
@given(st.binary(max_size=3000), st.sampled_from([None, "text/html", "text/html; charset=x-bad"]))
def test_random_bytes_never_raise_anything_but_undecodable(safety_net, body, content_type):
    with contextlib.suppress(UndecodablePage):
        check(extract_page(body, URL, content_type=content_type), safety_net)


@settings(
    max_examples=5,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(st.integers(500, 5000), st.sampled_from(["div", "span", "p", "a", "li"]))
def test_huge_nesting_never_raises(safety_net, depth, tag):
    nest = f"<{tag}>" * depth + "فقرة عميقة جداً" + f"</{tag}>" * depth
    html = f"<h1>عنوان الخبر</h1><div class='b'>{nest}</div>"
    check(extract_article(html, URL), safety_net)
    check(extract_article(html, URL, profile=PROFILE), safety_net)


def test_deep_profile_container_is_read(safety_net):
    nest = "<div>" * 1500 + "فقرة عميقة جداً في النص" + "</div>" * 1500
    html = f"<h1>عنوان الخبر</h1><div class='b'>{nest}</div>"
    article = extract_article(html, URL, profile=PROFILE)
    check(article, safety_net)
    assert article is not None and article.body == "فقرة عميقة جداً في النص"


def test_odd_urls_and_hints_never_raise(safety_net):
    html = "<h1>عنوان الخبر</h1><p>" + "نص الخبر " * 30 + "</p>"
    for url in ["", "not a url", "http://[::1", "ftp://x/y", "https://xn--/"]:
        check(extract_article(html, url, hints={"published_at": 12, "title": None}), safety_net)
