"""Discovery: find article URLs from listing pages, feeds and sitemaps."""
