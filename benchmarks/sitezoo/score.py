"""Score crawl output against the zoo's ground truth.

Every output line is placed by its URL: a family's canonical article URL, one of its aliases, a
known non-article page, or unknown. Counts are kept per family as plain sums (`Tally`), so any
set of families (tuning, held-out, all) is scored by adding tallies, never by averaging ratios.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from typing import Any
from urllib.parse import urlsplit

from benchmarks.sitezoo import metrics
from benchmarks.sitezoo.model import path_key

Tally = Counter  # str -> float sums
MAX_EXAMPLES = 4


class ZooIndex:
    """Where every URL of the zoo belongs: (family, article truth or None, what it is)."""

    def __init__(self, truths: Iterable[dict[str, Any]]) -> None:
        self.families: dict[str, dict[str, Any]] = {}
        self.pages: dict[tuple[str, str], tuple[str, dict[str, Any] | None, str]] = {}
        for truth in truths:
            host = urlsplit(truth["base"]).netloc
            self.families[host] = truth
            for key, reason in truth["non_articles"].items():
                self.pages[(host, key)] = (truth["family"], None, f"non-article: {reason}")
            for a in truth["articles"]:
                a["family_name"] = truth["family"]
                self.pages[(host, a["key"])] = (truth["family"], a, "canonical")
                for alias in a["alias_keys"]:
                    self.pages[(host, alias)] = (truth["family"], a, "alias")

    def locate(self, url: str) -> tuple[str | None, dict[str, Any] | None, str]:
        host = urlsplit(url).netloc
        family = self.families.get(host, {}).get("family")
        return self.pages.get((host, path_key(url)), (family, None, "unknown"))

    def resolve(self, url: str) -> str:
        """A URL as "host key", canonical when it is an alias, for comparing links."""
        _, article, _ = self.locate(url)
        if article is not None:
            return f"{urlsplit(article['url']).netloc} {article['key']}"
        return f"{urlsplit(url).netloc} {path_key(url)}"


def _record_place(index: ZooIndex, record: dict[str, Any], tally: Tally,
                  examples: dict[str, list[Any]]) -> dict[str, Any] | None:  # fmt: skip
    _, article, what = index.locate(record.get("url") or "")
    tally["records"] += 1
    if article is None:
        tally["unknown_records" if what == "unknown" else "non_article_records"] += 1
        examples["non_article"].append({"url": record.get("url"), "what": what})
        return None
    if what == "alias":
        tally["alias_url_records"] += 1
        examples["alias_url"].append(record.get("url"))
    return article


def _judge(index: ZooIndex, site_name: str, a: dict[str, Any], r: dict[str, Any], tally: Tally,
           examples: dict[str, list[Any]]) -> None:  # fmt: skip
    """Field by field, one found article."""
    ok_title = metrics.clean(r.get("title")) == metrics.clean(a["title"])
    tally["title_ok"] += ok_title
    f1 = metrics.token_f1(r.get("body") or "", "\n\n".join(a["paragraphs"]))
    tally["body_f1"] += f1
    ok_date = metrics.same_minute(r.get("published_at"), a["published"])
    tally["published_ok"] += ok_date
    if a["modified"]:
        tally["modified_n"] += 1
        tally["modified_ok"] += metrics.same_minute(r.get("modified_at"), a["modified"])
    want = {
        (index.resolve(x["url"]), metrics.clean(x["title"]), x["position"]) for x in a["related"]
    }
    got = metrics.related_pairs(r.get("related_links") or [], index.resolve)
    tally["related_tp"] += len(want & got)
    tally["related_pred"] += len(got)
    tally["related_true"] += len(want)
    _judge_meta(site_name, a, r, tally)
    if not (ok_title and ok_date and f1 >= 0.95 and want == got):
        examples["article"].append({
            "url": a["url"], "title": None if ok_title else [r.get("title"), a["title"]],
            "published": None if ok_date else [r.get("published_at"), a["published"]],
            "body_f1": round(f1, 3), "related_missing": len(want - got),
            "related_extra": sorted(x[1] or x[0] for x in got - want)[:3],
        })  # fmt: skip


def _judge_meta(site_name: str, a: dict[str, Any], r: dict[str, Any], tally: Tally) -> None:
    authors = [metrics.clean(x) for x in r.get("authors") or []]
    tally["authors_ok"] += authors == [metrics.clean(x) for x in a["authors"]]
    if a["house_byline"]:
        tally["house_n"] += 1
        tally["house_as_author"] += metrics.clean(site_name) in authors
    if a["section"] is not None:
        tally["section_n"] += 1
        tally["section_ok"] += metrics.clean(r.get("section")) == metrics.clean(a["section"])
    tally["tags_f1"] += metrics.tag_f1(r.get("tags") or [], a["tags"])
    image = r.get("image") or {}
    tally["image_ok"] += (image.get("url") or "").split("?")[0] == a["image"]["url"]
    if a["image"]["caption"]:
        tally["caption_n"] += 1
        tally["caption_ok"] += metrics.clean(image.get("caption")) == a["image"]["caption"]
    if a["tatweel"]:
        kept, total = metrics.tatweel_kept(r.get("body") or "", a["paragraphs"])
        tally["tatweel_ok"] += kept
        tally["tatweel_n"] += total


def score_near_duplicates(truths: list[dict[str, Any]], records: list[dict[str, Any]],
                          tallies: dict[str, Tally], examples: dict[str, Any]) -> None:  # fmt: skip
    """Marks over both runs (copies may arrive in the second), judged against the groups.

    Precision counts at the marked record. Recall is per group, correct marks over (copies
    written - 1), since the first-seen copy stays unmarked; a group's figures are shared
    equally by its written copies, so family tallies add up to the zoo's exactly.
    """
    index = ZooIndex(truths)
    found: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {}
    for record in records:
        _, article, _ = index.locate(record.get("url") or "")
        if article is not None and article["url"] not in found:
            found[article["url"]] = (article, record)
    members: Counter[str] = Counter()
    correct: Counter[str] = Counter()
    for a, r in found.values():
        group = a["near_duplicate_group"]
        members[group] += 1
        if _judge_mark(index, a, r, tallies[a["family_name"]], examples):
            correct[group] += 1
    for a, _ in found.values():
        group, tally = a["near_duplicate_group"], tallies[a["family_name"]]
        if group and members[group] > 1:
            tally["nd_expected"] += (members[group] - 1) / members[group]
            tally["nd_credit"] += min(correct[group], members[group] - 1) / members[group]


def _judge_mark(index: ZooIndex, a: dict[str, Any], r: dict[str, Any], tally: Tally,
                examples: dict[str, Any]) -> bool:  # fmt: skip
    """Whether the record's `near_duplicate_of` is right; counts marks and false marks."""
    target = r.get("near_duplicate_of")
    if not target:
        return False
    tally["nd_pred"] += 1
    _, other, _ = index.locate(target)
    group = a["near_duplicate_group"]
    if group and other is not None and other["near_duplicate_group"] == group:
        tally["nd_correct"] += 1
        return True
    template = a["template_group"]
    if template and other is not None and other["template_group"] == template:
        tally["nd_template_false"] += 1
    false_marks = examples.setdefault(a["family_name"], {}).setdefault("near_duplicate_false", [])
    if len(false_marks) < MAX_EXAMPLES:
        false_marks.append([a["url"], target])
    return False


