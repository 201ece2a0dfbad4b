"""URL helpers shared by discovery and crawling: normalising, matching a profile, mirrors."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from urllib.parse import urljoin, urlsplit, urlunsplit

from newsarchive.discover.shape import looks_like_article_path
from newsarchive.models import Profile

_TRACKING = re.compile(r"^(utm_[a-z]+|fbclid|gclid|yclid|mc_[a-z]+)=", re.IGNORECASE)


def normalize_url(url: str, base: str | None = None) -> str | None:
    """Absolute http(s) URL without fragment or tracking parameters; None for mailto: etc."""
    url = url.strip()
    if not url or url.startswith(("#", "mailto:", "javascript:", "tel:", "data:")):
        return None
    absolute = urljoin(base, url) if base else url
    parts = urlsplit(absolute)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    query = "&".join(q for q in parts.query.split("&") if q and not _TRACKING.match(q))
    return urlunsplit((parts.scheme, parts.netloc.lower(), parts.path or "/", query, ""))


def on_site(url: str, profile: Profile) -> bool:
    """True when the URL's host is one of the profile's hosts."""
    return urlsplit(url).netloc.lower() in {h.lower() for h in profile.hosts}


@lru_cache(maxsize=64)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def is_article_url(url: str, profile: Profile) -> bool:
    """The profile's article pattern, matched against the path (plus query when present).

    A profile without a pattern falls back to ``looks_like_article_path``, so its feeds
    and sitemaps still yield articles.
    """
    if not on_site(url, profile):
        return False
    if not profile.article_pattern:
        return looks_like_article_path(url)
    parts = urlsplit(url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    return bool(_compiled(profile.article_pattern).search(path))


def absolute(profile: Profile, url: str) -> str:
    """A profile URL ("/bg/news") made absolute against the site's real origin."""
    return urljoin(profile.origin + "/", url)


def canonical_host(url: str, profile: Profile) -> str:
    """Use the profile's origin host for every alias host (bta.bg -> www.bta.bg)."""
    parts = urlsplit(url)
    if parts.netloc.lower() in {h.lower() for h in profile.hosts}:
        origin = urlsplit(profile.origin)
        return urlunsplit((origin.scheme, origin.netloc, parts.path, parts.query, ""))
    return url


def mirror_map(profile: Profile, base_url: str | None) -> Callable[[str], str]:
    """Send URLs on the site's hosts to a mirror serving the same paths (``--base-url``)."""
    if not base_url:
        return lambda url: url
    base = urlsplit(base_url.rstrip("/"))
    hosts = {h.lower() for h in profile.hosts}

    def to_mirror(url: str) -> str:
        parts = urlsplit(url)
        if parts.netloc.lower() not in hosts:
            return url
        path = base.path.rstrip("/") + (parts.path or "/")
        return urlunsplit((base.scheme, base.netloc, path, parts.query, ""))

    return to_mirror


def from_mirror(profile: Profile, base_url: str | None, url: str) -> str:
    """The real-site URL for a URL on the mirror (links in mirrored pages may be relative)."""
    if not base_url:
        return url
    base = base_url.rstrip("/")
    if url.startswith(base):
        rest = url[len(base) :] or "/"
        return profile.origin + rest
    return url


def feed_url(raw: str, profile: Profile, base_url: str | None) -> str | None:
    """A URL from a feed or sitemap as the archive names it: absolute, real host, canonical."""
    url = normalize_url(raw)
    if url is None:
        return None
    return canonical_host(from_mirror(profile, base_url, url), profile)
