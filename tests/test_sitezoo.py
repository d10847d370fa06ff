"""The site zoo (benchmarks/sitezoo): realistic pages, sound ground truth, a scorer that scores.

These tests check the benchmark itself. How well newscrawl does on the zoo is reported by
`python -m benchmarks.sitezoo.run`, never asserted here.
"""

from __future__ import annotations

import itertools
import json
import re
import urllib.request
from collections import Counter
from datetime import UTC, datetime
from html import unescape
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest

from benchmarks.sitezoo import clock, report, split
from benchmarks.sitezoo.chrome import link_count
from benchmarks.sitezoo.families import ALL_SPECS, BY_NAME, FRESH_SPECS, SPECS
from benchmarks.sitezoo.model import path_key
from benchmarks.sitezoo.plan import GROUP_SIZE, plan_family, wire_story
from benchmarks.sitezoo.run import parse_args, run_zoo, score_zoo
from benchmarks.sitezoo.score import rates, score_near_duplicates, score_run
from benchmarks.sitezoo.text import resemblance
from benchmarks.sitezoo.zoo import serving

FAMILIES = ["legacy_php", "wp_classic", "news_sitemap_only", *split.FRESH_FAMILIES]
# the reprint copies of the fresh families (plan.reprint_slots) next to the dealt ones
COPIES = [*range(GROUP_SIZE), *(GROUP_SIZE - 1 + 3 * s.reprint for s in FRESH_SPECS)]


@pytest.fixture(scope="module")
def sites() -> Any:
    with serving(FAMILIES, articles=5, new=2) as served:
        yield served


def _html_pages(site: Any) -> list[tuple[str, str]]:
    pages = []
    for key, page in site.pages.items():
        if page.status == 200 and page.content_type.startswith("text/html"):
            charset = page.content_type.split("charset=")[-1]
            pages.append((key, page.body.decode(charset)))
    return pages


def test_pages_are_realistic_in_size_and_links(sites: Any) -> None:
    for site in sites:
        for key, html in _html_pages(site):
            size = len(site.pages[key].body)
            assert 40_000 <= size <= 120_000, (site.spec.name, key, size)
            assert 100 <= link_count(html) <= 200, (site.spec.name, key, link_count(html))


def test_truth_matches_what_is_served(sites: Any) -> None:
    for site in sites:
        truth = site.truth()
        assert len(truth["articles"]) == 5
        for a in truth["articles"]:
            assert site.pages[a["key"]].kind == "article"
            assert all(site.pages[k].kind in ("alias", "redirect") for k in a["alias_keys"])
            assert datetime.fromisoformat(a["published"]).tzinfo is not None
            assert a["title"] and len(a["paragraphs"]) >= 4
            articles = {x["key"]: x for x in truth["articles"]}
            for link in a["related"]:
                assert articles[link["key"]]["title"] == link["title"]
                assert link["position"] in ("inline", "end")
        for key in truth["non_articles"]:
            assert site.pages[key].kind in ("listing", "other")


def test_served_bytes_and_charset(sites: Any) -> None:
    legacy = sites[0]
    article = legacy.truth()["articles"][0]
    with urllib.request.urlopen(article["url"], timeout=5) as response:
        body = response.read()
        assert "windows-1256" in response.headers["Content-Type"]
    assert article["title"] in body.decode("cp1256")
    assert b"<h1" not in body  # class 1: the headline is not in an h1
    assert legacy.hits[article["key"]] == 1


def test_second_stage_publishes_new_articles() -> None:
    with serving(["feed_only"], articles=3, new=2) as (site,):
        before = {a["key"] for a in site.truth()["articles"]}
        feed = site.pages["/rss.xml"].body
        site.set_stage(2)
        after = site.truth()["articles"]
        new = [a for a in after if a["key"] not in before]
        assert len(after) == 5 and len(new) == 2 and all(a["stage"] == 2 for a in new)
        assert site.pages["/rss.xml"].body != feed
        assert all(a["url"].encode() in site.pages["/rss.xml"].body for a in new)


def test_wire_copies_resemble_and_templated_reports_do_not() -> None:
    for seed, group in itertools.product(range(3), range(4)):
        copies = ["\n".join(wire_story(seed, f"wire-{group:02d}", c).paragraphs)
                  for c in COPIES]  # fmt: skip
        for a, b in itertools.combinations(copies, 2):
            assert a != b and resemblance(a, b) >= 0.8
    with serving(["sections_only"], articles=12, new=2) as (site,):
        reports = [a for a in site.articles if a.template_group]
        assert len(reports) == 4
        for a, b in itertools.combinations(reports, 2):
            assert resemblance("\n".join(a.paragraphs), "\n".join(b.paragraphs)) < 0.5


