"""Extraction: a fetched page → Article fields, testable without crawling."""
