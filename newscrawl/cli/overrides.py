"""`-s NAME=VALUE` overrides: parsed and checked before any crawl starts.

Scrapy reads settings lazily, deep inside components: a typo or an impossible value would
otherwise surface as tracebacks in the middle of a crawl (or as a crawl that silently does
nothing). Every check here turns such a value into one line and exit status 2.
"""

from __future__ import annotations

import difflib
import re

from scrapy.settings import BaseSettings, Settings
from scrapy.utils.misc import load_object

from newscrawl.cli.errors import UsageError
from newscrawl.pipelines.neardup import MODES as NEAR_DUPLICATE_MODES

LOG_LEVELS = ("CRITICAL", "ERROR", "WARNING", "INFO", "DEBUG")
# Numbers that only make sense positive (a zero timeout or concurrency stalls every request).
POSITIVE_MARKERS = ("TIMEOUT", "CONCURRENT_")
# Numbers that are counts, sizes, durations or budgets: never negative.
NON_NEGATIVE_MARKERS = (
    "DELAY", "SIZE", "MAX", "LIMIT", "_ITEMS", "_SECONDS", "_BYTES", "_TIMES", "_COUNT",
    "_DEPTH", "THRESHOLD", "HARVEST", "_PAGES", "_WINDOW", "_PROCESSES",
)  # fmt: skip
FRACTIONS = ("NEWSCRAWL_NEAR_DUPLICATE_THRESHOLD",)
# A default like "scrapy.core.scheduler.Scheduler": the setting names a class or function.
IMPORT_PATH = re.compile(r"(?:scrapy|newscrawl|twisted)(?:\.\w+)+")


def parse_overrides(pairs: list[str]) -> dict[str, str]:
    """`-s NAME=VALUE` pairs as a dict.

    >>> parse_overrides(["LOG_LEVEL=INFO", "DOWNLOAD_DELAY=0"])
    {'LOG_LEVEL': 'INFO', 'DOWNLOAD_DELAY': '0'}
    """
    overrides = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise UsageError(f"-s expects NAME=VALUE, got {pair!r}")
        overrides[name.strip()] = value
    return overrides


def known_settings() -> Settings:
    """Scrapy's defaults overlaid with the project's: every name a user may set."""
    settings = Settings()
    settings.setmodule("newscrawl.settings")
    return settings


def check_overrides(overrides: dict[str, str]) -> list[str]:
    """Raise `UsageError` for a value that cannot work; return warnings for unknown names.

    >>> check_overrides({"DOWNLOAD_DELAY": "0.5", "NEWSCRAWL_NEAR_DUPLICATES": "drop"})
    []
    >>> check_overrides({"NEWSCRAWL_FSYNC_ITEMS": "many"})
    Traceback (most recent call last):
    newscrawl.cli.errors.UsageError: bad setting NEWSCRAWL_FSYNC_ITEMS='many': expected int
    >>> check_overrides({"DOWNLOAD_TIMEOUT": "-5"})
    Traceback (most recent call last):
    newscrawl.cli.errors.UsageError: bad setting DOWNLOAD_TIMEOUT='-5': must be > 0
    >>> check_overrides({"DOWNLOAD_DELAYS": "1"})
    ['unknown setting DOWNLOAD_DELAYS (did you mean DOWNLOAD_DELAY?)']
    """
    defaults = known_settings()
    warnings = []
    for name, value in overrides.items():
        if name not in defaults:
            warnings.append(unknown_setting_warning(name, defaults))
            continue
        check_value(name, value, defaults.get(name))
    return warnings


def check_value(name: str, value: str, default: object) -> None:
    """`UsageError` when `value` does not fit the setting `name` whose default is `default`."""
    if name == "LOG_LEVEL":
        check_log_level(value)
    elif name == "NEWSCRAWL_NEAR_DUPLICATES" and value not in NEAR_DUPLICATE_MODES:
        choices = ", ".join(NEAR_DUPLICATE_MODES)
        raise UsageError(f"bad setting {name}={value!r}: one of {choices}")
    elif isinstance(default, str) and IMPORT_PATH.fullmatch(default):
        check_import_path(name, value)
    elif isinstance(default, dict | list | BaseSettings):
        check_structured(name, value, isinstance(default, list))
    elif isinstance(default, bool):
        read_as(name, value, bool)
    elif isinstance(default, int | float):
        check_number(name, value, read_as(name, value, type(default)))


def read_as(name: str, value: str, kind: type) -> float:
    probe = Settings({name: value})
    readers = {bool: probe.getbool, int: probe.getint, float: probe.getfloat}
    try:
        number: float = readers[kind](name)
    except (ValueError, TypeError):
        raise UsageError(f"bad setting {name}={value!r}: expected {kind.__name__}") from None
    if number != number or number in (float("inf"), float("-inf")):
        raise UsageError(f"bad setting {name}={value!r}: expected a finite number")
    return number


def check_number(name: str, value: str, number: float) -> None:
    """Range checks implied by what the setting is (see the marker tuples above)."""
    if any(marker in name for marker in POSITIVE_MARKERS) and number <= 0:
        raise UsageError(f"bad setting {name}={value!r}: must be > 0")
    if any(marker in name for marker in NON_NEGATIVE_MARKERS) and number < 0:
        raise UsageError(f"bad setting {name}={value!r}: must be ≥ 0")
    if name in FRACTIONS and not 0 < number <= 1:
        raise UsageError(f"bad setting {name}={value!r}: must be in (0, 1]")


def check_log_level(value: str) -> None:
    """`UsageError` unless `value` is a level name or number the logging module accepts.

    >>> check_log_level("INFO"), check_log_level("10")
    (None, None)
    >>> check_log_level("info")
    Traceback (most recent call last):
    newscrawl.cli.errors.UsageError: bad setting LOG_LEVEL='info': one of CRITICAL, ERROR, ...
    """
    # logging accepts upper-case names only: "info" fails deep inside Scrapy's log setup
    if value in LOG_LEVELS or (value.isdigit() and value.isascii()):
        return
    raise UsageError(f"bad setting LOG_LEVEL={value!r}: one of {', '.join(LOG_LEVELS)}")


def unknown_setting_warning(name: str, defaults: Settings) -> str:
    """A warning line for a name no component reads, with the closest known name if any."""
    close = difflib.get_close_matches(name, [str(k) for k in defaults], n=1, cutoff=0.8)
    hint = f" (did you mean {close[0]}?)" if close else " (not a Scrapy or newscrawl setting)"
    return f"unknown setting {name}{hint}"


def check_import_path(name: str, value: str) -> None:
    """`UsageError` unless `value` imports (settings that name a class or a function)."""
    try:
        load_object(value)
    except Exception as exc:  # any import-time failure is the user's value, not our bug
        reason = type(exc).__name__
        raise UsageError(f"bad setting {name}={value!r}: cannot import it ({reason})") from None


def check_structured(name: str, value: str, is_list: bool) -> None:
    """`UsageError` unless `value` reads as the dict (JSON object) or list the setting holds."""
    try:
        probe = Settings({name: value})  # dict-like settings parse JSON right here
        probe.getlist(name) if is_list else probe.getdict(name)
    except (ValueError, TypeError):
        kind = "a comma-separated list" if is_list else "a JSON object"
        raise UsageError(f"bad setting {name}={value!r}: expected {kind}") from None
