"""Small fixture sites of the kinds issue 9 found on unseen sites (our own Arabic text).

* an old PHP table-layout site: `article.php?id=N`, windows-1256, no `<h1>`, the headline in a
  `<font>`, `<br>`-separated body in a `<td>`, an RSS feed (linked from the home page) that lists
  every article, section pages, print views, no sitemap;
* WordPress archives: teaser lists (title link + excerpt) under one `<h1>`, the core
  `wp-sitemap.xml` index and its children.
"""

from __future__ import annotations

from newscrawl.demo.server import Reply

SITE = "جريدة الوادي"
SENTENCES = (
    "أعلنت البلدية صباح اليوم عن برنامج جديد لصيانة الطرق الداخلية في الأحياء القديمة",
    "وقال رئيس المجلس البلدي إن الأشغال ستبدأ الأسبوع المقبل وتستمر ثلاثة أشهر على الأقل",
    "ويشمل البرنامج تجديد الإنارة العمومية وتوسيع الأرصفة وزراعة الأشجار على جانبي الطرق",
    "وأوضح المسؤول أن الكلفة الإجمالية تتجاوز أربعة ملايين دينار تمولها الدولة والبلدية معا",
    "ودعا السكان إلى التعاون مع فرق العمل وتفهم الإزعاج المؤقت الذي قد تسببه الأشغال",
    "ويأتي هذا البرنامج بعد شكاوى متكررة من تردي حالة الطرق خلال فصل الشتاء الماضي",
)
TITLES = (
    "البلدية تطلق برنامجا لصيانة الطرق في الأحياء القديمة",
    "مجلس المدينة يناقش ميزانية العام المقبل في جلسة مفتوحة",
    "افتتاح مكتبة عامة جديدة في الحي الشرقي بحضور الوزير",
    "ارتفاع أسعار الخضر في الأسواق مع بداية موسم الأمطار",
    "جامعة المدينة تستقبل دفعة جديدة من الطلاب الأجانب هذا العام",
    "وزارة الصحة تطلق حملة تلقيح واسعة في المدارس الابتدائية",
)
EXCERPT = "مقتطف قصير من الخبر يعرض أول جملة منه ثم ينقطع في منتصف الكلام كما تفعل المواقع"
LEGACY_IDS = (1203, 1212, 1216, 1224, 1230, 1239)
HOME_SHOWS = 4  # the home page and the "most read" box show the four newest; sections the rest
HTML_1256 = "text/html; charset=windows-1256"


def legacy_path(index: int) -> str:
    """Two script names for articles, as old sites have (`article.php`, `news.php`)."""
    script = "news.php" if index % 3 == 2 else "article.php"
    return f"/{script}?id={LEGACY_IDS[index]}"


def _body_lines(index: int) -> list[str]:
    lines = [f"{s} (الخبر {index + 1})." for s in SENTENCES]
    return lines[index % 2 :] + lines[: index % 2]


def _legacy_frame(title: str, main: str, *, head: str = "") -> bytes:
    menu = " | ".join(f'<a href="section.php?cat={c}">قسم {c}</a>' for c in range(1, 6))
    most_read = "".join(
        f'<li><a href="{legacy_path(i)}">{TITLES[i]}</a><span>{EXCERPT} ...</span></li>'
        for i in range(HOME_SHOWS)
    )
    partners = " ".join(
        f'<a href="https://partner{i}.example.org/">موقع صديق {i}</a>' for i in range(25)
    )
    html = (
        f'<html dir="rtl"><head><meta http-equiv="Content-Type" content="{HTML_1256}">'
        f'<title>{title}</title><link rel="alternate" type="application/rss+xml" href="rss.php">'
        f'{head}</head><body><table width="100%"><tr><td colspan="3" class="menu">'
        f'<a href="index.php">الرئيسية</a> | {menu}</td></tr><tr><td width="180" valign="top">'
        f'<h3>الأكثر قراءة</h3><ul>{most_read}</ul></td><td valign="top">{main}</td></tr>'
        f'<tr><td colspan="3">{partners}<p>© 2026 {SITE}. جميع الحقوق محفوظة.</p></td></tr>'
        "</table></body></html>"
    )
    return html.encode("cp1256")


