"""The addresses an HTTP ``Link`` header (RFC 8288) gives one relation. Below every stage
since two read it: discovery a listing's next page (``Link: </novini?page=2>; rel="next"``,
as REST APIs and some CMSs page their answers, no pager in the page), the crawl a page's
canonical address (``Link: <https://x.bg/a>; rel="canonical"``, a CMS's or CDN's, beside
or instead of the page's head). The header also carries links of no interest to either
(WordPress's ``rel="https://api.w.org/"``, ``rel="shortlink"``, ``rel="preload"``), told
apart by their relation."""

from __future__ import annotations

import re
from collections.abc import Iterator

# One link-value: ``<target>`` and its parameters, a quoted value free to hold ";" or ",".
_VALUE = re.compile(r'<([^>]*)>((?:\s*;\s*[^;,="]+(?:=\s*(?:"[^"]*"|[^;,"]*))?)*)')
_REL = re.compile(r'(?:^|;)\s*rel\s*=\s*(?:"([^"]*)"|([^;,"\s]+))', re.IGNORECASE)


def linked(header: str | None, relation: str) -> list[str]:
    """The URI references (as written: relative ones too) that ``header`` links with
    ``relation``, in order. A ``rel`` may name several relations, space-separated."""
    if not header:
        return []
    wanted = relation.lower()
    found: list[str] = []
    for match in _values(header):
        said = _REL.search(match.group(2))
        if said and wanted in (said.group(1) or said.group(2) or "").lower().split():
            found.append(match.group(1).strip())
    return found


def _values(header: str) -> Iterator[re.Match[str]]:
    """``_VALUE.finditer(header)``, without trying the "<"s past the header's last ">":
    those never close, and each read the header's rest to say so, a "<" at a time (a
    header of 20,000 "<" took 3.2 s; one of a WARC file, which no HTTP client has capped,
    may be megabytes). Every "<" before it does open a link-value, up to the next ">"."""
    last, pos = header.rfind(">"), 0
    while 0 <= (start := header.find("<", pos)) < last:
        match = _VALUE.match(header, start)
        assert match is not None  # (a ">" follows)
        yield match
        pos = match.end()
