"""Run one real Scrapy crawl of the `news` spider in a subprocess and read back items and stats.

A Twisted reactor starts once per process, so every crawl gets its own interpreter:

    result = run_crawl("http://127.0.0.1:PORT/", settings={"NEWSCRAWL_MAX_DEPTH": 2})
    result.items, result.stats["newscrawl/trap/calendar"]

Run as a script, it is the child side: `python tests/crawl_harness.py SPEC.json`.
"""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
PYTHON = sys.executable

# Fast, quiet, deterministic crawls against loopback fixture sites.
TEST_SETTINGS: dict[str, Any] = {
    "DOWNLOAD_DELAY": 0,
    "AUTOTHROTTLE_ENABLED": False,
    "LOG_LEVEL": "WARNING",
    "ITEM_PIPELINES": {},
    "RETRY_TIMES": 3,
    "DOWNLOAD_TIMEOUT": 10,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 8,
    "NEWSCRAWL_EXTRACTOR": "crawl_harness.fake_extract",
    # extraction in this process, in page order (tests/test_offload.py covers the workers)
    "NEWSCRAWL_PROCESSES": 1,
}


@dataclass
class CrawlResult:
    items: list[dict[str, Any]]
    stats: dict[str, Any]
    extracted: list[str]
    log: str

    def stat(self, key: str) -> int:
        return int(self.stats.get(f"newscrawl/{key}", 0))


def run_crawl(
    targets: str,
    *,
    settings: dict[str, Any] | None = None,
    since: str | None = None,
    timeout: float = 60.0,
) -> CrawlResult:
    """Crawl `targets` with the real engine in a child process; fails the test on a crash."""
    with tempfile.TemporaryDirectory() as tmp:
        spec = {
            "targets": targets,
            "since": since,
            "settings": {**TEST_SETTINGS, **(settings or {})},
            "out": str(Path(tmp) / "result.json"),
            "extract_log": str(Path(tmp) / "extracted.txt"),
        }
        spec_path = Path(tmp) / "spec.json"
        spec_path.write_text(json.dumps(spec), encoding="utf-8")
        env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "newscrawl.settings"}
        proc = subprocess.run(
            [PYTHON, str(Path(__file__)), str(spec_path)],
            cwd=REPO, env=env, capture_output=True, text=True, timeout=timeout, check=False,
        )  # fmt: skip
        if proc.returncode != 0 or not Path(spec["out"]).exists():
            raise AssertionError(f"crawl failed ({proc.returncode}):\n{proc.stderr[-4000:]}")
        data = json.loads(Path(spec["out"]).read_text(encoding="utf-8"))
        log_path = Path(spec["extract_log"])
        extracted = log_path.read_text(encoding="utf-8").split() if log_path.exists() else []
    return CrawlResult(data["items"], data["stats"], extracted, proc.stderr)


def fake_extract(body: bytes, url: str, **kwargs: Any) -> Any:
    """A minimal stand-in extractor: h1 + paragraphs; records each call for the tests."""
    from parsel import Selector

    from newscrawl.items import Article

    log = os.environ.get("NEWSCRAWL_TEST_EXTRACT_LOG")
    if log:
        with open(log, "a", encoding="utf-8") as handle:
            handle.write(url + "\n")
    page = Selector(text=body.decode("utf-8", errors="replace"))
    title = " ".join(page.css("h1 ::text").getall()).strip()
    body_text = "\n\n".join(p.strip() for p in page.css("p::text").getall() if p.strip())
    if not title or not body_text:
        return None
    canonical = page.css('link[rel="canonical"]::attr(href)').get()
    hints = kwargs.get("hints") or {}
    return Article(
        url=canonical or url, site="", title=title, body=body_text,
        published_at=hints.get("published_at"), tags=list(hints.get("tags") or []),
        fetched_at=kwargs.get("fetched_at"),
    )  # fmt: skip


def tree_extract(body: bytes, url: str, *, page: Any = None, **kwargs: Any) -> Any:
    """`extract_page`, noting in the extract log whether the spider handed it its tree."""
    from newscrawl.extraction import extract_page

    log = os.environ.get("NEWSCRAWL_TEST_EXTRACT_LOG")
    if log:
        with open(log, "a", encoding="utf-8") as handle:
            handle.write(("tree:" if page is not None else "bytes:") + url + "\n")
    return extract_page(body, url, page=page, **kwargs)


def dying_extract(body: bytes, url: str, **kwargs: Any) -> Any:
    """`extract_page`, except that a worker reading the third article dies on the spot."""
    import multiprocessing

    from newscrawl.extraction import extract_page

    if multiprocessing.parent_process() is not None and url.endswith("/102-khabar"):
        os._exit(9)
    return extract_page(body, url, **kwargs)


def raising_extract(body: bytes, url: str, **kwargs: Any) -> Any:
    from newscrawl.extraction import extract_page

    if url.endswith("/103-khabar"):
        raise ValueError("this extractor cannot read page 103")
    return extract_page(body, url, **kwargs)


def peak_scheduler() -> type:
    """A Scrapy scheduler recording in the stats (`test/scheduler_peak`) the most requests it
    held at once; set `SCHEDULER` to "crawl_harness.PeakScheduler" (built lazily: importing
    Scrapy's scheduler in the parent test process is not needed)."""
    from scrapy.core.scheduler import Scheduler

    class Peak(Scheduler):
        def enqueue_request(self, request: Any) -> bool:
            queued = super().enqueue_request(request)
            if self.stats is not None:
                self.stats.max_value("test/scheduler_peak", len(self))
            return queued

    return Peak


