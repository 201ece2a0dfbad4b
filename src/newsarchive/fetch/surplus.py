"""What to keep of a response whose server sends more than its ``Content-Length``.

A browser reads the declared bytes and drops the rest. Where the count is wrong the
page is cut: a CMS counting its Cyrillic page in letters, not bytes, declares about
half of it. A proxy or a compression module misconfigured adds bytes after a whole
page. Either way the server does it every time: refusing such a response failed every
article of the site, every night; keeping the declared bytes archived half pages.

So a surplus sent the same way twice (the declared length the same on a second try,
and the surplus's where it is kept: the server's habit and no accident of one connection)
keeps what is a whole document: the declared bytes if they are one (a browser's reading,
the proxy's additions dropped), else the whole body sent if that is one (the miscounting
CMS's page). A whole document is one whose root element closes at its end: a cut one does
not, and stays refused, as it was.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

# the root element's name, after a BOM, an XML declaration, a doctype and comments
_ROOT = re.compile(
    rb"(?:\s|<\?[^>]*>|<!--.*?-->|<!doctype[^>]*>)*<([a-z][a-z0-9:._-]*)", re.I | re.S
)
_HEAD = 4096  # where a document's root element starts, at the latest


@dataclass(frozen=True)
class Overlong:
    """A response that came with more bytes than it declared."""

    declared: bytes  # the body its Content-Length covers (inflated): what a browser shows
    surplus: bytes  # the bytes after it, as they came (its part in a later read included)
    coded: bool  # under a Content-Encoding: the surplus would continue the raw stream


def kept_body(first: Overlong | None, second: Overlong) -> bytes | None:
    """The body to keep of ``second``, answered as ``first`` was; None to refuse it."""
    if first is None or len(first.declared) != len(second.declared):
        return None
    if whole_document(second.declared):
        # (its surplus is not waited for, ``failures.sent_overlong``: read as far as it had come,
        # it is no measure of the server's habit, and a page kept once was refused when
        # the surplus's second half came a moment later on one try and not the other)
        return second.declared
    if len(first.surplus) != len(second.surplus):
        return None
    whole = second.declared + second.surplus
    if not second.coded and whole_document(whole):
        return whole
    return None


def whole_document(content: bytes) -> bool:
    """Whether ``content`` ends by closing the element it opened first (``</html>``,
    ``</rss>``), only white space and comments after it, and closes it nowhere before
    (``<p>a</p><p>b</p>`` is no document, and a ``</html>`` met earlier, in a script's
    string say, leaves it in doubt: refused, as before)."""
    content = content.removeprefix(codecs.BOM_UTF8)
    root = _ROOT.match(content[:_HEAD])
    if root is None:
        return False
    end = content.rstrip()
    while end.endswith(b"-->"):
        opened = end.rfind(b"<!--")
        if opened < 0:
            return False
        end = end[:opened].rstrip()
    closing = re.compile(rb"</" + re.escape(root[1]) + rb"\s*>", re.I)
    first = closing.search(end, root.end())
    return first is not None and first.end() == len(end)
