"""A synthetic Arabic news site for the crawl benchmark, pre-rendered and served from memory.

Article pages look like real ones: navigation, breadcrumb, byline, lead image, about five
paragraphs with an inline "اقرأ أيضا" block, tags, share buttons, related links, a "most read"
sidebar, reader comments, a newsletter box and a footer. Three pages in four carry JSON-LD
(`template="jsonld"`); the fourth has none and prints its date and author as text
(`template="generic"`), so the generic extraction path is measured too. robots.txt points to a
sitemap index whose child sitemaps answer conditional requests (ETag) when `honor_validators`.
Pages are rendered once, up front, so the server's own cost stays small next to the crawler's.
"""

from __future__ import annotations

import hashlib
import json
import random
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from html import escape
from urllib.parse import unquote

from newscrawl.demo.server import Reply, ServedRequest, not_found

CITIES = ["عمّان", "القاهرة", "الرباط", "تونس", "بيروت", "الدوحة", "مسقط", "الجزائر", "بغداد",
          "الكويت", "صنعاء", "نواكشوط"]  # fmt: skip
BODIES = ["مجلس الوزراء", "وزارة النقل", "هيئة الاستثمار", "نقابة المعلمين", "الاتحاد الرياضي",
          "وزارة الثقافة", "جامعة العاصمة", "هيئة البيئة", "وزارة الطاقة",
          "غرفة الصناعة"]  # fmt: skip
PEOPLE = ["نادية المصري", "فراس العلي", "إيمان الصباغ", "وليد منصور", "سارة القباني",
          "مازن الحلبي", "أسماء الجبوري", "كريم بن علي", "دعاء يوسف", "حسام الرفاعي"]  # fmt: skip
SECTIONS = ["سياسة", "اقتصاد", "رياضة", "ثقافة", "صحة", "تكنولوجيا", "منوعات", "محليات"]
TOPICS = ["توسيع شبكة النقل العام", "دعم المشروعات الصغيرة", "موسم الحصاد", "مهرجان الكتاب",
          "تحديث المناهج", "مشروع الطاقة الشمسية", "بطولة الأندية", "حماية الشواطئ"]  # fmt: skip
