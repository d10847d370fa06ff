"""Item pipelines, one concern each: validate → fingerprint → exact dedup → near dedup → write."""
