"""Every marker word that extraction and date reading look for, each list written once.

Words are written in their natural spelling (with a few English and French ones where sites use
them); ``opener`` and ``cue_re`` fold them once at import, so a lookup matches every
hamza/alef/ta-marbuta variant a site may write.

A marker opens a line only as whole words: "المصدر: وكالات" opens with "المصدر" but
"المصدرون ..." does not, and "سجلت البورصة ..." does not open with "سجل". A clitic glued in
front ("وشارك ...") makes another word too, and that is how a sentence starts.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from newscrawl.arabic import fold_letters, normalize_for_matching

# --- Dates: newscrawl.dates.names builds its word table from these --------------------------

GREGORIAN_MONTHS: tuple[tuple[int, str], ...] = (
    # MSA / Egypt / Gulf, Levant / Iraq, Algeria / Tunisia, Morocco, English, French
    (1, "يناير كانون_الثاني جانفي January Jan janvier janv"),
    (2, "فبراير فبرير شباط فيفري February Feb février fevrier févr fevr"),
    (3, "مارس آذار March Mar mars"),
    (4, "أبريل إبريل نيسان أفريل April Apr avril avr"),
    (5, "مايو ماي أيار May mai"),
    (6, "يونيو يونيه حزيران جوان June Jun juin"),
    (7, "يوليو يوليه تموز جويلية يوليوز July Jul juillet juil"),
    (8, "أغسطس آب أوت غشت August Aug août aout"),
    (9, "سبتمبر أيلول شتنبر September Sep Sept septembre"),
    (10, "أكتوبر اكتوبر تشرين_الأول October Oct octobre"),
    (11, "نوفمبر تشرين_الثاني نونبر November Nov novembre"),
    (12, "ديسمبر كانون_الأول دجنبر December Dec décembre decembre déc"),
)
"""Month number -> its names; "_" joins the words of a multi-word name."""

HIJRI_MONTHS: tuple[tuple[int, str], ...] = (
    (1, "محرم المحرم"),
    (2, "صفر"),
    (3, "ربيع_الأول"),
    (4, "ربيع_الثاني ربيع_الآخر"),
    (5, "جمادى_الأولى جمادى_الأول"),
    (6, "جمادى_الآخرة جمادى_الثانية جمادى_الآخر جمادى_الثاني"),
    (7, "رجب"),
    (8, "شعبان"),
    (9, "رمضان"),
    (10, "شوال"),
    (11, "ذو_القعدة ذي_القعدة"),
    (12, "ذو_الحجة ذي_الحجة"),
)

WEEKDAYS = (
    "الأحد الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة السبت"
    " sunday monday tuesday wednesday thursday friday saturday"
    " dimanche lundi mardi mercredi jeudi vendredi samedi"
)
WEEKDAY_ABBREVIATIONS = "أحد اثنين إثنين ثلاثاء أربعاء خميس جمعة سبت sun mon tue wed thu fri sat"
"""Also ordinary words or names ("أحد", "جمعة", "Sun"): only read inside a date."""

PUBLISHED_MARKERS = "نشر النشر نشرت نشره published posted publié"
"""Words that label the date after them as the publication date."""
MODIFIED_MARKERS = "تحديث التحديث محدث محدثة updated modified"
"""Words that label the date after them as the last-update date."""
DATE_MARKER_LEADS = "آخر تم تاريخ"
"""Words that stand before a date marker ("آخر تحديث", "تم النشر", "تاريخ النشر")."""
DATE_INTRODUCERS = "بتاريخ"
"""Words that introduce a date on their own ("بتاريخ 3 مايو")."""
DATE_FILLERS = "في من على عند بتوقيت توقيت at on the of le à"
"""Small words inside date lines ("on Monday", "في 3 مايو", "à 10h")."""
DATE_LINE_OPENERS = (
    *DATE_INTRODUCERS.split(),
    *(
        f"{lead} {marker}".strip()
        for lead in ("", *DATE_MARKER_LEADS.split(), "last")
        for marker in f"{PUBLISHED_MARKERS} {MODIFIED_MARKERS}".split()
    ),
)
"""What a visible date line may open with: "نشر في", "آخر تحديث", "بتاريخ", "last updated"."""

YESTERDAY_WORDS = "أمس الأمس البارحة"
"""Yesterday; alone on a date line it dates an article ("نشر في: أمس")."""
BEFORE_YESTERDAY_WORDS = "أول_أمس"

# --- The site's clock: statements such as "جميع الأوقات بتوقيت مكة المكرمة", "(غرينتش +1)" ----

UTC_NAMES = "gmt utc غرينتش غرينيتش جرينتش جرينيتش غرينتشي"
"""Names of Greenwich time; followed by "+1" they state an offset."""
CLOCK_WORDS = "توقيت بتوقيت التوقيت"
"""The word that introduces a clock statement ("بتوقيت القاهرة", "توقيت الموقع")."""
CLOCK_STATEMENT_WORDS = "جميع كل الأوقات الاوقات المذكورة الموقع المحلي حسب"
"""Other words a clock statement is made of ("جميع الأوقات", "توقيت الموقع")."""
ZONE_PLACES: tuple[tuple[str, str], ...] = (
    # "عمان" is left out: Amman (Jordan) and Oman are spelled alike
    ("Asia/Riyadh", "مكة_المكرمة مكة الرياض السعودية"),
    ("Africa/Cairo", "القاهرة مصر"),
    ("Africa/Algiers", "الجزائر"),
    ("Africa/Casablanca", "المغرب الرباط الدار_البيضاء"),
    ("Africa/Tunis", "تونس"),
    ("Asia/Beirut", "بيروت لبنان"),
    ("Asia/Damascus", "دمشق سوريا سورية"),
    ("Asia/Amman", "الأردن"),
    ("Asia/Baghdad", "بغداد العراق"),
    ("Asia/Kuwait", "الكويت"),
    ("Asia/Qatar", "الدوحة قطر"),
    ("Asia/Bahrain", "البحرين المنامة"),
    ("Asia/Dubai", "الإمارات دبي أبوظبي أبو_ظبي"),
    ("Asia/Muscat", "مسقط"),
    ("Asia/Aden", "اليمن صنعاء"),
    ("Asia/Gaza", "فلسطين غزة القدس"),
    ("Africa/Khartoum", "السودان الخرطوم"),
    ("Africa/Tripoli", "ليبيا"),
    ("Africa/Nouakchott", "موريتانيا نواكشوط"),
    ("Europe/London", "لندن"),
    ("Europe/Paris", "باريس"),
)
"""IANA zone -> places whose time a site states it uses; "_" joins a multi-word name."""

# --- Bylines -------------------------------------------------------------------------------

BYLINE_MARKERS = (
    "بقلم", "كتب", "كتبت", "كتبه", "بواسطة", "كتب بواسطة", "نشر بواسطة", "نشرت بواسطة", "by",
)  # fmt: skip
"""Open a byline as plain words ("كتب محمد علي", "نشر بواسطة سارة")."""
BYLINE_LABELS = ("إعداد", "تحرير", "حوار", "تقرير", "المحرر")
"""Open a byline only as a label ("تحرير: ..."): they are common nouns ("تحرير المدينة")."""
BYLINE_PLACE_WORDS = ("في", "من")
"""After a comma they end the name: "سارة الأحمد، من بيروت"."""

# --- Read-also and most-read blocks --------------------------------------------------------

READ_ALSO_MARKERS = (
    "اقرأ أيضا", "اقرأ كذلك", "اقرأ المزيد", "اقرأ أكثر", "طالع أيضا", "شاهد أيضا", "تابع أيضا",
    "مواضيع ذات صلة", "أخبار ذات صلة", "مقالات ذات صلة", "روابط ذات صلة", "ذات صلة", "قد يهمك",
    "يهمك أيضا", "يمكنك أيضا قراءة", "مواضيع ذات علاقة", "أخبار ذات علاقة", "قد يعجبك",
    "قد تعجبك", "ننصحك بقراءة", "read also", "read more", "related", "see also",
    "you may also like", "you might also like", "lire aussi", "à lire aussi", "lire également",
)  # fmt: skip
RELATED_HEADING_TAILS = (
    "ذات صلة", "ذات علاقة", "متعلقة", "مرتبطة", "مشابهة", "مماثلة", "قد تهمك", "قد يهمك",
)  # fmt: skip
"""End short read-also headings: "قصص ذات صلة", "موضوعات متعلقة", "مقالات مشابهة"."""
MOST_READ_MARKERS = ("الأكثر قراءة", "الأكثر مشاهدة", "الأكثر تداولا", "الأكثر تعليقا")

# --- Chrome lines inside article containers ------------------------------------------------

SHARE_PROMPTS = (
    "شاركها", "تابعونا", "تابعوا", "تابعنا", "اشترك", "للاشتراك", "حمل تطبيق", "لمتابعة",
    "لمزيد من الأخبار", "اضغط هنا", "share", "follow us", "subscribe", "sign up",
    "advertisement", "comments",
)  # fmt: skip
CALL_VERBS = ("شارك", "سجل", "انضم")
"""Prompts that are also past-tense verbs of news ("سجل الفريق هدفين"): see CALL_CUES."""
CALL_CUES = (
    "الآن", "هنا", "معنا", "إلينا", "عبر", "مجانا", "الخبر", "المقال", "الموضوع", "الصفحة",
    "قناتنا", "صفحتنا", "حسابك", "دخولك", "رأيك", "بريدك", "النشرة", "تطبيق",
    "فيسبوك", "تويتر", "واتساب", "تلغرام", "تيليغرام", "إنستغرام", "يوتيوب",
)  # fmt: skip
"""A CALL_VERBS line is a prompt when it has one of these, or nothing after the verb."""
CREDIT_LABELS = ("المصدر", "الصورة")
"""Source and photo credits, as labels only ("المصدر: وكالات")."""
SECTION_LABELS = ("القسم", "قسم", "التصنيف", "تصنيف", "الفئة", "الباب", "section", "category")
"""Labels before the post's section link ("القسم: <a>رياضة</a>")."""
TAG_LABELS = (
    "الوسوم", "وسوم", "الكلمات المفتاحية", "كلمات مفتاحية", "الكلمات الدالة", "كلمات دالة",
    "كلمات البحث", "هاشتاغ", "tags", "keywords",
)  # fmt: skip
"""Labels of an article's own tag list ("الوسوم:", "كلمات مفتاحية")."""
COPYRIGHT_CUES = ("©", "جميع الحقوق محفوظة", "all rights reserved", "copyright")

