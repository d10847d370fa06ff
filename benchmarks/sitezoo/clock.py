"""How sites print dates and times: the forms of failure classes 4 and 9.

Every function takes an aware datetime in the site's zone and prints local wall-clock time,
the way the page shows it; only the machine-readable forms (`iso`, `rfc822`) carry an offset.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

from benchmarks.sitezoo.vocab import MONTHS_LEVANT, MONTHS_MAGHREB, MONTHS_MSA, WEEKDAYS


def iso(when: datetime) -> str:
    return when.isoformat(timespec="seconds")


def iso_utc(when: datetime) -> str:
    """ISO in UTC with a Z, the way JavaScript front ends serialise dates."""
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def rfc822(when: datetime, *, utc: bool = False) -> str:
    """RSS pubDate, in the site's offset (or GMT +0000, as WordPress does)."""
    return format_datetime(when.astimezone(UTC) if utc else when)


def msa(when: datetime, *, time: bool = True) -> str:
    day = f"{when.day} {MONTHS_MSA[when.month - 1]} {when.year}"
    return f"{day} - {when:%H:%M}" if time else day


def levant(when: datetime) -> str:
    """ "الأحد 15 آذار 2026 - 14:32"."""
    weekday = WEEKDAYS[when.weekday()]
    return f"{weekday} {when.day} {MONTHS_LEVANT[when.month - 1]} {when.year} - {when:%H:%M}"


def dual(when: datetime) -> str:
    """ "الأربعاء، 16 آذار/مارس 2026 11:42" (Levantine/MSA pairs, Joomla style)."""
    month = f"{MONTHS_LEVANT[when.month - 1]}/{MONTHS_MSA[when.month - 1]}"
    return f"{WEEKDAYS[when.weekday()]}، {when.day} {month} {when.year} {when:%H:%M}"


def maghreb(when: datetime) -> str:
    """ "الأحد 15 أفريل 2026 على الساعة 10:32" (Algerian/Tunisian months)."""
    weekday = WEEKDAYS[when.weekday()]
    month = MONTHS_MAGHREB[when.month - 1]
    return f"{weekday} {when.day} {month} {when.year} على الساعة {when:%H:%M}"


def spaced(when: datetime) -> str:
    """ "15 - 03 - 2026": the spaced numeric form of old PHP sites."""
    return f"{when:%d} - {when:%m} - {when:%Y}"


def ampm(when: datetime) -> str:
    """ "15/03/2026 02:30 م" (ASP.NET default Arabic culture, 12-hour clock)."""
    marker = "م" if when.hour >= 12 else "ص"
    return f"{when:%d/%m/%Y} {when:%I:%M} {marker}"


def naive_iso(when: datetime) -> str:
    return f"{when:%Y-%m-%d %H:%M}"


def is_yesterday(when: datetime, now: datetime) -> bool:
    """Whether `when` falls on the day before `now` in the site's zone."""
    local_now = now.astimezone(when.tzinfo)
    return when.date() == (local_now - timedelta(days=1)).date()


def or_yesterday(when: datetime, now: datetime, other: str) -> str:
    """ "أمس" alone for yesterday's articles (no time: class 9), else `other`."""
    return "أمس" if is_yesterday(when, now) else other


# Arabic forms of a count: (one, two, 3-10, 11 and more), as WordPress's Arabic translation has.
_AGO_UNITS = (
    (86400, ("يوم", "يومين", "أيام", "يوما")),
    (3600, ("ساعة", "ساعتين", "ساعات", "ساعة")),
    (60, ("دقيقة", "دقيقتين", "دقائق", "دقيقة")),
)


def ago(when: datetime, now: datetime) -> str:
    """ "منذ ساعتين": WordPress's human_time_diff in Arabic, counted back from `now`.

    >>> from datetime import timezone
    >>> now = datetime(2026, 12, 3, 12, 0, tzinfo=timezone.utc)
    >>> [ago(now - timedelta(minutes=m), now) for m in (1, 130, 400, 2000, 5000)]
    ['منذ دقيقة', 'منذ ساعتين', 'منذ 7 ساعات', 'منذ يوم', 'منذ 3 أيام']
    """
    seconds = max(60.0, (now - when).total_seconds())
    size, forms = next((s, f) for s, f in _AGO_UNITS if seconds >= s)
    count = max(1, int(seconds / size + 0.5))
    if size == 3600 and count == 24:
        size, forms, count = _AGO_UNITS[0][0], _AGO_UNITS[0][1], 1
    if count <= 2:
        return f"منذ {forms[count - 1]}"
    return f"منذ {count} {forms[2] if count <= 10 else forms[3]}"


def weekday_ampm(when: datetime) -> str:
    """ "الثلاثاء 3 ديسمبر 2026 - 10:15 ص" (weekday, MSA month, 12-hour clock)."""
    marker = "م" if when.hour >= 12 else "ص"
    day = f"{WEEKDAYS[when.weekday()]} {when.day} {MONTHS_MSA[when.month - 1]} {when.year}"
    return f"{day} - {when:%I:%M} {marker}"


def slashed(when: datetime) -> str:
    """ "3/12/2026 10:15" (day/month without leading zeros, 24-hour clock)."""
    return f"{when.day}/{when.month}/{when.year} {when:%H:%M}"


def padded_day(when: datetime) -> str:
    """ "03 ديسمبر 2026"."""
    return f"{when:%d} {MONTHS_MSA[when.month - 1]} {when.year}"


def maghreb_bar(when: datetime) -> str:
    """ "الأحد 15 جانفي 2026 | 10:32" (weekday, Maghreb month, a bar before the time)."""
    month = MONTHS_MAGHREB[when.month - 1]
    return f"{WEEKDAYS[when.weekday()]} {when.day} {month} {when.year} | {when:%H:%M}"


EASTERN_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def eastern(text: str) -> str:
    """Western digits written as Eastern Arabic ones (٠١٢٣٤٥٦٧٨٩)."""
    return text.translate(EASTERN_DIGITS)


def eastern_ampm(when: datetime) -> str:
    """ "٣ ديسمبر ٢٠٢٦ - ١٠:١٥ ص" (Eastern Arabic digits, MSA month, 12-hour clock).

    >>> from datetime import timezone
    >>> eastern_ampm(datetime(2026, 12, 3, 22, 5, tzinfo=timezone.utc))
    '٣ ديسمبر ٢٠٢٦ - ١٠:٠٥ م'
    """
    marker = "م" if when.hour >= 12 else "ص"
    day = f"{when.day} {MONTHS_MSA[when.month - 1]} {when.year}"
    return eastern(f"{day} - {when:%I:%M}") + f" {marker}"
