"""Arabic word pools and the sentence maker the performance suite writes its news from.

Written for this suite. Sentences are assembled from several independent slots (actor, verb,
clause, numbers, place, time), so two generated articles share few three-word runs: the
near-duplicate stage sees a realistic, mostly distinct corpus instead of copies.
"""

from __future__ import annotations

import random

# (masculine form, feminine form, particle before the reported clause)
REPORT_VERBS = [
    ("أعلن", "أعلنت", "أن"), ("أكد", "أكدت", "أن"), ("أوضح", "أوضحت", "أن"),
    ("ذكر", "ذكرت", "أن"), ("أفاد", "أفادت", "بأن"), ("أشار", "أشارت", "إلى أن"),
    ("كشف", "كشفت", "أن"), ("رجح", "رجحت", "أن"), ("توقع", "توقعت", "أن"),
    ("نفى", "نفت", "أن"), ("اعتبر", "اعتبرت", "أن"), ("لفت", "لفتت", "إلى أن"),
]  # fmt: skip
MASCULINE_ACTORS = [
    "وزير المالية", "رئيس الوزراء", "المتحدث باسم الحكومة", "محافظ البنك المركزي",
    "رئيس البلدية", "مدير عام الهيئة", "رئيس اللجنة البرلمانية", "الأمين العام للاتحاد",
    "مسؤول رفيع في الوزارة", "المجلس البلدي", "الجهاز المركزي للإحصاء", "مجلس الأمناء",
    "المكتب الإعلامي للحكومة", "اتحاد الغرف التجارية", "رئيس مجلس الإدارة", "المرصد الوطني",
]  # fmt: skip
FEMININE_ACTORS = [
    "وزارة الصحة", "وزارة التربية والتعليم", "هيئة الطيران المدني", "الحكومة",
    "اللجنة الوطنية للانتخابات", "شركة الكهرباء الوطنية", "النقابة العامة للأطباء",
    "وزارة الزراعة", "الهيئة العامة للاستثمار", "المفوضية العليا للاجئين", "إدارة المرور",
    "وزارة الخارجية", "الشركة القابضة للمياه", "غرفة الصناعة", "رابطة المصارف",
]  # fmt: skip
QUANTITIES = [  # plurals of things: feminine singular verbs agree with them
    "أسعار الوقود", "صادرات الفوسفات", "عائدات السياحة", "تحويلات المغتربين",
    "مبيعات السيارات", "أسعار المواد الغذائية", "معدلات البطالة", "نفقات الدعم",
    "إيرادات الضرائب", "حجوزات الفنادق", "واردات القمح", "أقساط التأمين", "طلبات القروض",
    "رحلات الطيران الداخلي", "إصدارات السندات", "شحنات الحاويات",
]  # fmt: skip
CHANGES = ["ارتفعت", "تراجعت", "انخفضت", "زادت", "قفزت", "هبطت", "تضاعفت تقريبا"]
PROJECTS = [
    "مشروع توسعة الميناء", "برنامج دعم الأسر المنتجة", "مخطط النقل الحضري",
    "قانون الاستثمار الجديد", "مشروع تحلية مياه البحر", "نظام التأمين الصحي الشامل",
    "برنامج الإسكان الاجتماعي", "مشروع الربط الكهربائي", "مخطط تطوير الواجهة البحرية",
    "برنامج محو الأمية الرقمية", "مشروع القطار السريع", "صندوق دعم الشركات الناشئة",
    "مشروع الري بالتنقيط", "برنامج تأهيل المدارس القديمة", "مخطط حماية الغابات",
]  # fmt: skip
GROUPS = [
    "الطلاب المسجلين", "الزوار الأجانب", "المستفيدين من البرنامج", "العاملين في القطاع",
    "المسافرين عبر المطار", "المشتركين في الخدمة", "المرضى المراجعين", "المتطوعين",
    "الحرفيين المرخصين", "المزارعين المتضررين",
]  # fmt: skip
CITIES = [
    "عمّان", "القاهرة", "الرباط", "تونس", "بيروت", "الدوحة", "مسقط", "الخرطوم", "بغداد",
    "وهران", "صفاقس", "بنغازي", "نواكشوط", "الكويت", "المنامة", "حلب", "الإسكندرية", "فاس",
    "أكادير", "إربد", "الموصل", "طنجة", "سوسة", "جدة",
]  # fmt: skip
PERIODS = [
    "الربع الأول من العام", "الأشهر الستة الماضية", "الشهر الماضي", "موسم الصيف",
    "العام المنصرم", "الأسابيع الأخيرة", "النصف الثاني من العام", "السنوات الثلاث الماضية",
]  # fmt: skip
MONTHS = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر",
          "أكتوبر", "نوفمبر", "ديسمبر"]  # fmt: skip