# Comment-policy and opinion disclaimers (stems: suffixes and proclitics may follow/precede).
DISCLAIMER_SUBJECTS = ("تعليق", "مشاركات", "آراء", "وجهات نظر")
"""What readers write."""
DISCLAIMER_STANCES = (
    "تعبر", "تعكس", "تمثل", "مسؤولية", "يتحمل", "أصحابها", "كاتبها", "كاتبيها", "ضرورة",
    "مراجعة", "حذف", "يحتفظ", "تحتفظ", "نحتفظ", "سياسة", "شروط", "إرشادات", "خصوصية",
    "استخدام", "نشرها",
)  # fmt: skip
"""How a site distances itself from, or polices, what readers write."""
DISCLAIMER_VOICES = (
    "موقع", "صحيفة", "جريدة", "إدارة", "يرجى", "نرجو", "رجاء", "ننصح", "نحتفظ",
)  # fmt: skip
"""The site speaking about itself or to its readers, which news reports do not do."""
REPORTING_VERBS = (
    "قال", "قالت", "قالوا", "أضاف", "أضافت", "أكد", "أكدت", "أوضح", "أوضحت", "أعلن", "أعلنت",
    "صرح", "صرحت", "أفاد", "أفادت", "وفق", "وفقا", "حسب",
)  # fmt: skip
"""Reported speech: a paragraph that quotes someone is news, even about comments."""

