"""One rule for what the memos of a page's strings keep (``memo``): the strings a site
repeats, never a long one a page wrote once (addresses, class names, its data's keys)."""

from __future__ import annotations

import tracemalloc

from newsarchive.discover import embedded
from newsarchive.memo import MEMO_CHARS, memoised


def test_a_string_of_ordinary_length_is_read_once_a_long_one_each_time() -> None:
    read: list[str] = []

    def reading(text: str) -> int:
        read.append(text)
        return len(text)

    counted = memoised(reading, 16)
    short, long = "news-list", "x" * (MEMO_CHARS + 1)
    assert [counted(short), counted(short), counted(long), counted(long)] == [
        9, 9, MEMO_CHARS + 1, MEMO_CHARS + 1,
    ]  # fmt: skip
    assert read == [short, long, long]
    assert counted("y" * MEMO_CHARS) == MEMO_CHARS and counted("y" * MEMO_CHARS) == MEMO_CHARS
    assert len(read) == 4  # (the longest kept)


def test_long_keys_of_a_pages_data_are_not_kept_from_page_to_page() -> None:
    def pages(first: int) -> None:
        for n in range(first, first + 200):
            # a GraphQL cache's key, its query's arguments in it
            key = f'ROOT_QUERY.posts({{"where":{{"id":{n}}},"x":"' + "z" * 20_000 + '"})'
            assert not embedded._navigation(key)
        assert embedded._navigation("mainMenu") and not embedded._navigation("articles")

    tracemalloc.start()
    try:
        pages(0)
        before = tracemalloc.get_traced_memory()[0]
        pages(200)
        kept = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert kept < 1_000_000  # (each page's key kept: 200 pages, 4 MB)