def legacy_article(index: int, lines: int = len(SENTENCES)) -> bytes:
    """An article: headline in a `<font>`, date, body as `<br>`-separated text (`lines` of it)."""
    title = TITLES[index]
    body = "<br><br>".join(_body_lines(index)[:lines])
    main = (
        f'<table width="100%"><tr><td class="path"><a href="index.php">الرئيسية</a> &gt; '
        f'<a href="section.php?cat=2">محليات</a></td></tr><tr><td><font class="title">{title}'
        f"</font></td></tr><tr><td><font size='1'>15 - 03 - 2026</font></td></tr>"
        f'<tr><td class="text">{body}</td></tr><tr><td><a href="print.php?id='
        f'{LEGACY_IDS[index]}">طباعة</a> | <a href="send.php?id={LEGACY_IDS[index]}">أرسل لصديق'
        "</a></td></tr></table>"
    )
    return _legacy_frame(f"{SITE} - {title}", main)


def legacy_listing(indexes: range | list[int], title: str = SITE) -> bytes:
    """The home page or a section: teasers (title link, excerpt) in table rows."""
    rows = "".join(
        f'<tr><td><a href="{legacy_path(i)}"><b>{TITLES[i]}</b></a><br>{EXCERPT} ...</td></tr>'
        for i in indexes
    )
    return _legacy_frame(title, f"<table>{rows}</table>")


def legacy_rss(base: str, size: int = len(TITLES)) -> bytes:
    items = "".join(
        f"<item><title>{TITLES[i]}</title><link>{base}{legacy_path(i)}</link>"
        f"<pubDate>Sun, 15 Mar 2026 1{i}:30:00 +0300</pubDate></item>"
        for i in range(size)
    )
    rss = f'<?xml version="1.0" encoding="windows-1256"?><rss version="2.0"><channel>{items}'
    return (rss + "</channel></rss>").encode("cp1256")


def legacy_site(base: str, feed_size: int = len(TITLES)) -> dict[str, Reply]:
    """Every page of the table-layout site (keys: path with query); its feed lists the
    `feed_size` newest articles."""
    home = legacy_listing(range(HOME_SHOWS))
    pages = {
        "/robots.txt": Reply(body=b"User-agent: *\nDisallow: /admin/\n", content_type="text/plain"),
        "/": Reply(body=home, content_type=HTML_1256),
        "/index.php": Reply(body=home, content_type=HTML_1256),
        "/rss.php": Reply(body=legacy_rss(base, feed_size), content_type="application/rss+xml"),
    }
    for cat in range(1, 6):
        pages[f"/section.php?cat={cat}"] = Reply(
            body=legacy_listing([cat - 1, cat % len(TITLES)], f"{SITE} - قسم {cat}"),
            content_type=HTML_1256,
        )
    for i in range(len(TITLES)):
        pages[legacy_path(i)] = Reply(body=legacy_article(i), content_type=HTML_1256)
        pages[f"/print.php?id={LEGACY_IDS[i]}"] = Reply(
            body=legacy_article(i), content_type=HTML_1256
        )
    return pages


def archive_page(
    title: str, links: list[tuple[str, str]], *, loose: bool = False, about: str = ""
) -> bytes:
    """A WordPress archive: one `<h1>`, then a teaser per post (title link + excerpt), either in
    an `<article>` each or as loose `<h2>` + `<p>` siblings; `about`: a footer blurb."""
    if loose:
        teaser = '<h2><a href="{}">{}</a></h2><p>{} [&hellip;]</p>'
        items = "".join(teaser.format(h, t, EXCERPT) for h, t in links)
    else:
        items = "".join(
            f'<article class="post"><h2 class="entry-title"><a href="{h}">{t}</a></h2>'
            f'<div class="entry-summary"><p>{EXCERPT} [&hellip;]</p></div>'
            f'<a class="more-link" href="{h}">اقرأ المزيد</a></article>'
            for h, t in links
        )
    return (
        f'<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="UTF-8"><title>{title} - '
        f'{SITE}</title></head><body class="rtl single"><main><h1 class="page-title">{title}</h1>'
        f"{items}</main><footer><p>{about}</p><p>© 2026 {SITE}</p></footer></body></html>"
    ).encode()


def wp_article(title: str, related: list[tuple[str, str]]) -> bytes:
    """A post without metadata whose related-posts widget has thumbnails and excerpts."""
    body = "".join(f"<p>{s}.</p>" for s in SENTENCES)
    widget = "".join(
        f'<div class="related-item"><a href="{h}"><img src="/t.jpg"></a><h4><a href="{h}">{t}'
        f"</a></h4><p>{EXCERPT}</p></div>"
        for h, t in related
    )
    return (
        f'<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="UTF-8"><title>{title} - '
        f'{SITE}</title></head><body><article><h1 class="entry-title">{title}</h1>'
        f'<div class="entry-content">{body}</div></article><section class="related"><h3>'
        f"اقرأ أيضا</h3>{widget}</section></body></html>"
    ).encode()
