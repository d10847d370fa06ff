"""The bundled demo sites: their data is a valid expected output and every page serves it."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import datetime, timedelta
from email.utils import parsedate_to_datetime
from importlib import resources
from urllib.error import HTTPError
from urllib.parse import urljoin
from urllib.request import urlopen
from zoneinfo import ZoneInfo

import pytest
from parsel import Selector

from newscrawl.demo.catalog import (
    DEMO_SITES,
    expected_records,
    load_articles,
    load_site,
    site_router,
)
from newscrawl.demo.server import SiteServer, serving

REQUIRED = {"path": str, "title": str, "paragraphs": list, "published_at": str, "authors": list}
REQUIRED |= {"section": str, "tags": list, "related": list, "display_date": str}
WAHA_MONTHS = [
    ("يناير",), ("فبراير",), ("مارس",), ("أبريل",), ("مايو", "ماي"), ("يونيو",),
    ("يوليو", "يوليوز"), ("أغسطس", "غشت"), ("سبتمبر", "شتنبر"), ("أكتوبر",),
    ("نوفمبر", "نونبر"), ("ديسمبر", "دجنبر"),
]  # fmt: skip
WAHA_DAYS = ["الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"]
LEVANT_MONTHS = [
    "كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران",
    "تموز", "آب", "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول",
]  # fmt: skip
NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
NS["news"] = "http://www.google.com/schemas/sitemap-news/0.9"


def fetch(server: SiteServer, path: str) -> tuple[int, str]:
    try:
        with urlopen(urljoin(server.base_url, path), timeout=5) as response:
            return response.status, response.read().decode("utf-8", errors="replace")
    except HTTPError as error:
        return error.code, ""


@pytest.fixture(scope="module")
def servers() -> Iterator[dict[str, SiteServer]]:
    with serving(site_router("waha")) as waha, serving(site_router("madar")) as madar:
        yield {"waha": waha, "madar": madar}


@pytest.fixture(params=DEMO_SITES)
def served(
    request: pytest.FixtureRequest, servers: dict[str, SiteServer]
) -> tuple[str, SiteServer]:
    return request.param, servers[request.param]


# --- the data ---------------------------------------------------------------------------------


@pytest.mark.parametrize("site", DEMO_SITES)
def test_article_data_is_complete_and_consistent(site: str) -> None:
    articles = load_articles(site)
    sections = {s["name"] for s in load_site(site)["sections"]}
    by_path = {a["path"]: a for a in articles}
    assert len(by_path) == len(articles), "duplicate paths"
    assert len({a["title"] for a in articles}) == len(articles), "duplicate titles"
    for article in articles:
        for key, kind in REQUIRED.items():
            assert isinstance(article[key], kind), (article["path"], key)
        assert article["section"] in sections
        assert 4 <= len(article["paragraphs"]) <= 7, article["path"]
        for paragraph in article["paragraphs"]:
            assert 40 <= len(paragraph.split()) <= 90, (article["path"], paragraph[:40])
        published = datetime.fromisoformat(article["published_at"])
        assert published.utcoffset() is not None
        if article["modified_at"]:
            assert datetime.fromisoformat(article["modified_at"]) > published
        if article["image"]:
            assert article["image"]["path"].startswith("/")
        assert len({r["path"] for r in article["related"]}) == len(article["related"])
        for link in article["related"]:
            assert link["path"] != article["path"]
            assert by_path[link["path"]]["title"] == link["title"]
            assert link["position"] in ("inline", "end")
            if link["position"] == "inline":
                assert 1 <= link["after_paragraph"] < len(article["paragraphs"])


@pytest.mark.parametrize("site", DEMO_SITES)
def test_data_files_are_plain_utf8_json(site: str) -> None:
    folder = resources.files("newscrawl.demo").joinpath("sites", site)
    for name in ("articles.json", "site.json"):
        assert "\\u" not in folder.joinpath(name).read_text("utf-8")


def test_the_sites_cover_the_required_variety() -> None:
    articles = [a for site in DEMO_SITES for a in load_articles(site)]
    assert len(articles) >= 30
    positions = [{r["position"] for r in a["related"]} for a in articles]
    assert sum("inline" in p for p in positions) >= 10
    assert sum("end" in p for p in positions) >= 10
    assert any(not a["image"] for a in articles)
    assert any(not a["tags"] for a in articles)
    assert any(not a["authors"] for a in articles)
    assert any(len(a["authors"]) > 1 for a in articles)
    assert any(a["modified_at"] for a in articles)
    text = "\n".join(p for a in articles for p in a["paragraphs"])
    assert re.search("[\u064b-\u0652]", text), "no diacritics in any body"
    assert re.search("[٠-٩]", text), "no Eastern Arabic digits in any body"


def test_waha_dates_carry_the_casablanca_offset_of_their_day() -> None:
    for article in load_articles("waha"):
        published = datetime.fromisoformat(article["published_at"])
        local = published.replace(tzinfo=ZoneInfo("Africa/Casablanca"))
        assert published.utcoffset() == local.utcoffset(), article["path"]
        day, number, month, year, _, clock = article["display_date"].split()
        assert day == WAHA_DAYS[published.weekday()]
        assert month in WAHA_MONTHS[published.month - 1]
        assert (int(number), int(year), clock) == (
            published.day,
            published.year,
            f"{published:%H:%M}",
        )
        assert article["path"].startswith(f"/{published:%Y/%m/%d}/")
    spellings = {a["display_date"].split()[2] for a in load_articles("waha")}
    assert spellings & {"شتنبر", "غشت", "دجنبر", "يوليوز", "نونبر"}


def test_madar_dates_are_in_plus_three_and_shown_in_levantine_months() -> None:
    for article in load_articles("madar"):
        published = datetime.fromisoformat(article["published_at"])
        assert published.utcoffset() == timedelta(hours=3)
        month = LEVANT_MONTHS[published.month - 1]
        assert (
            article["display_date"]
            == f"{published.day} {month} {published.year} - {published:%H:%M}"
        )
        assert re.fullmatch(r"/news/[a-z]+/\d+-[a-z0-9-]+", article["path"])


# --- the served pages -------------------------------------------------------------------------


def body_paragraphs(site: str, page: Selector) -> list[str]:
    """The page's body paragraphs with the site's own selectors, read-also lines left out."""
    body = "div.entry-content > p:not(:has(strong))" if site == "waha" else "div.article-body > p"
    return page.css(body).xpath("string()").getall()


def test_every_article_page_serves_its_data(served: tuple[str, SiteServer]) -> None:
    site, server = served
    suffix = {"waha": " - الواحة بريس", "madar": " | المدار"}[site]
    for article, record in zip(
        load_articles(site), expected_records(site, server.base_url), strict=True
    ):
        status, text = fetch(server, article["path"])
        assert status == 200, article["path"]
        page = Selector(text)
        assert page.css("h1::text").get() == article["title"]
        assert page.css("title::text").get() == article["title"] + suffix
        assert page.css("link[rel=canonical]::attr(href)").get() == record["url"]
        assert body_paragraphs(site, page) == article["paragraphs"]
        assert article["display_date"] in text
        hrefs = {urljoin(record["url"], h) for h in page.css("a::attr(href)").getall()}
        assert {link["url"] for link in record["related_links"]} <= hrefs
        assert page.css(".ad").xpath("string()").get() == "إعلان"
        assert "الأكثر قراءة" in text and "جميع الحقوق محفوظة © 2024" in text


def test_every_internal_link_answers_and_reaches_every_article(
    served: tuple[str, SiteServer],
) -> None:
    """Walk the site from its home page like a crawler would: no dead internal links."""
    site, server = served
    origin = server.base_url.rstrip("/")
    queue, seen = [server.base_url], {server.base_url}
    while queue:
        url = queue.pop()
        status, text = fetch(server, url)
        assert status == 200, url
        if not text.lstrip().startswith("<!"):
            continue  # images and XML are leaves here
        for href in Selector(text).css("a::attr(href), img::attr(src)").getall():
            target = urljoin(url, href)
            if target.startswith(origin) and target not in seen:
                seen.add(target)
                queue.append(target)
    articles = {r["url"] for r in expected_records(site, server.base_url)}
    assert articles <= seen
    assert len(seen) < 200, "the site should stay small"


def collect_listing(server: SiteServer, start: str) -> list[str]:
    """Article links of a paged listing, following rel=next to the end."""
    found: list[str] = []
    path: str | None = start
    seen: set[str] = set()
    while path and path not in seen:
        seen.add(path)
        status, text = fetch(server, path)
        assert status == 200, path
        page = Selector(text)
        links = page.css(".card-title a::attr(href), .td-module-title a::attr(href)").getall()
        found += [urljoin(server.base_url, h) for h in links]
        path = page.css("a[rel=next]::attr(href)").get()
        if path:
            assert page.css("a[rel=next]::text").get() == "الصفحة التالية"
    return found


def test_section_listings_page_through_every_article(served: tuple[str, SiteServer]) -> None:
    site, server = served
    prefix = "/category/{}/" if site == "waha" else "/section/{}"
    urls = [r["url"] for r in expected_records(site, server.base_url)]
    listed: list[str] = []
    for section in load_site(site)["sections"]:
        listed += collect_listing(server, prefix.format(section["slug"]))
    assert sorted(listed) == sorted(urls)
    assert len(collect_listing(server, "/")) >= 8
    second = "/category/politics/page/2/" if site == "waha" else "/section/politics?page=2"
    assert fetch(server, second)[0] == 200
    assert fetch(server, second.replace("2", "9"))[0] == 404


def test_waha_feed_lists_latest_articles_with_utc_dates(servers: dict[str, SiteServer]) -> None:
    site, server = "waha", servers["waha"]
    status, home = fetch(server, "/")
    feed_url = Selector(home).css("link[type='application/rss+xml']::attr(href)").get()
    assert status == 200 and feed_url == urljoin(server.base_url, "/feed/")
    status, text = fetch(server, "/feed/")
    items = ET.fromstring(text).findall("./channel/item")
    expected = {r["url"]: r for r in expected_records(site, server.base_url)}
    assert len(items) == 10
    for item in items:
        record = expected[item.findtext("link", "")]
        when = parsedate_to_datetime(item.findtext("pubDate", ""))
        assert when == datetime.fromisoformat(record["published_at"])
        assert item.findtext("title") == record["title"]


def test_madar_robots_lead_to_both_sitemaps(servers: dict[str, SiteServer]) -> None:
    site, server = "madar", servers["madar"]
    robots = fetch(server, "/robots.txt")[1]
    index_url = re.search(r"^Sitemap: (\S+)$", robots, re.M)
    assert index_url and index_url[1] == urljoin(server.base_url, "/sitemap.xml")
    index = ET.fromstring(fetch(server, "/sitemap.xml")[1])
    children = [loc.text or "" for loc in index.findall("sm:sitemap/sm:loc", NS)]
    assert [c.rsplit("/", 1)[1] for c in children] == ["sitemap-news.xml", "sitemap-articles.xml"]
    expected = {r["url"]: r for r in expected_records(site, server.base_url)}
    plain = ET.fromstring(fetch(server, children[1])[1])
    assert {loc.text for loc in plain.findall("sm:url/sm:loc", NS)} == set(expected)
    news = ET.fromstring(fetch(server, children[0])[1]).findall("sm:url", NS)
    assert len(news) == 10
    for url in news:
        record = expected[url.findtext("sm:loc", "", NS)]
        assert url.findtext("news:news/news:publication_date", "", NS) == record["published_at"]
        assert url.findtext("news:news/news:title", "", NS) == record["title"]


def test_unknown_paths_404_and_images_are_png(served: tuple[str, SiteServer]) -> None:
    site, server = served
    assert fetch(server, "/no/such/page/")[0] == 404
    assert fetch(server, "/2016/01/01/missing/")[0] == 404
    article = next(a for a in load_articles(site) if a["image"])
    with urlopen(urljoin(server.base_url, article["image"]["path"]), timeout=5) as response:
        assert response.read().startswith(b"\x89PNG")
    for page in load_site(site)["pages"]:
        assert fetch(server, page["path"])[0] == 200


def test_waha_redirects_like_wordpress(servers: dict[str, SiteServer]) -> None:
    server = servers["waha"]
    article = load_articles("waha")[0]["path"]
    moves = [(article.rstrip("/"), article), ("/category/sport/page/1/", "/category/sport/")]
    for wrong, right in moves:
        with urlopen(urljoin(server.base_url, wrong), timeout=5) as response:
            assert response.url == urljoin(server.base_url, right)
    assert [r.path for r in server.log[-4:]] == [path for move in moves for path in move]


def test_expected_records_follow_the_article_contract() -> None:
    base = "http://127.0.0.1:8765/"
    for site in DEMO_SITES:
        for article, record in zip(load_articles(site), expected_records(site, base), strict=True):
            assert record["url"] == "http://127.0.0.1:8765" + article["path"]
            assert record["site"] == site and record["language"] == "ar"
            assert record["body"].split("\n\n") == article["paragraphs"]
            if record["image"]:
                assert record["image"]["url"].startswith(base)
            inline = [r for r in record["related_links"] if r["position"] == "inline"]
            assert record["related_links"][: len(inline)] == inline
            assert not {"fetched_at", "content_hash", "near_duplicate_of"} & set(record)
