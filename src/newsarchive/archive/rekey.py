"""An archive's URL keys brought under today's identity rule (schema v10, v12, v16-v18, v24-v28).

Releases before session ids left the normal form (``PHPSESSID``, ``;jsessionid=``, a
token-like ``sid``) stored keys and URLs with them: a site writing another id into
every link had one article under several rows, each found only by its own stale
spelling. So did releases before a link through the site's redirector was the address
it names, or a Joomla article's address was one whatever ``Itemid`` a module gave it
(v12), or a field's name kept an ``&`` a CMS escaped twice (``amp;kat``, v16), or an
address kept a referrer's tag (``?ref=rss``, ``?ref_src=…``) or a portal's return
address (``?redirect=<the list page>``, v17), or a cache-buster (``?t=<milliseconds>``,
v24), or a wall's way back (``?next=/…``, v25), or a folder's index page
(``/novini/5/index.html`` for ``/novini/5/``, v26), or a random cache-buster
(``?rnd=0.48213765213123``) or a box's word (``?from=nachalo``, v27), or a print
copy's flag (``?pechat=1``, ``&print=1``, v28). The
next crawl mends none of it: its links (without the ids) match no key, so
``show`` with a plain URL finds nothing, and once a listing changes every article on it
is fetched again as new; rows already duplicated stay so, since a crawl never merges two
archived rows. So the archive is re-keyed once, here:

* every key in ``article_urls``, ``frontier`` and ``shared_canonicals`` is recomputed
  (``urls.current_key``); articles whose keys now meet are one article;
* of such a group the lowest id stays (it names its story, ``archive.stories``) and
  takes the newest version (latest ``updated_at``) and the earliest ``fetched_at``; every
  other version the group held becomes a revision of it, the revisions the rows had are
  moved to it, so are their captures: nothing a page ever said is dropped;
* an article URL whose key changed takes its normal form, so the archive names it as
  links do now; a frontier URL too, the more settled of two spellings winning.

With ``redirects`` (v12), an article is also known by the address its page was answered
at when the server redirected the fetch there (its current capture's final URL): a row
archived by an early release under the address it asked for (``/go?id=5``) is one with
the row archived under the address it ended at (``/novini/5``), as a crawl today would
have made them. Not when that is the home page (a deleted article's redirect), a
canonical URL pages of different articles share, or where several rows' fetches ended
(a site sending gone pages to one place): those say nothing of which article it is.

Fetch validators and listing walks are keyed by the exact URL fetched: a stale one is
only never asked for again.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from dataclasses import dataclass
from typing import NamedTuple

from newsarchive.archive import revisions
from newsarchive.archive.stories import leave
from newsarchive.discover.urls import current_key, is_home_page, normalize_url, url_key

_VERSION = ", ".join(revisions.REVISION_FIELDS)


@dataclass(frozen=True)
class _Row:
    id: int
    url: str
    source_url: str | None
    fields: tuple[object, ...]  # _VERSION's
    fetched_at: str
    updated_at: str
    capture_id: int | None
    extractor: str | None


class Rekeyed(NamedTuple):
    """What a re-keying did: URL keys rewritten, duplicate article rows merged (the
    upgrade's step says so once its transaction commits: ``schema.ensure_schema``)."""

    rewritten: int
    merged: int


def rekey(conn: sqlite3.Connection, *, redirects: bool = False) -> Rekeyed:
    """Re-key the archive (inside the caller's transaction); how many keys were rewritten
    and rows merged. ``redirects``: an article's fetch's final URL is one of its keys too.

    A key whose article is gone (a row deleted by hand, in a sqlite3 shell or Datasette)
    names nothing and is dropped first: merged with a row it met, it stopped the upgrade
    (no row to read), so every command failed on the archive, exit 70, for good; and
    holding today's key of a live article's stale one, it would have taken the key from
    it."""
    conn.execute("DELETE FROM article_urls WHERE article_id NOT IN (SELECT id FROM articles)")
    keys = conn.execute("SELECT url_key, article_id FROM article_urls").fetchall()
    moved = {key: now for key, _ in keys if (now := current_key(key)) != key}
    landed = _redirected(conn) if redirects else []
    merged = 0
    groups = _groups([*keys, *landed], moved)
    for group in groups:
        merged += _merge(conn, group)
    if merged:  # the merged rows' story keys, in one pass (``_forget_stories``)
        conn.execute("DELETE FROM story_keys WHERE article_id NOT IN (SELECT id FROM articles)")
    for key, now in moved.items():
        conn.execute("UPDATE OR IGNORE article_urls SET url_key = ? WHERE url_key = ?", (now, key))
        conn.execute("DELETE FROM article_urls WHERE url_key = ?", (key,))  # now's was there
    kept = {member: group[0] for group in groups for member in group}
    conn.executemany(  # (a key an article holds already stays its)
        "INSERT OR IGNORE INTO article_urls (url_key, article_id) VALUES (?, ?)",
        [(key, kept.get(article_id, article_id)) for key, article_id in landed],
    )
    changed = {article_id for key, article_id in keys if key in moved}
    changed.update(group[0] for group in groups)  # it may have taken a stale URL
    _normal_urls(conn, changed)
    _rekey_shared(conn)
    _rekey_frontier(conn)
    return Rekeyed(len(moved), merged)


def _redirected(conn: sqlite3.Connection) -> list[tuple[str, int]]:
    """(key of the final URL, article id) for each article whose current capture was
    redirected, where that says which article it is (the module's docstring)."""
    shared = {key for (key,) in conn.execute("SELECT url_key FROM shared_canonicals")}
    claims: dict[str, set[int]] = defaultdict(set)
    for article_id, asked, final in conn.execute(
        "SELECT a.id, c.url, c.final_url FROM articles a JOIN captures c ON c.id = a.capture_id"
        " WHERE c.final_url != c.url AND instr(a.url, '#') = 0"  # (an item's is its page's)
    ):
        if is_home_page(final) and not is_home_page(asked):
            continue
        if (key := url_key(final)) != url_key(asked) and key not in shared:
            claims[key].add(article_id)
    return [(key, ids.pop()) for key, ids in claims.items() if len(ids) == 1]


def _groups(keys: list[tuple[str, int]], moved: dict[str, str]) -> list[list[int]]:
    """Article ids that share a key today, in groups of two or more."""
    parent: dict[int, int] = {}

    def root(item: int) -> int:
        while parent.setdefault(item, item) != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    owner: dict[str, int] = {}
    for key, article_id in keys:
        now = moved.get(key, key)
        if now in owner:
            parent[root(article_id)] = root(owner[now])
        else:
            owner[now] = article_id
    members: dict[int, list[int]] = defaultdict(list)
    for article_id in parent:
        members[root(article_id)].append(article_id)
    return [sorted(ids) for ids in members.values() if len(ids) > 1]


_COPIED = (
    "url, source_url, title, published, published_date, date_source, author, tags, text,"
    " title_lemmas, text_lemmas, updated_at, capture_id, extractor"
)


def _merge(conn: sqlite3.Connection, ids: list[int]) -> int:
    """One article from ``ids``: the lowest id, with the newest version; the others'
    versions kept as its revisions. Returns how many rows went."""
    rows = [_read(conn, article_id) for article_id in ids]
    kept, current = rows[0], max(rows, key=lambda r: (r.updated_at, r.id))
    dropped = [r.id for r in rows[1:]]
    marks = ",".join("?" * len(dropped))
    for table in ("revisions", "captures", "article_urls"):
        conn.execute(
            f"UPDATE {table} SET article_id = ? WHERE article_id IN ({marks})",
            [kept.id, *dropped],
        )
    # when each version the group held was seen: what replaced a version is the next one
    seen = sorted(
        {r.fetched_at for r in rows}
        | {r.updated_at for r in rows}
        | {when for (when,) in conn.execute(
            "SELECT seen_at FROM revisions WHERE article_id = ?", (kept.id,)
        )}
    )  # fmt: skip
    for row in rows:
        if row is current or row.fields == current.fields:
            continue
        replaced = next((when for when in seen if when > row.updated_at), current.updated_at)
        revisions.keep_older(
            conn, kept.id, row.fields, seen_at=row.updated_at, replaced_at=replaced,
            capture_id=row.capture_id, extractor=row.extractor,
        )  # fmt: skip
    newest = conn.execute(f"SELECT {_COPIED} FROM articles WHERE id = ?", (current.id,)).fetchone()
    _forget_stories(conn, dropped)
    conn.execute(f"DELETE FROM articles WHERE id IN ({marks})", dropped)
    conn.execute(
        f"UPDATE articles SET ({_COPIED}, fetched_at) = ({', '.join('?' * 15)}) WHERE id = ?",
        (*newest, min(r.fetched_at for r in rows), kept.id),
    )
    if current.fields[4] != kept.fields[4]:
        _restory(conn, kept.id, str(kept.fields[4]), str(current.fields[4]))
    return len(dropped)


def _read(conn: sqlite3.Connection, article_id: int) -> _Row:
    row = conn.execute(
        f"SELECT id, url, source_url, {_VERSION}, fetched_at, updated_at, capture_id,"
        " extractor FROM articles WHERE id = ?",
        (article_id,),
    ).fetchone()
    return _Row(row[0], row[1], row[2], tuple(row[3:8]), row[8], row[9], row[10], row[11])


def _forget_stories(conn: sqlite3.Connection, dropped: list[int]) -> None:
    """The dropped rows leave their stories (``stories.leave``). Their story keys are
    left to ``rekey``, which takes all of them out at the end in one pass: ``story_keys``
    is keyed by key, so taking one article's out reads the whole table, once per merged
    row (hours, on 100k articles). Until then no story reads them (``StoryIndex`` reads
    keys of archived articles only)."""
    leave(conn, dropped)


def _restory(conn: sqlite3.Connection, article_id: int, old: str, new: str) -> None:
    """The kept row took another row's text: its story is found again from that text."""
    from newsarchive.archive.lemmas import tokens
    from newsarchive.archive.stories import StoryIndex

    (site,) = conn.execute("SELECT site FROM articles WHERE id = ?", (article_id,)).fetchone()
    StoryIndex(conn).assign(article_id, site, tokens(new), previous=tokens(old))


def _normal_urls(conn: sqlite3.Connection, changed: set[int]) -> None:
    """The articles some of whose keys changed: their URLs in today's normal form (one
    that another row holds already is left: no row is ever lost to a rename)."""
    for article_id in sorted(changed):
        row = conn.execute(
            "SELECT url, source_url FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        if row is None:  # merged into another
            continue
        url = normalize_url(row[0]) or row[0]
        source = (normalize_url(row[1]) or row[1]) if row[1] else None
        source = source if source != url else None
        if (url, source) != tuple(row):
            conn.execute(
                "UPDATE OR IGNORE articles SET url = ?, source_url = ? WHERE id = ?",
                (url, source, article_id),
            )


def _rekey_shared(conn: sqlite3.Connection) -> None:
    for (key,) in conn.execute("SELECT url_key FROM shared_canonicals").fetchall():
        if (now := current_key(key)) != key:
            conn.execute(
                "UPDATE OR IGNORE shared_canonicals SET url_key = ? WHERE url_key = ?", (now, key)
            )
            conn.execute("DELETE FROM shared_canonicals WHERE url_key = ?", (key,))


def _rekey_frontier(conn: sqlite3.Connection) -> None:
    from newsarchive.archive.schema import FRONTIER_SETTLED_FIRST

    rows = conn.execute(
        f"SELECT url_key, url FROM frontier ORDER BY {FRONTIER_SETTLED_FIRST}"
    ).fetchall()
    spellings: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for key, url in rows:
        spellings[url_key(url)].append((key, url))
    for now, found in spellings.items():
        if [key for key, _ in found] == [now]:
            continue
        best_key, best_url = found[0]
        losers = [key for key, _ in found[1:]]
        conn.executemany("DELETE FROM frontier WHERE url_key = ?", [(k,) for k in losers])
        conn.execute(  # OR IGNORE: a key another row still holds stays as it was
            "UPDATE OR IGNORE frontier SET url_key = ?, url = ? WHERE url_key = ?",
            (now, normalize_url(best_url) or best_url, best_key),
        )
