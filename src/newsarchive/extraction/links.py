"""Links as the extraction rules read them: one place that parses an address, so that a
malformed one ("http://[bad") costs a rule its evidence, never the page its article."""

from __future__ import annotations

from urllib.parse import SplitResult, urljoin, urlsplit


def parse_link(href: str) -> SplitResult | None:
    """The parts of ``href``; None for an address ``urlsplit`` refuses."""
    try:
        return urlsplit(href)
    except ValueError:
        return None


def host_and_path(href: str) -> tuple[str, str]:
    """(host without "www.", path); ("", "") for an address ``urlsplit`` refuses."""
    parts = parse_link(href)
    if parts is None:
        return "", ""
    return parts.netloc.lower().removeprefix("www."), parts.path


def absolute(url: str, href: str) -> str:
    """``href`` resolved against the page's ``url``; "" for one ``urljoin`` refuses
    ("http://[bad"): a broken link on a page costs a rule that link, not the page's
    field (a canonical's, the article; a link home's, the author rules)."""
    if not href or not url:
        return href
    try:
        return urljoin(url, href)
    except ValueError:
        return ""
