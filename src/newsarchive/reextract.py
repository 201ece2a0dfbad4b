"""Rebuild archived articles from their raw captures, with no network.

Extractors and profiles improve; the raw bytes of every fetched page are kept so the
whole archive can follow without fetching anything again.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from newsarchive.archive.store import Store
from newsarchive.extraction.pipeline import extract
from newsarchive.profiles.loader import list_profiles


@dataclass
class ReextractReport:
    """What happened to each article; ``skipped`` counts those with no capture or profile."""

    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    empty: int = 0
    unknown_sites: set[str] = field(default_factory=set)


def reextract_archive(
    conn: sqlite3.Connection, *, sites: Iterable[str] = (), profile_files: Iterable[Path] = ()
) -> ReextractReport:
    """Re-run extraction on every capture-backed article (of ``sites``, or all)."""
    profiles = list_profiles(profile_files)
    wanted = tuple(sites)
    where = f"AND a.site IN ({','.join('?' * len(wanted))})" if wanted else ""
    rows = conn.execute(
        "SELECT a.id, a.site, a.url, a.source_url, c.content, c.fetched_at"
        " FROM articles a LEFT JOIN captures c ON c.id = a.capture_id"
        f" WHERE 1 {where} ORDER BY a.id",
        wanted,
    )
    store = Store(conn)
    report = ReextractReport()
    for _id, site, url, source_url, content, fetched_at in rows.fetchall():
        profile = profiles.get(site)
        if content is None or profile is None:
            report.skipped += 1
            if profile is None:
                report.unknown_sites.add(site)
            continue
        fetched = dt.datetime.fromisoformat(fetched_at)
        article = extract(
            zlib.decompress(content), source_url or url, profile=profile, today=fetched.date()
        )
        if not article.text and not article.title:
            report.empty += 1  # never replace an archived article with nothing
            continue
        with conn:
            outcome = store.upsert_article(article, site=site, url=url, fetched_at=fetched_at)
        if outcome == "updated":
            report.updated += 1
        else:
            report.unchanged += 1
    return report
