"""Legacy stacks: an old PHP table-layout site in windows-1256, and an ASP.NET WebForms site.

* legacy_php: `article.php?id=1278` and `news.php?id=`, no h1 (the headline is in
  `<font class="title">` or a `<b>` in a `<td>`), `<title>` "SiteName - headline", menu and
  breadcrumb before the body, paragraphs split by `<br><br>`, "15 - 03 - 2026" or "أمس" alone,
  no sitemap, `rss.php` listing every article with +0300 pubDates (windows-1256 too).
* aspnet: `Details.aspx?ID=`, `Print.aspx?ID=`, a large `__VIEWSTATE`, spans for title and
  date ("15/03/2026 02:30 م"), "بتوقيت مكة المكرمة" in the footer, no feed and no sitemap:
  only the home page and `NewsList.aspx?CatID=` listings lead to articles.
"""

from __future__ import annotations

import base64
from html import escape

from benchmarks.sitezoo import chrome, clock, feeds
from benchmarks.sitezoo.common import chunks, html_page, page_rng, section_name
from benchmarks.sitezoo.model import Page, SiteView, ZooArticle
from benchmarks.sitezoo.vocab import SECTIONS

CP = "windows-1256"
CAT = {slug: i + 1 for i, (_, slug) in enumerate(SECTIONS)}


def _menu(view: SiteView, href: str) -> str:
    links = " | ".join(f'<a href="{href}{CAT[s]}">{n}</a>' for n, s in SECTIONS)
    return f'<a href="index.php">الرئيسية</a> | {links}'


def _table_page(view: SiteView, title: str, center: str, key: str, menu_href: str,
                clock_line: str = "", charset: str = CP) -> str:  # fmt: skip
    rng = page_rng(view, key)

    def section(slug: str) -> str:
        return f"{menu_href}{CAT[slug]}"

    most = chrome.box("الأكثر قراءة", rng.sample(view.articles, min(10, len(view.articles))),
                      lambda a: a.path.lstrip("/"), "mostread")  # fmt: skip
    return (
        f'<html dir="rtl"><head><meta http-equiv="Content-Type" content="text/html; '
        f'charset={charset}"><title>{escape(title)}</title><!--PAD-->'
        '<link rel="alternate" type="application/rss+xml" title="RSS" href="rss.php"></head>'
        '<body bgcolor="#FFFFFF" topmargin="0"><table width="100%" border="0" cellpadding="0">'
        f'<tr><td colspan="3"><a href="index.php"><img src="images/logo.gif" border="0"></a></td>'
        f'</tr><tr><td colspan="3" class="menu">{_menu(view, menu_href)}</td></tr>'
        f'<tr><td width="180" valign="top">{most}</td><td valign="top">{center}</td>'
        f'<td width="160" valign="top">{chrome.sidebar(view, lambda a: a.path, "left", rng)}</td>'
        f'</tr><tr><td colspan="3">{chrome.footer(view, section, "f", clock_line)}'
        "</td></tr></table></body></html>"
    )