HOME_CRUMBS = ("الرئيسية", "الصفحة الرئيسية", "الرئيسي", "home")

COMMENT_HEADINGS = (
    "التعليقات", "تعليقات", "تعليقات القراء", "تعليقات الزوار", "تعليقات فيسبوك",
    "أضف تعليق", "أضف تعليقك", "أضف تعليقا", "اترك تعليقا", "اترك تعليقك", "اترك ردا",
    "اكتب تعليقك", "أرسل تعليقك", "لا توجد تعليقات", "لا تعليقات", "كن أول من يعلق",
    "comments", "leave a reply", "leave a comment", "add a comment", "add comment",
    "commentaires", "laisser un commentaire",
)  # fmt: skip
"""A line that is one of these (a count aside: "التعليقات (4)") heads the readers' comments;
not "تعليق" alone, which may head a commentary inside an article."""

# --- URL words ------------------------------------------------------------------------------

ARCHIVE_URL_WORDS = "تصنيف التصنيف تصنيفات"
"""Path segments that open a category archive on sites with Arabic URLs ("/تصنيف/رياضة/")."""
TAG_URL_WORDS = "وسم الوسم وسوم الوسوم كاتب الكاتب"
"""Path segments that open a tag or author archive ("/وسم/النفط/", "/كاتب/علي/")."""
LISTING_URL_WORDS = "أخبار اخبار الأخبار قسم"
"""Path segments of section and listing pages ("/أخبار/رياضة/")."""

