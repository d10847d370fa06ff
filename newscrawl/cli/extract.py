"""`newscrawl extract FILE.html…`: the crawl's extraction, on saved pages."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from newscrawl.cli.errors import UsageError, fail
from newscrawl.extraction import extract_page
from newscrawl.extraction.encoding import UndecodablePage
from newscrawl.pipelines.fingerprint import content_fingerprint
from newscrawl.profiles import ProfileError, SiteProfile, load_profile


def add_parser(commands: Any) -> None:
    parser = commands.add_parser(
        "extract",
        help="extract articles from saved HTML pages",
        description="Print one JSON line per FILE: the record a crawl would produce for it.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE.html")
    parser.add_argument("--url", help="the URL the page was fetched from (resolves links)")
    parser.add_argument("--site", metavar="NAME", help="site profile to extract with")
    parser.set_defaults(run=run)


def extract_file(path: Path, url: str, profile: SiteProfile | None) -> dict[str, Any]:
    """The Article fields extracted from one saved page, with its content hash."""
    try:
        body = path.read_bytes()
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror}") from None
    try:
        article = extract_page(body, url, profile=profile)
    except UndecodablePage as exc:
        return {"file": str(path), "error": f"undecodable page: {exc}"}
    if article is None:
        if not url.startswith(("http://", "https://")):
            return {"file": str(path), "error": "no article found (or no canonical URL: use --url)"}
        return {"file": str(path), "error": "no article found"}
    record = asdict(article)
    record["content_hash"] = content_fingerprint(article.body)
    return record


def run(args: argparse.Namespace) -> int:
    try:
        profile = load_profile(args.site) if args.site else None
    except ProfileError as exc:
        return fail(str(exc))
    status = 0
    for name in args.files:
        path = Path(name)
        url = args.url or path.resolve().as_uri()
        try:
            record = extract_file(path, url, profile)
        except UsageError as exc:
            status = fail(str(exc), status=1)
            continue
        print(json.dumps(record, ensure_ascii=False))
        status = status or (1 if "error" in record else 0)
    return status
