"""Page classification (`page_kind`) on the saved real pages of the shared corpus.

Usage:
    python benchmarks/classify_eval.py [CORPUS_DIR]

Every page of CORPUS_DIR/real/ground_truth.jsonl is an article page, so every answer other than
"article" is printed with its file. The corpus is read only; nothing is written.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections import Counter
from pathlib import Path

from scrapy.http import HtmlResponse

from newscrawl.discovery.classify import page_kind

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"


def classify(page: dict, corpus: Path) -> str:
    path = corpus / "real" / page["file"]
    body = path.read_bytes()
    if path.name.endswith(".gz"):
        body = gzip.decompress(body)
    url = page.get("url") or f"https://{page.get('domain') or 'example.com'}/"
    return page_kind(HtmlResponse(url=url, body=body))  # type: ignore[arg-type]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args(argv)
    truth = args.corpus / "real" / "ground_truth.jsonl"
    pages = [json.loads(line) for line in truth.read_text(encoding="utf-8").splitlines() if line]
    kinds: Counter[str] = Counter()
    for page in pages:
        kind = classify(page, args.corpus)
        kinds[kind] += 1
        if kind != "article":
            print(f"{kind}\t{page['file']}")
    print(f"{len(pages)} pages: " + ", ".join(f"{n} {k}" for k, n in kinds.most_common()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
