"""Arguments shared by several commands."""

from __future__ import annotations

import argparse
from pathlib import Path


def add_inputs_argument(parser: argparse.ArgumentParser) -> None:
    """The `INPUT…` argument of the commands that read crawl output (report, export)."""
    parser.add_argument(
        "inputs", nargs="*", metavar="INPUT", type=Path,
        help="JSONL file or folder (default: data/)",
    )  # fmt: skip
