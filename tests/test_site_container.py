"""Per-site body container learning (`site_container`): the fast path past generic detection.

It must change no body: it is trusted only after reproducing generic detection exactly, and a
page that disagrees withdraws the trust.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import newscrawl.extraction.page as page_module
from newscrawl.demo.server import Reply, serving
from newscrawl.extraction import extract_article
from newscrawl.extraction.site_container import TRUST_AFTER, VERIFY_EVERY, ContainerLearner
from newscrawl.extraction.site_learning import SiteLearner
from tests.crawl_harness import run_crawl, site_router

TOWNS = ("حلب", "صفاقس", "وهران", "الموصل", "جدة", "نابلس", "مراكش", "صنعاء", "إربد", "طرابلس")
QUARTERS = ("الزيتون", "الميناء", "القلعة", "السوق")


def story(n: int) -> list[str]:
    # every paragraph names a town and a quarter unique to the page: counts alone would make
    # them one recurring block to the boilerplate learner, which ignores digits
    place = f"حي {QUARTERS[n // len(TOWNS)]} في مدينة {TOWNS[n % len(TOWNS)]}"
    return [
        f"أعلن مجلس {place} اليوم إطلاق المرحلة رقم {n} من برنامج تأهيل الأحياء القديمة، "
        f"ويشمل البرنامج ترميم {n + 12} مبنى تراثيا وتجديد شبكات المياه والصرف في المنطقة.",
        f"وقال رئيس مجلس {place} في مؤتمر صحفي إن كلفة المرحلة تبلغ {n * 3 + 5} ملايين دولار، "
        "وإن الأعمال ستنفذ على مدى ثمانية عشر شهرا بمشاركة شركات محلية ومهندسين من أبناء المدينة.",
        f"وأضاف أن سكان {place} طالبوا منذ سنوات بهذه الأعمال بعد تضرر عدد من المباني القديمة "
        "خلال فصل الشتاء الماضي، مؤكدا أن المجلس سيعقد لقاءات دورية مع الأهالي لمتابعة التنفيذ.",
    ]


def article_html(n: int, *, extra: str = "إعلان", main: str = "main") -> str:
    paragraphs = story(n)
    body = f"<p>{paragraphs[0]}</p><p class='ad-label'>{extra}</p>" + "".join(
        f"<p>{p}</p>" for p in paragraphs[1:]
    )
    sidebar = "".join(
        f"<li><a href='/news/{k}'>خبر قصير رقم {k} عن المدينة</a></li>" for k in range(8)
    )
    return (
        f"<html><head><title>تأهيل الأحياء القديمة: المرحلة {n}</title>"
        "<meta property='og:type' content='article'></head><body>"
        "<nav><a href='/'>الرئيسية</a> <a href='/local'>محليات</a></nav>"
        f"<div class='{main}'><h1>تأهيل الأحياء القديمة: المرحلة {n}</h1>"
        f"<div class='story-text'>{body}</div></div>"
        f"<aside><h3>الأكثر قراءة</h3><ul>{sidebar}</ul></aside></body></html>"
    )


def url(n: int) -> str:
    return f"http://madina.example/news/{n}"


class CountingDetection:
    """Counts the pages that ran generic detection."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.calls = 0
        detect = page_module.generic_paragraphs

        def counting(root, page_url):  # type: ignore[no-untyped-def]
            self.calls += 1
            return detect(root, page_url)

        monkeypatch.setattr(page_module, "generic_paragraphs", counting)


def bodies(pages: list[str], learned: SiteLearner | None) -> list[str]:
    out = []
    for n, html in enumerate(pages):
        article = extract_article(html, url(n), learned=learned)
        assert article is not None and article.body
        out.append(article.body)
    return out


def test_a_learnt_container_gives_the_same_bodies_without_detecting_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pages = [article_html(n) for n in range(40)]
    expected = bodies(pages, None)
    assert all("إعلان" not in body for body in expected)  # detection leaves the label out
    detection = CountingDetection(monkeypatch)
    learner = SiteLearner(body=ContainerLearner())
    assert bodies(pages, learner) == expected
    assert learner.body is not None and learner.body.trusted == "div.main"
    # one page to learn the label, TRUST_AFTER to agree, then one check in VERIFY_EVERY
    learning = 1 + TRUST_AFTER
    assert detection.calls == learning + (40 - learning) // VERIFY_EVERY


def test_a_page_that_disagrees_withdraws_the_trust(monkeypatch: pytest.MonkeyPatch) -> None:
    learner = SiteLearner(body=ContainerLearner())
    bodies([article_html(n) for n in range(5)], learner)
    assert learner.body is not None and learner.body.trusted
    # the site's template changes: the known container is gone from the page
    changed = [article_html(n, main="entry-content") for n in range(5, 8)]
    assert bodies(changed, learner) == bodies(changed, None)
    assert learner.body.trusted is None


def test_a_container_whose_left_out_text_changes_per_page_is_never_trusted(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # a text detection leaves out but that is new on every page is no template: no fast path
    pages = [article_html(n, extra=f"صورة رقم {n} من الأرشيف") for n in range(12)]
    learner = SiteLearner(body=ContainerLearner())
    detection = CountingDetection(monkeypatch)
    assert bodies(pages, learner) == bodies(pages, None)
    assert learner.body is not None and learner.body.trusted is None
    assert detection.calls == 2 * len(pages)


def _site(base: str) -> dict[str, Reply]:
    links = "".join(f"<li><a href='/news/{n}'>المرحلة {n} من التأهيل</a></li>" for n in range(24))
    pages = {"/": Reply(body=f"<html><body><h1>مدينتي</h1><ul>{links}</ul></body></html>".encode())}
    return pages | {f"/news/{n}": Reply(body=article_html(n).encode()) for n in range(24)}


def test_a_crawl_writes_the_same_articles_with_and_without_container_learning(
    tmp_path: Path,
) -> None:
    settings = {"NEWSCRAWL_EXTRACTOR": "newscrawl.extraction.extract_page"}
    with serving(site_router(_site)) as server:
        learning = run_crawl(server.base_url, settings=settings)
        off = run_crawl(server.base_url, settings={**settings, "NEWSCRAWL_LEARN_CONTAINERS": 0})
    assert len(learning.items) == len(off.items) == 24

    def by_url(items: list[dict]) -> dict[str, tuple]:
        return {i["url"]: (i["title"], i["body"], i.get("related_links")) for i in items}

    assert by_url(learning.items) == by_url(off.items)