def score_run(
    truths: list[dict[str, Any]], records: list[dict[str, Any]], hits: dict[str, Counter[str]]
) -> tuple[dict[str, Tally], dict[str, Any]]:
    """Tallies per family for one crawl, and examples of what went wrong."""
    index = ZooIndex(truths)
    tallies: dict[str, Tally] = {t["family"]: Tally() for t in truths}
    examples: dict[str, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
    by_article: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for record in records:
        family, _, _ = index.locate(record.get("url") or "")
        if family is None:
            continue
        article = _record_place(index, record, tallies[family], examples[family])
        if article is not None:
            by_article[article["url"]].append(record)
    found: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {}
    for truth in truths:
        family, tally = truth["family"], tallies[truth["family"]]
        tally["articles"] += len(truth["articles"])
        for a in truth["articles"]:
            got = by_article.get(a["url"], [])
            if not got:
                examples[family]["missed"].append(a["url"])
                continue
            tally["found"] += 1
            tally["duplicate_records"] += len(got) - 1
            best = min(got, key=lambda r: path_key(r["url"]) != a["key"])
            found[a["url"]] = (a, best)
            _judge(index, truth["site_name"], a, best, tally, examples[family])
        _requests(truth, hits.get(family, Counter()), tally)
    return tallies, {f: {k: v[:MAX_EXAMPLES] for k, v in e.items()} for f, e in examples.items()}


def _article_keys(truth: dict[str, Any], stage: int | None = None) -> set[str]:
    return {k for a in truth["articles"] if stage is None or a["stage"] == stage
            for k in (a["key"], *a["alias_keys"])}  # fmt: skip


def _requests(truth: dict[str, Any], hits: Counter[str], tally: Tally) -> None:
    tally["requests"] += sum(hits.values())
    keys = _article_keys(truth)
    tally["article_fetches"] += sum(n for k, n in hits.items() if k in keys)


def _articles_written(index: ZooIndex, records: Iterable[dict[str, Any]]) -> set[str]:
    """Canonical URLs of the zoo articles that `records` contain (under any of their URLs)."""
    located = (index.locate(r.get("url") or "")[1] for r in records)
    return {article["url"] for article in located if article is not None}


def score_incremental(
    truths: list[dict[str, Any]],
    records: list[dict[str, Any]],
    hits: dict[str, Counter[str]],
    tallies: dict[str, Tally],
    first_run: Sequence[dict[str, Any]] = (),
) -> None:
    """Second run: the stage-2 articles should be written, nothing else, no old page fetched.

    Old pages are counted twice: all of them, and those of articles the first run wrote (the
    ones an incremental crawl has no reason to fetch again).
    """
    index = ZooIndex(truths)
    written: dict[str, set[str]] = defaultdict(set)
    for record in records:
        family, article, _ = index.locate(record.get("url") or "")
        if family is None:
            continue
        if article is not None and article["stage"] == 2 and article["url"] not in written[family]:
            written[family].add(article["url"])
        else:
            tallies[family]["inc_extra_records"] += 1
    done = _articles_written(index, first_run)
    for truth in truths:
        tally = tallies[truth["family"]]
        tally["inc_new"] += sum(a["stage"] == 2 for a in truth["articles"])
        tally["inc_found"] += len(written[truth["family"]])
        _old_fetches(truth, hits.get(truth["family"], Counter()), done, tally)


def _old_fetches(truth: dict[str, Any], hits: Counter[str], done: set[str], tally: Tally) -> None:
    old = _article_keys(truth, stage=1)
    written_old = {k for a in truth["articles"] if a["stage"] == 1 and a["url"] in done
                   for k in (a["key"], *a["alias_keys"])}  # fmt: skip
    tally["inc_old_fetches"] += sum(n for k, n in hits.items() if k in old)
    tally["inc_old_written_fetches"] += sum(n for k, n in hits.items() if k in written_old)
    tally["inc_requests"] += sum(hits.values())


def _ratio(num: float, den: float) -> float | None:
    return round(num / den, 3) if den else None


def rates(t: Tally) -> dict[str, Any]:
    """The reported figures of one tally (a family or a sum of families)."""
    found = t["found"]
    return {
        "articles": int(t["articles"]), "recall": _ratio(found, t["articles"]),
        "records": int(t["records"]), "non_article_records": int(t["non_article_records"]),
        "unknown_records": int(t["unknown_records"]),
        "alias_url_records": int(t["alias_url_records"]),
        "duplicate_records": int(t["duplicate_records"]),
        "title_exact": _ratio(t["title_ok"], found), "body_f1": _ratio(t["body_f1"], found),
        "related_f1": _ratio(2 * t["related_tp"], t["related_pred"] + t["related_true"]),
        "published_minute": _ratio(t["published_ok"], found),
        "modified_minute": _ratio(t["modified_ok"], t["modified_n"]),
        "authors_exact": _ratio(t["authors_ok"], found),
        "house_byline_as_author": _ratio(t["house_as_author"], t["house_n"]),
        "section_exact": _ratio(t["section_ok"], t["section_n"]),
        "tags_f1": _ratio(t["tags_f1"], found), "image_url": _ratio(t["image_ok"], found),
        "caption_exact": _ratio(t["caption_ok"], t["caption_n"]),
        "tatweel_kept": _ratio(t["tatweel_ok"], t["tatweel_n"]),
        "near_dup_precision": _ratio(t["nd_correct"], t["nd_pred"]),
        "near_dup_recall": _ratio(t["nd_credit"], t["nd_expected"]),
        "near_dup_marks": int(t["nd_pred"]),
        "near_dup_template_false": int(t["nd_template_false"]),
        "requests": int(t["requests"]), "requests_per_article": _ratio(t["requests"], found),
        "article_page_fetches": int(t["article_fetches"]),
        "inc_new_articles": int(t["inc_new"]), "inc_new_written": int(t["inc_found"]),
        "inc_extra_records": int(t["inc_extra_records"]),
        "inc_old_article_fetches": int(t["inc_old_fetches"]),
        "inc_old_written_fetches": int(t["inc_old_written_fetches"]),
        "inc_requests": int(t["inc_requests"]),
    }  # fmt: skip


def combine(tallies: dict[str, Tally], families: Iterable[str]) -> Tally:
    total = Tally()
    for family in families:
        if family in tallies:
            total.update(tallies[family])
    return total
