"""Word and sentence pools the zoo writes its Arabic (and a little English) news from.

Written for this benchmark; nothing here comes from a real site. Sentences are templates with
slots ({org}, {person}, {city}, {topic}, {n}, {role}) so that two articles rarely share a
three-word run unless the zoo wants them to (wire copies, templated reports).
"""

from __future__ import annotations

ORGS = [
    "وزارة الصحة", "وزارة المالية", "وزارة النقل", "وزارة التربية", "وزارة الزراعة",
    "وزارة الطاقة", "وزارة السياحة", "وزارة العدل", "البنك المركزي", "هيئة الاستثمار",
    "هيئة البيئة", "هيئة الطيران المدني", "غرفة التجارة", "اتحاد الصناعات", "نقابة الأطباء",
    "نقابة المعلمين", "جامعة العاصمة", "بلدية المدينة", "مجلس النواب", "الديوان الوطني للإحصاء",
    "شركة الكهرباء الوطنية", "المؤسسة العامة للمياه", "الهلال الأحمر", "اللجنة الأولمبية",
    "المجلس الأعلى للثقافة", "هيئة الأرصاد الجوية", "وزارة الشباب", "صندوق التنمية",
]  # fmt: skip
PEOPLE = [
    "سامر الخطيب", "ليلى حداد", "يوسف العمري", "منى السعدي", "خالد النجار", "هدى الشريف",
    "عمر بركات", "رنا القاسم", "طارق الزعبي", "سلمى عيسى", "نادية المصري", "فراس العلي",
    "إيمان الصباغ", "وليد منصور", "مازن الحلبي", "أسماء الجبوري", "كريم بن علي", "دعاء يوسف",
    "حسام الرفاعي", "جميلة بوزيد", "مراد بن سالم", "نوال التازي", "عادل الفاسي", "زينب الموصلي",
]  # fmt: skip
ROLES = [
    "وزير المالية", "رئيس الوزراء", "محافظ البنك المركزي", "رئيس البلدية", "المتحدث باسم الحكومة",
    "مدير المستشفى", "رئيس الغرفة التجارية", "الأمين العام للنقابة", "مدير الأرصاد",
    "رئيس الجامعة", "وزيرة الثقافة", "مديرة البرنامج",
]  # fmt: skip
CITIES = [
    "عمّان", "القاهرة", "الرباط", "تونس", "بيروت", "الدوحة", "مسقط", "الخرطوم", "بغداد",
    "الجزائر", "وهران", "صفاقس", "طرابلس", "نواكشوط", "الكويت", "المنامة", "دمشق", "حلب",
    "الإسكندرية", "فاس", "مراكش", "إربد", "صنعاء", "البصرة",
]  # fmt: skip
TOPICS = [
    "توسيع شبكة النقل العام", "دعم المشروعات الصغيرة", "موسم الحصاد", "مهرجان الكتاب",
    "تحديث المناهج الدراسية", "مشروع الطاقة الشمسية", "إصلاح نظام التقاعد", "حماية الشواطئ",
    "رقمنة الخدمات الحكومية", "مكافحة التصحر", "تطوير المستشفيات الريفية", "أزمة السكن",
    "ترشيد استهلاك المياه", "تشغيل الشباب", "السياحة الداخلية", "سلامة الغذاء",
    "تنظيم أسواق الجملة", "النقل المدرسي", "تطوير الموانئ", "الأمن السيبراني",
    "إعادة تدوير النفايات", "دعم المزارعين", "تمويل البحث العلمي", "تحلية مياه البحر",
]  # fmt: skip
SECTIONS = [
    ("محليات", "local"), ("اقتصاد", "economy"), ("سياسة", "politics"), ("رياضة", "sport"),
    ("ثقافة وفنون", "culture"), ("صحة", "health"), ("تكنولوجيا", "tech"),
    ("منوعات", "misc"), ("دولي", "world"), ("مجتمع", "society"),
]  # fmt: skip
TAGS = [
    "الحكومة", "البرلمان", "الاقتصاد الوطني", "الشباب", "التعليم", "الصحة العامة", "الطاقة",
    "المياه", "الزراعة", "الاستثمار", "النقل", "البيئة", "الثقافة", "كرة القدم", "الأسعار",
    "التشغيل", "الرقمنة", "المناخ", "السياحة", "الإسكان",
]  # fmt: skip

