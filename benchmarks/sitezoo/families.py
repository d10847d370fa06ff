"""The zoo's families: CMS kind, site clock, and which failure classes each one shows."""

from __future__ import annotations

from benchmarks.sitezoo.model import FamilySpec, Theme


def _wp(variant: str) -> Theme:
    from benchmarks.sitezoo.wordpress import WordPress

    return WordPress(variant)


def _theme(module: str, name: str) -> Theme:
    import importlib

    return getattr(importlib.import_module(f"benchmarks.sitezoo.{module}"), name)()


SPECS: tuple[FamilySpec, ...] = (
    FamilySpec(
        "wp_classic", "wordpress", "صدى الجزائر", "Africa/Algiers", id_start=4100,
        theme=lambda: _wp("classic"), house_byline=0.4, wire=True,
        classes={2: "/category/<Arabic slug>/ archives with excerpts, listed in wp-sitemap",
                 3: "Jetpack related posts (thumbnail, h4 title, excerpt) + inline paragraph",
                 4: "page times naive; offset only in RSS pubDate (+0100, ten latest posts)",
                 5: "wire copies", 6: "shortlinks /?p=N (301, rel=shortlink, RSS guid)",
                 7: "'بقلم: <site name>' with a rel=author link on 40% of posts"},
    ),
    FamilySpec(
        "wp_magazine", "wordpress", "بوابة الخليج اليوم", "Asia/Riyadh", id_start=88000,
        theme=lambda: _wp("magazine"), tatweel=True,
        classes={2: "category archives with excerpts, listed in category-sitemap.xml",
                 3: "tagDiv 'مقالات ذات صلة' image+h3 items; inline 'اقرأ أيضا' div",
                 4: "JSON-LD on half the posts; others naive + 'بتوقيت مكة المكرمة' footer",
                 6: "AMP versions /<slug>/amp/", 8: "tatweel prefixes in half the posts"},
    ),
    FamilySpec(
        "wp_blog", "wordpress", "مدونة الأطلس الإخبارية", "Africa/Algiers", id_start=1500,
        theme=lambda: _wp("blog"),
        classes={2: "category/tag/author archives with excerpts",
                 3: "YARPP thumbnails (image and title in one link) + inline paragraph",
                 4: "footer 'توقيت الموقع: توقيت الجزائر (غرينتش +1)'; sitemap lastmod in UTC",
                 6: "print versions /archives/N/print/",
                 9: "'نشر في : الأحد 15 أفريل 2026 على الساعة 10:32' (Maghreb months), no h1"},
    ),
    FamilySpec(
        "drupal", "drupal", "النهار الشامي", "Asia/Beirut", id_start=52000,
        theme=lambda: _theme("cms", "Drupal"), wire=True,
        classes={3: "views block 'مواضيع ذات صلة' after the body", 5: "wire copies",
                 4: "naive Levantine dates; offset in sitemap lastmod, meta on a third of pages",
                 6: "/node/N shortlinks served as duplicates", 9: "Levantine month names"},
    ),
    FamilySpec(
        "joomla", "joomla", "أخبار البلقاء", "Asia/Amman", id_start=300,
        theme=lambda: _theme("cms", "Joomla"), house_byline=0.5, wire=True, inline_related=0,
        classes={2: "category blog pages with intro text and 'اقرأ المزيد'",
                 4: "naive dates; offset only in category RSS pubDate (+0300)",
                 5: "wire copies", 6: "non-SEF index.php?option=com_content URLs, print view",
                 7: "'كتب بواسطة: <site name>'", 9: "'نشر في :' + dual month names"},
    ),
    FamilySpec(
        "legacy_php", "legacy-php", "جريدة الرافدين", "Asia/Baghdad", id_start=1200,
        theme=lambda: _theme("legacy", "LegacyPhp"), tatweel=True, wire=True,
        house_byline=0.3, inline_related=0, end_related=3,
        classes={1: "windows-1256 table layout, article.php?id= / news.php?id=, no h1",
                 4: "naive page dates; offset only in rss.php pubDate (+0300)", 5: "wire copies",
                 6: "print.php?id= print versions (no canonical)",
                 7: "'بقلم: <site name>'", 8: "tatweel prefixes",
                 9: "'15 - 03 - 2026' spaced dates and 'أمس' alone"},
    ),
    FamilySpec(
        "aspnet", "aspnet", "صحيفة الواحة", "Asia/Riyadh", id_start=20000,
        theme=lambda: _theme("legacy", "AspNet"), wire=True, inline_related=0,
        classes={1: "table layout, Details.aspx?ID=, __VIEWSTATE", 5: "wire copies",
                 4: "'15/03/2026 02:30 م' naive + 'بتوقيت مكة المكرمة' footer; no feed or sitemap",
                 6: "Print.aspx?ID= print versions"},
    ),
    FamilySpec(
        "blogger", "blogger", "مدونة المغرب اليوم", "Africa/Casablanca", id_start=10,
        theme=lambda: _theme("blogger", "Blogger"), house_byline=0.6, wire=True,
        inline_related=0, end_related=0,
        classes={5: "wire copies", 6: "?m=1 mobile versions",
                 7: "'نشر بواسطة <site name>' on 60% of posts",
                 4: "visible 12-hour time; offset in abbr.published and the Atom feed"},
    ),
    FamilySpec(
        "nextjs", "nextjs", "منصة الإمارات الرقمية", "Asia/Dubai", id_start=700000,
        theme=lambda: _theme("modern", "NextJs"), inline_related=0,
        classes={3: "related articles only in __NEXT_DATA__",
                 4: "JSON-LD datePublished in UTC (Z)"},
    ),
    FamilySpec(
        "amp_first", "amp", "الخبر السريع", "Asia/Kuwait", id_start=9000,
        theme=lambda: _theme("modern", "AmpFirst"), wire=True,
        classes={3: "amp-carousel related list + inline block", 5: "wire copies",
                 4: "JSON-LD with +03:00; news sitemap"},
    ),
    FamilySpec(
        "feed_only", "custom", "قرطاج نيوز", "Africa/Tunis", id_start=5000,
        theme=lambda: _theme("discovery", "FeedOnly"), wire=True,
        classes={4: "page shows a date without time; RSS pubDate (+0100) is the only clock",
                 5: "wire copies", 9: "'أمس' alone for yesterday's articles"},
    ),
    FamilySpec(
        "news_sitemap_only", "custom", "وادي رم نيوز", "Asia/Amman", id_start=61000,
        theme=lambda: _theme("discovery", "NewsSitemapOnly"), tatweel=True, wire=True,
        reports=4,
        classes={4: "naive '2026-03-15 14:20' on page; news:publication_date +03:00",
                 5: "wire copies; a daily templated report series (NOT near-duplicates)",
                 8: "tatweel prefixes"},
    ),
    FamilySpec(
        "multilingual", "custom", "صحار اليوم", "Asia/Muscat", id_start=3000, english=6,
        theme=lambda: _theme("discovery", "Multilingual"), start_path="/ar/",
        classes={4: "JSON-LD +04:00", 3: "inline + end related blocks"},
    ),
    FamilySpec(
        "sections_only", "custom", "لؤلؤة الخليج", "Asia/Qatar", id_start=1, reports=4,
        theme=lambda: _theme("discovery", "SectionsOnly"),
        classes={3: "inline 'اقرأ أيضا' + end list", 4: "footer 'GMT+3' is the only clock",
                 5: "a daily templated report series (NOT near-duplicates)",
                 9: "'نشر في : 15 - 03 - 2026 | 14:20'"},
    ),
)  # fmt: skip

