"""The archive: one SQLite file with articles, raw captures, FTS5, runs and crawl state."""
