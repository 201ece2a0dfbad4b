"""A script's shell: an article page whose markup holds only a placeholder ("Зареждане на
новината…", a ``<noscript>`` asking for JavaScript) that a script fills from an API,
beside the site's furniture.

Why the extractor must say so: read without the script, such a page has no article, yet
the generic rules, finding nothing in the main column, fall back on the furniture's one
line of prose ("Работно време: 8:00 – 17:00 ч." in the footer), and the crawl archived
that line as the article's text, under its true title, for every article of the site.
The page is then said to be a ``SCRIPT_SHELL`` (``page_kind``'s way), and the crawl
archives nothing from it unless something better is known (the site's feed holding the
text: ``feed_text``).

Only when both hold: the page shows a placeholder outside its furniture, and the text
extracted is short and stands wholly inside the furniture (or is empty). A short notice
is an article: its lines stand in the main column, whatever spinner a comments box or a
weather widget shows beside them.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from newsarchive.extraction.furniture import in_furniture, is_furniture

SCRIPT_SHELL = "script's shell"

# A shell's text is a line or two of the footer; more is more than furniture tells
_MAX_WORDS = 40
# The placeholder, a whole element's text: "Зареждане…", "Зареждане на новината...",
# "Моля, изчакайте", "Loading…"
_LOADING = re.compile(
    r"(?:зареждане|зарежда\s+се|моля,?\s+изчакайте|loading|please\s+wait)"
    r"(?:\s+(?:на\s+)?(?:новината|статията|публикацията|съдържанието|страницата|материала"
    r"|content|article|page))?\s*(?:\.{2,}|…)?",
    re.IGNORECASE,
)
# What a ``<noscript>`` of such a page says: turn JavaScript on to read it
_SCRIPT_NEEDED = re.compile(
    r"(?:включете|разрешете|активирайте|enable|turn\s+on)\s+(?:на\s+)?javascript"
    r"|javascript\s+(?:is\s+)?(?:required|disabled|needed)|изисква\s+javascript",
    re.IGNORECASE,
)


def is_script_shell(tree: LexborHTMLParser, text: str) -> bool:
    """Whether the page is a script's shell (see the module's docstring): ``text`` the
    extracted body, ``tree`` the page."""
    if len(text.split(maxsplit=_MAX_WORDS)) > _MAX_WORDS or tree.body is None:
        return False
    if not any(_placeholder(node) for node in tree.body.css("div, p, span, noscript")):
        return False
    lines = [" ".join(line.split()) for line in text.split("\n") if line.strip()]
    if not lines:
        return True
    furniture = " ".join(
        " ".join(node.text(deep=True, separator=" ").split())
        for node in tree.body.css("footer, aside, nav, header, div, ul")
        if is_furniture(node) and not in_furniture(node.parent or node)
    )
    return all(line in furniture for line in lines)


def _placeholder(node: LexborNode) -> bool:
    """A loading line as an element's whole text, or a ``<noscript>`` asking for
    JavaScript, outside the page's furniture."""
    said = " ".join(node.text(deep=True, separator=" ").split())
    if not said or len(said) > 200:
        return False
    if node.tag == "noscript":
        found = bool(_SCRIPT_NEEDED.search(said))
    else:
        found = _LOADING.fullmatch(said) is not None
    return found and not in_furniture(node)
