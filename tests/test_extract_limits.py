"""Issue 14 items 6 and 7: `extract` is bounded in size and time; UTF-16 without a BOM."""

from __future__ import annotations

import json
import time
from pathlib import Path

from tests.clirun import newscrawl

PARAGRAPHS = [
    "أعلنت وزارة الزراعة اليوم عن خطة جديدة لدعم صغار المزارعين في المحافظات الجنوبية.",
    "وقال المتحدث باسم الوزارة إن الخطة تشمل قروضا ميسرة وبذورا محسنة لموسم الشتاء المقبل.",
    "وأضاف أن العمل سيبدأ مطلع الشهر المقبل بعد استكمال الإجراءات الإدارية اللازمة.",
]


def article_page(charset: str = "utf-8") -> str:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (
        f'<html lang="ar"><head><meta charset="{charset}"><title>خطة لدعم المزارعين</title>'
        '<link rel="canonical" href="https://news.example/a/1"></head><body><article>'
        f"<h1>خطة لدعم المزارعين</h1>{body}</article></body></html>"
    )


def test_a_page_over_the_size_cap_is_refused_at_once(tmp_path: Path) -> None:
    page = tmp_path / "huge.html"
    page.write_bytes(article_page().encode() + b"<p>" + b"x" * (30 * 1024 * 1024) + b"</p>")
    started = time.monotonic()
    result = newscrawl("extract", str(page))
    assert time.monotonic() - started < 20  # the file is not parsed at all
    assert result.returncode == 1
    assert result.stderr == f"newscrawl: {page}: larger than 10485760 bytes (--max-bytes)\n"


def test_max_bytes_is_configurable(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(article_page(), encoding="utf-8")
    assert newscrawl("extract", str(page), "--max-bytes", "100").returncode == 1
    result = newscrawl("extract", str(page), "--max-bytes", "100000")
    assert result.returncode == 0, result.stderr


def test_a_page_over_the_time_budget_gives_one_error_line(tmp_path: Path) -> None:
    page = tmp_path / "slow.html"
    many = "".join(f"<p>{n} {p}</p>" for n in range(3000) for p in PARAGRAPHS)  # ~1 MB
    page.write_text(article_page().replace("</article>", many + "</article>"), "utf-8")
    result = newscrawl("extract", str(page), "--timeout", "0.01")
    assert result.returncode == 1
    assert "gave up after 0.01s (--timeout)" in json.loads(result.stdout)["error"]
    assert "Traceback" not in result.stderr


def test_utf16_without_bom_is_decoded_not_garbled(tmp_path: Path) -> None:
    for codec in ("utf-16-be", "utf-16-le"):
        page = tmp_path / f"{codec}.html"
        page.write_bytes(article_page("utf-16").encode(codec))  # no BOM
        result = newscrawl("extract", str(page), "--url", "https://news.example/a/1")
        assert result.returncode == 0, result.stderr
        record = json.loads(result.stdout)
        assert record["title"] == "خطة لدعم المزارعين"
        assert record["language"] == "ar"
        assert PARAGRAPHS[0] in record["body"]
