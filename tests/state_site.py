"""A synthetic Arabic news site on loopback, for the resume, incremental and disk-full tests.

Articles are generated from a pool of sentences (deterministic per article id), each page carries
JSON-LD so generic extraction works, the sitemap lists every article with its lastmod and
answers conditional requests, and article pages are served slowly enough that a crawl of a few
hundred articles takes seconds, which leaves room to kill it at random points.
"""

from __future__ import annotations

import hashlib
import json
import random
import sys
import threading
import time
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from newscrawl.demo.server import Reply, ServedRequest, not_found

CITIES = ["عمّان", "القاهرة", "الرباط", "تونس", "بيروت", "الدوحة", "مسقط", "الخرطوم", "بغداد"]
ORGS = ["وزارة الزراعة", "البنك المركزي", "هيئة الطيران المدني", "وزارة التربية",
        "اتحاد الصناعات", "بلدية العاصمة", "وزارة الصحة", "هيئة الأرصاد الجوية"]  # fmt: skip
SENTENCES = [
    "أعلنت {org} صباح اليوم عن خطة جديدة تمتد {n} شهرا في {city}.",
    "وقال المتحدث الرسمي إن الخطة تستهدف تحسين الخدمات المقدمة للمواطنين.",
    "وأوضح أن الميزانية المخصصة بلغت {n} مليون دينار هذا العام.",
    "وشهدت {city} خلال الأسبوع الماضي ارتفاعا ملحوظا في درجات الحرارة.",
    "ودعا خبراء الاقتصاد إلى مراجعة السياسات المالية قبل نهاية الربع الحالي.",
    "وأشار التقرير إلى أن نسبة النمو تجاوزت {n} في المئة.",
    "وتأتي هذه الخطوة بعد سلسلة من الاجتماعات مع ممثلي القطاع الخاص.",
    "وأكد مسؤولون أن العمل سيبدأ فور استكمال الإجراءات القانونية.",
    "ويرى مراقبون أن القرار سيترك أثرا واضحا على سوق العمل المحلية.",
    "وفي سياق متصل افتتحت {org} مركزا جديدا لخدمة الجمهور في {city}.",
    "وبحسب الأرقام الرسمية فقد استفاد من البرنامج نحو {n} ألف شخص.",
    "وطالب نواب في البرلمان بتقديم تقرير مفصل عن نتائج المرحلة الأولى.",
    "ولفت الوزير إلى أهمية التعاون بين المؤسسات الحكومية والجامعات.",
    "وتعاني مناطق الريف من نقص في المياه منذ بداية فصل الصيف.",
    "وقد أطلقت {org} حملة توعية واسعة عبر وسائل التواصل الاجتماعي.",
    "وتوقعت مصادر مطلعة أن تعلن النتائج النهائية خلال {n} يوما.",
    "وأضاف أن المشروع يوفر فرص عمل للشباب في المحافظات البعيدة.",
    "من جهتها رحبت غرفة التجارة في {city} بالإجراءات الجديدة.",
    "وأعرب عدد من السكان عن أملهم في أن تنعكس الخطة على حياتهم اليومية.",
    "وتشير الدراسات إلى أن الطلب على الطاقة سيتضاعف خلال العقد المقبل.",
    "وجرى توقيع الاتفاقية بحضور عدد من السفراء والمسؤولين المحليين.",
    "وذكرت الوكالة الرسمية أن الوفد سيزور {city} الأسبوع المقبل.",
    "وتعد هذه المبادرة الأولى من نوعها على مستوى المنطقة.",
    "وحذرت {org} من الإشاعات المتداولة حول ارتفاع الأسعار.",
    "وشارك في الورشة أكثر من {n} متخصصا من دول عربية مختلفة.",
    "وأكدت اللجنة المنظمة أن باب التسجيل سيبقى مفتوحا حتى نهاية الشهر.",
    "وتراجعت أسعار الخضار في أسواق {city} بعد وصول شحنات جديدة.",
    "وقال أستاذ الاقتصاد في الجامعة إن المؤشرات تبعث على التفاؤل الحذر.",
    "وتعمل الفرق الفنية على إصلاح الأعطال في شبكة الكهرباء منذ الفجر.",
    "وأعلنت المدارس استئناف الدوام بعد عطلة استمرت {n} يوما.",
    "وتضمن البيان دعوة صريحة إلى الحوار بين جميع الأطراف المعنية.",
    "وسجلت حركة المسافرين عبر المطار زيادة بنسبة {n} في المئة.",
]
PEOPLE = ["سامر الخطيب", "ليلى حداد", "يوسف العمري", "منى السعدي", "خالد النجار",
          "هدى الشريف", "عمر بركات", "رنا القاسم", "طارق الزعبي", "سلمى عيسى"]  # fmt: skip