EVENTS = [
    "شهدت الأسواق إقبالا ملحوظا", "نظم عشرات المواطنين وقفة أمام مقر البلدية",
    "افتتح معرض يضم أكثر من {n} عارضا", "انطلقت حملة تطوعية لتنظيف الأحياء القديمة",
    "عقد لقاء تشاوري مع ممثلي المجتمع المدني", "تعطلت حركة السير لساعات بسبب الأمطار",
    "وقع الطرفان مذكرة تفاهم في مجال التدريب المهني", "بدأت أعمال صيانة الطريق الساحلي",
    "أقيم حفل لتكريم {n} من المعلمين المتقاعدين", "توقفت الدراسة يوما واحدا بسبب العاصفة",
]  # fmt: skip
CONTEXTS = [
    "تتزايد فيه الضغوط على الموازنة العامة", "يطالب فيه الشارع بتحسين الخدمات الأساسية",
    "تشهد فيه المنطقة موجة حر غير مسبوقة", "تستعد فيه البلاد لاستحقاقات انتخابية مهمة",
    "تسعى فيه الحكومة إلى جذب استثمارات خارجية", "يعاني فيه القطاع من نقص في اليد العاملة",
    "ترتفع فيه كلفة الاقتراض في الأسواق الدولية", "تتراجع فيه القدرة الشرائية للأسر",
]  # fmt: skip
QUOTES = [
    "نحن ماضون في تنفيذ التزاماتنا رغم كل الصعوبات", "الأرقام لا تعكس حجم الجهد المبذول",
    "لن نقبل بأي تأخير جديد في تسليم المشروع", "المرحلة المقبلة تتطلب شراكة حقيقية",
    "ننتظر من الجهات المعنية ردا واضحا في أقرب وقت", "الحلول المؤقتة لم تعد كافية",
    "الأولوية اليوم لحماية الفئات الأكثر هشاشة", "سنراجع الخطة كل ثلاثة أشهر",
]  # fmt: skip
SOURCES = [
    "تقرير صادر عن البنك الدولي", "بيانات رسمية نشرت اليوم", "مصادر مطلعة",
    "وكالة الأنباء الرسمية", "دراسة أعدها مركز أبحاث محلي", "استطلاع أجرته جامعة حكومية",
    "وثيقة اطلعت عليها الصحيفة", "نشرة دورية للمعهد الوطني للإحصاء",
]  # fmt: skip
FUTURES = [
    "يصادق البرلمان على التعديلات", "تصل الدفعة الأولى من المعدات", "تفتح أبواب التسجيل",
    "يعقد المؤتمر الإقليمي الثالث", "تنشر النتائج النهائية", "تبدأ المرحلة التجريبية",
    "يتسلم المقاول الموقع رسميا", "تصدر اللوائح التنفيذية",
]  # fmt: skip
ROLES = [
    "مستشار في وزارة المالية", "خبير اقتصادي", "أستاذ العلوم السياسية", "عضو المجلس البلدي",
    "ناشط حقوقي", "مدير المشروع", "باحث في شؤون الطاقة", "نائب في البرلمان", "رجل أعمال",
]  # fmt: skip
FIRST_NAMES = ["سامر", "ليلى", "يوسف", "منى", "خالد", "هدى", "عمر", "رنا", "طارق", "سلمى",
               "نادر", "ريم", "باسل", "غادة", "أنس", "وفاء", "مهدي", "شيماء"]  # fmt: skip
LAST_NAMES = ["الخطيب", "حداد", "العمري", "السعدي", "النجار", "الشريف", "بركات", "القاسم",
              "الزعبي", "عيسى", "بن عمر", "التونسي", "المراكشي", "الحسيني"]  # fmt: skip