SENTENCES = [
    "أقرت الحكومة خلال اجتماعها الأسبوعي في {city} حزمة من القرارات تتعلق بملف {topic}.",
    "وأفاد {person} بأن المرحلة الأولى ستنطلق خلال {n} يوما وتشمل عدة أحياء.",
    "وتبلغ الكلفة التقديرية للمشروع نحو {n} مليون دولار تمولها جهات محلية ودولية.",
    "وأوضح التقرير السنوي أن عدد المستفيدين ارتفع إلى {n} ألف شخص مقارنة بالعام الماضي.",
    "ويأمل السكان أن تسهم هذه الخطوة في تخفيف الازدحام وتحسين نوعية الحياة.",
    "وانتقد معارضون بطء التنفيذ وطالبوا بجدول زمني واضح ومعلن للرأي العام.",
    "وتشارك في التنفيذ شركات وطنية إلى جانب {n} خبيرا من دول عربية.",
    "وأكدت {body} أن باب الاعتراض سيبقى مفتوحا أمام المواطنين حتى نهاية الشهر.",
    "وكانت {city} قد شهدت العام الماضي تجربة مماثلة لاقت استحسانا واسعا.",
    "ويعد {topic} من أبرز الملفات المطروحة على طاولة الحكومة هذا الموسم.",
    "ونقل عن {person} أن الموارد المتاحة تكفي لتغطية احتياجات {n} شهرا فقط.",
    "وفي تصريح خاص قال مدير المشروع إن الفرق الميدانية تعمل على مدار الساعة.",
    "ودعت منظمات المجتمع المدني إلى إشراك الشباب في صياغة الخطط المقبلة.",
    "وتظهر بيانات رسمية أن الإنفاق على {topic} تضاعف خلال خمس سنوات.",
    "ومن المقرر أن يعرض {body} نتائج المراجعة على البرلمان في جلسة علنية.",
    "وأثار القرار نقاشا واسعا على منصات التواصل بين مؤيد ومتحفظ.",
    "وبحسب {person} فقد أثبتت التجربة أن التخطيط المسبق يختصر الوقت والكلفة.",
    "وتوقع محللون أن ينعكس ذلك إيجابا على حركة الأسواق في {city} والمدن المجاورة.",
    "وتتضمن الخطة إنشاء {n} مركزا لتقديم الخدمات بالقرب من التجمعات السكنية.",
    "وجدد المسؤولون التزامهم بالشفافية ونشر التقارير الدورية على موقع {body}.",
    "وفي المقابل رأى خبراء أن الأولوية يجب أن تكون لصيانة البنية القائمة.",
    "وقد وصل إلى {city} صباح أمس وفد فني لمعاينة المواقع المقترحة.",
    "ويشير مختصون إلى أن نجاح {topic} يتطلب تنسيقا أوثق بين الوزارات.",
    "وتعود فكرة المشروع إلى دراسة أعدتها جامعة محلية قبل {n} شهرا.",
    "وخصصت البلدية موقعا إلكترونيا لتلقي الشكاوى والاقتراحات على مدار الأسبوع.",
    "ويرتبط المشروع بخطة أوسع لتطوير الضواحي الشرقية من {city} خلال العقد المقبل.",
    "ولم تصدر حتى الآن أي تعليقات رسمية على الانتقادات التي وجهتها الصحافة المحلية.",
    "وتقدر مصادر نقابية أن {n} عاملا سيستفيدون من فرص التشغيل المؤقتة.",
    "وأعلن منظمو المبادرة أن الدورة المقبلة ستقام في الربيع بمشاركة أوسع.",
    "ويحتاج تنفيذ المرحلة الثانية إلى موافقة البرلمان على الاعتمادات الإضافية.",
    "وأظهر استطلاع للرأي أن أغلبية المشاركين يؤيدون تسريع وتيرة العمل.",
    "ويتوقع أن تنخفض كلفة الخدمة على الأسر ذات الدخل المحدود بنحو الربع.",
    "وسبق أن تعثرت خطط مشابهة بسبب نقص التمويل وتغير الأولويات الحكومية.",
    "ونظمت جمعيات أهلية في {city} لقاءات مفتوحة لشرح تفاصيل البرنامج للسكان.",
    "وتلقى المكتب الإعلامي أكثر من {n} استفسارا منذ الإعلان عن القرار.",
    "وأوصت لجنة الخبراء بإجراء تقييم مستقل بعد انقضاء السنة الأولى.",
    "ويستند البرنامج إلى تجارب ناجحة في بلدان مجاورة واجهت ظروفا مماثلة.",
    "وأكد {person} أن الأولوية ستعطى للمناطق الأكثر حاجة والأقل خدمات.",
    "وتزامن الإعلان مع زيارة رسمية لوفد من المانحين الدوليين إلى {city}.",
    "وتسعى الجهات المعنية إلى استقطاب استثمارات خاصة تقارب {n} مليون دولار.",
    "ورأى أكاديميون أن غياب البيانات الدقيقة يصعّب قياس الأثر الحقيقي.",
    "وأطلقت وسائل الإعلام المحلية حملة لتعريف الجمهور بالإجراءات الجديدة.",
    "وبدأت الأعمال التمهيدية فعلا في ثلاثة مواقع على أطراف المدينة.",
    "وتنص الاتفاقية على مراجعة الأسعار مرة كل {n} شهرا وفق مؤشرات معلنة.",
    "ويخشى التجار من أن تؤثر الأشغال على حركة البيع خلال موسم الأعياد.",
    "وأكدت مصادر مطلعة أن التعديلات النهائية ستنشر في الجريدة الرسمية قريبا.",
    "وشهدت القاعة حضورا لافتا من الطلاب والباحثين والمهتمين بالشأن العام.",
    "واختتم {person} حديثه بالدعوة إلى التحلي بالصبر حتى تظهر النتائج.",
]
COMMENTS = ["خطوة جيدة لكنها متأخرة كثيرا.", "نتمنى أن نرى النتائج على أرض الواقع.",
            "أين كانت هذه الخطط في السنوات الماضية؟", "شكرا على التغطية المفصلة."]  # fmt: skip
EPOCH = datetime(2026, 9, 1, 6, 0, tzinfo=UTC)
SITEMAP_CHUNK = 1000
XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>'


@dataclass(frozen=True)
class GeneratedArticle:
    number: int
    template: str
    path: str
    title: str
    author: str
    section: str
    paragraphs: tuple[str, ...]
    published_at: datetime


