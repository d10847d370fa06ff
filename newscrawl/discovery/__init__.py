"""Navigation helpers: pure functions that decide which URLs to fetch and how."""
