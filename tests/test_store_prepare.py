"""A crawl hands ``upsert_article`` plain articles: only a row it writes is worked out for
search (lemma columns, story shingles), so re-reading an unchanged article costs no
lemmatizing, not even the loading of its dictionary."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

import newsarchive.archive.lemmas as lemmas
from newsarchive.archive.connection import connect
from newsarchive.archive.store import Store
from newsarchive.models import Article

URL = "http://127.0.0.1:9/novini/12"
ARTICLE = Article(title="Ремонт на улиците в центъра", text="Общината ремонтира улиците. " * 5)


class _Refused(lemmas.Lemmatizer):
    def __init__(self) -> None:
        raise AssertionError("the lemmatizer was loaded for an unchanged article")


def test_an_unchanged_article_read_again_is_not_lemmatized(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "a.db"
    with closing(connect(db, create=True)) as conn:
        with conn:
            assert Store(conn).upsert_article(ARTICLE, site="s", url=URL) == "new"
        with monkeypatch.context() as patched:
            patched.setattr(lemmas, "Lemmatizer", _Refused)
            with conn:
                assert Store(conn).upsert_article(ARTICLE, site="s", url=URL) == "unchanged"
        edited = Article(title=ARTICLE.title, text="Общината ремонтира площадите. " * 5)
        with conn:
            assert Store(conn).upsert_article(edited, site="s", url=URL) == "updated"
    with closing(sqlite3.connect(db)) as conn:
        (text_lemmas,) = conn.execute("SELECT text_lemmas FROM articles").fetchone()
    assert "площад" in text_lemmas  # the written row is worked out for search
