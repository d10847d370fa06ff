"""`newscrawl sites`: list the site profiles (bundled, and from $NEWSCRAWL_PROFILES_DIR)."""

from __future__ import annotations

import argparse
from typing import Any

from newscrawl.cli.errors import fail
from newscrawl.profiles import ProfileError, load_profiles, profiles_dir_from


def add_parser(commands: Any) -> None:
    parser = commands.add_parser("sites", help="list the site profiles")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        profiles = load_profiles(profiles_dir_from(None))
    except (ProfileError, ValueError) as exc:
        return fail(str(exc), status=1)
    width = max((len(name) for name in profiles), default=4)
    for name, profile in profiles.items():
        domains = ", ".join(profile.domains)
        print(f"{name:<{width}}  {profile.title or '-'}  ({domains})")
    return 0
