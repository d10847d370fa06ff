"""Structured metadata: JSON-LD variants (graph, arrays, broken JSON), OpenGraph, microdata."""

from __future__ import annotations

import json

import pytest
from lxml.html import document_fromstring

from newscrawl.extraction import extract_article
from newscrawl.extraction.jsonld import json_ld_nodes, parse_json_values
from newscrawl.extraction.metadata import read_metadata

URL = "https://sahifa.example/politics/2025/01/05/meeting"
BODY = (
    "<p>عقد مجلس الوزراء جلسته الأسبوعية برئاسة رئيس الحكومة، وناقش عدداً من الملفات الاقتصادية "
    "والاجتماعية المطروحة على جدول الأعمال منذ بداية العام الجاري.</p>"
    "<p>وقرر المجلس تشكيل لجنة وزارية لمتابعة تنفيذ المشروعات المتعثرة في المحافظات الجنوبية، "
    "على أن تقدم تقريرها الأول خلال شهرين من تاريخ تشكيلها.</p>"
    "<p>كما وافق على مشروع قانون لتنظيم العمل عن بعد في المؤسسات الحكومية بعد مناقشات مطولة "
    "استمرت عدة أسابيع بين الوزارات المعنية والنقابات المهنية.</p>"
)


def page(head: str, body_extra: str = "", h1: str = "اجتماع مجلس الوزراء الأسبوعي") -> str:
    return (
        f"<html><head><title>{h1} | الصحيفة</title>{head}</head><body>"
        f"<h1>{h1}</h1>{body_extra}<div class='content'>{BODY}</div></body></html>"
    )


def ld(value: object | str) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return f'<script type="application/ld+json">{text}</script>'


ARTICLE = {
    "@type": "NewsArticle",
    "headline": "اجتماع مجلس الوزراء الأسبوعي",
    "datePublished": "2025-01-05T09:30:00+03:00",
    "author": {"@type": "Person", "name": "خالد منصور"},
    "articleSection": "سياسة",
    "keywords": ["حكومة", "قوانين"],
}


@pytest.mark.parametrize(
    "script",
    [
        ld(ARTICLE),
        ld([{"@type": "WebSite", "name": "الصحيفة"}, ARTICLE]),
        ld({"@context": "https://schema.org", "@graph": [{"@type": "Organization"}, ARTICLE]}),
        ld({"@type": "WebPage", "mainEntity": ARTICLE}),
        ld({"@type": "BreadcrumbList"}) + ld(ARTICLE),
        ld({**ARTICLE, "@type": ["ReportageNewsArticle", "Thing"]}),
    ],
    ids=["plain", "array", "graph", "webpage-main-entity", "several-blocks", "type-list"],
)
def test_json_ld_shapes(script):
    article = extract_article(page(script), URL)
    assert article is not None
    assert article.published_at == "2025-01-05T09:30:00+03:00"
    assert article.authors == ["خالد منصور"]
    assert article.section == "سياسة"
    assert article.tags == ["حكومة", "قوانين"]


def test_broken_json_ld_is_repaired():
    broken = (
        '<!-- {"@type": "NewsArticle", "headline": "اجتماع مجلس الوزراء الأسبوعي",\n'
        '"datePublished": "2025-01-05T09:30:00+03:00",\n"description": "سطر أول\nسطر ثان",\n'
        '"keywords": "حكومة، قوانين",} -->'
    )
    article = extract_article(page(ld(broken)), URL)
    assert article is not None
    assert article.published_at == "2025-01-05T09:30:00+03:00"
    assert article.tags == ["حكومة", "قوانين"]


def test_parse_json_values_reads_concatenated_objects():
    assert parse_json_values('{"a": 1}\n{"b": [1, 2,],}') == [{"a": 1}, {"b": [1, 2]}]


def test_json_ld_nodes_ignores_other_scripts():
    root = document_fromstring(
        "<html><head><script>var x = {};</script>" + ld({"@type": "Article"}) + "</head></html>"
    )
    assert json_ld_nodes(root) == [{"@type": "Article"}]


def test_opengraph_and_article_meta():
    head = (
        '<meta property="og:title" content="اجتماع مجلس الوزراء الأسبوعي - الصحيفة">'
        '<meta property="og:site_name" content="الصحيفة">'
        '<meta property="article:published_time" content="2025-01-05T06:30:00Z">'
        '<meta property="article:modified_time" content="2025-01-06T08:00:00Z">'
        '<meta property="article:section" content="سياسة">'
        '<meta property="article:tag" content="حكومة">'
        '<meta property="article:tag" content="برلمان">'
        '<meta property="og:image" content="/media/cabinet.jpg">'
        '<meta name="author" content="الصحيفة">'
    )
    article = extract_article(page(head), URL)
    assert article is not None
    assert article.title == "اجتماع مجلس الوزراء الأسبوعي"
    assert article.published_at == "2025-01-05T06:30:00+00:00"
    assert article.modified_at == "2025-01-06T08:00:00+00:00"
    assert article.section == "سياسة"
    assert article.tags == ["حكومة", "برلمان"]
    assert article.image is not None
    assert article.image.url == "https://sahifa.example/media/cabinet.jpg"
    assert article.authors == []  # the meta author is the site itself


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("pubdate", "2025-01-05T09:30:00+03:00", "2025-01-05T09:30:00+03:00"),
        ("DC.date", "2025-01-05T06:30:00Z", "2025-01-05T06:30:00+00:00"),
        ("sailthru.date", "2025-01-05 09:30:00 +0300", "2025-01-05T09:30:00+03:00"),
    ],
)
def test_other_date_meta(name, content, expected):
    article = extract_article(page(f'<meta name="{name}" content="{content}">'), URL)
    assert article is not None and article.published_at == expected


