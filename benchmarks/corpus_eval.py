"""Run `extract_page` over the real-page corpus and write predictions for its score.py.

Usage:
    python benchmarks/corpus_eval.py [CORPUS_DIR] [--out PRED.jsonl] [--lang ar]

CORPUS_DIR defaults to ../shared/corpus relative to the repository. The corpus is read only;
nothing from it is written into the repository (the predictions go to --out, default /tmp).
Then score with:
    python CORPUS_DIR/score.py PRED.jsonl --lang ar
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path

from newscrawl.extraction import UndecodablePage, extract_page

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"


def _page_bytes(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.name.endswith(".gz") else data


def predict(page: dict, corpus: Path) -> dict:
    """One prediction row in score.py's format."""
    row: dict = {"file": page["file"], "title": None, "body": None, "date_published": None}
    body = _page_bytes(corpus / "real" / page["file"])
    url = page.get("url") or f"https://{page.get('domain') or 'example.com'}/"
    try:
        article = extract_page(body, url)
    except UndecodablePage as exc:
        row["error"] = f"undecodable: {exc}"
        return row
    if article is not None:
        row.update(
            title=article.title,
            body=article.body,
            date_published=article.published_at,
            authors=article.authors,
            related=len(article.related_links),
        )
    return row


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--out", type=Path, default=Path("/tmp/newscrawl-corpus-preds.jsonl"))
    parser.add_argument("--lang", default="all", help="only pages of this language (ar, en, ...)")
    args = parser.parse_args(argv)
    truth = args.corpus / "real" / "ground_truth.jsonl"
    pages = [json.loads(line) for line in truth.read_text(encoding="utf-8").splitlines() if line]
    if args.lang != "all":
        pages = [p for p in pages if p.get("language") == args.lang]
    started = time.perf_counter()
    with args.out.open("w", encoding="utf-8") as out:
        for page in pages:
            out.write(json.dumps(predict(page, args.corpus), ensure_ascii=False) + "\n")
    elapsed = time.perf_counter() - started
    print(f"{len(pages)} pages in {elapsed:.1f} s -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
