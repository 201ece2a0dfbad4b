"""Small Bulgarian archives for the search tests, built through ``newsarchive import-jsonl``."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from .support import Result

ARTICLES: list[dict[str, Any]] = [
    {
        "site": "bta",
        "url": "https://www.bta.bg/1",
        "title": "Общината ремонтира улиците",
        "published": "2024-05-01",
        "text": "Общината започна ремонт на улиците в центъра на Русе.\n"
        "Кметът обеща нови тротоари до есента.",
    },
    {
        "site": "ruse-bg",
        "url": "https://ruse-bg.eu/2",
        "title": "Среща за Дунав мост",
        "published": "2023-03-10T10:00:00+02:00",
        "text": "Представители на общините се срещнаха в Русе.\n"
        "Социалната политика беше основна тема на срещата.",
    },
    {
        "site": "bta",
        "url": "https://www.bta.bg/3",
        "title": "Нов парк в града",
        "published": "2022-01-02",
        "text": "В града беше открит нов парк с детска площадка.\n"
        "Една община в областта също планира парк. Социални услуги ще има и там.",
    },
    {
        "site": "ruse24",
        "url": "https://ruse24.bg/4",
        "title": "Футболният клуб спечели",
        "published": "2021-07-15",
        "text": "Отборът на Дунав спечели мача с два гола.\nФеновете празнуваха на площада.",
    },
    {
        "site": "nsorb",
        "url": "https://www.namrb.org/5",
        "title": "Бюджет за малки общини",
        "published": "2020-11-20",
        "text": "Министерството одобри бюджет за малки общини.\n"
        "Парите ще стигнат за една улица и едно училище.",
    },
]


def write_jsonl(path: Path, records: Iterable[dict[str, Any]]) -> Path:
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    return path


def build(
    run_cli: Callable[..., Result], db: Path, records: Iterable[dict[str, Any]] = ARTICLES
) -> Path:
    source = write_jsonl(db.with_suffix(".jsonl"), records)
    result = run_cli("import-jsonl", str(source), "--db", str(db))
    assert result.exit_code == 0, result.stderr
    return db


def ids(result: Result) -> list[int]:
    assert result.exit_code == 0, result.stderr
    hits = result.json()
    assert isinstance(hits, list)
    return [int(h["id"]) for h in hits]