class LegacyPhp:
    captions = False
    has_tags = False

    def article_path(self, a: ZooArticle) -> str:
        script = "news" if a.section_slug in ("local", "politics") else "article"
        return f"/{script}.php?id={a.number}"

    def aliases(self, a: ZooArticle) -> tuple[str, ...]:
        return (f"/print.php?id={a.number}",)

    def _center(self, view: SiteView, a: ZooArticle) -> str:
        headline = (
            f'<font class="title">{escape(a.title)}</font>'
            if a.number % 2
            else f"<b>{escape(a.title)}</b>"
        )
        when = clock.or_yesterday(a.published, view.now, clock.spaced(a.published))
        writer = view.spec.site_name if a.house_byline else a.person
        related = "".join(
            f'<tr><td><img src="images/arrow.gif"> <a href="{r.path.lstrip("/")}">{escape(r.title)}'
            "</a></td></tr>"
            for r in a.related
        )
        return (
            f'<table width="100%"><tr><td class="path"><a href="index.php">الرئيسية</a> &gt; '
            f'<a href="section.php?cat={CAT[a.section_slug]}">{a.section}</a></td></tr>'
            f"<tr><td>{headline}</td></tr><tr><td><font size='1' color='#999999'>{when}</font>"
            f"</td></tr><tr><td class='writer'>بقلم: {writer}</td></tr>"
            f'<tr><td><img src="{a.image_path.lstrip("/")}" align="left" width="250"></td></tr>'
            f'<tr><td class="text">{"<br><br>".join(escape(p) for p in a.paragraphs)}</td></tr>'
            f'<tr><td class="related"><b>أخبار ذات صلة</b><table>{related}</table></td></tr>'
            f'<tr><td><a href="print.php?id={a.number}">طباعة</a> | '
            f'<a href="send.php?id={a.number}">أرسل لصديق</a></td></tr>'
            f"<tr><td>{chrome.comments(page_rng(view, a.path), 'c')}</td></tr>"
            "</table>"
        )

    def _listing(self, view: SiteView, title: str, items: list[ZooArticle], base: str,
                 reason: str) -> dict[str, Page]:  # fmt: skip
        pages, pieces = {}, chunks(items, 12)
        for number, chunk in enumerate(pieces):
            path = base if number == 0 else f"{base}&page={number + 1}"
            rows = "".join(
                f'<tr><td><a href="{a.path.lstrip("/")}"><b>{escape(a.title)}</b></a><br>'
                f"{escape(chrome.teaser(a, 20))}</td></tr>"
                for a in chunk
            )
            more = f'<a href="{base.lstrip("/")}&page={number + 2}">التالي</a>'
            center = f"<table>{rows}</table>" + (more if number + 1 < len(pieces) else "")
            html = _table_page(
                view, f"{view.spec.site_name} - {title}", center, path, "section.php?cat="
            )
            pages[path] = html_page(html, view, path, "listing" if chunk else "other", reason, CP)
        return pages

    def render(self, view: SiteView) -> dict[str, Page]:
        pages: dict[str, Page] = {}
        for a in view.articles:
            html = _table_page(view, f"{view.spec.site_name} - {a.title}", self._center(view, a),
                               a.path, "section.php?cat=")  # fmt: skip
            pages[a.path] = html_page(html, view, a.path, "article", encoding=CP)
            printed = f"<html dir='rtl'><head><meta charset='{CP}'><title>{escape(a.title)}</title>"
            printed += f"<!--PAD--></head><body>{self._center(view, a)}</body></html>"
            pages[a.aliases[0]] = html_page(printed, view, a.aliases[0], "alias", encoding=CP)
        pages |= self._listing(view, "الرئيسية", view.articles[:12], "/", "home")
        pages["/index.php"] = pages["/"]
        for _, slug in SECTIONS:
            pages |= self._listing(view, section_name(slug), view.by_section(slug),
                                   f"/section.php?cat={CAT[slug]}", "section")  # fmt: skip
        items = [
            feeds.FeedItem(title=a.title, link=view.url(a.path), published=a.published,
                           description=chrome.teaser(a, 25), category=a.section)
            for a in view.articles
        ]  # fmt: skip
        pages["/rss.php"] = feeds.rss(view.spec.site_name, view.base, items, encoding=CP)
        return pages | {"/robots.txt": feeds.robots(view.base, (), ["/admin/"])}


