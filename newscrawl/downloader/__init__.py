"""Downloader components below the middlewares: HTTP download handler and host pacing."""
