"""A tag with tens of thousands of attributes: lexbor looks each up among those before it
(2.2 s for 40,000), so ``tag_attributes`` drops those past ``MAX_ATTRIBUTES``.
Every way the tokenizer separates attributes must be counted as it counts them, and the
cheap look that spares ordinary pages the exact scan must never miss such a tag. Past
``MAX_NAMES`` names in a page, each new name's attributes go too (lexbor's table of the
page's names), and every tag and word stays."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from newsarchive.tag_attributes import (
    MAX_ATTRIBUTES,
    MAX_NAMES,
    cap_attributes,
    capped_attributes,
    may_hold_long_tag,
)

N = 3 * MAX_ATTRIBUTES
NAMES = [f"a{i}" for i in range(N)]
AFTER = "<p>Общинският съвет прие бюджета.</p>"

# Each: the hostile tag, as lexbor reads it a <div> of N attributes.
SHAPES: dict[str, str] = {
    "spaces": "<div " + " ".join(NAMES) + ">",
    "slashes": "<div/" + "/".join(NAMES) + ">",
    "newlines-tabs-uppercase": "<DIV\n" + "\n\t".join(n.upper() for n in NAMES) + ">",
    "quoted-gt-and-lt": "<div "
    + " ".join(f'{n}="<b>x</b>"' if i % 300 == 0 else n for i, n in enumerate(NAMES))
    + ">",
    "single-quoted-gt-no-separator": "<div " + "".join(f"{n}='>'" for n in NAMES) + ">",
    "unquoted-lt": "<div " + " ".join(f"{n}=<i" for n in NAMES) + ">",
    "spaced-equals": "<div " + " ".join(f'{n} = "v>"' for n in NAMES) + ">",
    "quote-in-name": "<div " + " ".join(f'{n}"' for n in NAMES) + ">",
    "gt-every-few-kb-in-a-long-value": "<div "
    + " ".join(
        f'{n} t="{">" * 3 + "x" * 5800}"' if i % 2000 == 0 else n for i, n in enumerate(NAMES)
    )
    + ">",
    "in-svg-style": "<svg><style><div " + " ".join(NAMES) + "></style></svg>",
}
# Attributes lexbor looks up and drops: an end tag's, a duplicate's.
DROPPED: dict[str, str] = {
    "duplicate-names": "<div " + " ".join(NAMES[:100]) + " a99" * N + ">",
    "end-tag": "<div>x</div " + " ".join(NAMES) + ">",
    "script-end-tag": "<script>var x = 1;</script " + " ".join(NAMES) + ">",
}


def _attributes(page: bytes) -> int:
    tree = LexborHTMLParser(page)
    return max(len(node.attributes) for node in tree.css("div"))


@pytest.mark.parametrize("shape", SHAPES)
def test_each_shape_is_cut_to_the_cap(shape: str) -> None:
    page = f"<html><body>{SHAPES[shape]}{AFTER}</body></html>".encode()
    assert _attributes(page) > MAX_ATTRIBUTES  # (the shape does what it says)
    assert may_hold_long_tag(page)
    capped = capped_attributes(page)
    assert 0 < _attributes(capped) <= MAX_ATTRIBUTES
    assert "Общинският съвет прие бюджета." in LexborHTMLParser(capped).text()


@pytest.mark.parametrize("shape", DROPPED)
def test_attributes_looked_up_and_dropped_are_cut_too(shape: str) -> None:
    page = f"<html><body>{DROPPED[shape]}{AFTER}</body></html>".encode()
    assert may_hold_long_tag(page)
    capped = capped_attributes(page)
    assert len(capped) < len(page) // 2
    assert capped.endswith(f">{AFTER}</body></html>".encode())


def test_the_first_attributes_stay_in_order() -> None:
    page = ("<div " + " ".join(NAMES) + ">x</div>").encode()
    node = LexborHTMLParser(cap_attributes(page)).css_first("div")
    assert node is not None
    assert list(node.attributes) == NAMES[:MAX_ATTRIBUTES]


def test_html_and_body_tags_merging_their_attributes_are_counted_together() -> None:
    """A second <html> or <body> adds its attributes to the first's, each looked up among
    those already there: 40,000 one-attribute <html> tags took 10 s."""
    page = ("<html><body>" + "".join(f"<html {n}><body {n}>" for n in NAMES)).encode()
    tree = LexborHTMLParser(cap_attributes(page))
    assert tree.root is not None and tree.body is not None
    assert len(tree.root.attributes) + len(tree.body.attributes) <= MAX_ATTRIBUTES


def test_a_scripts_text_and_a_comment_are_not_tags() -> None:
    """What looks like a long tag inside a script or a comment is text to the tokenizer
    and stays as it is."""
    fake = "<div " + " ".join(NAMES) + ">"
    page = f"<script>var s = '{fake}';</script><!-- {fake} --><p>x</p>".encode()
    assert cap_attributes(page) is page


def test_an_ordinary_page_is_left_alone_unscanned() -> None:
    row = '<div class="card" data-id="7"><a href="/n/7" title="a &gt; b">Заглавие</a></div>\n'
    page = ("<html><body>" + row * 2000 + "</body></html>").encode()
    assert not may_hold_long_tag(page)
    assert capped_attributes(page) is page


def test_a_tag_a_little_under_the_cap_is_left_alone() -> None:
    page = ("<div " + " ".join(NAMES[: MAX_ATTRIBUTES - 1]) + ">x</div>").encode()
    assert capped_attributes(page) is page


FORMS = ("{n}", "{n}=v", '{n}="<b>"', "{n}='a>b'", '{n} = ">"', "{n}=<i", '{n}"', "{n}=''")
SEPARATORS = (" ", "\n", "\t", " / ", "\r\n")  # ("/" alone: part of an unquoted value)


@settings(max_examples=25, deadline=None)
@given(
    forms=st.lists(st.sampled_from(FORMS), min_size=1, max_size=6),
    separator=st.sampled_from(SEPARATORS),
    padding=st.integers(0, 2 * MAX_ATTRIBUTES),
    long_value=st.integers(0, 3 * MAX_ATTRIBUTES),
)
def test_no_mix_of_forms_and_offsets_slips_past_the_look(
    forms: list[str], separator: str, padding: int, long_value: int
) -> None:
    """Attributes past the cap in any mix of the tokenizer's forms, at any offset from
    the look's places, with a quoted value holding ``>``s up to three strides long:
    the look names a place, the match finds the tag, the scan cuts it."""
    attributes = [forms[i % len(forms)].format(n=f"a{i}") for i in range(MAX_ATTRIBUTES + 1)]
    attributes.insert(len(attributes) // 2, 'v="' + ">x" * (long_value // 2) + '"')
    tag = "<div " + separator.join(attributes) + ">"
    page = ("<p>" + "x" * padding + "</p>" + tag + AFTER).encode()
    assert _attributes(page) > MAX_ATTRIBUTES
    assert may_hold_long_tag(page)
    capped = capped_attributes(page)
    assert capped is not page
    assert _attributes(capped) <= MAX_ATTRIBUTES


def _names(page: bytes) -> set[str]:
    """The page's distinct attribute names, as lexbor files them."""
    tree = LexborHTMLParser(page)
    return (
        {name for node in tree.root.traverse() for name in node.attributes} if tree.root else set()
    )