def make_article(number: int) -> GeneratedArticle:
    """A deterministic, distinct article: sentences from the pool with their slots filled."""
    pick = random.Random(f"bench-{number}")
    city, body, topic = pick.choice(CITIES), pick.choice(BODIES), pick.choice(TOPICS)

    def fill(sentence: str) -> str:
        return sentence.format(city=city, body=body, topic=topic, n=pick.randint(3, 950),
                               person=pick.choice(PEOPLE))  # fmt: skip

    sentences = [fill(s) for s in pick.sample(SENTENCES, 12)]
    sentences[0] += f" (التقرير رقم {number})"
    paragraphs = tuple(" ".join(sentences[i : i + 2]) for i in range(0, 10, 2))
    paragraphs = (*paragraphs[:4], f"{paragraphs[4]} {sentences[10]} {sentences[11]}")
    published = EPOCH + timedelta(minutes=23 * number)
    generic = number % 4 == 0
    path = (
        f"/opinion/story-{number:06d}.html"
        if generic
        else f"/news/{published:%Y/%m/%d}/{number}-{topic.replace(' ', '-')}.html"
    )
    title = f"{city}: بحث {topic} في اجتماع {body} (تقرير {number})"
    return GeneratedArticle(number, "generic" if generic else "jsonld", path, title,
                            pick.choice(PEOPLE), pick.choice(SECTIONS), paragraphs,
                            published)  # fmt: skip


def _links(articles: list[GeneratedArticle], css: str) -> str:
    items = "".join(f'<li><a href="{a.path}">{escape(a.title)}</a></li>' for a in articles)
    return f'<ul class="{css}">{items}</ul>'


def _chrome_top() -> str:
    nav = "".join(f'<li><a href="/section/{i}">{s}</a></li>' for i, s in enumerate(SECTIONS))
    return (
        '<header class="site-header"><a class="logo" href="/">المرصد اليومي</a>'
        f'<nav class="main-nav"><ul>{nav}</ul></nav>'
        '<form class="search" action="/search"><input name="q" placeholder="ابحث"></form>'
        '<div class="ticker">عاجل: انطلاق فعاليات معرض الصناعات الوطنية غدا</div></header>'
    )


def _chrome_bottom(others: list[GeneratedArticle]) -> str:
    comments = "".join(
        f'<li class="comment"><b>{p}</b><p>{c}</p></li>'
        for p, c in zip(PEOPLE[: len(COMMENTS)], COMMENTS, strict=True)
    )
    return (
        f'<aside class="sidebar"><h3>الأكثر قراءة</h3>{_links(others, "most-read")}'
        '<div class="ad">إعلان</div></aside>'
        f'<section class="comments"><h3>تعليقات القراء</h3><ol>{comments}</ol>'
        '<form><textarea name="c"></textarea><button>أرسل تعليقك</button></form></section>'
        '<div class="newsletter">اشترك في النشرة البريدية ليصلك ملخص الأخبار كل صباح</div>'
        '<footer><a href="/about">من نحن</a> <a href="/contact">اتصل بنا</a> '
        '<a href="/privacy">سياسة الخصوصية</a><p>© 2026 المرصد اليومي. جميع الحقوق محفوظة.</p>'
        "</footer>"
    )


def _body_html(article: GeneratedArticle, related: list[GeneratedArticle]) -> str:
    paragraphs = [f"<p>{escape(p)}</p>" for p in article.paragraphs]
    inline = f'<div class="read-also"><h4>اقرأ أيضا</h4>{_links(related[:2], "inline")}</div>'
    paragraphs.insert(2, inline)
    return "".join(paragraphs)


def _jsonld(article: GeneratedArticle, base: str) -> str:
    data = {
        "@context": "https://schema.org", "@type": "NewsArticle", "headline": article.title,
        "datePublished": article.published_at.isoformat(),
        "author": {"@type": "Person", "name": article.author},
        "articleSection": article.section, "keywords": [article.section, "تقارير"],
        "image": f"{base}/img/{article.number}.jpg", "mainEntityOfPage": base + article.path,
    }  # fmt: skip
    return f'<script type="application/ld+json">{json.dumps(data, ensure_ascii=False)}</script>'


def render_article(
    article: GeneratedArticle, related: list[GeneratedArticle], others: list[GeneratedArticle],
    base: str,
) -> bytes:  # fmt: skip
    """The article's HTML page, with its related and "most read" links to other articles."""
    when = article.published_at
    if article.template == "jsonld":
        og_title = f'<meta property="og:title" content="{escape(article.title)}">'
        head = _jsonld(article, base) + og_title
        byline = f'<span class="author">{article.author}</span><time datetime="{when:%Y-%m-%dT%H:%M:%S+00:00}">{when:%d/%m/%Y}</time>'  # noqa: E501
        wrapper = "article-body"
    else:
        head, wrapper = '<meta name="description" content="مقال رأي">', "post-content entry"
        byline = f'<p class="meta">بقلم: {article.author} | نشر في: {when:%d/%m/%Y - %H:%M}</p>'
    return (
        f'<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8">'
        f"<title>{escape(article.title)} | المرصد اليومي</title>"
        f'<link rel="canonical" href="{base}{article.path}">{head}</head><body>{_chrome_top()}'
        f'<main><div class="breadcrumb"><a href="/">الرئيسية</a> › {article.section}</div>'
        f"<article><h1>{escape(article.title)}</h1>{byline}"
        f'<figure><img src="/img/{article.number}.jpg" alt=""><figcaption>صورة من {article.section}'
        f'</figcaption></figure><div class="{wrapper}">{_body_html(article, related)}</div>'
        f'<div class="tags"><a href="/tag/1">{article.section}</a></div>'
        '<div class="share">شارك: فيسبوك تويتر واتساب</div>'
        f'<section class="related"><h3>مواضيع ذات صلة</h3>{_links(related[2:], "end")}</section>'
        f"</article></main>{_chrome_bottom(others)}</body></html>"
    ).encode()


