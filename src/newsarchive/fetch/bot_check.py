"""Whether a response is a bot wall's interstitial (a challenge a browser would run), not
the page asked for.

Cloudflare, Sucuri, DDoS-Guard, AWS WAF and the hosting panels' own shields answer a
crawler with a small page whose script earns a cookie and reloads: under 202, 403 or 503
(reported as "HTTP 202" and failed each URL, every retry asking again), or under a 200
(archived as an article titled "Just a moment..."). Such a page is told by its shape: a
vendor's marker or a challenge's sentence on a page that says little else, or no text at
all and a script that reloads. A news page that mentions Cloudflare, or asks for
JavaScript in a ``<noscript>`` beside its article, says far more than a challenge does.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from newsarchive.markup import page_tree

# statuses a wall answers with ("202 Accepted": AWS WAF, some hosting shields)
WALL_STATUSES = frozenset({202, 403, 429, 503})
# headers only a challenge carries
_HEADERS = {"cf-mitigated": "challenge", "x-amzn-waf-action": ""}
# The one vocabulary of challenges (``page_kind`` names a stored or given page with it):
# a vendor's own marker, or a sentence only a challenge says, in lower case. Enough on a
# page that says little, whatever its status. Not Cloudflare's
# "/cdn-cgi/challenge-platform/scripts/": its bot detection injects that into ordinary
# pages (58 of WCXB dev's 711); its challenges load ".../h/".
CHALLENGE_MARKERS = (
    "_cf_chl_opt",
    "cf-browser-verification",
    "/cdn-cgi/challenge-platform/h/",
    "checking your browser before accessing",
    "checking if the site connection is secure",
    "verifying you are human",
    "incapsula incident id",
    "ddos protection by ddos-guard",
    "/.well-known/ddos-guard/",
    "sucuri website firewall",
    "sucuri_cloudproxy_js",
    "please enable javascript and cookies to continue",
)
# a challenge's whole title (folded)
CHALLENGE_TITLES = frozenset(
    {"just a moment...", "just a moment…", "attention required! | cloudflare", "один момент…",
     "один момент...", "ddos-guard"}
)  # fmt: skip
# Sentences a challenge says, and a page of its own may too ("Please enable JavaScript"
# in a <noscript> beside the article, an app's shell): a wall's only under its status.
WALL_SENTENCES = (
    "checking your browser",
    "please enable javascript",
    "please turn javascript on",
    "enable javascript and cookies",
    "enable cookies and reload",
)


def _alternatives(words: Iterable[str]) -> re.Pattern[bytes]:
    """The words as one pattern, in sorted order: a set's order changes from one process
    to the next (str hashing is seeded), and so would the pattern's text, which names it
    in the compiled patterns' cache (``pattern_cache``)."""
    return re.compile(b"|".join(re.escape(word.encode()) for word in sorted(words)))


_MARKERS = tuple(word.encode() for word in CHALLENGE_MARKERS)
_TITLE = re.compile(
    rb"<title[^>]*>\s*(" + _alternatives(CHALLENGE_TITLES).pattern + rb")\s*</title>"
)
_SENTENCES = tuple(word.encode() for word in WALL_SENTENCES)
# a script that reloads the page itself, once it has earned its cookie (one sending the
# browser elsewhere, "/bg/" say, is a home page's redirect: no wall; so is one building
# another address from this one, its https:// or www. spelling: the address is assigned
# as it is, or rebuilt from its own path and query alone, the statement ending there)
_SELF = rb"(?:window\.|document\.)?location(?:\.(?:href|pathname|search|hash))?"
_SAME = _SELF + rb"(?:\s*\+\s*" + _SELF + rb")*"  # ("location.pathname + location.search")
_RELOAD = re.compile(
    b"|".join((
        rb"location\.reload\s*\(",
        rb"location(?:\.href)?\s*=\s*" + _SAME + rb"\s*(?:[;,})<\n]|$)",
        rb"location\.replace\(\s*" + _SAME + rb"\s*\)",
    ))
)  # fmt: skip
# A challenge is a few KiB of script and a sentence or two; larger, or saying more, it is
# a page of its own.
CHALLENGE_MAX_BYTES = 128 * 1024
_MAX_TEXT = 400  # what a challenge page says, its vendor's footer included (~300)
_NO_TEXT = 40  # what a page that only reloads says (nothing, or "Loading...")


def bot_check(status: int, headers: Mapping[str, str], content: bytes) -> str | None:
    """What shows the response is a bot wall's challenge (a few words for the report), or
    None. ``headers`` are lower-cased names."""
    for name, value in _HEADERS.items():
        said = headers.get(name, "").strip().lower()
        if said and (not value or said == value):
            return f"{name}: {said}"
    if (status != 200 and status not in WALL_STATUSES) or len(content) > CHALLENGE_MAX_BYTES:
        return None
    lowered = content.lower()
    title = _TITLE.search(lowered)
    marker = _said_first(_MARKERS, lowered)
    sentence = _said_first(_SENTENCES, lowered) if status in WALL_STATUSES else None
    reload = _RELOAD.search(lowered)
    if title is None and marker is None and sentence is None and reload is None:
        return None
    text = _visible_text(content)
    found = title[1] if title else (marker or sentence or b"")
    if found and len(text) <= _MAX_TEXT:
        return f"'{found.decode('utf-8', 'replace')}'"
    # The weakest sign, and a maintenance page's too (503, "reload in a minute"): one
    # that says when to come back (Retry-After) is a server asking for time, which the
    # retries give it, not a wall that rests the host for the run.
    if reload is not None and len(text) <= _NO_TEXT and "retry-after" not in headers:
        return "no text, a script that reloads the page"
    return None


def _said_first(words: tuple[bytes, ...], lowered: bytes) -> bytes | None:
    """The one of ``words`` that ``lowered`` says first, or None. A ``find`` per word,
    not one regex of them all: every page fetched is scanned, and the regex engine tried
    each alternative at every byte, 0.8 ms a page (five times decoding it), where the
    finds take a quarter of that."""
    found = [(at, word) for word in words if (at := lowered.find(word)) >= 0]
    return min(found)[1] if found else None


def _visible_text(content: bytes) -> str:
    tree = page_tree(content.decode("utf-8", "replace"))
    for node in tree.css("script, style, noscript, template"):
        node.decompose()
    root = tree.body or tree.root
    return "" if root is None else " ".join(root.text(separator=" ").split())