# Fresh families (split.FRESH_FAMILIES): never tuned on, always held out, reported apart. They
# take no part in the wire deal (wire=False), so the fourteen families above plan exactly as
# before; they reprint copies of the deal's wire stories instead (spec.reprint).
FRESH_SPECS: tuple[FamilySpec, ...] = (
    FamilySpec(
        "wp_jannah", "wordpress", "صوت الدلتا", "Africa/Cairo", id_start=145000,
        theme=lambda: _theme("jannah", "WpJannah"), house_byline=0.3, reprint=1,
        classes={2: "category, tag and author archives with excerpts (Yoast sitemaps list them)",
                 3: "Inline Related Posts box (label and title in one link) + 'مقالات ذات صلة' "
                    "thumbnails and h3 titles; previous/next post links are not related",
                 4: "'منذ ساعتين' for the last day, else 'الثلاثاء 3 ديسمبر 2026 - 10:15 ص'; "
                    "offset only in Yoast meta/schema graph; feed and sitemap in GMT",
                 5: "reprinted wire copies",
                 6: "shortlinks /?p=N (301, RSS guid), AMP reader pages /<id>/?amp=1",
                 7: "the site's name as author on 30% of posts"},
    ),
    FamilySpec(
        "custom_portal", "laravel", "بوابة الواحات الإخبارية", "Africa/Tripoli",
        id_start=240000, theme=lambda: _theme("portal", "CustomPortal"), reprint=2, reports=3,
        inline_related=0, end_related=4,
        classes={3: "end-of-article 'اقرأ أيضا' list (thumbnail link, title link, date)",
                 4: "naive '3/12/2026 10:15'; JSON-LD (+02:00) on some articles only, others "
                    "Open Graph only; top bar 'جميع الأوقات بتوقيت طرابلس (GMT+2)'; RSS/sitemap",
                 5: "reprinted wire copies (one appears in the second run); a daily templated "
                    "report series (NOT near-duplicates)",
                 6: "/article/<id> short links serving the same page; old /news/details/<id> "
                    "(301) in the 'most read' widget"},
    ),
    FamilySpec(
        "maghreb_bilingual", "custom", "الراصد المغاربي", "Africa/Algiers", id_start=187000,
        theme=lambda: _theme("maghreb", "MaghrebBilingual"), reprint=3,
        classes={3: "inline 'اقرأ أيضا:' paragraph (link in <strong>, old URL) + 'مقالات ذات "
                    "صلة' list of plain links",
                 4: "naive 'الأحد 15 جانفي 2026 | 10:32'; top bar 'توقيت غرينتش +1'; +01:00 only "
                    "in the Google News sitemap (last two days)",
                 5: "reprinted wire copies",
                 6: "pre-redesign /ar/article/<id>.html (301), used by the inline links",
                 9: "Maghreb month names, '|' before the time"},
    ),
    FamilySpec(
        "gulf_tv_portal", "custom", "قناة النخيل الإخبارية", "Asia/Dubai", id_start=31000,
        theme=lambda: _theme("gulftv", "GulfTvPortal"), reprint=4, end_related=4,
        classes={2: "video pages /video/<id>-<slug> (player + caption) in the sitemaps next to "
                    "the articles",
                 3: "inline 'اقرأ أيضاً' card + 'قد يهمك أيضا' grid of cards (thumbnail, section, "
                    "title, date)",
                 4: "JSON-LD NewsArticle (+04:00) on every article; monthly sitemaps (lastmod)",
                 5: "reprinted wire copies (one appears in the second run)",
                 6: "AMP versions /amp/news/...",
                 9: "Eastern Arabic digits, 12-hour clock: '٣ ديسمبر ٢٠٢٦ - ١٠:١٥ ص'"},
    ),
)  # fmt: skip
ALL_SPECS = SPECS + FRESH_SPECS
BY_NAME = {spec.name: spec for spec in ALL_SPECS}