SENTENCES = [
    "أعلنت {org} صباح اليوم عن خطة جديدة تتعلق بملف {topic} تمتد على {n} شهرا.",
    "وقال {role} في مؤتمر صحفي عقده في {city} إن المرحلة الأولى ستنطلق قريبا.",
    "وأوضح {person} أن الميزانية المخصصة لهذا البرنامج بلغت {n} مليون دينار.",
    "وتأتي هذه الخطوة بعد سلسلة اجتماعات مطولة مع ممثلي القطاع الخاص والنقابات.",
    "ويرى مراقبون أن القرار سيترك أثرا واضحا على الحياة اليومية لسكان {city}.",
    "وأشار تقرير رسمي صدر الأسبوع الماضي إلى أن نسبة الإنجاز لم تتجاوز {n} في المئة.",
    "وطالب نواب في البرلمان بنشر جدول زمني مفصل لمراحل التنفيذ وكلفتها.",
    "وتعهدت {org} بمراجعة الإجراءات كل ثلاثة أشهر وإطلاع الرأي العام على النتائج.",
    "وفي سياق متصل افتتح {role} مركزا جديدا لخدمة المواطنين في ضواحي {city}.",
    "وبحسب أرقام الديوان فقد استفاد من المبادرة حتى الآن نحو {n} ألف شخص.",
    "ولم يصدر أي تعليق رسمي على الانتقادات التي وجهتها جمعيات أهلية للمشروع.",
    "وأكد {person} أن الأولوية ستعطى للمناطق الأكثر حاجة والأقل حظا من الخدمات.",
    "ودعا خبراء في الاقتصاد إلى إشراك الجامعات في تقييم أثر {topic} على المدى البعيد.",
    "وشهدت شوارع {city} حركة غير معتادة منذ الساعات الأولى من صباح اليوم.",
    "ومن المنتظر أن يعرض {role} تفاصيل الخطة أمام لجنة برلمانية الأسبوع المقبل.",
    "ويعد ملف {topic} من أكثر الملفات إثارة للجدل في الأشهر الأخيرة.",
    "وتوقع محللون أن ترتفع الكلفة الإجمالية إلى {n} مليون دولار بحلول نهاية العام.",
    "وأعرب عدد من السكان عن ارتياحهم للقرار لكنهم طالبوا بتسريع وتيرة العمل.",
    "وكانت {org} قد أطلقت مشروعا مماثلا قبل {n} سنوات لم يكتمل بسبب نقص التمويل.",
    "وتشارك في التنفيذ شركات محلية إلى جانب خبراء من {n} دول عربية.",
    "وأثار الإعلان نقاشا واسعا على منصات التواصل بين مؤيد ومتحفظ.",
    "وأضاف {person} أن الفرق الفنية تعمل على مدار الساعة لتدارك التأخير.",
    "وتظهر بيانات حديثة أن الطلب على الخدمة تضاعف خلال السنوات الخمس الماضية.",
    "وحذرت {org} من الأخبار غير الدقيقة المتداولة حول موعد تطبيق الإجراءات.",
    "وتنص الاتفاقية الموقعة في {city} على تقاسم الأعباء بين الدولة والبلديات.",
    "ورحبت غرفة التجارة بالقرار واعتبرته خطوة في الاتجاه الصحيح طال انتظارها.",
    "وقالت مصادر مطلعة إن التعديلات النهائية ستنشر في الجريدة الرسمية خلال أيام.",
    "وسجلت الأسواق المحلية تراجعا طفيفا في الأسعار بعد وصول شحنات جديدة.",
    "وأكد {role} أن الحكومة لن تتراجع عن التزاماتها رغم الظروف الصعبة.",
    "ويتضمن البرنامج إنشاء {n} مركزا للتدريب المهني في المحافظات الداخلية.",
    "وشارك في الورشة أكثر من {n} متخصصا ناقشوا سبل تطوير {topic}.",
    "وأشار {person} إلى أن التجربة أثبتت أن التخطيط المسبق يختصر الوقت والمال.",
    "ويخشى تجار {city} من أن تؤثر الأشغال على حركة البيع في موسم الأعياد.",
    "وتسعى {org} إلى استقطاب استثمارات خاصة تقارب {n} مليون دولار.",
    "ورأى أكاديميون أن غياب البيانات الدقيقة يصعّب قياس الأثر الحقيقي للإجراءات.",
    "وبدأت الأعمال التمهيدية فعلا في ثلاثة مواقع على أطراف {city}.",
    "وأوصت لجنة الخبراء بإجراء تقييم مستقل بعد انقضاء السنة الأولى من التطبيق.",
    "وتزامن الإعلان مع زيارة وفد من المانحين الدوليين إلى {city} لبحث التمويل.",
    "ونظمت جمعيات أهلية لقاءات مفتوحة لشرح تفاصيل {topic} للسكان.",
    "وتلقى المكتب الإعلامي في {org} أكثر من {n} استفسارا منذ صدور القرار.",
    "ويحتاج تنفيذ المرحلة الثانية إلى موافقة البرلمان على اعتمادات إضافية.",
    "وأظهر استطلاع للرأي أن أغلبية المشاركين يؤيدون الخطة مع بعض التحفظات.",
    "وسبق أن تعثرت خطط مشابهة بسبب تغير الأولويات الحكومية وتبدل المسؤولين.",
    "وقال {person} إن المشروع سيوفر نحو {n} فرصة عمل مباشرة للشباب.",
    "وتعمل {org} بالتنسيق مع البلديات على إحصاء الأسر المعنية بالبرنامج.",
    "ويرتبط المشروع بخطة أوسع لتطوير الضواحي الشرقية من {city} خلال العقد المقبل.",
    "واختتم {role} تصريحه بالدعوة إلى التحلي بالصبر حتى تظهر النتائج.",
    "وتراجعت نسبة البطالة في {city} إلى {n} في المئة وفق أحدث الإحصاءات.",
    "وخصصت {org} رقما هاتفيا مجانيا لتلقي الشكاوى والاقتراحات.",
    "ولفت {person} إلى أن الأسعار لن تتغير قبل نهاية الموسم الحالي.",
    "وانتقد معارضون بطء التنفيذ وطالبوا بمحاسبة المسؤولين عن التأخير.",
    "ويتوقع أن تنخفض كلفة الخدمة على الأسر ذات الدخل المحدود بنحو الربع.",
    "وجرى توقيع مذكرة التفاهم بحضور {role} وعدد من السفراء المعتمدين.",
    "وتضم اللجنة المكلفة بالمتابعة {n} عضوا يمثلون الوزارات والمجتمع المدني.",
    "وأعلنت المدارس في {city} استئناف الدوام بعد توقف دام {n} أيام.",
    "وتعرضت شبكة الكهرباء لأعطال متكررة خلال موجة الحر الأخيرة.",
]  # fmt: skip

