"""The `news` spider and its per-site bookkeeping."""
