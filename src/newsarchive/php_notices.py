"""PHP's diagnostics printed before a page's markup are not the page's text.

An old PHP site with ``display_errors`` on prints its notices where the script runs, and
a script that connects to its database before it writes the page prints them before the
``<!DOCTYPE>`` or ``<html>``: ``<br />\\n<b>Deprecated</b>:  mysql_connect(): ... in
<b>/var/www/db.php</b> on line <b>12</b><br />``, or without the tags ("Notice:
Undefined index: id in /var/www/news.php on line 5"). The parser puts text before the
root at the start of the body, where it became the article's first line.

Only PHP's own shape is dropped: a kind PHP names, a colon, and "on line" with its number
closing the line; any other text before the root (broken markup, a site's stray words)
is left to the parser. Only the document's start is tried, so a page pays one failed
match at its first characters.
"""

from __future__ import annotations

import re

_KINDS = (
    rb"Deprecated|Warning|Notice|Strict Standards|Fatal error|Parse error"
    rb"|Catchable fatal error|Recoverable fatal error|User (?:Deprecated|Warning|Notice)"
)
_BREAKS = rb"(?:\s|<br\s*/?>)*"
# One diagnostic as ``display_errors`` prints it, with ``html_errors`` on or off ("PHP "
# is the command line's prefix, also seen when a site's log goes to its output).
_NOTICE = rb"(?:<b>)?(?:PHP )?(?:" + _KINDS + rb")(?:</b>)?:[^\n]*? on line (?:<b>)?\d+(?:</b>)?"
_LEADING = re.compile(
    rb"(?P<doctype>\s*<!(?i:doctype)[^>]*>)?" + _BREAKS + rb"(?:" + _NOTICE + _BREAKS + rb")+"
)  # (PHP writes its kinds capitalised: a lower-case "warning:" is someone's word)


def without_leading_notices(data: bytes) -> bytes:
    """``data`` without the PHP diagnostics before its root element (a doctype before
    them stays)."""
    found = _LEADING.match(data)
    if found is None:
        return data
    return (found["doctype"] or b"") + data[found.end() :]
