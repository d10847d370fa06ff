"""Names of the export layout, apart from the writer so the CLI can start without pyarrow.

pyarrow costs about 70 MB of memory once imported; every `newscrawl` command builds its argument
parser from all subcommands, and a crawl must not carry the exporter's libraries.
"""

FORMATS = ("parquet", "csv")
MARKER = "_newscrawl_export.json"
"""Written last into an export; its leading "_" makes pyarrow, pandas and polars skip it."""
