"""extract_article / extract_page end to end on small hand-written pages (own Arabic text)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from newscrawl.extraction import UndecodablePage, extract_article, extract_page
from newscrawl.items import Article
from newscrawl.profiles import Selectors, SiteProfile, load_profile

URL = "https://akhbar.example/news/2024/03/16/market?utm_source=feed"

PARAGRAPHS = [
    "أعلنت وزارة الاقتصاد صباح اليوم عن حزمة جديدة من الإجراءات لدعم المشروعات الصغيرة "
    "والمتوسطة في مختلف المحافظات، وذلك بعد أشهر من المشاورات مع ممثلي القطاع الخاص.",
    "وقال المتحدث باسم الوزارة إن الحزمة تتضمن قروضاً ميسرة بفوائد منخفضة وإعفاءات ضريبية "
    "مؤقتة للشركات الناشئة التي توظف الشباب حديثي التخرج.",
    "وأضاف أن تنفيذ هذه الإجراءات سيبدأ مطلع الشهر المقبل، على أن تراجع نتائجها بعد ستة أشهر "
    "من بدء العمل بها لتقييم أثرها على سوق العمل.",
    "ويرى خبراء اقتصاديون أن الخطوة جاءت متأخرة، لكنها قد تسهم في تخفيف الأعباء عن آلاف "
    "الأسر التي تعتمد على دخل المشروعات العائلية الصغيرة.",
]


def article_page(json_ld: str | None = None, extra_head: str = "", extra_body: str = "") -> str:
    ld = f'<script type="application/ld+json">{json_ld}</script>' if json_ld else ""
    p = [f"<p>{text}</p>" for text in PARAGRAPHS]
    return f"""<!DOCTYPE html><html lang="ar" dir="rtl"><head>
