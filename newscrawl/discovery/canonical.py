"""Moved: URL canonicalisation is part of the URL identity, `newscrawl.urls`.

Only the names other packages still import from here remain (pipelines/validate.py); new code
imports `newscrawl.urls`, and this module goes once no caller is left.
"""

from __future__ import annotations

from newscrawl.urls import canonicalize_url

__all__ = ["canonicalize_url"]