def test_split_covers_every_family_once() -> None:
    assert set(split.FAMILY_ORDER) == {s.name for s in SPECS}
    assert len(SPECS) >= 12
    for rotation in range(split.ROTATIONS):
        held, tuned = set(split.held_out(rotation)), set(split.tuning(rotation))
        assert not held & tuned and held | tuned == set(split.FAMILY_ORDER)
        assert 4 <= len(held) <= 5
        assert len({s.cms for s in SPECS if s.name in held}) >= 3


def _perfect(truths: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """What a flawless crawler would write, copies of a wire story pointing at the first one."""
    first: dict[str, str] = {}
    records = []
    for truth in truths:
        for a in truth["articles"]:
            group = a["near_duplicate_group"]
            records.append({
                "url": a["url"], "title": a["title"], "body": "\n\n".join(a["paragraphs"]),
                "published_at": a["published"], "modified_at": a["modified"],
                "authors": a["authors"], "section": a["section"], "tags": a["tags"],
                "image": a["image"], "related_links": a["related"],
                "near_duplicate_of": first.get(group) if group else None,
            })  # fmt: skip
            if group:
                first.setdefault(group, a["url"])
    return records


def test_scorer_gives_full_marks_to_a_perfect_crawl(sites: Any) -> None:
    truths = [site.truth() for site in sites]
    records = _perfect(truths)
    tallies, _ = score_run(truths, records, {})
    score_near_duplicates(truths, records, tallies, {})
    for family, tally in tallies.items():
        figures = rates(tally)
        assert figures["recall"] == 1.0 and figures["non_article_records"] == 0, family
        for metric in ("title_exact", "body_f1", "related_f1", "published_minute"):
            assert figures[metric] == 1.0, (family, metric)
        assert figures["near_dup_precision"] in (None, 1.0), family
    empty, _ = score_run(truths, [], {})
    assert all(rates(t)["recall"] == 0.0 for t in empty.values())


def test_scorer_penalises_glued_tatweel_and_naive_times(sites: Any) -> None:
    truths = [sites[0].truth()]
    records = _perfect(truths)
    for record in records:
        record["body"] = record["body"].replace("\u0640", "")
        record["published_at"] = record["published_at"][:19]
    figures = rates(score_run(truths, records, {})[0]["legacy_php"])
    assert figures["published_minute"] == 0.0
    assert figures["tatweel_kept"] in (None, 0.0)


def test_end_to_end_crawl_is_scored(tmp_path: Path) -> None:
    families = ["wp_classic", "feed_only", "custom_portal"]
    data = run_zoo(families, articles=3, new=1, seed=9, out=tmp_path, timeout=120)
    assert [run["returncode"] for run in data["runs"]] == [0, 0], data["runs"]
    results = score_zoo(data, tmp_path, split.DEFAULT_ROTATION)
    json.dumps(results)  # results.json must be writable as is
    assert results["split"]["fresh"] == ["custom_portal"]
    assert results["fresh"]["articles"] == 3 and results["tuning"]["articles"] == 6
    assert "\nFRESH " in report.table(results, report.MAIN)
    assert "custom_portal (F)" in report.table(results, report.MAIN)
    for figures in (*results["families"].values(), results["all"]):
        assert figures["articles"] in (3, 9) and figures["inc_new_articles"] in (1, 3)
        assert figures["recall"] is not None and 0.0 <= figures["recall"] <= 1.0
        assert figures["requests"] > 0
        for key in ("title_exact", "body_f1", "related_f1", "published_minute"):
            assert figures[key] is None or 0.0 <= figures[key] <= 1.0
    hits = Counter(data["hits1"]["wp_classic"])
    assert hits[path_key("/robots.txt")] >= 1


def test_fresh_families_stay_apart() -> None:
    """Fresh families: registered, never rotated, never tuned on, selected by --fresh only."""
    assert {s.name for s in FRESH_SPECS} == set(split.FRESH_FAMILIES)
    assert not set(split.FRESH_FAMILIES) & set(split.FAMILY_ORDER)
    assert all(BY_NAME[f] in ALL_SPECS for f in split.FRESH_FAMILIES)
    assert all(not s.wire and s.reprint for s in FRESH_SPECS)  # the wire deal is unchanged
    for rotation in range(split.ROTATIONS):
        assert not set(split.FRESH_FAMILIES) & set(
            split.tuning(rotation) + split.held_out(rotation)
        )
    assert split.select("fresh") == split.FRESH_FAMILIES
    assert not set(split.FRESH_FAMILIES) & set(split.select("all"))
    assert parse_args(["--fresh"]).split == "fresh"
    assert parse_args(["--families", "wp_jannah", "drupal"]).families == ["wp_jannah", "drupal"]


def test_fresh_families_leave_the_others_unchanged_and_share_wire_groups() -> None:
    anchor = datetime(2026, 12, 3, 9, 30, tzinfo=UTC)
    plans = {s.name: plan_family(s, ALL_SPECS, seed=9, articles=20, new=4, anchor=anchor)
             for s in ALL_SPECS}  # fmt: skip
    for spec in SPECS:  # planning with the fresh specs around changes nothing
        alone = plan_family(spec, SPECS, seed=9, articles=20, new=4, anchor=anchor)
        assert [(a.path, a.title, a.dup_group) for a in alone] == [
            (a.path, a.title, a.dup_group) for a in plans[spec.name]
        ]
    dealt = {a.dup_group for s in SPECS for a in plans[s.name] if a.dup_group}
    reprinted = [{a.dup_group for a in plans[s.name] if a.dup_group} for s in FRESH_SPECS]
    assert reprinted[0] and all(r == reprinted[0] and r <= dealt for r in reprinted)
    assert any(a.dup_group and a.stage == 2 for s in FRESH_SPECS for a in plans[s.name])
    reports = [a for a in plans["custom_portal"] if a.template_group]
    assert len(reports) == BY_NAME["custom_portal"].reports
    for a, b in itertools.combinations(reports, 2):
        assert resemblance("\n".join(a.paragraphs), "\n".join(b.paragraphs)) < 0.5


def _text(site: Any, key: str) -> str:
    return unescape(site.pages[key].body.decode("utf-8"))


# how a fresh family prints a naive time on the article, and the clock its pages state
NAIVE_CLOCKS = {
    "custom_portal": (clock.slashed, "(GMT+2)"),
    "maghreb_bilingual": (clock.maghreb_bar, "توقيت غرينتش +1"),
}


def test_fresh_truth_claims_only_what_the_page_shows(sites: Any) -> None:
    """Every field the truth claims is on the article page (or declared in its head)."""
    for site in (s for s in sites if s.spec.name in split.FRESH_FAMILIES):
        truth = site.truth()
        articles = {x["key"]: x for x in truth["articles"]}
        shown, stated = NAIVE_CLOCKS.get(site.spec.name, (clock.slashed, "(GMT+2)"))
        for a, page in ((a, _text(site, a["key"])) for a in truth["articles"]):
            main = page.split("<aside", 1)[0] if "<aside" in page else page
            assert f">{a['title']}</h1>" in main
            assert all(re.search(f"<p( class=[^>]+)?>{re.escape(p)}</p>", main)
                       for p in a["paragraphs"])  # fmt: skip
            assert a["section"] in main and a["image"]["caption"] in main
            assert all(f">{t}</a>" in main or f"># {t}</a>" in main for t in a["tags"])
            assert all(name in main for name in a["authors"])
            assert a["image"]["url"].removeprefix(site.base) in main
            for link in a["related"]:
                # a link may use one of the target's redirecting old URLs
                hrefs = (link["key"], *articles[link["key"]]["alias_keys"])
                assert any(f'href="{h}' in main for h in hrefs) and link["title"] in main
            published = datetime.fromisoformat(a["published"])
            # the offset is declared in the head, or the naive time stands under the site clock
            assert a["published"] in page or (shown(published) in main and stated in page)
            if a["modified"]:
                modified = datetime.fromisoformat(a["modified"])
                assert a["modified"] in page or shown(modified) in main
            else:
                assert "article:modified_time" not in page and "آخر تحديث" not in main


def test_fresh_video_pages_are_listed_with_articles_but_are_not_articles(sites: Any) -> None:
    site = next(s for s in sites if s.spec.name == "gulf_tv_portal")
    truth = site.truth()
    clips = [k for k, why in truth["non_articles"].items() if why == "video page"]
    assert clips and all(re.fullmatch(r"/video/\d+-\S+", k) for k in clips)
    sitemaps = b"".join(p.body for k, p in site.pages.items() if k.startswith("/sitemaps/"))
    assert all(f"<loc>{site.base}{k}</loc>".encode() in sitemaps for k in clips)
    for a in truth["articles"]:
        assert f"<loc>{a['url']}</loc>".encode() in sitemaps
        page = _text(site, a["key"])
        published = datetime.fromisoformat(a["published"])
        assert a["published"].endswith("+04:00") and f'"datePublished": "{a["published"]}"' in page
        assert f'<time class="c-article__date">{clock.eastern_ampm(published)}</time>' in page
        assert not re.search(r"[0-9]", clock.eastern_ampm(published))
        (amp,) = a["alias_keys"]
        assert amp.startswith("/amp/news/") and site.pages[amp].kind == "alias"
        assert f'rel="canonical" href="{a["url"]}"' in _text(site, amp)


def test_fresh_french_edition_and_news_sitemap_window() -> None:
    with serving(["maghreb_bilingual"], articles=20, new=4) as (site,):
        truth = site.truth()
        french = [k for k, why in truth["non_articles"].items() if why == "french edition"]
        assert any(re.fullmatch(r"/fr/[a-z]+/\d+-[a-z0-9-]+", k) for k in french)
        assert all(k.startswith("/fr") and 'lang="fr"' in _text(site, k) for k in french)
        news = site.pages["/sitemap-news.xml"].body.decode()
        listed = [a for a in truth["articles"] if f"<loc>{a['url']}</loc>" in news]
        assert 0 < len(listed) < len(truth["articles"])  # the last two days only
        assert all(f">{a['published']}</news:publication_date>" in news for a in listed)
        assert (
            "<news:language>fr</news:language>" in site.pages["/fr/sitemap-news.xml"].body.decode()
        )
        for a in truth["articles"]:
            (old,) = a["alias_keys"]
            assert re.fullmatch(r"/ar/article/\d+\.html", old)
            location = unquote(site.pages[old].headers["Location"])  # sent percent-encoded
            assert site.pages[old].status == 301 and location == a["url"]
            assert "توقيت غرينتش +1" in _text(site, a["key"])


def test_fresh_relative_times_are_true_at_the_anchor(sites: Any) -> None:
    site = next(s for s in sites if s.spec.name == "wp_jannah")
    seen = 0
    for a in site.visible():
        shown = re.search(
            r'class="date meta-item tie-icon">([^<]+)<', _text(site, path_key(a.path))
        )
        assert shown is not None
        if shown[1].startswith("منذ"):
            assert shown[1] == clock.ago(a.published, site.now)
            seen += 1
        else:
            assert shown[1] == clock.weekday_ampm(a.published)
    assert seen


# where a fresh family publishes a new article for the incremental run
NEW_ARTICLE_IN: dict[str, Any] = {
    "wp_jannah": lambda a: ["/post-sitemap.xml", "/feed"],
    "custom_portal": lambda a: ["/sitemap.xml", f"/rss/{a.section_slug}"],
    "maghreb_bilingual": lambda a: ["/sitemap-news.xml"],
    "gulf_tv_portal": lambda a: [f"/sitemaps/{a.lastmod:%Y-%m}.xml"],
}


def test_fresh_second_stage_updates_sitemaps_and_feeds() -> None:
    with serving(list(split.FRESH_FAMILIES), articles=4, new=2) as served:
        assert {s.spec.name for s in served} == set(NEW_ARTICLE_IN)
        before = {s.spec.name: dict(s.pages) for s in served}
        for site in served:
            site.set_stage(2)
        for site in served:
            new = [a for a in site.visible() if a.stage == 2]
            assert new
            for a in new:
                for key in NEW_ARTICLE_IN[site.spec.name](a):
                    assert site.pages[key].body != before[site.spec.name][key].body
                    assert (site.base + a.path).encode() in site.pages[key].body, key
                assert site.pages[path_key(a.path)].kind == "article"
        jannah = next(s for s in served if s.spec.name == "wp_jannah")
        unchanged = jannah.pages["/page-sitemap.xml"].body
        assert unchanged == before["wp_jannah"]["/page-sitemap.xml"].body  # 304 stays possible
