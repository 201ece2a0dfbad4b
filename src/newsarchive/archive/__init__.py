"""The archive: one SQLite file with articles, raw captures, FTS5, runs and crawl state."""

# Hits a search returns when not told how many: the command's --limit, the Python API's
# ``limit``, a page of the web search. Here, as the command's help reads it without
# loading the search.
SEARCH_LIMIT = 20
# What a search marks a matched word with unless told otherwise (a snippet's "**парк**"):
# what the Python API and json/csv output show.
HIGHLIGHT = ("**", "**")
