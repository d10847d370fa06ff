"""What a crawl of Arabic pages keeps in memory (issue 13, memory at scale): no scipy (the
MinHash is our own), no language model unless a page needs it; and the language short cut
never answers for another language of the Arabic script."""

from __future__ import annotations

import subprocess
import sys

import pytest

from newscrawl.extraction.language import detect_language, plainly_arabic
from newscrawl.minhash import minhash
from tests.crawl_harness import PARAGRAPHS, REPO, article_html

# our own sentences, one per language that writes with the Arabic script
OTHER_ARABIC_SCRIPT = {
    "fa": "وزارت بهداشت روز یکشنبه اعلام کرد که ساخت بیمارستان تازه‌ای در شهر آغاز شده است و "
    "این بیمارستان تا پایان سال آینده برای پذیرش بیماران آماده خواهد بود.",
    "ur": "وزارت صحت نے اتوار کے روز اعلان کیا کہ شہر میں ایک نئے ہسپتال کی تعمیر شروع ہو گئی ہے "
    "اور یہ ہسپتال اگلے سال کے آخر تک مریضوں کے لیے تیار ہو جائے گا۔",
    "ku": "وەزارەتی تەندروستی ڕۆژی یەکشەممە ڕایگەیاند کە دروستکردنی نەخۆشخانەیەکی نوێ لە شار "
    "دەستی پێکردووە و ئەم نەخۆشخانەیە تا کۆتایی ساڵی داهاتوو ئامادە دەبێت.",
}


@pytest.mark.parametrize("language", sorted(OTHER_ARABIC_SCRIPT))
def test_other_languages_of_the_arabic_script_go_to_the_model(language: str) -> None:
    assert not plainly_arabic(OTHER_ARABIC_SCRIPT[language])


def test_arabic_with_a_foreign_name_is_still_plainly_arabic() -> None:
    text = " ".join(PARAGRAPHS) + " وزار الوفد مدينة گجرات الهندية."
    assert plainly_arabic(text) and detect_language(text) == "ar"


def test_minhash_values_are_the_stored_ones() -> None:
    # datasketch 2's MinHash(128, seed=1, "affine32") of these hashes: signatures stored by
    # earlier versions must stay comparable
    # (pinned from datasketch 2.0.0 before it was dropped)
    assert minhash([1, 2, 3])[:4].tolist() == [277274469, 2241546430, 1311794348, 1610968749]
    assert minhash([3, 3, 2, 1]).tolist() == minhash([1, 2, 3]).tolist()


def test_extracting_arabic_pages_loads_neither_scipy_nor_the_language_model() -> None:
    english = subprocess.run(  # the check below can fail: an English page loads the model
        [sys.executable, "-c", "import py3langid.langid as l; from newscrawl.extraction.language "
         "import detect_language as d; d('The ministry opened a new hospital today'); "
         "print(l.IDENTIFIER is not None)"],
        cwd=REPO, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert english.stdout.strip() == "True", english.stderr[-2000:]
    page = article_html("افتتاح مستشفى جديد في العاصمة").decode()
    script = (
        "import sys\n"
        "import newscrawl.spiders.news, newscrawl.pipelines.neardup\n"
        "from newscrawl.extraction.page import extract_page\n"
        "from newscrawl.fingerprints import body_fingerprint\n"
        f"article = extract_page({page!r}.encode(), 'http://x.example/2024/05/01/1-a.html')\n"
        "assert article is not None and article.language == 'ar', article\n"
        "body_fingerprint(article.body)\n"
        "langid = sys.modules.get('py3langid.langid')  # trafilatura imports it, unloaded\n"
        "model = getattr(langid, 'IDENTIFIER', None)\n"
        "print(sorted(m for m in ('scipy', 'datasketch') if m in sys.modules), model)\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, check=False
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.strip() == "[] None"