class AspNet:
    captions = False
    has_tags = False

    def article_path(self, a: ZooArticle) -> str:
        return f"/Details.aspx?ID={a.number}"

    def aliases(self, a: ZooArticle) -> tuple[str, ...]:
        return (f"/Print.aspx?ID={a.number}",)

    def _viewstate(self, key: str, view: SiteView) -> str:
        rng = page_rng(view, key + "#vs")
        blob = base64.b64encode(rng.randbytes(rng.randint(6000, 14000))).decode()
        return f'<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="{blob}">'

    def _center(self, view: SiteView, a: ZooArticle) -> str:
        p = "ctl00_ContentPlaceHolder1_"
        related = "".join(
            f'<li><a id="{p}rptRelated_ctl0{i}_lnk" href="{r.path.lstrip("/")}">'
            f"{escape(r.title)}</a></li>"
            for i, r in enumerate(a.related)
        )
        return (
            f'<div class="breadcrumb"><a href="Default.aspx">الرئيسية</a> / '
            f'<a href="NewsList.aspx?CatID={CAT[a.section_slug]}">{a.section}</a></div>'
            f'<span id="{p}lblTitle" class="NewsTitle">{escape(a.title)}</span><br>'
            f'<span id="{p}lblDate" class="NewsDate">{clock.ampm(a.published)}</span> '
            f'<span id="{p}lblWriter">{a.person}</span><br>'
            f'<img id="{p}imgNews" src="{a.image_path}">'
            f'<div id="{p}divDetails" class="NewsDetails">'
            + "".join(f'<p dir="rtl">{escape(x)}</p>' for x in a.paragraphs)
            + f'</div><div class="related"><h3>أخبار ذات صلة</h3><ul>{related}</ul></div>'
            f'<a href="Print.aspx?ID={a.number}">نسخة للطباعة</a>'
        )

    def _page(self, view: SiteView, title: str, center: str, key: str) -> str:
        action = key.lstrip("/")
        form = f'<form method="post" action="./{action}" id="aspnetForm">'
        form += self._viewstate(key, view)
        html = _table_page(view, title, form + center + "</form>", key, "NewsList.aspx?CatID=",
                           "جميع الأوقات بتوقيت مكة المكرمة", "utf-8")  # fmt: skip
        return html.replace('href="index.php"', 'href="Default.aspx"').replace("rss.php", "#")

    def _section(self, view: SiteView, slug: str) -> dict[str, Page]:
        base, pages = f"/NewsList.aspx?CatID={CAT[slug]}", {}
        pieces = chunks(view.by_section(slug), 10)
        for number, chunk in enumerate(pieces):
            path = base if number == 0 else f"{base}&Page={number + 1}"
            rows = "".join(
                f'<li><a href="{a.path.lstrip("/")}">{escape(a.title)}</a></li>' for a in chunk
            )
            more = f'<a href="{base.lstrip("/")}&Page={number + 2}">المزيد</a>'
            postback = "<a href=\"javascript:__doPostBack('ctl00$pager','Next')\">التالي</a>"
            tail = more if number + 1 < len(pieces) else ""
            html = self._page(view, section_name(slug), f"<ul>{rows}</ul>{tail}{postback}", path)
            pages[path] = html_page(html, view, path, "listing" if chunk else "other", "section")
        return pages

    def render(self, view: SiteView) -> dict[str, Page]:
        pages: dict[str, Page] = {}
        for a in view.articles:
            html = self._page(
                view, f"{view.spec.site_name} | {a.title}", self._center(view, a), a.path
            )
            pages[a.path] = html_page(html, view, a.path, "article")
            pages[a.aliases[0]] = html_page(html, view, a.aliases[0], "alias")
        rows = "".join(f'<li><a href="{a.path.lstrip("/")}">{escape(a.title)}</a></li>'
                       for a in view.articles[:15])  # fmt: skip
        home = self._page(view, view.spec.site_name, f"<ul class='latest'>{rows}</ul>", "/")
        pages["/"] = pages["/Default.aspx"] = html_page(home, view, "/", "listing", "home")
        for _, slug in SECTIONS:
            pages |= self._section(view, slug)
        return pages | {"/robots.txt": feeds.robots(view.base, (), ["/Admin/"])}
