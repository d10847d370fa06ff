"""`newscrawl schedule`: crawl each site whenever it is due, one run of a site at a time.

`plan` decides when (interval, jitter, active hours, backoff), `sites` builds each site's plan
from its profile and the command line, `locks` keeps a site to one run across processes,
`launch` starts a run as a local `newscrawl crawl` process (`scrapyd`: as a Scrapyd job), and
`scheduler` ties them together with APScheduler and records every run in the run history
(`newscrawl.state.runs`).
"""
