"""What a link to a document, not a page, looks like: one rule for discovery and extraction.

A municipality publishes an order, a tender's papers or a price list as a file. A
listing's row linking one is no news page to fetch (``discover.listings.file_rows``); an
article's list of such links, under a line of its text, is the text's own, the notice's
content ("Заповед № РД-09-300/27.11.2026 г. за …"), where a list of links to pages under
a sentence is as likely a related box (``extraction.content._introduced_links``).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

# Office files and archives; not images or assets, which a gallery's or a player's rows link
_DOCUMENT = re.compile(r"\.(?:pdf|docx?|xlsx?|odt|ods|rtf|pptx?|zip|rar|7z)$", re.I)


def is_document(href: str) -> bool:
    """``href``'s path ends on a document's extension; an address that cannot be split
    (an unclosed ``[`` of an IPv6 host) is none."""
    try:
        path = urlsplit(href).path
    except ValueError:
        return False
    return bool(_DOCUMENT.search(path))