def test_json_ld_date_beats_meta_and_time():
    head = ld(ARTICLE) + '<meta property="article:published_time" content="2024-12-31T00:00:00Z">'
    extra = '<time datetime="2024-11-11T11:11:00Z">11 نوفمبر</time>'
    article = extract_article(page(head, extra), URL)
    assert article is not None and article.published_at == "2025-01-05T09:30:00+03:00"


def test_time_element_beats_hints():
    extra = '<time datetime="2025-01-04T10:00:00+02:00">4 يناير</time>'
    hints = {"published_at": "2025-01-01T00:00:00+00:00"}
    article = extract_article(page("", extra), URL, hints=hints)
    assert article is not None and article.published_at == "2025-01-04T10:00:00+02:00"


def test_microdata():
    extra = (
        '<div itemscope itemtype="https://schema.org/NewsArticle">'
        '<span itemprop="datePublished" content="2025-01-05T09:30:00+03:00">5 يناير</span>'
        '<span itemprop="author" itemscope><span itemprop="name">هدى سالم</span></span></div>'
    )
    article = extract_article(page("", extra), URL)
    assert article is not None
    assert article.published_at == "2025-01-05T09:30:00+03:00"
    assert article.authors == ["هدى سالم"]


def test_read_metadata_canonical_and_rel_tags():
    root = document_fromstring(
        '<html><head><link rel="canonical" href="/a/1"></head>'
        '<body><a rel="tag" href="/t/1">طاقة</a></body></html>'
    )
    meta = read_metadata(root)
    assert meta.canonical_urls == ["/a/1"]
    assert meta.tags == ["طاقة"]


def test_author_objects_and_organisations():
    authors = [
        {"@type": "Person", "name": "خالد منصور"},
        "بقلم: سلمى يوسف",
        {"@type": "Organization", "name": "الصحيفة"},
    ]
    data = {**ARTICLE, "author": authors, "publisher": {"@type": "Organization", "name": "الصحيفة"}}
    article = extract_article(page(ld(data)), URL)
    assert article is not None and article.authors == ["خالد منصور", "سلمى يوسف"]


def test_script_rendered_page_uses_json_ld_article_body():
    text = "الفقرة الأولى من الخبر كما ترسلها الصحيفة.\nالفقرة الثانية من الخبر مع تفاصيل إضافية."
    html = (
        "<html><head><title>اجتماع مجلس الوزراء الأسبوعي</title>"
        + ld({**ARTICLE, "articleBody": text})
        + "</head><body><div id='app'>جار التحميل</div></body></html>"
    )
    article = extract_article(html, URL)
    assert article is not None
    assert article.body == text.replace("\n", "\n\n")


def test_keywords_meta_is_only_a_last_resort():
    head = (
        '<meta name="keywords" content="أخبار, عاجل"><meta property="article:tag" content="حكومة">'
    )
    article = extract_article(page(head), URL)
    assert article is not None and article.tags == ["حكومة"]
    article = extract_article(page('<meta name="keywords" content="أخبار، عاجل">'), URL)
    assert article is not None and article.tags == ["أخبار", "عاجل"]


def test_reader_comment_authors_are_not_bylines():
    extra = (
        "<div class='byline'>كتب: ماجد الحسن</div>"
        "<ol id='comments'><li><span class='comment-author'>زائر كريم</span></li></ol>"
    )
    article = extract_article(page("", extra), URL)
    assert article is not None and article.authors == ["ماجد الحسن"]


def test_agency_line_naming_the_site_is_what_the_byline_says():
    # issue 9, class 7: a visible byline naming the publication is its author (metadata that
    # names the site as author is not: see the meta author tests)
    head = '<meta property="og:site_name" content="الصحيفة 24">'
    article = extract_article(page(head, "<span class='author'>الصحيفة24/ وكالات</span>"), URL)
    assert article is not None and article.authors == ["الصحيفة24"]


def test_unparseable_json_ld_date_falls_through_to_meta():
    head = ld({**ARTICLE, "datePublished": "غير معروف"}) + (
        '<meta property="article:published_time" content="2025-01-05T07:00:00+01:00">'
    )
    article = extract_article(page(head), URL)
    assert article is not None and article.published_at == "2025-01-05T07:00:00+01:00"


def test_article_loader_keeps_first_source_only():
    from newscrawl.extraction import ArticleLoader

    loader = ArticleLoader(timezone="+03:00", base_url=URL, site_names=["الصحيفة"])
    assert not loader.add_first("authors", ["الصحيفة"])  # the site is not an author
    assert loader.add_first("authors", ["بقلم: خالد منصور", "خالد منصور"])
    assert not loader.add_first("authors", ["هدى سالم"])
    loader.add_value("published_at", ["ليس تاريخاً", "2025-01-05 09:30"])
    item = loader.load_item()
    assert item["authors"] == ["خالد منصور"]
    assert item["published_at"] == "2025-01-05T09:30:00+03:00"


def test_site_named_only_in_the_title_suffix_is_not_an_author():
    # no og:site_name: the page names itself only around the headline in <title>
    article = extract_article(page('<meta name="author" content="الصحيفة">'), URL)
    assert article is not None and article.authors == []
