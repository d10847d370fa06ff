"""Crawl state: what was emitted, content fingerprints, feed validators; one store per crawl."""
