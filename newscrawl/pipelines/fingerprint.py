"""The fingerprint pipeline: fills `content_hash` (computed in `newscrawl.fingerprints`)."""

from __future__ import annotations

from typing import Any

from itemadapter import ItemAdapter

from newscrawl.fingerprints import content_fingerprint


class FingerprintPipeline:
    """Fills `content_hash` from the body."""

    def process_item(self, item: Any) -> Any:
        adapter = ItemAdapter(item)
        adapter["content_hash"] = content_fingerprint(adapter.get("body") or "")
        return item
