"""Tests for newscrawl.dates: the real-world table, labels, zones, and never-raise properties."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newscrawl.dates import find_date_in_text, find_dates_in_text, parse_date, resolve_tz
from tests.date_cases import CASES, DateCase

NOW = datetime(2024, 3, 20, 12, 0, tzinfo=UTC)


def _case_id(case: DateCase) -> str:
    return f"{case.text[:40]!r}|{case.tz}"


@pytest.mark.parametrize("case", CASES, ids=[_case_id(c) for c in CASES])
def test_table(case: DateCase) -> None:
    result = parse_date(case.text, now=datetime.fromisoformat(case.now), tz=case.tz)
    if case.expected is None:
        assert result is None
    else:
        assert result is not None
        assert result.isoformat() == case.expected


def test_table_is_large_and_varied() -> None:
    assert len(CASES) >= 150
    assert sum(c.expected is None for c in CASES) >= 30
    assert len({c.text for c in CASES}) >= len(CASES) - 2


def test_find_dates_labels_published_and_modified() -> None:
    line = "نشر في: ١٦ مارس ٢٠١٦ - ١١:٤٢ | آخر تحديث: الخميس 17 مارس 2016 - 09:00 | منذ ساعتين"
    found = find_dates_in_text(line, now=NOW, tz="+02:00")
    assert [(f.value.isoformat(), f.label) for f in found] == [
        ("2016-03-16T11:42:00+02:00", "published"),
        ("2016-03-17T09:00:00+02:00", "modified"),
        ("2024-03-20T12:00:00+02:00", "modified"),
    ]


def test_find_date_in_text_picks_by_label() -> None:
    line = "الدار البيضاء | آخر تحديث: 17 مارس 2016 09:00"
    assert find_date_in_text(line, now=NOW, label="published") is None
    modified = find_date_in_text(line, now=NOW, tz="Africa/Casablanca", label="modified")
    assert modified is not None
    assert modified.isoformat() == "2016-03-17T09:00:00+00:00"
    assert find_date_in_text("لا تاريخ في هذا السطر", now=NOW) is None


def test_find_dates_merges_hijri_with_its_gregorian_twin() -> None:
    found = find_dates_in_text("الأحد 15 رمضان 1445 هـ الموافق 24 مارس 2024 - 10:30", now=NOW)
    assert [f.value.isoformat() for f in found] == ["2024-03-24T10:30:00+00:00"]


def test_time_of_first_date_does_not_leak_into_the_second() -> None:
    found = find_dates_in_text("16 مارس 2016 10:00 17 مارس 2016", now=NOW)
    assert [f.value.isoformat() for f in found] == [
        "2016-03-16T10:00:00+00:00",
        "2016-03-17T00:00:00+00:00",
    ]


@pytest.mark.parametrize(
    "bad_tz", ["Mars/Olympus", "", "+99:00", "UTC+ab", "../etc/passwd", "\x00"]
)
def test_unknown_tz_is_treated_as_utc(bad_tz: str) -> None:
    result = parse_date("16 مارس 2016 11:42", tz=bad_tz)
    assert result is not None
    assert result.isoformat() == "2016-03-16T11:42:00+00:00"
    with pytest.raises(ValueError, match="unknown time zone"):
        resolve_tz(bad_tz)


def test_offset_forms_of_tz() -> None:
    assert resolve_tz("+03:00").utcoffset(None) == timedelta(hours=3)
    assert resolve_tz("-0530").utcoffset(None) == -timedelta(hours=5, minutes=30)
    assert resolve_tz("UTC+1").utcoffset(None) == timedelta(hours=1)


def test_default_now_is_the_current_time() -> None:
    before = datetime.now(UTC)
    result = parse_date("منذ ساعة")
    assert result is not None
    assert before - timedelta(hours=1, seconds=5) <= result <= datetime.now(UTC)


def test_relative_result_is_in_requested_zone() -> None:
    result = parse_date("منذ 5 دقائق", now=NOW, tz="Asia/Riyadh")
    assert result is not None
    assert result.utcoffset() == timedelta(hours=3)
    assert result == NOW - timedelta(minutes=5)


_TZ_STRINGS = st.one_of(
    st.none(),
    st.sampled_from(["Africa/Casablanca", "Asia/Beirut", "+03:00", "-11:30", "UTC", "Z"]),
    st.text(max_size=20),
)
_DATE_ALPHABET = st.sampled_from(
    [
        *"0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹/-.:|،, +Z",
        *["مارس", "آذار", "شتنبر", "جوان", "رمضان", "هـ", "منذ", "قبل", "ساعة", "ساعات", "يومين"],
        *["أمس", "اليوم", "الساعة", "ص", "م", "مساء", "الموافق", "نشر في", "GMT", "T", "\u200f"],
        *["ـ", "Mar", "Wed", "mars", "ظهرا", "ليلا", "كانون الثاني", "ذو الحجة", "و"],
    ]
)


def _assert_aware_or_none(value: datetime | None) -> None:
    assert value is None or (isinstance(value, datetime) and value.utcoffset() is not None)
    assert value is None or 1900 <= value.year <= NOW.year + 1


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=60), tz=_TZ_STRINGS)
def test_any_text_gives_none_or_aware_datetime(text: str, tz: str | None) -> None:
    _assert_aware_or_none(parse_date(text, now=NOW, tz=tz))


@settings(max_examples=300, deadline=None)
@given(parts=st.lists(_DATE_ALPHABET, max_size=12), tz=_TZ_STRINGS)
def test_date_like_token_soup_gives_none_or_aware_datetime(
    parts: list[str], tz: str | None
) -> None:
    text = " ".join(parts)
    _assert_aware_or_none(parse_date(text, now=NOW, tz=tz))
    for found in find_dates_in_text(text, now=NOW, tz=tz):
        _assert_aware_or_none(found.value)
