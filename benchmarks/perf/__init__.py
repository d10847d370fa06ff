"""The performance suite (issue 13): realistic generated sites, crawl comparison, micro-benchmarks.

`python -m benchmarks.perf` runs everything; each part also runs alone:

- `benchmarks.perf.crawl`: Scrapy links-only vs Scrapy + trafilatura vs `newscrawl crawl`;
- `benchmarks.perf.micro`: extraction ms/page, `parse_date` µs/call;
- `benchmarks.perf.scale`: state store and near-duplicate index at 1M;
- `benchmarks.perf.multisite`: 20 loopback sites with default politeness.
"""
