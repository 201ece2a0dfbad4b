"""Datasette metadata for an archive: ``newsarchive datasette-metadata > metadata.yml``, then
``datasette newsarchive.db -m metadata.yml``.

Datasette finds ``articles_fts`` by itself; the metadata adds what it cannot guess: the
title as each row's label, newest articles first, a site facet, the bm25-ranked search
of the table (its search box matches every word form, because the index holds the
lemma columns too), column descriptions and the raw captures hidden.
"""

from __future__ import annotations

import json
from typing import Any

COLUMNS = {
    "site": "Site id (bta, ruse-bg, ruse24, nsorb, ...)",
    "url": "Canonical URL of the article",
    "published": "Publication date or date-time as the site gives it (ISO 8601)",
    "published_date": "Local calendar date of publication (what date filters compare)",
    "text": "Article text, paragraphs separated by newlines",
    "title_lemmas": "Search helper: dictionary forms of title words that differ from the word",
    "text_lemmas": "Search helper: dictionary forms of text words that differ from the word",
    "fetched_at": "When the article was first archived (UTC)",
    "updated_at": "When its content last changed (UTC)",
    "capture_id": "The raw HTTP capture it was extracted from",
}

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
order by bm25(articles_fts, 5.0, 1.0, 5.0, 1.0), a.published_date desc
limit 100
""".strip()


def metadata(database: str) -> dict[str, Any]:
    """Metadata for the archive file whose name (without extension) is ``database``."""
    return {
        "title": "newsarchive",
        "description": "Bulgarian news archive. Search matches every form of a word "
        "(община finds общината, общините).",
        "databases": {
            database: {
                "tables": {
                    "articles": {
                        "label_column": "title",
                        "sort_desc": "published_date",
                        "fts_table": "articles_fts",
                        "fts_pk": "id",
                        "facets": ["site"],
                        "size": 50,
                        "columns": COLUMNS,
                    },
                    "captures": {"hidden": True},
                    "lemma_vocab": {
                        "description": "Word forms in the archive and their dictionary form "
                        "(filled when articles are written; used to lemmatise queries)",
                    },
                },
                "queries": {
                    "word_search": {
                        "title": "Search one word in all its forms, ranked, with snippets",
                        "description": "Type the word in lower case (SQLite lower-cases "
                        "only Latin letters); every archived form of it is found.",
                        "sql": SEARCH_SQL,
                    }
                },
            }
        },
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
