"""Issue 9, titles: the headline the page shows, never the site's name around it or its logo,
learnt per site within a crawl and kept for the next run. Own pages only."""

from __future__ import annotations

from pathlib import Path

from newscrawl.extraction import extract_article
from newscrawl.extraction.site_learning import SiteLearner
from newscrawl.spiders.titlelearning import TitleLearners
from newscrawl.state.sqlite import SqliteStateStore

HEADLINE = "افتتاح جسر جديد يربط ضفتي النهر في المدينة"
PARAGRAPHS = "".join(
    f"<p>{text}</p>"
    for text in (
        "افتتح محافظ المدينة صباح اليوم الجسر الجديد الذي يربط ضفتي النهر بعد ثلاث سنوات من "
        "الأعمال المتواصلة، بحضور عدد من المسؤولين وممثلي الهيئات المحلية والسكان.",
        "وقال المحافظ إن الجسر سيخفف الازدحام في وسط المدينة ويختصر زمن التنقل بين الأحياء "
        "الشرقية والغربية إلى النصف تقريبا، خاصة في ساعات الذروة الصباحية والمسائية.",
        "وأضاف أن المرحلة الثانية من المشروع تشمل إنشاء ممرات للمشاة والدراجات على ضفتي النهر، "
        "على أن تنتهي الأعمال فيها قبل نهاية العام المقبل وفق الجدول الزمني المعتمد.",
    )
)


def blog_page(headline: str = HEADLINE) -> str:
    """Blogger-like: <title> "Blog: post", the blog's name in a linked h1, the post in an h3."""
    return (
        f"<html><head><title>مدونة ضفاف النهر: {headline}</title>"
        f"<meta property='og:title' content='{headline}'></head><body>"
        "<div class='header'><h1 class='title'><a href='/'>مدونة ضفاف النهر</a></h1></div>"
        f"<div class='post'><h3 class='post-title'><a href='/p/1.html'>{headline}</a></h3>"
        f"<div class='post-body'>{PARAGRAPHS}</div></div></body></html>"
    )


def logo_h1_page(headline: str = HEADLINE) -> str:
    """Old WordPress theme: "post - site" in <title>, the logo is the only h1, the post an h2."""
    return (
        f"<html><head><title>{headline} - صحيفة الضفتين</title></head><body>"
        "<h1 id='logo'><a href='/'>صحيفة الضفتين</a></h1>"
        f"<div class='post'><h2 class='title'><a href='/archives/7'>{headline}</a></h2>"
        f"<div class='entry'>{PARAGRAPHS}</div></div></body></html>"
    )


def table_page(headline: str = HEADLINE, site: str = "جريدة الضفتين") -> str:
    """Table layout: "site - post" in <title>, no h1, the headline in a <font> of a cell."""
    return (
        f"<html><head><title>{site} - {headline}</title></head><body><table><tr>"
        "<td class='menu'><a href='index.php'>الرئيسية</a> | <a href='section.php?c=1'>محليات</a>"
        f"</td></tr><tr><td><font class='title'>{headline}</font></td></tr>"
        f"<tr><td class='text'>{PARAGRAPHS}</td></tr></table></body></html>"
    )


def bare_page(headline: str, site: str = "جريدة الضفتين") -> str:
    """Nothing on the page shows the headline apart from <title>: only learning can cut it."""
    return (
        f"<html><head><title>{site} - {headline}</title></head><body>"
        f"<div class='text'>{PARAGRAPHS}</div></body></html>"
    )


def test_blog_name_in_h1_and_title_prefix_is_not_the_title() -> None:
    article = extract_article(blog_page(), "https://dafaf.example/2025/02/p1.html")
    assert article is not None and article.title == HEADLINE


def test_logo_h1_is_not_the_title() -> None:
    article = extract_article(logo_h1_page(), "https://daftain.example/archives/7")
    assert article is not None and article.title == HEADLINE


def test_table_layout_headline_confirms_which_side_of_the_title_it_is() -> None:
    article = extract_article(table_page(), "https://daftain.example/article.php?id=7")
    assert article is not None and article.title == HEADLINE


def test_host_name_affix_is_cut_on_the_first_page() -> None:
    html = bare_page(HEADLINE, site="Daftain")
    article = extract_article(html, "https://www.daftain.example/article.php?id=7")
    assert article is not None and article.title == HEADLINE


def test_h1_that_contains_the_site_name_stays_the_title() -> None:
    headline = "صحيفة الضفتين تفوز بجائزة الصحافة العربية"
    html = logo_h1_page(headline).replace("<h2 class='title'>", "<h1>").replace("</h2>", "</h1>")
    article = extract_article(html, "https://daftain.example/archives/7")
    assert article is not None and article.title == headline


HEADLINES = (
    "ارتفاع أسعار الخضر في الأسواق",
    "انطلاق موسم الحصاد مبكرا",
    "مهرجان الكتاب يفتح أبوابه",
)


def titles_of(pages: list[str], learner: SiteLearner | None) -> list[str]:
    got = []
    for n, html in enumerate(pages):
        url = f"https://daftain.example/article.php?id={n}"
        article = extract_article(html, url, learned=learner)
        assert article is not None
        got.append(article.title)
    return got


def test_repeated_title_affix_is_learnt_within_a_crawl() -> None:
    pages = [bare_page(h) for h in HEADLINES]
    unlearnt = [f"جريدة الضفتين - {h}" for h in HEADLINES]
    assert titles_of(pages, None) == unlearnt
    # the first page alone cannot tell the site's name from the headline; the second can
    assert titles_of(pages, SiteLearner()) == [unlearnt[0], *HEADLINES[1:]]


def test_a_recurring_series_prefix_the_h1_shows_is_kept() -> None:
    pages = [
        f"<html><head><title>حصاد اليوم - {h} | الضفتين</title></head><body>"
        f"<h1>حصاد اليوم - {h}</h1><div>{PARAGRAPHS}</div></body></html>"
        for h in HEADLINES
    ]
    assert titles_of(pages, SiteLearner()) == [f"حصاد اليوم - {h}" for h in HEADLINES]


def test_learnt_affix_is_persisted_for_the_next_run(tmp_path: Path) -> None:
    store = SqliteStateStore(tmp_path)
    try:
        first_run = TitleLearners(store)
        for headline in HEADLINES[:2]:
            first_run.for_site("daftain").observe(f"جريدة الضفتين - {headline}", [], [])
            first_run.remember("daftain")
        next_run = TitleLearners(store).for_site("daftain")
        assert titles_of([bare_page(HEADLINES[2])], next_run) == [HEADLINES[2]]
    finally:
        store.close()


def test_title_learning_switched_off_learns_nothing() -> None:
    from newscrawl.extraction.site_learning import SiteLearner

    learner = SiteLearner(titles=False)
    for n in ("الأولى", "الثانية", "الثالثة"):
        learner.observe(f"جريدة الغد - افتتاح الدورة {n}", [], ["جريدة الغد"])
    assert learner.affixes() == [] and learner.pages == 0