# --- Matching ------------------------------------------------------------------------------

# Derived from fold_letters so the two never disagree: a folded letter matches each of its
# variants and diacritics are skipped, so patterns read the text as written (offsets stay
# valid) without a translation pass, which cost more than the match itself.
_ARABIC = [chr(code) for code in range(0x0610, 0x06EE)]


def _variants() -> dict[str, str]:
    variants: dict[str, str] = {}
    for ch in _ARABIC:
        if len(folded := fold_letters(ch)) == 1 and folded != ch:
            variants[folded] = variants.get(folded, folded) + ch
    return variants


_VARIANTS = _variants()  # "ا" -> "اآأإٱ", "ه" -> "هة", ...
_MARKS = "[{}]*".format("".join(ch for ch in _ARABIC if not fold_letters(ch)))
_LABEL_END = r"\s*(?:[:：|/\-–—]|$)"
_PROCLITICS = "(?:[وف]?(?:[بلك]?ال|لل|[بلك])?)"


def _letter(ch: str) -> str:
    return f"[{_VARIANTS[ch]}]" if ch in _VARIANTS else re.escape(ch)


def _spelled(marker: str) -> str:
    """Regex source for a folded marker: any spelling variant, diacritics after letters, any
    spaces between words."""
    words = (_MARKS.join(map(_letter, word)) + _MARKS for word in marker.split())
    return r"\s+".join(words)


def _alternatives(words: Iterable[str], spell: Callable[[str], str]) -> str:
    # longest first, so "كتبت" is tried before "كتب"
    folded = sorted({normalize_for_matching(w) for w in words} - {""}, key=len, reverse=True)
    return "|".join(map(spell, folded))


def opener(markers: Iterable[str], *, label: bool = False) -> re.Pattern[str]:
    """A pattern for ``opening``: one of ``markers`` as whole words at the start of a line.

    A ``label`` must be followed by a separator (":", "-", "|", "/") or end the line.
    """
    end = _LABEL_END if label else r"(?!\w)"
    return re.compile(rf"\W*(?:{_alternatives(markers, _spelled)}){end}", re.I)


def opening(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """The marker ``text`` opens with (``pattern`` from ``opener``); its end is an offset in text.

    >>> credits = opener(["المصدر", "الصورة"], label=True)
    >>> bool(opening(credits, "المصدر: وكالات")), bool(opening(credits, "المصدرون العرب"))
    (True, False)
    >>> bool(opening(credits, "المصدر الرئيسي للدخل هو النفط"))
    False
    >>> prompts = opener(["سجل", "اقرأ أيضا"])
    >>> bool(opening(prompts, "سجل الآن")), bool(opening(prompts, "سجلت البورصة ارتفاعا"))
    (True, False)
    >>> match = opening(prompts, "« إقرأ أيضاً: عنوان")
    >>> bool(match), "« إقرأ أيضاً: عنوان"[match.end():]
    (True, ': عنوان')
    """
    return pattern.match(text)


def finder(words: Iterable[str]) -> re.Pattern[str]:
    """A pattern for ``finding``: one of ``words`` as whole words anywhere in a line."""
    return re.compile(rf"(?<!\w)(?:{_alternatives(words, _spelled)})(?!\w)", re.I)


def finding(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """The first of the words (``pattern`` from ``finder``) in ``text``; offsets are in text.

    >>> days = finder(["الأربعاء", "monday"])
    >>> text = "سارة الأحمد - الاربعاء 16 مارس"
    >>> text[: finding(days, text).start()]
    'سارة الأحمد - '
    """
    return pattern.search(text)


def cue_re(words: Iterable[str], *, stems: bool = False) -> re.Pattern[str]:
    """A pattern finding ``words`` in matching-normalised text, after proclitics (و ف ب ل ك ال).

    With ``stems``, any ending may follow ("تعليق" finds "والتعليقات").

    >>> cues = cue_re(["تعليق", "موقع"], stems=True)
    >>> [m.group() for m in cues.finditer(normalize_for_matching("تعليقاتكم للموقع مواقع"))]
    ['تعليقاتكم', 'للموقع']
    >>> bool(cue_re(["قال"]).search("وقال الوزير")), bool(cue_re(["قال"]).search("قالب"))
    (True, False)
    """
    end = r"\S*" if stems else r"(?!\S)"
    return re.compile(rf"(?<!\S){_PROCLITICS}(?:{_alternatives(words, re.escape)}){end}")
