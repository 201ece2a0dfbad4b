"""One story, many outlets: every article gets a ``story`` id shared with its
near-duplicates already in the archive, from any site, when it is written.

Method: word shingling with a candidate index (Broder's resemblance with "mod m"
sampling). The body text is cut into overlapping 5-word shingles, each hashed to 64
bits; the shingles whose hash is 0 modulo ``SAMPLE`` (one in sixteen) are the article's
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
matches two stories joins them (the lower id stays). Only articles in a story with
others have an ``article_stories`` row; an article alone is its own story (its id), so
the common case writes nothing but its keys.
"""

from __future__ import annotations

import sqlite3
import struct
import zlib
from array import array
from collections import Counter
from collections.abc import Iterable, Sequence

SAMPLE = 16  # one shingle in SAMPLE is a key
CONTAINMENT = 0.5
SAME_SITE_CONTAINMENT = 0.8
MIN_SHARED = 8  # shingles two texts must share, however short they are
COMMON = 20
VERIFY = 8  # candidates compared exactly, most shared keys first
RECENT = 4096  # articles whose shingles are kept in memory
_FILTER_BITS = 1 << 27  # of the keys an index wrote (``StoryIndex._may_hold``): 16 MB
_MASK = _FILTER_BITS - 1


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
        # What the index already said, remembered so each article does not ask again:
        # keys held by COMMON articles, and keys two articles of a site hold (its
        # boilerplate), per site. Neither is queried nor indexed again.
        self._common: set[int] = set()
        self._site_common: dict[str, set[int]] = {}
        # Shingles of recently written articles: a copy usually arrives soon after the
        # original, and comparing with it then needs no re-reading of its text.
        self._recent: dict[int, Shingles] = {}
        # When ``story_keys`` held nothing as this index began (a first import, a first
        # crawl), two bits per key it stores since (a Bloom filter): a key whose two bits
        # are not both set is held by no article, and an article none of whose keys may
        # be held needs no lookup. Most articles of a first import are so (200,000:
        # the lookups were a tenth of the writer's time). A key taken out leaves its
        # bits set (a needless lookup, never a missed one); so does a rolled-back insert.
        self._may_hold: bytearray | None = None
        self._began = False  # (whether story_keys was empty is asked at the first article)

    def shingles(self, tokens: Sequence[str]) -> set[int]:
        """The hashed 5-word shingles of a token list (lower-cased words)."""
        return shingles(tokens, self._token_hash)

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
        return self.assign_shingles(article_id, site, Shingles(self.shingles(tokens)), previous)

    def assign_shingles(
        self,
        article_id: int,
        site: str,
        shingles: Shingles,
        previous: Sequence[str] | None = None,
    ) -> int:
        """``assign`` for a text whose ``shingles`` were worked out already (by import's
        worker process: ``store.Preparer``)."""
        if previous is not None:
            self.conn.executemany(
                "DELETE FROM story_keys WHERE key = ? AND article_id = ?",
                [(k, article_id) for k in _keys(self.shingles(previous))],
            )
        if not self._began:  # (a rewrite of a stored article asks nothing: keys are held)
            self._began = True
            empty = "SELECT 1 FROM story_keys LIMIT 1"
            if previous is None and self.conn.execute(empty).fetchone() is None:
                self._may_hold = bytearray(_FILTER_BITS >> 3)
        self._remember(article_id, shingles)
        site_common = self._site_common.setdefault(site, set())
        keys = shingles.keys
        if self._common or site_common:
            keys = [k for k in keys if k not in self._common and k not in site_common]
        lookup = keys and self._may_be_held(keys)
        held = [r for r in self._held(keys) if r[1] != article_id] if lookup else []
        matched = self._matches(site, shingles, len(keys), held) if held else []
        stories = {other if story is None else story for other, story in matched}
        story = min(stories, default=article_id)
        others = sorted(stories - {story})
        if others:  # this copy joins two stories: the earlier one absorbs the other
            marks = ",".join("?" * len(others))
            self.conn.execute(
                f"UPDATE article_stories SET story = ? WHERE story IN ({marks})",
                [story, *others],
            )
        if matched:  # an article alone in its story has no row (its story is its id)
            self.conn.executemany(
                "INSERT OR REPLACE INTO article_stories (article_id, story) VALUES (?, ?)",
                [(article_id, story), *((o, story) for o, s in matched if s is None)],
            )
        elif previous is not None:  # rewritten into a story of its own
            self.conn.execute(
                "UPDATE article_stories SET story = article_id WHERE article_id = ?",
                (article_id,),
            )
        if held:  # what the lookup taught about common keys
            keys = [k for k in keys if k not in self._common and k not in site_common]
        if keys:
            self.conn.executemany(
                "INSERT OR IGNORE INTO story_keys (key, article_id) VALUES (?, ?)",
                [(k, article_id) for k in keys],
            )
            self._mark(keys)
        return story

    def forget(self, article_id: int, tokens: Sequence[str]) -> None:
        """Take out an article about to be deleted, its text ``tokens``: its keys (its id
        may be given again to the next article inserted, which must not inherit them) and
        its place in its story (``leave``)."""
        self.conn.executemany(
            "DELETE FROM story_keys WHERE key = ? AND article_id = ?",
            [(k, article_id) for k in _keys(self.shingles(tokens))],
        )
        self._recent.pop(article_id, None)
        leave(self.conn, [article_id])

    def _may_be_held(self, keys: list[int]) -> bool:
        """Whether any of ``keys`` may be in ``story_keys`` (``_may_hold``)."""
        bits = self._may_hold
        if bits is None:
            return True
        for key in keys:  # (a key's low bits are 0: SAMPLE; two other ranges of its hash)
            a, b = (key >> 4) & _MASK, (key >> 31) & _MASK
            if bits[a >> 3] >> (a & 7) & 1 and bits[b >> 3] >> (b & 7) & 1:
                return True
        return False

    def _mark(self, keys: list[int]) -> None:
        bits = self._may_hold
        if bits is not None:
            for key in keys:
                a, b = (key >> 4) & _MASK, (key >> 31) & _MASK
                bits[a >> 3] |= 1 << (a & 7)
                bits[b >> 3] |= 1 << (b & 7)

    def _remember(self, article_id: int, shingles: Shingles) -> None:
        recent = self._recent
        if article_id in recent:
            del recent[article_id]
        elif len(recent) >= RECENT:
            del recent[next(iter(recent))]
        recent[article_id] = shingles

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
        self, site: str, shingles: Shingles, nkeys: int, held: list[tuple[int, int, str]]
    ) -> list[tuple[int, int | None]]:
        """(article, its story or None when alone) for each archived article this text
        is a copy of; learns which of the keys are common on the way."""
        holders = Counter(key for key, _, _ in held)
        same_site = Counter(key for key, _, owner in held if owner == site)
        self._common.update(k for k, n in holders.items() if n >= COMMON)
        self._site_common[site].update(k for k, n in same_site.items() if n >= 2)
        common = self._common | self._site_common[site]
        shared = Counter(other for key, other, _ in held if key not in common)
        sites = {other: owner for _, other, owner in held}
        least = 2 if nkeys >= 6 else 1
        found: list[tuple[int, int | None]] = []
        for other, n in shared.most_common(VERIFY):
            if n < least:
                break
            need = SAME_SITE_CONTAINMENT if sites[other] == site else CONTAINMENT
            if resemblance(shingles.hashes(), self._shingles_of(other)) >= need:
                row = self.conn.execute(
                    "SELECT story FROM article_stories WHERE article_id = ?", (other,)
                ).fetchone()
                found.append((other, row[0] if row else None))
        return found

    def _shingles_of(self, article_id: int) -> set[int]:
        found = self._recent.get(article_id)
        if found is None:
            row = self.conn.execute(
                "SELECT text FROM articles WHERE id = ?", (article_id,)
            ).fetchone()
            return self.shingles(_tokens(row[0] if row else ""))
        return found.hashes()


