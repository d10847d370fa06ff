"""Issue 9, per-site learning of boilerplate: blocks that recur across a site's pages leave its
bodies, within a crawl and from one run to the next; genuine recurring sentences stay.
Own pages only (no page text is copied)."""

from __future__ import annotations

from pathlib import Path

from lxml.html import document_fromstring
from scrapy.utils.test import get_crawler

from newscrawl.demo.server import Reply, serving
from newscrawl.extraction import extract_article
from newscrawl.extraction.site_blocks import KEEP, BlockLearner, block_key, page_lines
from newscrawl.extraction.site_learning import SiteLearner
from newscrawl.spiders.news import NewsSpider
from newscrawl.spiders.titlelearning import TitleLearners, title_learners
from newscrawl.state.sqlite import SqliteStateStore
from tests.crawl_harness import run_crawl, site_router

# The site's slogan, inside the article container on every page: no page-level rule knows it
SLOGAN = "صحيفة الوادي الإلكترونية صوت المدينة وأهلها منذ ثلاثين عاما"
# A background sentence a series of articles repeats: genuine text, never on a listing page
BACKGROUND = "ويعاني الحي القديم منذ سنوات من نقص في الخدمات العامة والمرافق الثقافية"
STORIES = [
    f"أعلنت البلدية اليوم عن مشروع رقم {n} لتأهيل الشارع الرئيسي في الحي القديم، ويشمل "
    f"المشروع توسيع الأرصفة وزراعة {n * 7} شجرة وتجديد شبكة الإنارة العامة في المنطقة."
    for n in range(1, 9)
]


WORDS = ("شمال", "جنوب", "شرق", "غرب", "سهل", "جبل", "نهر", "بحر", "وادي", "غابة", "مدينة",
         "قرية", "سوق", "ميناء", "جسر", "طريق", "ساحة", "حديقة")  # fmt: skip


def article_page(n: int, *, background: bool = False) -> str:
    extra = f"<p>{BACKGROUND}</p>" if background else ""
    return (
        f"<html><head><title>مشروع جديد رقم {n} في الحي القديم</title></head><body>"
        f"<div class='post'><h1>مشروع جديد رقم {n} في الحي القديم</h1><p>{STORIES[n - 1]}</p>"
        f"{extra}<p>وقال رئيس البلدية إن الأعمال في المشروع رقم {n} ستبدأ الأسبوع المقبل.</p>"
        f"<p>{SLOGAN}</p></div></body></html>"
    )


def home_page(count: int) -> str:
    links = "".join(
        f"<li><a href='/news.php?id={n}'>مشروع جديد رقم {n} في الحي القديم</a></li>"
        for n in range(1, count + 1)
    )
    return (
        "<html><head><title>صحيفة الوادي</title></head><body><h1>صحيفة الوادي</h1>"
        f"<ul>{links}</ul><div class='footer'><p>{SLOGAN}</p></div></body></html>"
    )


def bodies(learned: SiteLearner | None, pages: list[str]) -> list[list[str]]:
    out = []
    for n, html in enumerate(pages, start=1):
        article = extract_article(html, f"http://alwadi.example/news.php?id={n}", learned=learned)
        assert article is not None and article.body
        out.append(article.body.split("\n\n"))
    return out


def learner_that_saw_the_home_page() -> SiteLearner:
    learner = SiteLearner(blocks=BlockLearner())
    assert learner.blocks is not None
    learner.blocks.observe_listing("/", page_lines(document_fromstring(home_page(6))))
    return learner


def test_a_block_on_listing_and_article_pages_leaves_bodies_from_the_third_page() -> None:
    pages = [article_page(n) for n in range(1, 7)]
    assert all(SLOGAN in body for body in bodies(None, pages))  # no page-level rule removes it
    learnt = bodies(learner_that_saw_the_home_page(), pages)
    # streaming: the first two pages are read before the slogan has recurred
    assert [SLOGAN in body for body in learnt] == [True, True, False, False, False, False]
    assert all(len(body) == 2 for body in learnt[2:])


