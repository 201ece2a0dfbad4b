"""Pull quotes told by the walk of the text as it enters them (``RepeatedPullQuotes``).

The walk asks of each element it enters, on a page read without its metadata too, inside
a furniture box walked later (a splice), and before a ``<pre>`` pull quote counts as
preformatted text (skipped whole, as the tables of contents are).
"""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from newsarchive.extraction.content import find_main_paragraphs

SENTENCES = (
    "Общинският съвет прие бюджета за следващата година след дълго обсъждане.",
    "Най-много пари ще отидат за ремонта на училищата и детските градини в селата.",
    "Кметът каза, че новите автобуси ще тръгнат по линиите още през пролетта.",
    "Жителите на квартала поискаха повече осветление по улиците край парка.",
)
PARAGRAPHS = "".join(f"<p>{s}</p>" for s in SENTENCES)


def _text(body: str) -> list[str]:
    page = f"<html><head><title>Бюджет</title></head><body>{body}</body></html>"
    return find_main_paragraphs(LexborHTMLParser(page))


def _quote(words: str, tag: str = "blockquote", word: str = "pullquote") -> str:
    return f"<{tag} class='{word}'><p>{words}</p></{tag}>"


def test_a_repeated_pull_quote_is_skipped_on_a_page_read_without_its_metadata() -> None:
    lines = _text(f"<article><h1>Бюджет</h1>{_quote(SENTENCES[1])}{PARAGRAPHS}</article>")
    assert lines.count(SENTENCES[1]) == 1
    assert lines[1:] == list(SENTENCES)
    own = "Това е най-добрият бюджет, който сме гласували досега."
    lines = _text(f"<article><h1>Бюджет</h1>{_quote(own, word='pull-quote')}{PARAGRAPHS}</article>")
    assert own in lines


def test_a_repeated_pull_quote_inside_a_box_walked_later_is_skipped_there_too() -> None:
    """The article in a sidebar's box: skipped by the page's walk, walked in a splice,
    which asks of its pull quotes as the page's walk does."""
    quote = _quote(SENTENCES[1], word="wp-block-pullquote")
    lines = _text(f"<div class='sidebar'><h1>Бюджет</h1>{quote}{PARAGRAPHS}</div>")
    assert lines == ["Бюджет", *SENTENCES]


def test_a_pre_pull_quote_skipped_leaves_the_text_after_it_unpreformatted() -> None:
    """Skipped before the walk takes it for preformatted text: a ``<b>`` after it (not
    entered as an element is) keeps its line breaks as any text's, one paragraph."""
    quote = _quote(SENTENCES[1], "pre")
    lines = _text(
        f"<div>{quote}<b>{SENTENCES[2]}\n\n{SENTENCES[3]}</b></div>"
        f"<p>{SENTENCES[0]}</p><p>{SENTENCES[1]}</p>"
    )
    assert lines[0] == f"{SENTENCES[2]} {SENTENCES[3]}"
    assert lines.count(SENTENCES[1]) == 1
