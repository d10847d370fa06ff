"""One zoo site on loopback: its pages for the current stage, request counts, ground truth.

Pages are rendered for a whole stage up front (rendering is not what is measured), keyed by
`path_key`, and swapped in one assignment when the stage changes. Sitemaps and feeds carry an
ETag and answer If-None-Match with 304, as real servers do for static XML.
"""

from __future__ import annotations

import hashlib
import threading
from collections import Counter
from datetime import datetime
from typing import Any

from benchmarks.sitezoo import clock, feeds
from benchmarks.sitezoo.model import FamilySpec, Page, SiteView, ZooArticle, path_key
from newscrawl.demo.server import Reply, ServedRequest, SiteServer

CONDITIONAL_KINDS = frozenset({"feed", "sitemap"})


class ZooSite:
    """A family's site: `start()` serves it, `set_stage(2)` publishes the new articles."""

    def __init__(self, spec: FamilySpec, articles: list[ZooArticle], now: datetime) -> None:
        self.spec, self.articles, self.now = spec, articles, now
        self.server = SiteServer(self.route)
        self.base = f"http://127.0.0.1:{self.server.port}"
        self.theme = spec.theme()
        self.stage = 0
        self.pages: dict[str, Page] = {}
        self.hits: Counter[str] = Counter()
        self._lock = threading.Lock()

    def visible(self, stage: int | None = None) -> list[ZooArticle]:
        limit = self.stage if stage is None else stage
        return [a for a in self.articles if a.stage <= limit]

    def set_stage(self, stage: int) -> None:
        view = SiteView(self.spec, self.base, self.visible(stage), self.articles, self.now)
        rendered = {path_key(path): page for path, page in self.theme.render(view).items()}
        with self._lock:
            self.stage, self.pages = stage, rendered

    def start(self, stage: int = 1) -> ZooSite:
        self.set_stage(stage)
        self.server.start()
        return self

    def stop(self) -> None:
        self.server.stop()

    def reset_hits(self) -> Counter[str]:
        with self._lock:
            hits, self.hits = self.hits, Counter()
        return hits

    def route(self, request: ServedRequest) -> Reply:
        key = path_key(request.path)
        with self._lock:
            self.hits[key] += 1
            page = self.pages.get(key) or feeds.not_found()
        headers = dict(page.headers)
        if page.kind in CONDITIONAL_KINDS:
            etag = '"' + hashlib.sha256(page.body).hexdigest()[:16] + '"'
            headers["ETag"] = etag
            if request.headers.get("If-None-Match") == etag:
                return Reply(304, b"", headers, page.content_type)
        return Reply(page.status, page.body, headers, page.content_type)

    @property
    def start_url(self) -> str:
        return self.base + self.spec.start_path

    def truth(self) -> dict[str, Any]:
        """Ground truth of the current stage: articles (every field) and the non-article pages."""
        articles = [a for a in self.visible() if a.lang == "ar"]
        html = [(k, p) for k, p in self.pages.items() if p.content_type.startswith("text/html")]
        name = self.spec.site_name
        non_articles = {k: p.reason or p.kind for k, p in html if p.kind in ("listing", "other")}
        return {
            "family": self.spec.name, "cms": self.spec.cms, "site_name": self.spec.site_name,
            "base": self.base, "start_url": self.start_url, "timezone": self.spec.tz,
            "failure_classes": {str(k): v for k, v in sorted(self.spec.classes.items())},
            "articles": [article_truth(self.base, a, self.theme, name) for a in articles],
            "non_articles": non_articles,
        }  # fmt: skip


def article_truth(
    base: str, a: ZooArticle, theme: Any = None, site_name: str = ""
) -> dict[str, Any]:
    """Everything a perfect crawl writes for `a`; section, tags and modification time only where
    the site shows them (a theme's has_section, has_tags, has_modified)."""
    sectioned = getattr(theme, "has_section", True)
    tagged = getattr(theme, "has_tags", True)
    # a modification time is truth only where the site publishes one (JSON-LD, sitemap, feed)
    modified = getattr(theme, "has_modified", False)
    return {
        "url": base + a.path, "key": path_key(a.path), "stage": a.stage,
        "title": a.title, "paragraphs": list(a.paragraphs),
        "published": clock.iso(a.published),
        "modified": clock.iso(a.modified) if a.modified and modified else None,
        "authors": a.authors(site_name), "section": a.section if sectioned else None,
        "tags": list(a.tags) if tagged else [],
        "image": {"url": base + a.image_path, "caption": a.caption or None},
        "related": [
            {"url": base + r.path, "key": path_key(r.path), "title": r.title,
             "position": r.position}
            for r in a.related
        ],
        "aliases": [base + p for p in a.aliases], "alias_keys": [path_key(p) for p in a.aliases],
        "near_duplicate_group": a.dup_group, "template_group": a.template_group,
        "house_byline": a.house_byline, "tatweel": a.tatweel,
    }  # fmt: skip