def served_path(raw: str) -> str:
    """The decoded path of a request target (article slugs are Arabic, sent percent-encoded).

    >>> served_path("/news/1-%D8%AE%D8%A8%D8%B1.html?x=1")
    '/news/1-خبر.html'
    """
    return unquote(raw.split("?", 1)[0])


class BenchSite:
    """The pre-rendered site and a router over it; `article_paths` tells article requests apart."""

    def __init__(self, articles: int, base: str, *, honor_validators: bool = True) -> None:
        self.articles = [make_article(n) for n in range(1, articles + 1)]
        self.base = base.rstrip("/")
        self.honor_validators = honor_validators
        self.pages = {a.path: self._render(i) for i, a in enumerate(self.articles)}
        self.article_paths = frozenset(self.pages)
        self.sitemaps = self._sitemaps()

    def _render(self, index: int) -> bytes:
        count = len(self.articles)
        around = [self.articles[(index + k) % count] for k in (1, 2, 3, 5, 8, 13)]
        most_read = [self.articles[(index * 7 + k) % count] for k in range(8)]
        return render_article(self.articles[index], around, most_read, self.base)

    def _sitemaps(self) -> dict[str, bytes]:
        namespace = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
        children: dict[str, bytes] = {}
        for start in range(0, len(self.articles), SITEMAP_CHUNK):
            entries = "".join(
                f"<url><loc>{self.base}{a.path}</loc>"
                f"<lastmod>{a.published_at.isoformat()}</lastmod></url>"
                for a in self.articles[start : start + SITEMAP_CHUNK]
            )
            path = f"/sitemaps/news-{start // SITEMAP_CHUNK + 1}.xml"
            children[path] = f"{XML_DECLARATION}<urlset {namespace}>{entries}</urlset>".encode()
        index = "".join(f"<sitemap><loc>{self.base}{p}</loc></sitemap>" for p in children)
        children["/sitemap.xml"] = (
            f"{XML_DECLARATION}<sitemapindex {namespace}>{index}</sitemapindex>"
        ).encode()
        return children

    def _xml(self, request: ServedRequest, body: bytes) -> Reply:
        etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
        if self.honor_validators and request.headers.get("If-None-Match") == etag:
            return Reply(304, b"", {"ETag": etag})
        headers = {"ETag": etag} if self.honor_validators else {}
        return Reply(200, body, headers, "application/xml")

    def route(self, request: ServedRequest) -> Reply:
        path = served_path(request.path)
        if path in self.pages:
            return Reply(200, self.pages[path])
        if path in self.sitemaps:
            return self._xml(request, self.sitemaps[path])
        if path == "/robots.txt":
            body = f"User-agent: *\nAllow: /\nSitemap: {self.base}/sitemap.xml\n"
            return Reply(200, body.encode(), content_type="text/plain")
        if path == "/":
            return Reply(200, self.home_page())
        if path.startswith("/section/") and path[len("/section/") :].isdigit():
            return self.section_page(int(path[len("/section/") :]), request)
        return not_found(request)

    def section_page(self, number: int, request: ServedRequest) -> Reply:
        """A section's 20 latest articles (one page: the benchmark adds no pagination)."""
        if number >= len(SECTIONS):
            return not_found(request)
        latest = [a for a in self.articles if a.section == SECTIONS[number]][-20:][::-1]
        return Reply(200, self._listing(SECTIONS[number], latest))

    def home_page(self) -> bytes:
        return self._listing("الرئيسية", self.articles[-30:][::-1])

    def _listing(self, heading: str, articles: list[GeneratedArticle]) -> bytes:
        return (
            f'<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8">'
            f"<title>{heading} | المرصد اليومي</title></head><body>{_chrome_top()}<main>"
            f"<h1>{heading}</h1>{_links(articles, 'latest')}</main>"
            f"{_chrome_bottom(self.articles[:8])}</body></html>"
        ).encode()
