"""Reports and exports built from what crawls left behind: the JSONL output and the state store.

`records` finds and reads the output (a `-o` file, the partitioned `data/articles/` layout, or
both) and keeps the latest revision of each article; `summary` counts what the HTML report
shows, `state_view` reads runs from a state directory without locking it, `page` renders the
report and `export` writes Parquet or CSV for analysis.
"""