MONTHS = ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول",
          "تشرين الأول", "تشرين الثاني", "كانون الأول"]  # fmt: skip
SLOT_SENTENCES = [
    "وبحسب {person} فإن {org} خصصت {n} مليون دينار لمشروعات {city} في شهر {month}.",
    "وبلغ عدد المستفيدين في {city} حتى {month} نحو {n} ألف مواطن بحسب {person}.",
    "ومن المنتظر أن يصل وفد من {org} إلى {city} مطلع {month} لمتابعة ما أنجز في الملف {n}.",
]
TOPICS = ["خطة جديدة للمياه", "نتائج الربع الأول", "حملة توعية", "مشروع للطاقة",
          "اتفاقية تعاون", "برنامج للتدريب", "إجراءات جديدة للأسواق", "خدمات رقمية"]  # fmt: skip
EPOCH = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)


@dataclass(frozen=True)
class SiteArticle:
    number: int
    title: str
    paragraphs: tuple[str, ...]
    published_at: str
    modified_at: str | None = None

    @property
    def lastmod(self) -> str:
        return self.modified_at or self.published_at

    @property
    def path(self) -> str:
        return f"/news/{self.number}.html"


def make_article(number: int, pool_sentences: int = 5) -> SiteArticle:
    """A deterministic, distinct article for `number`: pool sentences plus slot-filled ones."""
    pick = random.Random(number)
    city, org = pick.choice(CITIES), pick.choice(ORGS)

    def fill(template: str) -> str:
        return template.format(
            city=city, org=org, n=pick.randint(11, 90), person=pick.choice(PEOPLE),
            month=pick.choice(MONTHS),
        )  # fmt: skip

    sentences = [fill(s) for s in pick.sample(SENTENCES, pool_sentences)]
    sentences[1:1] = [fill(t) for t in SLOT_SENTENCES]
    sentences[0] = f"{sentences[0]} (رقم الملف {number})"
    paragraphs = tuple(" ".join(sentences[i : i + 2]) for i in range(0, len(sentences), 2))
    title = f"{org} تعلن {pick.choice(TOPICS)} في {city} ضمن الملف رقم {number}"
    published = EPOCH + timedelta(minutes=37 * number)
    return SiteArticle(number, title, paragraphs, published.isoformat())


def _article_html(article: SiteArticle, base: str) -> bytes:
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "datePublished": article.published_at,
        **({"dateModified": article.modified_at} if article.modified_at else {}),
        "author": {"@type": "Person", "name": "محرر الأخبار"},
        "articleSection": "محليات",
        "mainEntityOfPage": base + article.path,
    }
    paragraphs = "".join(f"<p>{p}</p>" for p in article.paragraphs)
    return (
        f'<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8">'
        f"<title>{article.title} - أخبار الاختبار</title>"
        f'<link rel="canonical" href="{base}{article.path}">'
        f'<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>'
        f'</head><body><header><a href="/">الرئيسية</a></header><main><article>'
        f"<h1>{article.title}</h1>{paragraphs}</article></main>"
        f"<footer>جميع الحقوق محفوظة</footer></body></html>"
    ).encode()


