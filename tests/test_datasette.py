"""The archive opens in Datasette with the shipped metadata, and its search finds word forms."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from .search_corpus import build
from .support import Result

Cli = Callable[..., Result]


def datasette_get(db: Path, metadata: dict[str, Any], path: str) -> Any:
    from datasette.app import Datasette

    async def run() -> Any:
        ds = Datasette(files=[str(db)], metadata=metadata)
        await ds.invoke_startup()
        response = await ds.client.get(path)
        assert response.status_code == 200, response.text
        return response.json()

    return asyncio.run(run())


@pytest.fixture
def archive(run_cli: Cli, tmp_path: Path) -> Path:
    return build(run_cli, tmp_path / "newsarchive.db")


def metadata_json(run_cli: Cli, db: Path) -> dict[str, Any]:
    result = run_cli("datasette-metadata", "--format", "json", "--db", str(db))
    assert result.exit_code == 0, result.stderr
    data = result.json()
    assert isinstance(data, dict)
    return data


def test_metadata_names_the_database_and_search(run_cli: Cli, archive: Path) -> None:
    data = metadata_json(run_cli, archive)
    articles = data["databases"]["newsarchive"]["tables"]["articles"]
    assert articles["fts_table"] == "articles_fts"
    assert articles["label_column"] == "title"
    assert articles["sort_desc"] == "published_date"


def test_yaml_metadata_reads_back_as_the_json(run_cli: Cli, archive: Path) -> None:
    yaml = pytest.importorskip("yaml")
    result = run_cli("datasette-metadata", "--db", str(archive))
    assert result.exit_code == 0
    assert yaml.safe_load(result.stdout) == metadata_json(run_cli, archive)


def test_datasette_search_finds_word_forms(run_cli: Cli, archive: Path) -> None:
    metadata = metadata_json(run_cli, archive)
    rows = datasette_get(
        archive, metadata, "/newsarchive/articles.json?_search=община&_shape=array"
    )
    assert {r["id"] for r in rows} == {1, 2, 3, 5}
    rows = datasette_get(
        archive, metadata, "/newsarchive/articles.json?_search=улиците&_shape=array"
    )
    assert {r["id"] for r in rows} == {1, 5}  # the plugin's escape_fts: every form, as the CLI


def test_datasette_table_sorted_newest_first(run_cli: Cli, archive: Path) -> None:
    rows = datasette_get(
        archive, metadata_json(run_cli, archive), "/newsarchive/articles.json?_shape=array"
    )
    dates = [r["published_date"] for r in rows]
    assert dates == sorted(dates, reverse=True)


def test_datasette_canned_word_search_ranks_and_marks(run_cli: Cli, archive: Path) -> None:
    rows = datasette_get(
        archive,
        metadata_json(run_cli, archive),
        "/newsarchive/word_search.json?word=общините&_shape=array",
    )
    assert {r["id"] for r in rows} == {1, 2, 3, 5}
    assert all("**" in r["snippet"] for r in rows)


def test_datasette_without_metadata_still_detects_search(archive: Path) -> None:
    rows = datasette_get(archive, {}, "/newsarchive/articles.json?_search=парк&_shape=array")
    assert [r["id"] for r in rows] == [3]
    assert json.dumps(rows)