def test_a_sentence_recurring_only_in_articles_stays() -> None:
    pages = [article_page(n, background=True) for n in range(1, 7)]
    learnt = bodies(learner_that_saw_the_home_page(), pages)
    assert all(BACKGROUND in body for body in learnt)  # never on a listing page: not chrome


def test_without_listing_pages_only_many_articles_teach_a_block() -> None:
    learner = BlockLearner()
    for n in range(9):
        learner.observe_article(f"/a{n}", [f"نص الخبر {n}", SLOGAN])
    assert not learner.is_boilerplate(SLOGAN)  # 9 pages: could be a series' shared sentence
    learner.observe_article("/a9", ["نص الخبر الأخير", SLOGAN])
    assert learner.is_boilerplate(SLOGAN)


def test_the_only_text_of_a_page_is_never_removed() -> None:
    learner = BlockLearner.from_fact({"blocks": [block_key(SLOGAN)], "pages": 5})
    assert learner.strip([SLOGAN]) == [SLOGAN]
    assert learner.strip(["خبر قصير", SLOGAN]) == ["خبر قصير"]


def test_a_page_seen_twice_counts_once() -> None:
    learner = BlockLearner()
    learner.observe_listing("/", [SLOGAN])
    for _ in range(3):
        learner.observe_article("/same", [SLOGAN])
    assert learner.pages == 1 and not learner.is_boilerplate(SLOGAN)


def test_learnt_blocks_are_persisted_bounded_and_used_from_the_first_page(tmp_path: Path) -> None:
    store = SqliteStateStore(tmp_path)
    try:
        first_run = TitleLearners(store)
        learner = first_run.for_site("alwadi")
        assert learner.blocks is not None
        menu = [f"{a} {b}" for a in WORDS for b in WORDS]  # more chrome lines than are kept
        learner.blocks.observe_listing("/", [SLOGAN, *menu])
        for n in range(4):
            lines = [STORIES[n], SLOGAN, *menu]
            learner.blocks.observe_article(f"/a{n}", lines)
            first_run.remember("alwadi")
        next_run = TitleLearners(store).for_site("alwadi")
        assert next_run.blocks is not None and len(next_run.blocks.blocks()) == KEEP
        first = bodies(next_run, [article_page(1)])[0]
        assert SLOGAN not in first and len(first) == 2
    finally:
        store.close()


def test_learning_can_be_switched_off() -> None:
    crawler = get_crawler(NewsSpider, {"NEWSCRAWL_LEARN_BOILERPLATE": False})
    assert title_learners(crawler).for_site("alwadi").blocks is None
    assert TitleLearners().for_site("alwadi").blocks is not None  # on by default


def _site(base: str) -> dict[str, Reply]:
    pages = {f"/news.php?id={n}": Reply(body=article_page(n).encode()) for n in range(1, 7)}
    return {"/": Reply(body=home_page(6).encode()), **pages}


def test_a_crawl_learns_from_the_home_page_and_the_next_run_from_the_first_page(
    tmp_path: Path,
) -> None:
    settings = {
        "NEWSCRAWL_EXTRACTOR": "newscrawl.extraction.extract_page",
        "NEWSCRAWL_STATE_DIR": str(tmp_path),
    }
    with serving(site_router(_site)) as server:
        first = run_crawl(server.base_url, settings=settings)
        second = run_crawl(server.base_url, settings=settings)
        off = run_crawl(server.base_url, settings={**settings, "NEWSCRAWL_LEARN_BOILERPLATE": 0})
    assert len(first.items) == len(second.items) == len(off.items) == 6
    assert sum(SLOGAN in item["body"] for item in first.items) == 2  # before it recurred
    assert not [item for item in second.items if SLOGAN in item["body"]]
    # the persisted blocks are read only when learning is on
    assert all(SLOGAN in item["body"] for item in off.items)