class Shingles:
    """A text's shingles and its keys (``_keys``, in the order the set gave them), as the
    writer needs them. Sent to another process (import's writer) as 64-bit integers in
    bytes: a set of Python integers cost the writer more to receive than to make. There
    the set is made again only when a comparison needs it (``hashes``)."""

    __slots__ = ("_hashes", "_packed", "keys")

    def __init__(self, hashes: set[int] | None, packed: bytes = b"", keys: list[int] | None = None):
        self._hashes = hashes
        self._packed = packed
        self.keys = _keys(hashes) if keys is None and hashes is not None else keys or []

    def hashes(self) -> set[int]:
        if self._hashes is None:
            self._hashes = set(array("q", self._packed))
        return self._hashes

    def __reduce__(self) -> tuple[type[Shingles], tuple[None, bytes, list[int]]]:
        # (packed by ``struct`` from the set's items as arguments: the same bytes as
        # ``array("q", hashes).tobytes()``, which took the import's worker 14 µs an
        # article, item by item from the set, against 7)
        hashes = self._hashes
        packed = self._packed if hashes is None else struct.pack(f"{len(hashes)}q", *hashes)
        return Shingles, (None, packed, self.keys)


def shingles(tokens: Sequence[str], token_hash: dict[str, int]) -> set[int]:
    """The hashed 5-word shingles of a token list (lower-cased words); ``token_hash`` is
    the caller's cache of each word's CRC-32, filled as words are met."""
    try:  # most texts use only words seen before: one pass in C
        ids = list(map(token_hash.__getitem__, tokens))
    except KeyError:
        for token in set(tokens).difference(token_hash):
            token_hash[token] = zlib.crc32(token.encode())
        ids = list(map(token_hash.__getitem__, tokens))
    windows = zip(ids, ids[1:], ids[2:], ids[3:], ids[4:], strict=False)  # 5 words
    return set(map(hash, windows))


def leave(conn: sqlite3.Connection, dropped: list[int]) -> None:
    """The rows ``dropped`` (about to be deleted) leave their stories; a story named
    after one of them is named after its lowest remaining member, as a story is named
    after its first article. Their story keys are the caller's (``StoryIndex.forget``;
    ``rekey`` takes all of a pass's out at its end)."""
    for article_id in dropped:
        conn.execute("DELETE FROM article_stories WHERE article_id = ?", (article_id,))
        (first,) = conn.execute(
            "SELECT min(article_id) FROM article_stories WHERE story = ?", (article_id,)
        ).fetchone()
        if first is not None:
            conn.execute(
                "UPDATE article_stories SET story = ? WHERE story = ?", (first, article_id)
            )


def _keys(shingles: Iterable[int]) -> list[int]:
    """The sampled shingles: those whose hash is 0 modulo SAMPLE (a power of two), in
    the order ``shingles`` gives them (a list comprehension: 10 µs an import's article,
    where ``filterfalse`` with a bound ``int.__and__`` took 13-15)."""
    mask = SAMPLE - 1
    return [key for key in shingles if not key & mask]


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