COMMENTS = [
    "خطوة جيدة لكنها جاءت متأخرة كثيرا", "نتمنى أن نرى النتائج على أرض الواقع",
    "أين كانت هذه الخطط في السنوات الماضية؟", "شكرا على التغطية المفصلة والموضوعية",
    "الكلام سهل والتنفيذ هو الامتحان الحقيقي", "نريد أرقاما دقيقة لا وعودا عامة",
    "منطقتنا محرومة من هذه الخدمات منذ سنوات", "مقال ممتاز يستحق القراءة",
]  # fmt: skip


def person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


def _reported(rng: random.Random) -> str:
    """A reported-speech sentence: actor, verb agreeing with it, then a clause."""
    masculine = rng.random() < 0.5
    actor = rng.choice(MASCULINE_ACTORS if masculine else FEMININE_ACTORS)
    verb_m, verb_f, particle = rng.choice(REPORT_VERBS)
    verb = verb_m if masculine else verb_f
    return f"و{verb} {actor} {particle} {_clause(rng)}."


def _clause(rng: random.Random) -> str:
    kind = rng.randrange(4)
    if kind == 0:
        return (f"{rng.choice(QUANTITIES)} {rng.choice(CHANGES)} بنسبة {rng.randint(2, 48)} "
                f"في المئة خلال {rng.choice(PERIODS)}")  # fmt: skip
    if kind == 1:
        return f"{rng.choice(PROJECTS)} سيدخل حيز التنفيذ مطلع {rng.choice(MONTHS)} المقبل"
    if kind == 2:
        return (f"عدد {rng.choice(GROUPS)} بلغ {rng.randint(3, 900)} ألفا مقارنة "
                f"بنحو {rng.randint(3, 900)} ألفا قبل عامين")  # fmt: skip
    return f"كلفة {rng.choice(PROJECTS)} قد تتجاوز {rng.randint(12, 990)} مليون دولار"


def sentence(rng: random.Random) -> str:
    """One news sentence; about a third are reported speech."""
    kind = rng.randrange(7)
    if kind < 2:
        return _reported(rng)
    number = rng.randint(5, 400)
    if kind == 2:
        event = rng.choice(EVENTS).format(n=number)
        return f"وفي {rng.choice(CITIES)}، {event} في {rng.choice(MONTHS)} الماضي."
    if kind == 3:
        return f"ويأتي ذلك في وقت {rng.choice(CONTEXTS)}، بحسب مراقبين في {rng.choice(CITIES)}."
    if kind == 4:
        return f"وقال {person(rng)}، وهو {rng.choice(ROLES)}: «{rng.choice(QUOTES)}»."
    if kind == 5:
        return f"ومن المنتظر أن {rng.choice(FUTURES)} قبل نهاية {rng.choice(MONTHS)}."
    return f"وبحسب {rng.choice(SOURCES)}، فإن {_clause(rng)}."


def paragraph(rng: random.Random) -> str:
    return " ".join(sentence(rng) for _ in range(rng.randint(3, 6)))


def headline(rng: random.Random) -> str:
    """A headline: place, then a short factual statement."""
    kind = rng.randrange(3)
    if kind == 0:
        what = f"{rng.choice(QUANTITIES)} {rng.choice(CHANGES)} خلال {rng.choice(PERIODS)}"
    elif kind == 1:
        what = f"انطلاق {rng.choice(PROJECTS)} بكلفة {rng.randint(12, 990)} مليون دولار"
    else:
        what = f"{rng.choice(FEMININE_ACTORS)} تبحث {rng.choice(PROJECTS)}"
    return f"{rng.choice(CITIES)}: {what}"


def slug(title: str, words: int = 5) -> str:
    """URL slug of a title: its first words joined by hyphens, punctuation dropped.

    >>> slug("عمّان: انطلاق مشروع القطار السريع بكلفة 40 مليون دولار")
    'عمان-انطلاق-مشروع-القطار-السريع'
    """
    kept = ["".join(c for c in word if c.isalnum()) for word in title.split()]
    return "-".join([w for w in kept if w][:words])