<meta charset="utf-8"><title>حزمة دعم جديدة للمشروعات الصغيرة - أخبار اليوم</title>
<meta property="og:title" content="حزمة دعم جديدة للمشروعات الصغيرة - أخبار اليوم">
<meta property="og:site_name" content="أخبار اليوم">
<link rel="canonical" href="/news/2024/03/16/market">
{extra_head}{ld}</head><body>
<header><nav><a href="/">الرئيسية</a> <a href="/economy">اقتصاد</a> <a href="/sport">رياضة</a></nav>
</header>
<main><article>
<ul class="breadcrumb"><li><a href="/">الرئيسية</a></li><li><a href="/economy">اقتصاد</a></li></ul>
<h1>حزمة دعم جديدة للمشروعات الصغيرة</h1>
<div class="byline">بقلم: ليلى حسن</div>
<div class="post-date">الأربعاء 16 مارس 2024 - 11:42</div>
<figure><img src="/img/market.jpg"><figcaption>سوق شعبي في وسط المدينة</figcaption></figure>
<div class="article-body">
{p[0]}{p[1]}
<p><strong>اقرأ أيضا:</strong>
<a href="/news/2024/03/10/bank">البنك المركزي يثبت أسعار الفائدة</a></p>
{p[2]}
<p>شارك هذا الخبر على فيسبوك</p>
{p[3]}
<p>جميع الحقوق محفوظة © 2024</p>
</div>
<div class="related-news"><h3>أخبار ذات صلة</h3><ul>
<li><a href="/news/2024/03/01/tax">الحكومة تدرس تعديل قانون الضرائب</a></li>
<li><a href="/news/2024/02/20/jobs">ارتفاع معدلات التوظيف في القطاع الخاص</a></li>
</ul></div>
</article>
<aside><h3>الأكثر قراءة</h3><ul><li><a href="/news/x">خبر رياضي يتصدر المشاهدات اليوم</a></li></ul>
</aside>{extra_body}</main>
<footer>جميع الحقوق محفوظة</footer></body></html>"""


JSON_LD = json.dumps(
    {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "حزمة دعم جديدة للمشروعات الصغيرة",
        "datePublished": "2024-03-16T11:42:00+02:00",
        "dateModified": "2024-03-16T13:05:30+02:00",
        "author": [
            {"@type": "Person", "name": "ليلى حسن"},
            {"@type": "Organization", "name": "أخبار اليوم"},
        ],
        "publisher": {"@type": "Organization", "name": "أخبار اليوم"},
        "articleSection": "اقتصاد",
        "keywords": "اقتصاد، مشروعات صغيرة, قروض",
        "image": {"@type": "ImageObject", "url": "https://akhbar.example/img/market.jpg"},
    },
    ensure_ascii=False,
)


def extract(html: str, **kwargs) -> Article:
    article = extract_article(html, URL, **kwargs)
    assert article is not None
    return article


def test_full_page_fields():
    article = extract(article_page(JSON_LD), fetched_at="2024-03-16T12:00:00+00:00")
    assert article.url == "https://akhbar.example/news/2024/03/16/market"
    assert article.site == "akhbar.example"
    assert article.title == "حزمة دعم جديدة للمشروعات الصغيرة"
    assert article.body == "\n\n".join(PARAGRAPHS)
    assert article.published_at == "2024-03-16T11:42:00+02:00"
    assert article.modified_at == "2024-03-16T13:05:30+02:00"
    assert article.authors == ["ليلى حسن"]
    assert article.section == "اقتصاد"
    assert article.tags == ["اقتصاد", "مشروعات صغيرة", "قروض"]
    assert (
        article.image is not None and article.image.url == "https://akhbar.example/img/market.jpg"
    )
    assert article.image.caption == "سوق شعبي في وسط المدينة"
    assert article.language == "ar"
    assert article.fetched_at == "2024-03-16T12:00:00+00:00"
    assert article.content_hash is None and article.near_duplicate_of is None


def test_related_links_inline_and_end_without_most_read():
    article = extract(article_page(JSON_LD))
    got = [(link.url, link.title, link.position) for link in article.related_links]
    assert got == [
        (
            "https://akhbar.example/news/2024/03/10/bank",
            "البنك المركزي يثبت أسعار الفائدة",
            "inline",
        ),
        ("https://akhbar.example/news/2024/03/01/tax", "الحكومة تدرس تعديل قانون الضرائب", "end"),
        (
            "https://akhbar.example/news/2024/02/20/jobs",
            "ارتفاع معدلات التوظيف في القطاع الخاص",
            "end",
        ),
    ]
    assert "البنك المركزي" not in article.body


def test_without_structured_data_falls_back_to_visible_page():
    article = extract(
        article_page(None),
        profile=SiteProfile(name="akhbar", domains=("akhbar.example",), timezone="Africa/Cairo"),
    )
    assert article.site == "akhbar"
    assert article.title == "حزمة دعم جديدة للمشروعات الصغيرة"
    assert article.body == "\n\n".join(PARAGRAPHS)
    assert article.authors == ["ليلى حسن"]
    assert article.published_at == "2024-03-16T11:42:00+02:00"
    assert article.section == "اقتصاد"


def test_hints_fill_the_date_when_the_page_has_none():
    article = extract(
        article_page(None).replace("post-date", "x"),
        hints={"published_at": "2024-03-15T08:00:00+00:00", "tags": ["قروض"]},
    )
    assert article.published_at == "2024-03-15T08:00:00+00:00"
    assert article.tags == ["قروض"]


def test_canonical_on_another_site_is_ignored():
    html = article_page(JSON_LD).replace(
        'href="/news/2024/03/16/market"', 'href="https://other.example/a"'
    )
    assert extract(html).url == "https://akhbar.example/news/2024/03/16/market"


def test_profile_selectors_win_and_remove_nodes():
    profile = SiteProfile(
        name="akhbar",
        domains=("akhbar.example",),
        selectors=Selectors(
            title="xpath://h1/text()",
            body="div.article-body",
            authors=".byline",
            remove=("p:nth-of-type(2)",),
        ),
    )
    article = extract(article_page(JSON_LD), profile=profile)
    assert article.title == "حزمة دعم جديدة للمشروعات الصغيرة"
    assert article.body == "\n\n".join([PARAGRAPHS[0], PARAGRAPHS[2], PARAGRAPHS[3]])
    assert [link.position for link in article.related_links][:1] == ["inline"]


@pytest.mark.parametrize(
    "html", ["", "   ", "<html></html>", "<html><body><p>نص</p></body></html>"]
)
def test_pages_without_article_give_none(html):
    assert extract_article(html, URL) is None


def test_extract_page_decodes_bytes():
    article = extract_page(
        article_page(JSON_LD).encode("utf-8"), URL, content_type="text/html; charset=utf-8"
    )
    assert article is not None and article.title == "حزمة دعم جديدة للمشروعات الصغيرة"


def test_extract_page_raises_for_garbled_bytes():
    garbled = (
        article_page(JSON_LD).encode("utf-8").decode("cp1252", errors="replace").encode("utf-8")
    )
    with pytest.raises(UndecodablePage):
        extract_page(garbled, URL, content_type="text/html; charset=utf-8")


def test_visible_update_line_gives_modified_at():
    html = article_page(None).replace(
        '<div class="post-date">',
        '<p>آخر تحديث: الخميس 17 مارس 2024 - 09:15</p><div class="post-date">',
    )
    profile = SiteProfile(name="akhbar", domains=("akhbar.example",), timezone="+03:00")
    article = extract(html, profile=profile)
    assert article.published_at == "2024-03-16T11:42:00+03:00"
    assert article.modified_at == "2024-03-17T09:15:00+03:00"
    assert "آخر تحديث" not in article.body


def test_url_path_date_is_the_last_resort():
    html = article_page(None).replace("post-date", "x")
    article = extract_article(html, "https://akhbar.example/2024/03/16/market")
    assert article is not None and article.published_at == "2024-03-16T00:00:00+00:00"


def test_profile_date_image_section_and_tag_selectors():
    profile = SiteProfile(
        name="akhbar",
        domains=("akhbar.example",),
        timezone="Africa/Cairo",
        selectors=Selectors(
            published_at=".post-date",
            image="figure img",
            image_caption="figcaption",
            section="xpath:(//ul[@class='breadcrumb']//a)[last()]",
            tags="xpath://h1/text()",
        ),
    )
    article = extract(article_page(JSON_LD), profile=profile)
    # the profile's visible date (Cairo, UTC+2 in March 2024) beats JSON-LD
    assert article.published_at == "2024-03-16T11:42:00+02:00"
    assert article.image is not None
    assert article.image.url == "https://akhbar.example/img/market.jpg"
    assert article.image.caption == "سوق شعبي في وسط المدينة"
    assert article.section == "اقتصاد"
    assert article.tags == ["حزمة دعم جديدة للمشروعات الصغيرة"]


def test_broken_profile_selector_falls_back_to_generic_layers():
    profile = SiteProfile(
        name="akhbar",
        domains=("akhbar.example",),
        selectors=Selectors(title="h1[[", body="xpath://["),
    )
    article = extract(article_page(JSON_LD), profile=profile)
    assert article.title == "حزمة دعم جديدة للمشروعات الصغيرة"
    assert article.body == "\n\n".join(PARAGRAPHS)


def test_profile_body_skips_image_boxes_inside_the_container():
    html = article_page(JSON_LD).replace(
        '<div class="article-body">',
        '<div class="article-body"><div class="photo-box"><img src="/i.jpg">'
        "<span>صورة أرشيفية</span></div>",
    )
    profile = SiteProfile(
        name="akhbar", domains=("akhbar.example",), selectors=Selectors(body="div.article-body")
    )
    article = extract(html, profile=profile)
    assert article.body == "\n\n".join(PARAGRAPHS)


def test_feed_hint_dates_are_given_in_the_site_zone() -> None:
    """The same article gets the same published_at whether a feed hint or the page dated it."""
    page = Path(__file__).parent / "fixtures" / "pages" / "waha.html"
    expected = json.loads(page.with_suffix(".expected.json").read_text(encoding="utf-8"))
    instant = datetime.fromisoformat(expected["published_at"])
    utc_hint = instant.astimezone(UTC).strftime("%a, %d %b %Y %H:%M:%S +0000")
    profile = load_profile("waha")
    plain = extract_page(page.read_bytes(), expected["url"], profile=profile)
    hinted = extract_page(
        page.read_bytes(), expected["url"], profile=profile, hints={"published_at": utc_hint}
    )
    assert plain is not None and hinted is not None
    assert plain.published_at == hinted.published_at == expected["published_at"]