LEADS = [
    "أعلنت {org} صباح اليوم في {city} عن حزمة إجراءات جديدة تخص {topic}.",
    "كشف {role} عن تفاصيل خطة تمتد {n} شهرا لمعالجة ملف {topic} في {city}.",
    "أقرت {org} خلال اجتماعها الأسبوعي في {city} قرارات تتعلق بملف {topic}.",
    "دخلت خطة {org} الخاصة بملف {topic} حيز التنفيذ اليوم في {city}.",
    "عقد {role} لقاء موسعا في {city} خصص لمناقشة {topic} مع ممثلي القطاعات المعنية.",
    "تشهد {city} منذ أيام نقاشا واسعا حول {topic} بعد إعلان {org} نتائج دراسة حديثة.",
]  # fmt: skip

# Sentences where a prefix is joined to the next word by tatweel (failure class 8).
TATWEEL_SENTENCES = [
    "وقدمت الحكومة دعما استثنائيا لـ{defnoun} بقيمة {n} مليون دينار.",
    "وقال {person} لـ{outlet} إن المفاوضات ما زالت في بدايتها.",
    "وتعهدت {org} بتقديم منح بـ{n} مليون للمشروعات المتعثرة.",
]  # fmt: skip
DEFNOUNS = ["الجيش", "المزارعين", "الطلبة", "البلديات", "المستشفيات", "المتقاعدين"]
OUTLETS = ["الشروق", "النهار", "الوطن", "الصباح"]

