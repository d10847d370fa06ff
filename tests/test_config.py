"""`NewscrawlSettings`: every NEWSCRAWL_* setting, typed, read once per crawler, defaults once."""

from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path

from scrapy.crawler import Crawler
from scrapy.settings import Settings
from scrapy.spiders import Spider
from scrapy.utils.test import get_crawler

import newscrawl.settings as project_settings
from newscrawl.cli.overrides import check_overrides
from newscrawl.cli.runner import crawl_settings
from newscrawl.config import NewscrawlSettings, newscrawl_settings

PACKAGE = Path(project_settings.__file__).resolve().parent
# settings.get("NEWSCRAWL_…"), crawler.settings.getint('NEWSCRAWL_…', …), settings["NEWSCRAWL_…"]
SETTING_READ = re.compile(r"""settings\s*(?:\.get\w*\(|\[)\s*["']NEWSCRAWL_""")


def test_every_newscrawl_setting_has_a_field() -> None:
    # a NEWSCRAWL_* setting added to settings.py without a field (or a field without a default
    # in settings.py) fails here
    declared = {name for name in vars(project_settings) if name.startswith("NEWSCRAWL_")}
    assert sorted(NewscrawlSettings.setting_names()) == sorted(declared)


def test_a_missing_setting_takes_the_value_of_settings_py() -> None:
    config = NewscrawlSettings.from_settings(Settings())  # as in tests: no project settings
    for item in fields(config):
        name = f"NEWSCRAWL_{item.name.upper()}"
        value = getattr(config, item.name)
        assert value == getattr(project_settings, name), name
        assert type(value) is type(getattr(project_settings, name)), name
    assert config == NewscrawlSettings.defaults()


def test_command_line_values_arrive_typed() -> None:
    overrides = {
        "NEWSCRAWL_FSYNC_ITEMS": "7",
        "NEWSCRAWL_FSYNC_SECONDS": "0.5",
        "NEWSCRAWL_NAVIGATE_WITH_SITEMAPS": "true",
        "NEWSCRAWL_NEAR_DUPLICATES": "drop",
        "NEWSCRAWL_NEAR_DUPLICATE_THRESHOLD": "0.8",
        "NEWSCRAWL_MAX_SITEMAP_BYTES": "1024",
        "NEWSCRAWL_DATA_DIR": "",  # `-s NAME=` unsets: the default
    }
    assert check_overrides(overrides) == []  # the CLI's checks accept them
    settings = crawl_settings(
        output="out.jsonl", state_dir=None, max_articles=3, overrides=overrides, progress=False
    )
    config = NewscrawlSettings.from_settings(settings)
    assert (config.fsync_items, config.fsync_seconds) == (7, 0.5)
    assert config.navigate_with_sitemaps is True
    assert (config.near_duplicates, config.near_duplicate_threshold) == ("drop", 0.8)
    assert config.max_sitemap_bytes == 1024
    assert (config.output, config.state_dir, config.max_articles) == ("out.jsonl", None, 3)
    assert config.data_dir == project_settings.NEWSCRAWL_DATA_DIR
    assert config.max_depth == project_settings.NEWSCRAWL_MAX_DEPTH  # untouched: the default


def test_a_path_value_arrives_as_text(tmp_path: Path) -> None:
    config = NewscrawlSettings.from_settings(Settings({"NEWSCRAWL_STATE_DIR": tmp_path}))
    assert config.state_dir == str(tmp_path)


def test_built_once_per_crawler_once_its_settings_are_frozen() -> None:
    first = get_crawler(settings_dict={"NEWSCRAWL_MAX_DEPTH": 2})
    second = get_crawler(settings_dict={"NEWSCRAWL_MAX_DEPTH": 3})
    assert first.settings.frozen
    assert newscrawl_settings(first) is newscrawl_settings(first)
    assert (newscrawl_settings(first).max_depth, newscrawl_settings(second).max_depth) == (2, 3)


def test_not_kept_while_settings_may_still_change() -> None:
    crawler = Crawler(Spider, Settings({"NEWSCRAWL_MAX_DEPTH": 2}))
    assert not crawler.settings.frozen
    assert newscrawl_settings(crawler).max_depth == 2
    crawler.settings.set("NEWSCRAWL_MAX_DEPTH", 4)  # as an add-on may, before the freeze
    assert newscrawl_settings(crawler).max_depth == 4


def setting_reads(source: str) -> list[int]:
    """Line numbers of NEWSCRAWL_* reads in `source` (a call may span lines)."""
    return [source.count("\n", 0, found.start()) + 1 for found in SETTING_READ.finditer(source)]


def test_no_module_but_config_reads_a_newscrawl_setting() -> None:
    readers = [
        f"{path.relative_to(PACKAGE)}:{number}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if path != PACKAGE / "config.py"
        for number in setting_reads(path.read_text(encoding="utf-8"))
    ]
    assert readers == []


def test_the_read_pattern_catches_the_usual_forms() -> None:
    assert SETTING_READ.search('x = crawler.settings.getint("NEWSCRAWL_MAX_DEPTH", 5)')
    assert SETTING_READ.search("settings.get('NEWSCRAWL_OUTPUT')")
    assert SETTING_READ.search('self.settings["NEWSCRAWL_OUTPUT"]')
    assert not SETTING_READ.search('settings.set("NEWSCRAWL_OUTPUT", output)')
    wrapped = 'x = 1\nnavigate = self.settings.getbool(\n    "NEWSCRAWL_MAX_DEPTH"\n)\n'
    assert setting_reads(wrapped) == [2]