# Many attribute names in a page, each new: lexbor files each in one table of the
# document's, walking those before it (100,000 in 1,000-name tags: 3.6 s).
NAMED = {
    "one-per-div": "".join(f'<div class="c" a{i}></div>' for i in range(MAX_NAMES + 500)),
    "packed-in-tags": "".join(
        f'<b class="c" {" ".join(f"n{i}-{j}" for j in range(500))}>x</b>' for i in range(10)
    ),
    "upper-case-and-values": "".join(f"<I A{i}='>' B{i}=v>x</I>" for i in range(MAX_NAMES)),
}


@pytest.mark.parametrize("shape", NAMED)
def test_names_past_the_page_cap_are_dropped_and_every_tag_and_word_stays(shape: str) -> None:
    page = f"<html><body>{NAMED[shape]}{AFTER}</body></html>".encode()
    assert len(_names(page)) > MAX_NAMES  # (the shape does what it says)
    capped = cap_attributes(page)
    assert len(_names(capped)) <= MAX_NAMES
    before, after = LexborHTMLParser(page), LexborHTMLParser(capped)
    assert [node.tag for node in after.root.traverse()] == [  # type: ignore[union-attr]
        node.tag
        for node in before.root.traverse()  # type: ignore[union-attr]
    ]
    assert after.body is not None and before.body is not None
    assert after.body.text() == before.body.text()
    assert all(node.attributes.get("class") == "c" for node in after.css("div, b"))


def test_a_name_dropped_after_a_slash_does_not_close_the_tag() -> None:
    """``<g a0/new>`` cut to ``<g a0/>`` would be a self-closed <g> in SVG, its <rect> a
    sibling: the name's place is kept as a space."""
    seen = "".join(f"<i a{i}></i>" for i in range(MAX_NAMES))
    page = f"<html><body>{seen}<svg><g a0/new><rect/></g></svg></body></html>".encode()
    capped = cap_attributes(page)
    assert capped is not page and b"<g a0/ >" in capped
    tree = LexborHTMLParser(capped)
    assert [node.tag for node in tree.css("g > rect")] == ["rect"]


def test_as_many_names_as_the_cap_are_left_alone() -> None:
    page = "".join(f"<i a{i} A{i}=1></i>" for i in range(MAX_NAMES)).encode()
    assert cap_attributes(page) is page