def __getattr__(name: str) -> Any:
    if name == "PeakScheduler":
        return peak_scheduler()
    raise AttributeError(name)


def _child(spec_path: str) -> None:
    from scrapy import signals
    from scrapy.crawler import CrawlerProcess
    from scrapy.utils.project import get_project_settings

    spec = json.loads(Path(spec_path).read_text(encoding="utf-8"))
    os.environ["NEWSCRAWL_TEST_EXTRACT_LOG"] = spec["extract_log"]
    settings = get_project_settings()
    settings.setdict(spec["settings"], priority="cmdline")
    process = CrawlerProcess(settings)
    crawler = process.create_crawler("news")
    items: list[dict[str, Any]] = []

    def collect(item: Any) -> None:
        items.append(dataclasses.asdict(item) if dataclasses.is_dataclass(item) else dict(item))

    crawler.signals.connect(collect, signal=signals.item_scraped)
    kwargs = {"targets": spec["targets"]}
    if spec["since"]:
        kwargs["since"] = spec["since"]
    process.crawl(crawler, **kwargs)
    process.start()
    assert crawler.stats is not None
    stats = {
        k: v if isinstance(v, int | float | str) else str(v)
        for k, v in crawler.stats.get_stats().items()
    }
    Path(spec["out"]).write_text(json.dumps({"items": items, "stats": stats}), encoding="utf-8")


if __name__ == "__main__":
    _child(sys.argv[1])


# --- fixture pages (our own Arabic text) -------------------------------------------------------

PARAGRAPHS = (
    "أعلنت وزارة الزراعة صباح اليوم عن خطة جديدة لدعم صغار المزارعين في المناطق الجبلية، "
    "تشمل توزيع بذور محسنة وتقديم قروض ميسرة بفوائد منخفضة على مدى ثلاث سنوات.",
    "وقال المتحدث باسم الوزارة في مؤتمر صحفي إن الخطة تهدف إلى رفع الإنتاج المحلي من الحبوب "
    "وتقليل الاعتماد على الاستيراد، مع إعطاء الأولوية للقرى الأبعد عن الأسواق الكبرى.",
    "ويرى خبراء في الاقتصاد الزراعي أن نجاح الخطة مرهون بتحسين شبكات الري وتوفير التدريب "
    "اللازم للمزارعين على التقنيات الحديثة، إضافة إلى ضمان وصول الدعم إلى مستحقيه في موعده.",
    "ومن المنتظر أن تبدأ المرحلة الأولى من التنفيذ مطلع الشهر المقبل في ثلاث محافظات، على أن "
    "تعمم التجربة لاحقا إذا أثبتت جدواها وفق تقييم مستقل تجريه لجنة من الجامعات الوطنية.",
)


def article_html(
    title: str, *, canonical: str | None = None, head: str = "", extra: str = ""
) -> bytes:
    """An article page: og:type article, one h1, long paragraphs, optional rel=canonical."""
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    paragraphs = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (
        f'<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8">{link}'
        f'<meta property="og:type" content="article">{head}<title>{title}</title></head>'
        f"<body><h1>{title}</h1>{paragraphs}{extra}</body></html>"
    ).encode()


def listing_html(title: str, links: list[tuple[str, str]], *, head: str = "") -> bytes:
    """A home or section page: a list of teaser links, no long paragraphs."""
    items = "".join(f'<li><a href="{href}">{text}</a></li>' for href, text in links)
    return (
        f'<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8">{head}'
        f"<title>{title}</title></head><body><h1>{title}</h1><ul>{items}</ul></body></html>"
    ).encode()


def urlset(locs: list[str], *, news: dict[str, dict[str, str]] | None = None) -> bytes:
    """A sitemap url set; `news` adds Google News fields per loc."""
    entries = []
    for loc in locs:
        extra = ""
        if news and loc in news:
            fields = news[loc]
            extra = (
                "<news:news><news:publication><news:name>موقع</news:name>"
                "<news:language>ar</news:language></news:publication>"
                f"<news:publication_date>{fields['date']}</news:publication_date>"
                f"<news:title>{fields['title']}</news:title>"
                f"<news:keywords>{fields.get('keywords', '')}</news:keywords></news:news>"
            )
        entries.append(f"<url><loc>{loc}</loc>{extra}</url>")
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">'
        + "".join(entries)
        + "</urlset>"
    ).encode()


def sitemap_index(locs: list[str]) -> bytes:
    children = "".join(f"<sitemap><loc>{loc}</loc></sitemap>" for loc in locs)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{children}'
        "</sitemapindex>"
    ).encode()


def site_router(build: Any) -> Any:
    """A router over `build(base) -> {path: Reply}`; `base` is the scheme+host the client used,
    so pages can carry absolute links on whatever port the server got."""
    from newscrawl.demo.server import ServedRequest, not_found

    def route(request: ServedRequest) -> Any:
        base = "http://" + request.headers.get("Host", "127.0.0.1")
        return build(base).get(request.path) or not_found(request)

    return route


def paths_of(server: Any, prefix: str = "") -> list[str]:
    return [p for p in server.paths() if p.startswith(prefix)]