class SyntheticSite:
    """The site's articles (add more between runs) and a router that serves them."""

    def __init__(
        self, articles: int, *, delay: tuple[float, float] = (0.005, 0.02), pool_sentences: int = 5
    ) -> None:
        self.pool_sentences = pool_sentences
        self.articles = [make_article(n, pool_sentences) for n in range(1, articles + 1)]
        self.delay = delay
        self._lock = threading.Lock()

    def revise(self, number: int, paragraph: str, hours_later: int = 30) -> SiteArticle:
        """Append a paragraph to article `number` and give it a newer dateModified/lastmod."""
        with self._lock:
            index = number - 1
            old = self.articles[index]
            modified = datetime.fromisoformat(old.published_at) + timedelta(hours=hours_later)
            new = replace(old, paragraphs=(*old.paragraphs, paragraph),
                          modified_at=modified.isoformat())  # fmt: skip
            self.articles[index] = new
        return new

    def add_articles(self, count: int) -> list[SiteArticle]:
        with self._lock:
            start = len(self.articles) + 1
            new = [make_article(n, self.pool_sentences) for n in range(start, start + count)]
            self.articles.extend(new)
        return new

    def _base(self, request: ServedRequest) -> str:
        host = next((v for k, v in request.headers.items() if k.lower() == "host"), "127.0.0.1")
        return f"http://{host}"

    def _sitemap(self, request: ServedRequest) -> Reply:
        base = self._base(request)
        with self._lock:
            entries = "".join(
                f"<url><loc>{base}{a.path}</loc><lastmod>{a.lastmod}</lastmod></url>"
                for a in self.articles
            )
        body = (
            '<?xml version="1.0" encoding="UTF-8"?>'
            f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</urlset>'
        ).encode()
        etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
        if request.headers.get("If-None-Match") == etag:
            return Reply(304, b"", {"ETag": etag})
        return Reply(200, body, {"ETag": etag}, "application/xml")

    def route(self, request: ServedRequest) -> Reply:
        path = request.path.split("?", 1)[0]
        if path == "/robots.txt":
            body = f"User-agent: *\nAllow: /\nSitemap: {self._base(request)}/sitemap.xml\n"
            return Reply(200, body.encode(), content_type="text/plain")
        if path == "/sitemap.xml":
            return self._sitemap(request)
        if path == "/":
            links = "".join(f'<li><a href="{a.path}">{a.title}</a></li>' for a in self.articles)
            html = f'<html lang="ar"><body><h1>أخبار الاختبار</h1><ul>{links}</ul></body></html>'
            return Reply(200, html.encode())
        if path.startswith("/news/") and path.endswith(".html"):
            number = path[len("/news/") : -len(".html")]
            with self._lock:
                found = [a for a in self.articles if str(a.number) == number]
            if found:
                time.sleep(random.uniform(*self.delay))
                return Reply(200, _article_html(found[0], self._base(request)))
        return not_found(request)


FAST_CRAWL = [
    "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False",
    "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=8", "-s", "NEWSCRAWL_FSYNC_ITEMS=10",
    "-s", "NEWSCRAWL_FSYNC_SECONDS=0.2", "-s", "LOG_LEVEL=WARNING",
]  # fmt: skip


def crawl_command(base_url: str, output: str | None, state_dir: str, *extra: str) -> list[str]:
    """The `newscrawl crawl` command line for a crawl of the synthetic site (no -o if None)."""
    destination = ["-o", output] if output else []
    return [
        sys.executable, "-m", "newscrawl.cli", "crawl", base_url,
        *destination, "--state", state_dir, *FAST_CRAWL, *extra,
    ]  # fmt: skip


def article_requests(paths: list[str]) -> list[str]:
    """The article pages among requested paths."""
    return [p for p in paths if p.startswith("/news/")]


def read_output(path: Path) -> tuple[list[dict[str, Any]], int, bool]:
    """(records, malformed lines, whether the file ends with a complete line)."""
    data = path.read_bytes() if path.exists() else b""
    records, malformed = [], 0
    for line in data.split(b"\n"):
        if not line:
            continue
        try:
            records.append(json.loads(line))
        except ValueError:
            malformed += 1
    return records, malformed, data.endswith(b"\n") or not data
