"""The site's clock (issue 9, class 4): statements, evidence, learning, and what a page says.

Every page and string here is our own; none comes from a real site.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from lxml.html import document_fromstring

from newscrawl.dates.clock import ClockEvidence, Observation, fit_clock, paired_offset
from newscrawl.dates.statements import stated_clock, wall_clock, written_offset
from newscrawl.extraction import extract_article
from newscrawl.extraction.clock import page_observations, page_stated_clock
from newscrawl.profiles import SiteProfile
from newscrawl.state.sqlite import SqliteStateStore

H = timedelta(hours=1)
WINTER, SUMMER = datetime(2026, 1, 15, 9, tzinfo=UTC), datetime(2026, 7, 15, 9, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "clock"),
    [
        ("جميع الأوقات بتوقيت مكة المكرمة", "Asia/Riyadh"),
        ("توقيت الموقع: توقيت الجزائر (غرينتش +1)", "Africa/Algiers"),
        ("الأوقات بتوقيت القاهرة", "Africa/Cairo"),
        ("جميع الأوقات GMT+3", "+03:00"),
        ("التوقيت: غرينتش +2", "+02:00"),
        ("جميع الأوقات بتوقيت غرينتش", "+00:00"),
        ("UTC-05:30", "-05:30"),
        ("تاريخ النشر: الأربعاء 15/03/2026 02:30 م بتوقيت مكة المكرمة", "Asia/Riyadh"),
        # a place and an offset that disagree: the offset is what the site says its times are
        ("توقيت الموقع: توقيت الجزائر (غرينتش +2)", "+02:00"),
    ],
)
def test_stated_clock(text: str, clock: str) -> None:
    assert stated_clock(text, at=WINTER) == clock


@pytest.mark.parametrize(
    "text",
    [
        "تنطلق المباراة في التاسعة مساء بتوقيت مكة المكرمة غدا",  # a sentence about an event
        "زار الوزير القاهرة أمس",  # a place, no clock word
        "الأوقات",
        "توقيت الموقع",  # says nothing of the zone
    ],
)
def test_not_a_clock_statement(text: str) -> None:
    assert stated_clock(text, at=WINTER) is None


def test_written_offset_and_wall_clock() -> None:
    assert written_offset("Wed, 02 Dec 2026 15:11:00 +0100") == H
    assert written_offset("2026-12-02T15:11:00Z") == timedelta(0)
    assert written_offset("2026-12-02T15:11:00") is None
    assert wall_clock("2 ديسمبر 2026 - 11:37") == datetime(2026, 12, 2, 11, 37)
    assert wall_clock("منذ 3 ساعات") is None


def test_paired_offset_needs_a_real_offset() -> None:
    instant = datetime.fromisoformat("2026-12-02T10:37:00+00:00")
    assert paired_offset(datetime(2026, 12, 2, 11, 37), instant) == H
    assert paired_offset(datetime(2026, 12, 2, 11, 52), instant) == timedelta(hours=1, minutes=15)
    assert paired_offset(datetime(2026, 12, 2, 11, 38), instant) is None  # another moment
    assert paired_offset(datetime(2026, 12, 3, 11, 37), instant) is None  # beyond +14:00


def test_fit_fixed_offset_zone_and_conflict() -> None:
    assert fit_clock([Observation(WINTER, 2 * H, "paired")]) == "+02:00"
    # the same offsets across seasons a zone's DST rules explain: the zone
    dst = [Observation(WINTER, 2 * H, "paired"), Observation(SUMMER, 3 * H, "declared")]
    assert fit_clock(dst) == "Africa/Cairo"
    # a named zone wins a tie over the bare offset it agrees with
    named = [Observation(WINTER, H, "stated", "Africa/Algiers"), Observation(WINTER, H, "paired")]
    assert fit_clock(named) == "Africa/Algiers"
    # stated and paired evidence outweigh a server's declared offset
    mixed = [Observation(WINTER, 3 * H, "paired"), Observation(WINTER, 2 * H, "declared")]
    assert fit_clock(mixed) == "+03:00"
    # evenly split evidence: no clock rather than a guess
    split = [Observation(WINTER, 3 * H, "paired"), Observation(WINTER, 5 * H, "paired")]
    assert fit_clock(split) is None
    assert fit_clock([]) is None


def test_evidence_is_bounded_deduplicated_and_round_trips() -> None:
    evidence = ClockEvidence()
    assert evidence.add(Observation(WINTER, H, "paired"))
    assert not evidence.add(Observation(WINTER + timedelta(hours=2), H, "paired"))  # same day
    for day in range(100):
        evidence.add(Observation(WINTER + timedelta(days=day), H, "declared"))
    assert len(evidence.observations) <= 64
    restored = ClockEvidence.from_json(evidence.to_json())
    assert restored.observations == evidence.observations and restored.clock == "+01:00"
    assert ClockEvidence.from_json('{"observations": [["x", 60, "paired", null]]}').clock is None
    assert ClockEvidence.from_json('{"observations": [[1, 2, "heard", "Mars/Base"]]}').clock is None


FOOTER = "<footer><p class='clock'>جميع الأوقات بتوقيت مكة المكرمة</p></footer>"


def _article(meta: str = "", footer: str = "", head: str = "") -> str:
    body = "".join(
        f"<p>فقرة طويلة من نص الخبر رقم {i} تتحدث عن تفاصيل الموضوع.</p>" for i in range(6)
    )
    return (
        f"<html><head><title>عنوان الخبر</title>{head}</head><body><h1>عنوان الخبر</h1>{meta}"
        f"<div class='entry'>{body}</div>{footer}</body></html>"
    )


NAIVE = "<span class='posted-on'>2 ديسمبر 2025 - 11:37</span>"
URL = "https://akhbar.example/khabar-1/"


def test_page_statement_dates_naive_times() -> None:
    article = extract_article(_article(NAIVE, FOOTER), URL)
    assert article is not None and article.published_at == "2025-12-02T11:37:00+03:00"


def test_site_clock_wins_over_the_page_and_the_profile_over_both() -> None:
    html = _article(NAIVE, FOOTER)
    learnt = extract_article(html, URL, timezone="+01:00")
    assert learnt is not None and learnt.published_at == "2025-12-02T11:37:00+01:00"
    profile = SiteProfile(name="akhbar", domains=("akhbar.example",), timezone="Africa/Cairo")
    profiled = extract_article(html, URL, profile=profile, timezone="+01:00")
    assert profiled is not None and profiled.published_at == "2025-12-02T11:37:00+02:00"


def test_abbr_title_carries_the_offset() -> None:
    meta = (
        "<h2 class='date-header'><span>الثلاثاء، 2 ديسمبر 2025</span></h2><span class='post-"
        "timestamp'><abbr class='published' itemprop='datePublished' "
        "title='2025-12-02T18:53:00+01:00'>06:53 م</abbr></span>"
    )
    article = extract_article(_article(meta), URL)
    assert article is not None and article.published_at == "2025-12-02T18:53:00+01:00"
    hatom = meta.replace(" itemprop='datePublished'", "")
    article = extract_article(_article(hatom), URL)
    assert article is not None and article.published_at == "2025-12-02T18:53:00+01:00"


def test_page_observations() -> None:
    now = datetime(2025, 12, 3, tzinfo=UTC)
    stated = page_observations(document_fromstring(_article(NAIVE, FOOTER)), {}, now=now)
    assert [(o.kind, o.offset, o.zone) for o in stated] == [("stated", 3 * H, "Asia/Riyadh")]
    # JSON-LD in UTC beside the printed time: paired; a zero offset alone says nothing
    jsonld = '<script type="application/ld+json">{"@type": "NewsArticle", '
    jsonld += '"datePublished": "2025-12-02T10:37:00Z"}</script>'
    paired = page_observations(document_fromstring(_article(NAIVE, head=jsonld)), {}, now=now)
    assert [(o.kind, o.offset) for o in paired] == [("paired", H)]
    declared = jsonld.replace("10:37:00Z", "11:37:00+01:00")
    found = page_observations(document_fromstring(_article(NAIVE, head=declared)), {}, now=now)
    assert {(o.kind, o.offset) for o in found} == {("declared", H), ("paired", H)}
    hint = {"published_at": "Tue, 02 Dec 2025 10:37:00 +0000"}
    hinted = page_observations(document_fromstring(_article(NAIVE)), hint, now=now)
    assert [(o.kind, o.offset) for o in hinted] == [("paired", H)]


def test_statement_in_the_body_is_outvoted_by_the_footer() -> None:
    inline = "<p>الموعد بتوقيت غرينتش</p>"
    root = document_fromstring(_article(NAIVE + inline + inline, FOOTER + FOOTER + FOOTER))
    assert page_stated_clock(root, at=WINTER) == "Asia/Riyadh"


def test_statement_inside_a_longer_footer_line() -> None:
    footer = "<footer><p>© 2026 موقع الأخبار. جميع الحقوق محفوظة <span>GMT+3</span></p></footer>"
    assert page_stated_clock(document_fromstring(_article(NAIVE, footer)), at=WINTER) == "+03:00"


def test_site_facts_persist(tmp_path: Path) -> None:
    store = SqliteStateStore(str(tmp_path))
    assert store.site_fact("akhbar.example", "clock") is None
    store.save_site_fact("akhbar.example", "clock", '{"observations": []}')
    store.save_site_fact("akhbar.example", "clock", "v2")
    store.save_site_fact("other.example", "clock", "v3")
    store.close()
    reopened = SqliteStateStore(str(tmp_path))
    assert reopened.site_fact("akhbar.example", "clock") == "v2"
    assert reopened.site_fact("akhbar.example", "other") is None
    reopened.close()


def test_clock_learning_switched_off_stays_unknown_and_never_scouts() -> None:
    from datetime import UTC, datetime, timedelta

    from newscrawl.dates.clock import Observation
    from newscrawl.spiders.clockwork import SiteClock

    saved: list[str] = []
    clock = SiteClock.start(None, None, saved.append, learning=False)
    assert clock.gate == "open"
    seen = Observation(datetime(2026, 12, 1, 7, tzinfo=UTC), timedelta(hours=3), "declared")
    clock.learn([seen] * 5)
    assert clock.timezone is None and saved == []