TITLES = [
    "{org} تعلن خطة جديدة بشأن {topic} في {city}",
    "{role}: {topic} أولوية المرحلة المقبلة",
    "جدل في {city} بعد قرار {org} بشأن {topic}",
    "{n} مليون دينار لدعم {topic} في {city}",
    "{org} تطلق برنامجا حول {topic} بمشاركة {n} جهة",
    "{person} يكشف تفاصيل خطة {topic} في {city}",
    "تأخر {topic} يثير غضب سكان {city}",
    "اتفاق بين {org} والبلديات حول {topic}",
    "{city} تستضيف ملتقى حول {topic} بمشاركة عربية",
    "أرقام جديدة عن {topic} في تقرير {org}",
    "مطالب نيابية بتسريع {topic} في {city}",
    "{org} تحذر من تبعات التأخر في {topic}",
]  # fmt: skip
CAPTIONS = [
    "جانب من الاجتماع الذي عقد في {city}",
    "صورة أرشيفية لأحد المواقع في {city}",
    "{person} خلال المؤتمر الصحفي",
    "مواطنون في أحد شوارع {city}",
]  # fmt: skip
COMMENTS = [
    "خطوة جيدة لكنها متأخرة كثيرا.", "نتمنى أن نرى النتائج على أرض الواقع.",
    "أين كانت هذه الخطط في السنوات الماضية؟", "شكرا على التغطية المفصلة.",
    "الكلام سهل والتنفيذ هو المهم.", "نحتاج إلى شفافية أكبر في الأرقام.",
    "مقال ممتاز ومفيد جدا.", "أتمنى أن تشمل الخطة القرى البعيدة أيضا.",
]  # fmt: skip
# Template sentences a site repeats in distinct daily reports (class 5: must NOT be near-dups).
REPORT_TEMPLATE = [
    "ننشر لكم في هذا التقرير اليومي آخر الأرقام الرسمية المتعلقة ب{report}.",
    "وتعتمد الأرقام الواردة أدناه على البيانات التي تصدرها الجهات المختصة صباح كل يوم.",
    "ويمكن لقرائنا متابعة التحديثات على مدار الساعة عبر قسم الاقتصاد في موقعنا.",
    "وننبه إلى أن هذه الأرقام استرشادية وقد تختلف قليلا من مدينة إلى أخرى ومن تاجر إلى آخر.",
    "ونذكر قراءنا بأن التقرير التالي سينشر غدا في الموعد نفسه كالمعتاد.",
]  # fmt: skip
REPORTS = ["أسعار صرف العملات", "أسعار الذهب في الأسواق", "أسعار المحروقات", "حالة الطقس"]

MONTHS_MSA = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر",
              "أكتوبر", "نوفمبر", "ديسمبر"]  # fmt: skip
MONTHS_LEVANT = ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب",
                 "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول"]  # fmt: skip
MONTHS_MAGHREB = ["جانفي", "فيفري", "مارس", "أفريل", "ماي", "جوان", "جويلية", "أوت", "سبتمبر",
                  "أكتوبر", "نوفمبر", "ديسمبر"]  # fmt: skip
WEEKDAYS = ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"]

