"""Learning a site's clock: the zone its naive page times are written in, from what a crawl sees.

Evidence comes in three kinds, weighed by how directly it speaks of the printed times:

* ``stated``: the site says so ("جميع الأوقات بتوقيت مكة المكرمة", "GMT+3" in a footer);
* ``paired``: the same moment seen twice, naive on the page and as an instant elsewhere (the
  feed's pubDate, news sitemap, JSON-LD): their difference is the offset, whatever zone the
  instant was written in;
* ``declared``: a non-zero offset on one of the site's own dates (a zero one is no evidence:
  feeds and JSON-LD are often written in UTC whatever the newsroom's clock).

The clock chosen is the one that explains most of the weighed evidence: a fixed offset while
every observation agrees, an IANA zone once observations across dates differ the way its
daylight-saving rules do (or when the site names its zone).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from functools import cache
from typing import Literal
from zoneinfo import ZoneInfo

from newscrawl.dates.statements import offset_text
from newscrawl.dates.zones import resolve_tz
from newscrawl.lexicon import ZONE_PLACES

Kind = Literal["stated", "paired", "declared"]
_WEIGHTS: dict[str, int] = {"stated": 3, "paired": 3, "declared": 1}
_QUORUM = 0.6  # the winner must explain this share of the weighed evidence
_MAX_OBSERVATIONS = 64
_MAX_OFFSET = timedelta(hours=14)
_STEP = timedelta(minutes=15)  # every offset in use is a whole number of quarter hours


@dataclass(frozen=True)
class Observation:
    """The site's UTC offset at one instant, and how it was seen."""

    at: datetime
    offset: timedelta
    kind: Kind
    zone: str | None = None
    """The zone a statement named, if any."""


def paired_offset(wall: datetime, instant: datetime) -> timedelta | None:
    """The offset that makes the naive ``wall`` time the aware ``instant``; None when that is
    no real offset (another moment: the page shows the update time, the feed the publication).

    >>> paired_offset(datetime(2026, 12, 2, 14, 47), datetime.fromisoformat("2026-12-02T13:47Z"))
    datetime.timedelta(seconds=3600)
    >>> paired_offset(datetime(2026, 12, 2, 14, 47), datetime.fromisoformat("2026-12-02T09:03Z"))
    """
    offset = wall - instant.astimezone(UTC).replace(tzinfo=None)
    if abs(offset) > _MAX_OFFSET or offset % _STEP:
        return None
    return offset


@cache
def _zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def _offset_in(zone: tzinfo, at: datetime) -> timedelta | None:
    return zone.utcoffset(at.astimezone(zone))


def _candidates(observations: list[Observation]) -> list[str]:
    """Stated zones first, then fixed offsets by weight, then the zones of the places we know:
    on a tie the simplest clock that fits wins, a zone only when it fits better."""
    stated = [o.zone for o in observations if o.zone]
    weight: dict[str, int] = {}
    for o in observations:
        weight[offset_text(o.offset)] = weight.get(offset_text(o.offset), 0) + _WEIGHTS[o.kind]
    fixed = sorted(weight, key=lambda c: -weight[c])
    return list(dict.fromkeys([*stated, *fixed, *(zone for zone, _ in ZONE_PLACES)]))


def fit_clock(observations: Iterable[Observation]) -> str | None:
    """The clock that explains most of the evidence, or None without a clear winner.

    >>> at = datetime.fromisoformat
    >>> winter, summer = at("2026-01-10T10:00Z"), at("2026-07-10T10:00Z")
    >>> fit_clock([Observation(winter, timedelta(hours=1), "declared")])
    '+01:00'
    >>> fit_clock([Observation(winter, timedelta(hours=2), "paired"),
    ...            Observation(summer, timedelta(hours=3), "paired")])
    'Africa/Cairo'
    """
    seen = list(observations)
    total = sum(_WEIGHTS[o.kind] for o in seen)
    best, best_score = None, 0
    for clock in _candidates(seen):
        zone = resolve_tz(clock)
        score = sum(_WEIGHTS[o.kind] for o in seen if _offset_in(zone, o.at) == o.offset)
        if score > best_score:
            best, best_score = clock, score
    return best if total and best_score >= _QUORUM * total else None


class ClockEvidence:
    """The observations gathered for one site (bounded), and the clock they point to."""

    def __init__(self, observations: Iterable[Observation] = ()) -> None:
        self._seen: dict[tuple[str, timedelta, str | None, str], Observation] = {}
        self._clock: str | None = None
        self._fresh = False
        for observation in observations:
            self.add(observation)

    @staticmethod
    def _key(o: Observation) -> tuple[str, timedelta, str | None, str]:
        # one observation per kind, offset and day: a day's hundred articles weigh as one
        return (o.kind, o.offset, o.zone, o.at.astimezone(UTC).date().isoformat())

    def add(self, observation: Observation) -> bool:
        """Keep ``observation``; False when an equivalent one is already kept."""
        key = self._key(observation)
        if key in self._seen:
            return False
        self._seen[key] = observation
        if len(self._seen) > _MAX_OBSERVATIONS:
            oldest = min(self._seen, key=lambda k: self._seen[k].at)
            del self._seen[oldest]
        self._fresh = False
        return True

    @property
    def observations(self) -> list[Observation]:
        return sorted(self._seen.values(), key=lambda o: o.at)

    @property
    def clock(self) -> str | None:
        """The learnt clock ("+01:00" or an IANA name), None while nothing conclusive is seen."""
        if not self._fresh:
            self._clock, self._fresh = fit_clock(self._seen.values()), True
        return self._clock

    def newest(self) -> datetime | None:
        """When the most recent observation was made (its instant)."""
        return max((o.at for o in self._seen.values()), default=None)

    def to_json(self) -> str:
        """The evidence as compact JSON text (what the state store keeps)."""
        rows = [
            [o.at.astimezone(UTC).isoformat(timespec="minutes"), o.offset // timedelta(minutes=1),
             o.kind, o.zone]
            for o in self.observations
        ]  # fmt: skip
        return json.dumps({"observations": rows}, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str | None) -> ClockEvidence:
        """Evidence saved by ``to_json``; empty for missing or unreadable text.

        >>> saved = ClockEvidence([Observation(datetime(2026, 1, 1, tzinfo=UTC),
        ...                                    timedelta(hours=3), "stated", "Asia/Riyadh")])
        >>> ClockEvidence.from_json(saved.to_json()).clock, ClockEvidence.from_json("{").clock
        ('Asia/Riyadh', None)
        """
        try:
            rows = json.loads(text or "{}").get("observations", [])
            return cls(_observation(row) for row in rows)
        except (ValueError, TypeError, AttributeError, KeyError):
            return cls()


def _observation(row: list[object]) -> Observation:
    at, minutes, kind, zone = row
    if kind not in _WEIGHTS or (zone is not None and not isinstance(zone, str)):
        raise ValueError(f"not an observation: {row!r}")
    if zone is not None:
        _zone(zone)  # raises for a zone this system does not know
    offset = timedelta(minutes=int(str(minutes)))
    return Observation(datetime.fromisoformat(str(at)), offset, kind, zone)  # type: ignore[arg-type]
