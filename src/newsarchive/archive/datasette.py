"""Datasette metadata for an archive: ``newsarchive datasette-metadata > metadata.yml``, then
``datasette newsarchive.db -m metadata.yml``.

Datasette finds ``articles_fts`` by itself; the metadata adds what it cannot guess: the
title as each row's label, newest articles first, a site facet, the bm25-ranked search
of the table, and the internal tables hidden. Datasette metadata is keyed by database
name, so a file only fits the archive it was made for; the newsarchive Datasette plugin
(``newsarchive[web]``) applies the same settings to any archive whatever its name.
"""

from __future__ import annotations

import json
from typing import Any

from newsarchive.archive.gone import GONE_SQL
from newsarchive.archive.search import WEIGHTS

# Tables an analyst has no use for: raw pages and the crawler's bookkeeping.
INTERNAL_TABLES = (
    "captures", "frontier", "fetch_state", "runs", "listing_walks", "site_discovery",
    "article_urls", "lemma_vocab", "story_keys",
)  # fmt: skip
# Columns that exist for the search index only; hidden in the web UI.
LEMMA_COLUMNS = ("title_lemmas", "text_lemmas")
_WEIGHTS = ", ".join(str(w) for w in WEIGHTS)  # the CLI's ranking

SEARCH_SQL = """
with q as (
  select coalesce((select lemma from lemma_vocab where form = lower(:word)),
                  replace(lower(:word), '"', '')) as lemma
), e as (
  select '"' || q.lemma || '"' || coalesce(
    (select group_concat(' OR "' || v.form || '"', '') from lemma_vocab v
     where v.lemma = q.lemma), '') as expr
  from q
)
select a.id, a.site, a.published_date, a.title,
  snippet(articles_fts, 1, '**', '**', '…', 24) as snippet, a.url
from articles_fts join articles a on a.id = articles_fts.rowid
where articles_fts match (select expr from e)
order by bm25(articles_fts, {weights}), a.published_date desc
limit 100
""".strip().format(weights=_WEIGHTS)

# With the newsarchive plugin loaded, the full query language (any case, OR, prefixes,
# phrases) through the lemma-aware SQL function the plugin registers.
PLUGIN_SEARCH_SQL = """
select a.id, a.site, a.published_date, a.title,
  snippet(articles_fts, 1, '**', '**', '…', 24) as snippet, a.url
from articles_fts join articles a on a.id = articles_fts.rowid
where articles_fts match newsarchive_match(:q)
order by bm25(articles_fts, {weights}), a.published_date desc
limit 100
""".strip().format(weights=_WEIGHTS)

DESCRIPTION = (
    "Bulgarian news archive. Search matches every form of a word (община finds общината, общините)."
)


def database_metadata(*, plugin: bool) -> dict[str, Any]:
    """The table settings of one archive database: the one source for both the
    ``datasette-metadata`` file and the plugin, which applies it to any file name."""
    if plugin:
        query = {
            "title": "Search in all word forms, ranked, with snippets",
            "description": "Words (any form, any case), "
            '"exact phrase", OR, -word, prefix*, (groups).',
            "sql": PLUGIN_SEARCH_SQL,
        }
    else:
        query = {
            "title": "Search one word in all its forms, ranked, with snippets",
            "description": "Type the word in lower case (SQLite lower-cases "
            "only Latin letters) and without stress marks, as printed (plain SQL "
            "cannot compose it as the CLI does); every archived form of it is found.",
            "sql": SEARCH_SQL,
        }
    tables: dict[str, Any] = {
        "articles": {
            "description": "One row per article, newest first. The search box finds "
            "every form of a word.",
            "label_column": "title",
            "sort_desc": "published_date",
            "fts_table": "articles_fts",
            "fts_pk": "id",
            "facets": ["site"],
            "size": 50,
        },
        "revisions": {
            "description": "Earlier versions of articles, kept when a re-fetch or a"
            " re-extraction changed their title or text (seen_at: first seen; replaced_at:"
            " when a newer version replaced it). Search covers current versions only.",
            "label_column": "title",
            "sort_desc": "replaced_at",
        },
    }
    tables.update({name: {"hidden": True} for name in INTERNAL_TABLES})
    gone = {
        "title": "Archived articles gone from their site",
        "description": "Articles whose page a later fetch (crawl --recheck) found removed:"
        " 404 or 410, a redirect to the home page or a listing, a page saying it is not"
        " found. The archived version is the one kept.",
        "sql": GONE_SQL,
    }
    queries = {"search" if plugin else "word_search": query, "gone": gone}
    return {"tables": tables, "queries": queries}


def metadata(database: str) -> dict[str, Any]:
    """Metadata for the archive file whose name (without extension) is ``database``."""
    return {
        "title": "newsarchive",
        "description": DESCRIPTION,
        "databases": {database: database_metadata(plugin=False)},
    }


def to_yaml(data: Any, indent: int = 0) -> str:
    """A small YAML writer for metadata (dicts, lists, strings, numbers, booleans).

    Strings are written as JSON strings, which YAML reads as double-quoted scalars.
    """
    pad = "  " * indent
    lines: list[str] = []
    if isinstance(data, dict):
        for key, value in data.items():
            if isinstance(value, dict | list) and value:
                lines.append(f"{pad}{_scalar(key)}:")
                lines.append(to_yaml(value, indent + 1).rstrip("\n"))
            else:
                lines.append(f"{pad}{_scalar(key)}: {_scalar(value)}")
    else:
        for item in data:
            lines.append(f"{pad}- {_scalar(item)}")
    return "\n".join(lines) + "\n"


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return json.dumps(str(value), ensure_ascii=False)
