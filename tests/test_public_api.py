"""The public Python API is pinned: changing it must be a conscious decision."""

from __future__ import annotations

import datetime as dt

import newsarchive


def test_public_api_all_is_pinned() -> None:
    assert sorted(newsarchive.__all__) == ["Article", "Profile", "__version__", "extract"]


def test_public_api_extract_returns_article_with_contract_fields() -> None:
    html = (
        "<html><head><title>Сайт :: Заглавие</title>"
        '<meta property="article:published_time" content="2018-10-12T10:30:00+03:00">'
        "</head><body><article><h1>Кръгла маса в общината</h1>"
        "<p>Първият абзац разказва какво се случи на срещата в община Русе днес.</p>"
        "<p>Вторият абзац добавя подробности, цифри и мнения на участниците в нея.</p>"
        "</article></body></html>"
    )
    article = newsarchive.extract(html, url="https://example.bg/a")
    assert isinstance(article, newsarchive.Article)
    assert article.title == "Кръгла маса в общината"
    assert article.published == dt.datetime(
        2018, 10, 12, 10, 30, tzinfo=dt.timezone(dt.timedelta(hours=3))
    )
    assert article.text.split("\n") == [
        "Първият абзац разказва какво се случи на срещата в община Русе днес.",
        "Вторият абзац добавя подробности, цифри и мнения на участниците в нея.",
    ]


def test_public_api_extract_never_raises_on_junk() -> None:
    for junk in (b"", b"\xff\xfe\x00", "<<<>>>", "<html><body></body></html>", b"\x00" * 10):
        article = newsarchive.extract(junk)
        assert isinstance(article.text, str)
