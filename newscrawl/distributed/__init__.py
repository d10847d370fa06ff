"""Distributed crawling: one frontier and one state in Redis, any number of workers.

`newscrawl crawl TARGET… --redis URL` starts (or joins) a crawl; `newscrawl worker --redis URL`
joins it. The scheduler and duplicate filter are scrapy-redis's, given a reliable queue: a popped
request is *leased* to its worker and acknowledged only once its work is durable (see `leases`).
"""
