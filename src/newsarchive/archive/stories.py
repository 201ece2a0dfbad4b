"""One story, many outlets: every article gets a ``story`` id shared with its
near-duplicates already in the archive, from any site, when it is written.

Method: word shingling with a candidate index (Broder's resemblance with "mod m"
sampling). The body text is cut into overlapping 5-word shingles, each hashed to 64
bits; the shingles whose hash is 0 modulo ``SAMPLE`` (one in eight) are the article's
keys, stored in ``story_keys`` (key → article). Because the sample is picked by the hash
alone, a shingle two copies share is a key in both or in neither, so a copy that dropped
a paragraph or gained a lead still shares most of its keys. Articles that share keys are
candidates; each candidate is then compared exactly (all shingles of both texts), and
it is the same story when the shorter text's shingles are mostly (``CONTAINMENT``) in
the longer one. Titles are left out: republishers rewrite them.

Boilerplate shared by the articles of one site (a footer, a "follow us" line) must not
make them one story. A key is *common*, and ignored, when ``COMMON`` articles already
hold it (stock phrases, boilerplate of large sites; it is then no longer indexed, which
also keeps every key's list short) or when two other articles of the same site hold it
(a site's boilerplate from its third article on). Two articles of the same site must
also agree more (``SAME_SITE_CONTAINMENT``) than copies in two outlets, which covers a
site's first articles, before its boilerplate is known.

The story id is the id of the story's first article in the archive. A new copy that
matches two stories joins them (the lower id stays).
"""

from __future__ import annotations

import sqlite3
import zlib
from collections import Counter
from collections.abc import Iterable, Sequence

SHINGLE = 5
SAMPLE = 8  # one shingle in SAMPLE is a key
CONTAINMENT = 0.5
SAME_SITE_CONTAINMENT = 0.8
MIN_SHARED = 8  # shingles two texts must share, however short they are
COMMON = 20
VERIFY = 8  # candidates compared exactly, most shared keys first


def resemblance(a: set[int], b: set[int]) -> float:
    """How much of the shorter text's shingles are in the other (0 when either is empty)."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b)) if len(a & b) >= MIN_SHARED else 0.0


class StoryIndex:
    """Assigns stories on one write connection; caches token hashes for the process.

    Token hashes are CRC-32 (stable everywhere); a shingle's hash is Python's hash of
    the tuple of its token hashes, which for integers is defined by the language's
    numeric hashing and the same in every 64-bit CPython since 3.8
    (``tests/test_stories.py`` pins it, so a change would fail the suite, not the
    archive).
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._token_hash: dict[str, int] = {}

    def shingles(self, tokens: Sequence[str]) -> set[int]:
        """The hashed 5-word shingles of a token list (lower-cased words)."""
        cache = self._token_hash
        missing = set(tokens).difference(cache)
        for token in missing:
            cache[token] = zlib.crc32(token.encode())
        ids = list(map(cache.__getitem__, tokens))
        return set(map(hash, zip(*(ids[i:] for i in range(SHINGLE)), strict=False)))

    def assign(
        self,
        article_id: int,
        site: str,
        tokens: Sequence[str],
        previous: Sequence[str] | None = None,
    ) -> int:
        """Give the article its story and index its keys; returns the story id.

        ``previous`` is the article's former text as tokens, when it is being rewritten:
        its keys are taken out first, so the new text decides alone.
        """
        if previous is not None:
            self.conn.executemany(
                "DELETE FROM story_keys WHERE key = ? AND article_id = ?",
                [(k, article_id) for k in _keys(self.shingles(previous))],
            )
        shingles = self.shingles(tokens)
        keys = _keys(shingles)
        held = [r for r in self._held(keys) if r[1] != article_id] if keys else []
        holders = Counter(key for key, _, _ in held)
        stories = set(self._matches(site, shingles, keys, held, holders))
        story = min(stories, default=article_id)
        others = sorted(stories - {story})
        if others:  # this copy joins two stories: the earlier one absorbs the other
            marks = ",".join("?" * len(others))
            self.conn.execute(
                f"UPDATE article_stories SET story = ? WHERE story IN ({marks})",
                [story, *others],
            )
        self.conn.execute(
            "INSERT OR REPLACE INTO article_stories (article_id, story) VALUES (?, ?)",
            (article_id, story),
        )
        if keys:  # keys already common are not indexed: every key's list stays short
            self.conn.executemany(
                "INSERT OR IGNORE INTO story_keys (key, article_id) VALUES (?, ?)",
                [(k, article_id) for k in keys if holders[k] < COMMON],
            )
        return story

    def _held(self, keys: list[int]) -> list[tuple[int, int, str]]:
        """(key, article, its site) for every indexed article holding one of the keys."""
        marks = ",".join("?" * len(keys))
        rows: list[tuple[int, int, str]] = self.conn.execute(
            "SELECT k.key, k.article_id, a.site FROM story_keys k"
            f" JOIN articles a ON a.id = k.article_id WHERE k.key IN ({marks})",
            keys,
        ).fetchall()
        return rows

    def _matches(
        self,
        site: str,
        shingles: set[int],
        keys: list[int],
        held: list[tuple[int, int, str]],
        holders: Counter[int],
    ) -> list[int]:
        """The stories of the archived articles this text is a copy of."""
        if not held:
            return []
        same_site = Counter(key for key, _, owner in held if owner == site)
        common = {k for k, n in holders.items() if n >= COMMON or same_site[k] >= 2}
        shared = Counter(other for key, other, _ in held if key not in common)
        sites = {other: owner for _, other, owner in held}
        least = 2 if len(keys) >= 6 else 1
        found = []
        for other, n in shared.most_common(VERIFY):
            if n < least:
                break
            row = self.conn.execute(
                "SELECT a.text, s.story FROM articles a"
                " LEFT JOIN article_stories s ON s.article_id = a.id WHERE a.id = ?",
                (other,),
            ).fetchone()
            if row is None:
                continue
            need = SAME_SITE_CONTAINMENT if sites[other] == site else CONTAINMENT
            if resemblance(shingles, self.shingles(_tokens(row[0]))) >= need:
                found.append(row[1] if row[1] is not None else other)
        return found


def _keys(shingles: Iterable[int]) -> list[int]:
    return sorted(h for h in shingles if h % SAMPLE == 0)


def _tokens(text: str | None) -> list[str]:
    from newsarchive.archive.lemmas import tokens

    return tokens(text or "")


def backfill(conn: sqlite3.Connection) -> int:
    """Stories for every article, oldest id first (the first copy names the story)."""
    index = StoryIndex(conn)
    count = 0
    for article_id, site, text in conn.execute("SELECT id, site, text FROM articles ORDER BY id"):
        index.assign(article_id, site, _tokens(text))
        count += 1
    return count
