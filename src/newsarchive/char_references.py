"""Character references a CMS left in text no parser decodes: one rule for every stage.

JSON-LD is not HTML, so the parser never decodes what a CMS escaped in it ("Smith &amp;
Jones", WordPress's "&#038;"), and CMSs escape titles twice even in HTML ("&#x26;" in an
h1). Extraction reads them in titles and metadata, discovery in a page's JSON-LD
breadcrumb (``discover.filed_under``).
"""

from __future__ import annotations

import html
import re

# Only complete references ("&amp;", "&#8211;", "&#x26;"): html.unescape alone would also
# read "&para" in "&paragraph" as a pilcrow.
_REFERENCE = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def unescape_references(text: str) -> str:
    """Character references decoded once more. A reader never sees the reference, only
    the character."""
    return _REFERENCE.sub(lambda m: html.unescape(m[0]), text) if "&" in text else text
