"""The site zoo of issue 9: synthetic Arabic news sites of many families, with ground truth.

`python -m benchmarks.sitezoo.run` serves them on loopback, crawls them with the real
`newscrawl crawl` command and scores the output; see README.md in this folder.
"""
