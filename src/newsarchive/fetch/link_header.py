"""The addresses an HTTP ``Link`` header (RFC 8288) gives one relation: a CMS or CDN may
state a page's canonical address there (``Link: <https://x.bg/a>; rel="canonical"``)
rather than, or as well as, in the page's head."""

from __future__ import annotations

import re

# one link-value: "<uri>" and its parameters, up to the next link-value's "<"
_VALUE = re.compile(r"<([^>]*)>([^<]*)")
_REL = re.compile(r"""(?:^|;)\s*rel\s*=\s*(?:"([^"]*)"|([^\s;,]+))""", re.IGNORECASE)


def linked(header: str | None, relation: str) -> list[str]:
    """The URI references (as written: relative ones too) that ``header`` links with
    ``relation``, in order. A ``rel`` may name several relations, space-separated."""
    if not header:
        return []
    found: list[str] = []
    for uri, params in _VALUE.findall(header):
        rel = _REL.search(params)
        names = (rel[1] if rel[1] is not None else rel[2]) if rel else ""
        if relation in names.lower().split():
            found.append(uri.strip())
    return found