EN_SENTENCES = [
    "The {org} announced a new plan on {topic} this morning.",
    "Officials in {city} said the first phase would start within {n} days.",
    "The budget allocated to the programme reached {n} million dollars.",
    "Observers expect the decision to affect daily life in {city}.",
    "Members of parliament asked for a detailed timetable and costs.",
    "Residents welcomed the move but asked for faster implementation.",
    "Experts called for an independent review after the first year.",
    "Private companies will take part alongside experts from {n} countries.",
    "A survey found that most respondents support the plan with some reservations.",
    "The first stage covers {n} districts on the eastern edge of {city}.",
    "Traders in {city} fear the works will hurt sales during the holiday season.",
    "The ministry opened a free telephone line for complaints and suggestions.",
    "Critics said similar projects had stalled because funding dried up.",
    "The agreement was signed in the presence of {n} ambassadors.",
    "Schools in {city} reopened after a break of {n} days.",
    "Power cuts hit several neighbourhoods during the latest heatwave.",
    "Academics said the lack of reliable data makes the impact hard to measure.",
    "Local associations organised open meetings to explain the programme.",
]  # fmt: skip
EN_ORGS = ["Ministry of Health", "Central Bank", "Ministry of Transport", "Chamber of Commerce"]
EN_TOPICS = ["public transport", "small businesses", "water saving", "solar energy"]
EN_CITIES = ["Amman", "Cairo", "Rabat", "Tunis", "Beirut", "Doha"]

# French edition of a bilingual Maghreb portal (its pages are not part of an Arabic corpus).
FR_SENTENCES = [
    "{org} a annoncé ce matin un nouveau plan consacré à {topic} sur {n} mois.",
    "Selon les responsables locaux à {city}, la première phase débutera d'ici {n} jours.",
    "Le budget alloué au programme atteint {n} millions de dinars, a précisé {person}.",
    "Selon des observateurs, la décision changera le quotidien des habitants de {city}.",
    "Des députés ont réclamé un calendrier détaillé ainsi qu'une estimation des coûts.",
    "Les riverains saluent la mesure mais demandent une mise en oeuvre plus rapide.",
    "Des experts appellent à une évaluation indépendante au terme de la première année.",
    "Des entreprises locales participeront aux travaux aux côtés de {n} bureaux d'études.",
    "Un sondage indique qu'une majorité des personnes interrogées soutient le projet.",
    "La première tranche concerne {n} communes situées à l'est de {city}.",
    "Les commerçants de {city} craignent un recul des ventes pendant la durée du chantier.",
    "Un numéro vert a été mis en place pour recueillir les réclamations des citoyens.",
    "Des projets similaires avaient été gelés faute de financement, rappellent les critiques.",
    "La convention a été signée en présence de {n} représentants des collectivités locales.",
    "Les établissements scolaires de {city} ont rouvert leurs portes après {n} jours d'arrêt.",
    "Le manque de données fiables rend l'impact difficile à mesurer, selon des universitaires.",
    "Des associations ont organisé des rencontres publiques pour expliquer {topic}.",
    "{person} a assuré que les régions les plus enclavées seraient prioritaires.",
]  # fmt: skip
FR_TITLES = [
    "{city} : {org} lance un plan pour {topic}", "{topic} : {n} millions de dinars débloqués",
    "{org} dévoile sa feuille de route sur {topic}", "Polémique à {city} autour de {topic}",
    "{topic} : les députés réclament un calendrier", "{person} détaille le projet de {city}",
]  # fmt: skip
FR_ORGS = ["le ministère de la Santé", "le ministère des Finances", "la Banque centrale",
           "la wilaya", "l'Office national des statistiques", "la Chambre de commerce",
           "le ministère de l'Agriculture", "l'Agence nationale de l'emploi"]  # fmt: skip
FR_TOPICS = ["le transport urbain", "les petites entreprises", "la saison agricole",
             "la rentrée scolaire", "l'énergie solaire", "la gestion de l'eau",
             "le logement social", "la numérisation des services publics"]  # fmt: skip
FR_CITIES = ["Alger", "Oran", "Constantine", "Annaba", "Tlemcen", "Béjaïa", "Sétif", "Biskra"]
FR_PEOPLE = ["Karim Benali", "Nadia Bouzid", "Samir Haddad", "Leïla Mansouri", "Rachid Ouali"]
FR_SECTIONS = {"local": "National", "economy": "Économie", "politics": "Politique",
               "sport": "Sport", "culture": "Culture", "health": "Santé",
               "tech": "Technologie", "misc": "Divers", "world": "Monde",
               "society": "Société"}  # fmt: skip
MONTHS_FR = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
             "septembre", "octobre", "novembre", "décembre"]  # fmt: skip
WEEKDAYS_FR = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
